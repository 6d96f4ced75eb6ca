package io.camelvideo.emulator.kling;

/**
 * A video the emulator generated: what video-extend and video-to-audio may reference by
 * {@code video_id}. {@code availableAtMillis} is when its task succeeds.
 */
record KlingVideo(String id, String account, String url, long durationMillis, String model, long availableAtMillis) {
}
