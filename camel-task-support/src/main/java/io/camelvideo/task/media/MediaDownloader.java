package io.camelvideo.task.media;

import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.Delays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Downloads result files (videos, audio, images) without ever holding one in memory: the HTTP body
 * is streamed into a spool file, which becomes a re-readable message body ({@link SpooledMedia}).
 * A plain {@code InputStream} body would be read into memory by Camel's default (non-spooling)
 * stream caching, which is how a 200 MB video fills a heap.
 * Only http(s) URLs are followed; file names are reduced to safe characters.
 */
public final class MediaDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloader.class);
    private static final String PART_PREFIX = "download-";
    private static final String PART_SUFFIX = ".part";

    /**
     * How long and how large a download may be.
     *
     * @param headers how long to wait for the response headers
     * @param idle    the longest time without a byte
     * @param total   the longest whole download, headers to last byte
     * @param maxBytes the largest file accepted
     */
    public record Limits(Duration headers, Duration idle, Duration total, long maxBytes) {
    }

    private final ApiHttpClient http;
    private final Limits limits;
    private final Delays delays;
    private final Supplier<Path> spoolDirectory;

    /**
     * @param delays         where the (blocking) copy to the spool file runs and the watchdog ticks
     * @param spoolDirectory where spool files go (read at each download)
     */
    public MediaDownloader(ApiHttpClient http, Limits limits, Delays delays, Supplier<Path> spoolDirectory) {
        this.http = http;
        this.limits = limits;
        this.delays = delays;
        this.spoolDirectory = spoolDirectory;
    }

    /**
     * Deletes partial downloads a process that died left in the spool directory: those older than the
     * longest a download may take (a live download is never that old).
     */
    public void deleteAbandonedPartFiles() {
        Path directory = spoolDirectory.get();
        if (!Files.isDirectory(directory)) {
            return;
        }
        long before = System.currentTimeMillis() - limits.total().toMillis();
        try (var files = Files.newDirectoryStream(directory, PART_PREFIX + "*" + PART_SUFFIX)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toMillis() < before && Files.deleteIfExists(file)) {
                    LOG.info("Deleted {}, a partial download left by a process that stopped", file);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not look for abandoned partial downloads in {}: {}", directory, e.getMessage());
        }
    }

    /**
     * Downloads {@code url}.
     *
     * @param fileName     the name to give the file (sanitized here)
     * @param notAvailable builds the error for a non-2xx answer from its HTTP status (e.g. the 404 of an
     *                     expired result, naming the task)
     */
    public CompletableFuture<MediaDownload> download(String url, String fileName,
                                                     Function<Integer, RuntimeException> notAvailable) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Not a valid result URL: " + url, e));
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Refusing to download from a non-http(s) URL (" + uri.getScheme() + ":)"));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(limits.headers()).GET().build();
        Watchdog watchdog = new Watchdog(fileName, System.currentTimeMillis());
        CompletableFuture<HttpResponse<InputStream>> response = http.stream(request);
        watchdog.watch(response);
        return response.thenApplyAsync(answer -> spool(answer, fileName, notAvailable, watchdog), delays.workers())
                .whenComplete((done, error) -> watchdog.stop());
    }

    /**
     * Ends a download that stalls or takes too long: checks the progress on the component's scheduler
     * and closes the body (which cancels the request), so the blocked read fails and the partial file
     * is deleted.
     */
    private final class Watchdog {
        private final String fileName;
        private final long startedAt;
        private volatile long lastProgress;
        private volatile InputStream body;
        private volatile String verdict;
        private volatile boolean stopped;
        private CompletableFuture<HttpResponse<InputStream>> response;

        Watchdog(String fileName, long now) {
            this.fileName = fileName;
            this.startedAt = now;
            this.lastProgress = now;
        }

        void watch(CompletableFuture<HttpResponse<InputStream>> response) {
            this.response = response;
            schedule();
        }

        void progress(InputStream stream) {
            body = stream;
            lastProgress = System.currentTimeMillis();
        }

        void stop() {
            stopped = true;
        }

        private void schedule() {
            long tick = Math.max(10, Math.min(1_000, Math.min(limits.idle().toMillis(), limits.total().toMillis()) / 4));
            delays.after(Duration.ofMillis(tick), () -> {
                check();
                return CompletableFuture.completedFuture(null);
            });
        }

        private void check() {
            if (stopped) {
                return;
            }
            long now = System.currentTimeMillis();
            if (now - startedAt > limits.total().toMillis()) {
                end("took longer than maxDownloadTime (" + limits.total().toSeconds() + " s)");
            } else if (body != null && now - lastProgress > limits.idle().toMillis()) {
                end("received no byte for " + (now - lastProgress) / 1000 + " s (downloadIdleTimeout "
                        + limits.idle().toSeconds() + " s)");
            } else {
                schedule();
            }
        }

        private void end(String why) {
            verdict = why;
            response.cancel(true);
            InputStream stream = body;
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException e) {
                    // closing is all we wanted
                }
            }
        }

        /** The failure to report for a read that ended early, or null when the watchdog did not end it. */
        IOException failure(IOException cause) {
            return verdict == null ? null : new IOException("The download of " + fileName + " " + verdict
                    + "; it was cancelled and the partial file deleted", cause);
        }
    }

    private MediaDownload spool(HttpResponse<InputStream> response, String fileName,
                                Function<Integer, RuntimeException> notAvailable, Watchdog watchdog) {
        try (InputStream body = response.body()) {
            watchdog.progress(body);
            if (response.statusCode() / 100 == 3) {
                // a redirect the client did not follow: to another scheme (file:, ftp:) or from https to http
                throw new MediaDownloadException("The download of " + fileName + " was redirected (HTTP "
                        + response.statusCode() + ") to " + response.headers().firstValue("Location").orElse("nowhere")
                        + ", which is not followed: only http(s), and never from https to http");
            }
            if (response.statusCode() / 100 != 2) {
                throw notAvailable.apply(response.statusCode());
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limits.maxBytes()) {
                throw tooLarge(fileName, declared + " bytes");
            }
            Path directory = spoolDirectory.get();
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, PART_PREFIX, PART_SUFFIX);
            try {
                long length = copy(body, file, fileName, watchdog);
                String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
                return new MediaDownload(file, type, length, safeFileName(fileName));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (IOException e) {
            IOException ended = watchdog.failure(e);
            throw ended != null ? new UncheckedIOException(ended.getMessage(), ended)
                    : new UncheckedIOException("Download of " + fileName + " failed: " + e.getMessage(), e);
        }
    }

    /** Copies at most {@code maxBytes}; a longer body fails. */
    private long copy(InputStream body, Path file, String fileName, Watchdog watchdog) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                watchdog.progress(body);
                total += n;
                if (total > limits.maxBytes()) {
                    throw tooLarge(fileName, "more than " + limits.maxBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return total;
        }
    }

    private MediaDownloadException tooLarge(String fileName, String size) {
        return new MediaDownloadException("The download of " + fileName + " is " + size + ", over maxDownloadSize ("
                + limits.maxBytes() + " bytes)");
    }

    /** Keeps letters, digits, dot, dash and underscore; never returns a name that starts with a dot. */
    public static String safeFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        while (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        return safe.isEmpty() ? "download" : safe;
    }
}
