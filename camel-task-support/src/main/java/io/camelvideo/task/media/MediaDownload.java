package io.camelvideo.task.media;

import java.io.InputStream;

/**
 * A result file being downloaded: the open stream (the caller closes it, usually by letting Camel
 * route it to a file, FTP, S3 or mail endpoint), its content type and length (-1 when unknown), and
 * a safe file name.
 */
public record MediaDownload(InputStream stream, String contentType, long length, String fileName) {
}
