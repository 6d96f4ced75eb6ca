package io.camelvideo.task.media;

import io.camelvideo.task.http.ApiHttpClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Streams result files (videos, audio, images): the body is never read into memory, only http(s)
 * URLs are followed, and the file name is reduced to safe characters so it cannot leave a target
 * directory.
 */
public final class MediaDownloader {

    private final ApiHttpClient http;
    private final Duration timeout;

    /** @param timeout how long to wait for the response headers */
    public MediaDownloader(ApiHttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /**
     * Starts the download of {@code url}.
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
                    "Refusing to download from a non-http(s) URL: " + uri.getScheme() + ":..."));
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return http.stream(request).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                close(response.body());
                throw notAvailable.apply(response.statusCode());
            }
            String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new MediaDownload(response.body(), type, length, safeFileName(fileName));
        });
    }

    /** Keeps letters, digits, dot, dash and underscore; never returns a name that starts with a dot. */
    public static String safeFileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        while (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        return safe.isEmpty() ? "download" : safe;
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
