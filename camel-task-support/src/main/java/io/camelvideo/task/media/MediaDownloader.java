package io.camelvideo.task.media;

import io.camelvideo.task.http.ApiHttpClient;

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
import java.util.concurrent.Executor;
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

    private final ApiHttpClient http;
    private final Duration timeout;
    private final long maxBytes;
    private final Executor executor;
    private final Supplier<Path> spoolDirectory;

    /**
     * @param timeout        how long to wait for the response headers
     * @param maxBytes       the largest file accepted
     * @param executor       where the (blocking) copy to the spool file runs
     * @param spoolDirectory where spool files go (read at each download)
     */
    public MediaDownloader(ApiHttpClient http, Duration timeout, long maxBytes, Executor executor,
                           Supplier<Path> spoolDirectory) {
        this.http = http;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.executor = executor;
        this.spoolDirectory = spoolDirectory;
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
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return http.stream(request).thenApplyAsync(response -> spool(response, fileName, notAvailable), executor);
    }

    private MediaDownload spool(HttpResponse<InputStream> response, String fileName,
                                Function<Integer, RuntimeException> notAvailable) {
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw notAvailable.apply(response.statusCode());
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                throw tooLarge(fileName, declared + " bytes");
            }
            Path directory = spoolDirectory.get();
            Files.createDirectories(directory);
            Path file = Files.createTempFile(directory, "download-", ".part");
            try {
                long length = copy(body, file, fileName);
                String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
                return new MediaDownload(file, type, length, safeFileName(fileName));
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Download of " + fileName + " failed: " + e.getMessage(), e);
        }
    }

    /** Copies at most {@code maxBytes}; a longer body fails. */
    private long copy(InputStream body, Path file, String fileName) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge(fileName, "more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return total;
        }
    }

    private IllegalStateException tooLarge(String fileName, String size) {
        return new IllegalStateException("The download of " + fileName + " is " + size + ", over maxDownloadSize ("
                + maxBytes + " bytes)");
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
