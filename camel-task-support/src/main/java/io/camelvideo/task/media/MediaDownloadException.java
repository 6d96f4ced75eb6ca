package io.camelvideo.task.media;

/**
 * A result file that cannot be downloaded, and that trying again would not help: the task has no
 * file of the kind asked for, a redirect leaves http(s), or the file is larger than
 * {@code maxDownloadSize}. (Network failures stay {@link java.io.IOException}s and are retried.)
 */
public class MediaDownloadException extends RuntimeException {

    public MediaDownloadException(String message) {
        super(message);
    }
}
