package io.camelvideo.kling;

/** Which file of a finished task a download streams. */
public enum KlingDownloadFormat {
    /** The generated video (mp4). */
    video,
    /** The watermarked copy of the video (requires {@code watermark=true} at create). */
    watermarked,
    /** The generated soundtrack as mp3 (add-sound tasks). */
    mp3,
    /** The generated soundtrack as wav (add-sound tasks). */
    wav
}
