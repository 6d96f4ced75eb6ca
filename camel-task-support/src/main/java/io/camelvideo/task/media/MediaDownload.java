package io.camelvideo.task.media;

import java.nio.file.Path;

/**
 * A downloaded result file, spooled to disk: where it is, its content type and length, and a safe
 * file name. {@link SpooledMedia#of} turns it into a message body.
 */
public record MediaDownload(Path spoolFile, String contentType, long length, String fileName) {
}
