package io.camelvideo.kling;

import io.camelvideo.kling.api.KlingApiException;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.media.MediaBodies;
import io.camelvideo.task.media.MediaDownload;
import io.camelvideo.task.media.MediaDownloadException;
import io.camelvideo.task.media.MediaDownloader;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.List;
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
                                            KlingDownloadFormat defaultFormat, Integer imageIndex) {
        Message message = exchange.getMessage();
        String header = message.getHeader(KlingConstants.FORMAT, String.class);
        KlingDownloadFormat format;
        try {
            format = header != null ? KlingDownloadFormat.valueOf(header.trim()) : defaultFormat;
        } catch (IllegalArgumentException e) {
            throw new KlingValidationException("format", "must be video, watermarked, mp3 or wav (header "
                    + KlingConstants.FORMAT + " was '" + header + "')");
        }
        if (!task.images().isEmpty()) {
            // an image task: every image (one file or a list), or the one of imageIndex; the video formats do not apply
            List<KlingTask.Image> chosen = task.images();
            if (imageIndex != null) {
                if (imageIndex < 0 || imageIndex >= chosen.size()) {
                    throw new MediaDownloadException("Kling task " + task.taskId() + " has " + chosen.size() + " image(s):"
                            + " imageIndex " + imageIndex + " is not one of them (0 to " + (chosen.size() - 1) + ")");
                }
                chosen = List.of(chosen.get(imageIndex));
            }
            List<CompletableFuture<MediaDownload>> images = chosen.stream()
                    .map(image -> downloader.download(image.url(), task.taskId() + "_" + image.index() + ".png",
                            status -> notAvailable(status, "image " + image.index(), task)))
                    .toList();
            return MediaBodies.set(exchange, images, images.size() > 1);
        }
        String url = url(task, format);
        String fileName = task.taskId() + switch (format) {
            case video -> ".mp4";
            case watermarked -> "_watermarked.mp4";
            case mp3 -> ".mp3";
            case wav -> ".wav";
        };
        KlingDownloadFormat asked = format;
        return MediaBodies.set(exchange, List.of(downloader.download(url, fileName,
                status -> notAvailable(status, "the " + asked, task))), false);
    }

    private static KlingApiException notAvailable(int status, String what, KlingTask task) {
        return KlingApiException.of(status, null, what + " of task " + task.taskId() + " is not available (Kling deletes"
                + " results after 30 days; query the task again for fresh URLs)", null, null);
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
            throw new MediaDownloadException("Kling task " + task.taskId() + " has no " + format + " to download: " + hint);
        }
        return url;
    }
}
