package io.camelvideo.emulator.kling;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the emulator keeps of a valid create request.
 *
 * @param text            every prompt-like field joined, to look for the fail/block markers
 * @param durationMillis  the length of the generated video
 * @param parentVideo     the source video (extend, video-to-audio by id), or null
 * @param images          how many images an image task makes (0 for other kinds)
 * @param resource        what an element or voice task echoes in its result (null for other kinds)
 */
record KlingCreate(KlingKind kind, String model, String mode, String text, long durationMillis, String externalTaskId,
                   String callbackUrl, boolean watermark, KlingVideo parentVideo, int images, JsonNode resource) {

    /** A create whose result is a video (or audio), not images. */
    KlingCreate(KlingKind kind, String model, String mode, String text, long durationMillis, String externalTaskId,
                String callbackUrl, boolean watermark, KlingVideo parentVideo) {
        this(kind, model, mode, text, durationMillis, externalTaskId, callbackUrl, watermark, parentVideo, 0, null);
    }
}
