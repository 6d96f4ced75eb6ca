package io.camelvideo.task.http;

import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.apache.hc.core5.http.protocol.HttpContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes a response body straight into a file as the bytes arrive on the I/O thread (no stream, no
 * copy through the heap beyond the socket buffer): a 2xx body is saved; a redirect or an error answer
 * is reported by its status, and its (small) body discarded; a body over {@code maxBytes} fails as soon
 * as that is known (from its declared length, before any byte is written).
 */
final class FileResponseConsumer implements AsyncResponseConsumer<DownloadAnswer> {

    private final Path file;
    private final long maxBytes;
    private final LongConsumer progress;
    private FileChannel channel;
    private DownloadAnswer result;
    private FutureCallback<DownloadAnswer> callback;
    private long written;

    /** @param progress told the bytes written so far after each chunk (the download's watchdog) */
    FileResponseConsumer(Path file, long maxBytes, LongConsumer progress) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.progress = progress;
    }

    @Override
    public void consumeResponse(HttpResponse response, EntityDetails entity, HttpContext context, FutureCallback<DownloadAnswer> done)
            throws IOException {
        progress.accept(0);
        int status = response.getCode();
        if (status / 100 == 3) {
            Header location = response.getFirstHeader("Location");
            result = new DownloadAnswer.Moved(status, location != null ? location.getValue() : null);
        } else if (status / 100 != 2) {
            result = new DownloadAnswer.Refused(status);
        } else {
            if (entity != null && entity.getContentLength() > maxBytes) {
                throw new BodyTooLargeException(entity.getContentLength(), true);
            }
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Header type = response.getFirstHeader("Content-Type");
            result = new DownloadAnswer.Saved(0, entity != null && entity.getContentType() != null ? entity.getContentType()
                    : type != null ? type.getValue() : null);
        }
        if (entity == null) {
            close();
            done.completed(result);
        } else {
            callback = done;
        }
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
        // 1xx: nothing to do
    }

    @Override
    public void updateCapacity(CapacityChannel capacity) throws IOException {
        capacity.update(Integer.MAX_VALUE); // written as it comes: the socket buffer is the only buffer
    }

    @Override
    public void consume(ByteBuffer src) throws IOException {
        if (channel == null) {
            src.position(src.limit()); // the body of a redirect or an error answer
            return;
        }
        written += src.remaining();
        if (written > maxBytes) {
            throw new BodyTooLargeException(maxBytes, false);
        }
        while (src.hasRemaining()) {
            channel.write(src);
        }
        progress.accept(written);
    }

    @Override
    public void streamEnd(List<? extends Header> trailers) throws IOException {
        close();
        if (result instanceof DownloadAnswer.Saved saved) {
            result = new DownloadAnswer.Saved(written, saved.contentType());
        }
        if (callback != null) {
            callback.completed(result);
        }
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        try {
            close();
        } catch (IOException e) {
            // the download failed anyway; its file is deleted by the caller
        }
    }

    private void close() throws IOException {
        if (channel != null) {
            FileChannel open = channel;
            channel = null;
            open.close();
        }
    }
}
