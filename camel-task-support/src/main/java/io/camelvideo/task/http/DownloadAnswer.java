package io.camelvideo.task.http;

/** What the answer to a file download was: the file saved, a redirect, or another status. */
public sealed interface DownloadAnswer {

    /** A 2xx body, saved: its length and declared content type (null when none). */
    record Saved(long bytes, String contentType) implements DownloadAnswer {
    }

    /** A 3xx answer and its {@code Location} (null when absent); nothing was saved. */
    record Moved(int status, String location) implements DownloadAnswer {
    }

    /** Any other answer, by its status; nothing was saved. */
    record Refused(int status) implements DownloadAnswer {
    }
}
