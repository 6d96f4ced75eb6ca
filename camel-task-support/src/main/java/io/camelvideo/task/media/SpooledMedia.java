package io.camelvideo.task.media;

import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.SynchronizationAdapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A downloaded file as a re-readable message body: an {@link InputStream} and a Camel
 * {@link StreamCache} over a spool file. Each exchange that holds it (the one it was made for, and
 * every copy a multicast, recipient list or splitter makes) counts as a user; the file is deleted
 * when the last of them completes. The completion hooks may be handed over, so a body that leaves a
 * sub-exchange (recipient list, enrich) lives as long as the exchange that receives it.
 *
 * <p>It is also a Camel {@link WrappedFile} of the spool file, so producers that take files copy it as
 * a file ({@code file:} with a kernel copy, {@code aws2-s3:} with its known length) instead of reading
 * it as a stream.
 */
public final class SpooledMedia extends InputStream implements StreamCache, WrappedFile<java.io.File> {

    private static final class SpoolFile {
        final Path path;
        final AtomicInteger users = new AtomicInteger();

        SpoolFile(Path path) {
            this.path = path;
        }

        void use(Exchange exchange) {
            users.incrementAndGet();
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    release();
                }
            });
        }

        void release() {
            if (users.decrementAndGet() <= 0) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private final SpoolFile file;
    private final long length;
    private final String fileName;
    private final String contentType;
    private FileChannel channel;
    private InputStream in;

    private SpooledMedia(SpoolFile file, long length, String fileName, String contentType) {
        this.file = file;
        this.length = length;
        this.fileName = fileName;
        this.contentType = contentType;
    }

    /**
     * Takes ownership of a download's spool file: it is deleted once {@code exchange} (and every copy)
     * completes.
     */
    public static SpooledMedia of(MediaDownload download, Exchange exchange) throws IOException {
        SpoolFile file = new SpoolFile(download.spoolFile());
        file.use(exchange);
        return new SpooledMedia(file, Files.size(download.spoolFile()), download.fileName(), download.contentType());
    }

    /** The file's safe name, e.g. {@code <jobId>_0.png}: for {@code split(body())} then {@code setHeader("CamelFileName", simple("${body.fileName}"))}. */
    /** The spool file (deleted when the last exchange holding this body completes: copy it, never move it). */
    @Override
    public java.io.File getFile() {
        return file.path.toFile();
    }

    /** This body itself. */
    @Override
    public Object getBody() {
        return this;
    }

    @Override
    public long getFileLength() {
        return length;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    private InputStream stream() throws IOException {
        if (in == null) {
            channel = FileChannel.open(file.path, StandardOpenOption.READ);
            in = Channels.newInputStream(channel);
        }
        return in;
    }

    @Override
    public int read() throws IOException {
        return stream().read();
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        return stream().read(buffer, offset, count);
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, length - position());
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
            channel = null;
        }
    }

    @Override
    public void reset() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        Files.copy(file.path, out);
    }

    /**
     * One more hold on the file that no exchange releases: the returned action does (once). For a
     * delivery that may be repeated with the same file instead of a new download.
     */
    public Runnable retain() {
        file.users.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                file.release();
            }
        };
    }

    @Override
    public StreamCache copy(Exchange exchange) {
        file.use(exchange);
        return new SpooledMedia(file, length, fileName, contentType);
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long position() {
        try {
            return channel == null ? 0 : channel.position();
        } catch (IOException e) {
            return 0;
        }
    }
}
