package io.camelvideo.task.media;

import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.BodyTooLargeException;
import io.camelvideo.task.http.DownloadAnswer;
import io.camelvideo.task.http.Delays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Downloads result files (videos, audio, images) without ever holding one in memory: the HTTP body
 * is written into a spool file as it arrives (on the I/O thread, no stream in between), which becomes
 * a re-readable message body ({@link SpooledMedia}).
 * A plain {@code InputStream} body would be read into memory by Camel's default (non-spooling)
 * stream caching, which is how a 200 MB video fills a heap.
 * Only http(s) URLs are followed; file names are reduced to safe characters.
 */
public final class MediaDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloader.class);
    private static final String PART_PREFIX = "download-";
    private static final String PART_SUFFIX = ".part";
    /** How many redirects a download follows. */
    static final int MAX_REDIRECTS = 5;

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
     * Downloads {@code url} into a spool file, following up to {@value #MAX_REDIRECTS} http(s) redirects
     * (never from https to http).
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
        if (!isHttp(uri)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Refusing to download from a non-http(s) URL (" + uri.getScheme() + ":)"));
        }
        Path file;
        try {
            Path directory = spoolDirectory.get();
            Files.createDirectories(directory);
            file = Files.createTempFile(directory, PART_PREFIX, PART_SUFFIX);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("Download of " + fileName
                    + " failed: the spool file cannot be created: " + e.getMessage(), e));
        }
        Watchdog watchdog = new Watchdog(fileName, System.currentTimeMillis());
        return fetch(uri, file, fileName, notAvailable, watchdog, 0).whenComplete((done, error) -> {
            watchdog.stop();
            if (error != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.debug("Could not delete the partial download {}: {}", file, e.getMessage());
                }
            }
        });
    }

    private CompletableFuture<MediaDownload> fetch(URI uri, Path file, String fileName,
                                                   Function<Integer, RuntimeException> notAvailable, Watchdog watchdog,
                                                   int redirects) {
        CompletableFuture<DownloadAnswer> transfer = http.download(uri, file, limits.maxBytes(), watchdog::progress);
        watchdog.watch(transfer);
        return transfer.handle((answer, error) -> {
            if (error != null) {
                throw failure(fileName, ApiHttpClient.unwrap(error), watchdog);
            }
            if (answer instanceof DownloadAnswer.Saved saved) {
                String type = saved.contentType() != null ? saved.contentType() : "application/octet-stream";
                return CompletableFuture.completedFuture(new MediaDownload(file, type, saved.bytes(), safeFileName(fileName)));
            }
            if (answer instanceof DownloadAnswer.Moved moved) {
                URI next = moved.location() == null ? null : uri.resolve(moved.location());
                if (next == null || !isHttp(next) || ("https".equalsIgnoreCase(uri.getScheme())
                        && "http".equalsIgnoreCase(next.getScheme())) || redirects >= MAX_REDIRECTS) {
                    throw new MediaDownloadException("The download of " + fileName + " was redirected (HTTP "
                            + moved.status() + ") to " + (moved.location() != null ? moved.location() : "nowhere")
                            + ", which is not followed: only http(s), never from https to http, at most "
                            + MAX_REDIRECTS + " times");
                }
                return fetch(next, file, fileName, notAvailable, watchdog, redirects + 1);
            }
            throw notAvailable.apply(((DownloadAnswer.Refused) answer).status());
        }).thenCompose(Function.identity());
    }

    /** The error a failed transfer reports: over the size limit, ended by the watchdog, or the network's. */
    private RuntimeException failure(String fileName, Throwable cause, Watchdog watchdog) {
        if (cause instanceof BodyTooLargeException large) {
            return tooLarge(fileName, large.declared() ? large.bytes() + " bytes" : "more than " + large.bytes() + " bytes");
        }
        if (cause instanceof RuntimeException runtime && !(cause instanceof java.util.concurrent.CancellationException)) {
            return runtime;
        }
        String verdict = watchdog.verdict;
        if (verdict != null) {
            return new UncheckedIOException("The download of " + fileName + " " + verdict
                    + "; it was cancelled and the partial file deleted", new IOException(verdict, cause));
        }
        IOException io = cause instanceof IOException e ? e : new IOException(cause);
        return new UncheckedIOException("Download of " + fileName + " failed: " + cause.getMessage(), io);
    }

    private static boolean isHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * Ends a download that stalls or takes too long: checks the progress on the component's scheduler
     * and cancels the transfer, so its connection closes and the partial file is deleted.
     */
    private final class Watchdog {
        private final String fileName;
        private final long startedAt;
        private volatile long lastProgress;
        private volatile boolean answered;
        private volatile String verdict;
        private volatile boolean stopped;
        private volatile CompletableFuture<DownloadAnswer> transfer;

        Watchdog(String fileName, long now) {
            this.fileName = fileName;
            this.startedAt = now;
            this.lastProgress = now;
        }

        /** Watches the transfer of the current hop (a redirect starts another). */
        void watch(CompletableFuture<DownloadAnswer> next) {
            boolean first = transfer == null;
            transfer = next;
            if (first) {
                schedule();
            }
        }

        /** Bytes arrived (or the answer's headers: 0). */
        void progress(long bytes) {
            answered = true;
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
            } else if (!answered && now - startedAt > limits.headers().toMillis()) {
                end("had no answer after " + (now - startedAt) / 1000 + " s (downloadTimeout " + limits.headers().toSeconds() + " s)");
            } else if (answered && now - lastProgress > limits.idle().toMillis()) {
                end("received no byte for " + (now - lastProgress) / 1000 + " s (downloadIdleTimeout "
                        + limits.idle().toSeconds() + " s)");
            } else {
                schedule();
            }
        }

        private void end(String why) {
            verdict = why;
            LOG.debug("The download of {} {}: cancelled", fileName, why);
            CompletableFuture<DownloadAnswer> current = transfer;
            if (current != null) {
                current.cancel(true);
            }
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
