package io.camelvideo.emulator.legnext;

/**
 * What the emulator keeps of a valid submit.
 *
 * @param text       every prompt-like field joined, to look for the fail/block markers
 * @param source     the job a follow-up works on (variation, upscale, extend ...), or null
 * @param sourceNo   the {@code imageNo} / {@code videoNo} of the source, or -1
 */
record LegnextSubmit(LegnextTaskType type, String text, String callback, LegnextJob source, int sourceNo) {

    LegnextSubmit {
        text = text == null ? "" : text;
    }
}
