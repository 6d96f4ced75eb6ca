package io.camelvideo.kling;

import io.camelvideo.kling.api.KlingApiException;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.media.MediaDownload;
import io.camelvideo.task.media.MediaDownloader;
import io.camelvideo.task.media.SpooledMedia;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * Replaces a message's body with a finished task's file (producer and consumer alike): the format
 * from header {@code CamelKlingFormat} or the endpoint, {@code CamelFileName} = {@code <taskId>.mp4}
 * ({@code _watermarked.mp4}, {@code .mp3}, {@code .wav}), content type and length.
 */
final class KlingDownloads {

    private KlingDownloads() {
    }

    static CompletableFuture<Void> download(Exchange exchange, KlingTask task, MediaDownloader downloader,
                                            KlingDownloadFormat defaultFormat) {
        Message message = exchange.getMessage();
        String header = message.getHeader(KlingConstants.FORMAT, String.class);
        KlingDownloadFormat format;
        try {
            format = header != null ? KlingDownloadFormat.valueOf(header.trim()) : defaultFormat;
        } catch (IllegalArgumentException e) {
            throw new KlingValidationException("format", "must be video, watermarked, mp3 or wav (header "
                    + KlingConstants.FORMAT + " was '" + header + "')");
        }
        String url = url(task, format);
        String fileName = task.taskId() + switch (format) {
            case video -> ".mp4";
            case watermarked -> "_watermarked.mp4";
            case mp3 -> ".mp3";
            case wav -> ".wav";
        };
        KlingDownloadFormat chosen = format;
        return downloader.download(url, fileName, status -> KlingApiException.of(status, null, "the " + chosen
                        + " of task " + task.taskId() + " is not available (Kling deletes results after 30 days; query the"
                        + " task again for fresh URLs)", null, null))
                .thenAccept(media -> setMedia(exchange, media));
    }

    private static void setMedia(Exchange exchange, MediaDownload media) {
        Message message = exchange.getMessage();
        try {
            message.setBody(SpooledMedia.of(media, exchange));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        message.setHeader(Exchange.FILE_NAME, media.fileName());
        message.setHeader(Exchange.CONTENT_TYPE, media.contentType());
        message.setHeader(Exchange.CONTENT_LENGTH, media.length());
    }

    private static String url(KlingTask task, KlingDownloadFormat format) {
        KlingTask.Video video = task.video();
        KlingTask.Audio audio = task.audio();
        String url = switch (format) {
            case video -> video == null ? null : video.url();
            case watermarked -> video == null ? null : video.watermarkUrl();
            case mp3 -> audio == null ? null : audio.mp3();
            case wav -> audio == null ? null : audio.wavUrl();
        };
        if (url == null) {
            String hint = switch (format) {
                case watermarked -> "create it with watermark=true";
                case mp3, wav -> "mp3 and wav exist only for addSound tasks";
                default -> "the task reported no video";
            };
            throw new IllegalStateException("Kling task " + task.taskId() + " has no " + format + " to download: " + hint);
        }
        return url;
    }
}
