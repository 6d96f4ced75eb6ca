package io.camelvideo.task.http;

import java.io.IOException;

/** A download's body is over the size allowed: known from its declared length, or while it arrived. */
public final class BodyTooLargeException extends IOException {

    private final long bytes;
    private final boolean declared;

    BodyTooLargeException(long bytes, boolean declared) {
        super((declared ? "declared " : "more than ") + bytes + " bytes");
        this.bytes = bytes;
        this.declared = declared;
    }

    /** The declared length, or the limit that was passed. */
    public long bytes() {
        return bytes;
    }

    /** Whether the answer declared the length (nothing was written). */
    public boolean declared() {
        return declared;
    }
}
