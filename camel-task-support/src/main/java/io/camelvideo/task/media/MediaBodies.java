package io.camelvideo.task.media;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Downloaded files as a message body, the same for both components: one file is the body, with
 * {@code CamelFileName}, {@code Content-Type} and {@code Content-Length}; several are a {@code List} of
 * re-readable streams, each with {@code getFileName()}, for {@code split(body())}.
 */
public final class MediaBodies {

    private MediaBodies() {
    }

    /** Waits for every download, then sets them as the body (a list when {@code asList}, else the first file). */
    public static CompletableFuture<Void> set(Exchange exchange, List<CompletableFuture<MediaDownload>> downloads, boolean asList) {
        return CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new)).thenAccept(done -> {
            Message message = exchange.getMessage();
            try {
                List<SpooledMedia> files = new ArrayList<>();
                for (CompletableFuture<MediaDownload> download : downloads) {
                    files.add(SpooledMedia.of(download.join(), exchange));
                }
                if (asList) {
                    message.setBody(files);
                    return;
                }
                SpooledMedia file = files.get(0);
                message.setBody(file);
                message.setHeader(Exchange.FILE_NAME, file.getFileName());
                message.setHeader(Exchange.CONTENT_TYPE, file.getContentType());
                message.setHeader(Exchange.CONTENT_LENGTH, file.length());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
