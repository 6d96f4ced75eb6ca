package io.camelvideo.kling;

/** A step of a multi-elements selection ({@code kling:multiElementsSelection}), answered at once. */
public enum KlingSelectionAction {
    /** Initialise a video ({@code videoId} or {@code videoUrl}, 2–5 s or 7–10 s): header {@code CamelKlingSessionId}. */
    init,
    /** Mark points (the body's {@code points: [{x, y}]}, 0 to 1 from the top left) on frame {@code frameIndex}. */
    add,
    /** Unmark points marked before on frame {@code frameIndex}. */
    delete,
    /** Unmark everything. */
    clear,
    /** Preview the tracked selection: a video, its cover and the tracking output. */
    preview;

    /** The API path of this step below {@code /videos/multi-elements}. */
    String path() {
        return "/" + name() + "-selection";
    }
}
