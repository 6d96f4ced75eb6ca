package io.camelvideo.task.media;

import com.sun.net.httpserver.HttpServer;
import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.Delays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Safe names, http(s) only, and downloads bounded in time that leave no file behind. */
class MediaDownloaderTest {

    @ParameterizedTest(name = "[{index}] -> {1}")
    @CsvSource({"../../etc/passwd,_._.._etc_passwd", "860000000000000123.mp4,860000000000000123.mp4",
            "..hidden,_.hidden", "a b/c\\d.png,a_b_c_d.png", "'',download"})
    void fileNamesCannotLeaveTheTargetDirectory(String name, String safe) {
        String result = MediaDownloader.safeFileName(name);

        assertThat(result).isEqualTo(safe);
        assertThat(Path.of("/target").resolve(result).normalize().getParent()).isEqualTo(Path.of("/target"));
    }

    @Test
    void onlyHttpUrlsAreFollowed() {
        MediaDownloader downloader = downloader(new MediaDownloader.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 1_000), Path.of(System.getProperty("java.io.tmpdir")));

        assertThatThrownBy(() -> downloader.download("file:///etc/passwd", "x", status -> new IllegalStateException()).get())
                .isInstanceOf(ExecutionException.class).hasMessageContaining("non-http(s)");
    }

    private static final Delays DELAYS = new Delays(Executors.newSingleThreadScheduledExecutor(), ForkJoinPool.commonPool());

    private static MediaDownloader downloader(MediaDownloader.Limits limits, Path spool) {
        return new MediaDownloader(new ApiHttpClient(Duration.ofSeconds(1), DELAYS), limits, DELAYS, () -> spool);
    }

    /** A media server that sends its headers, then {@code bytes} bytes {@code every} ms apart, then stalls. */
    private static HttpServer drip(int bytes, long every) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 1_000_000);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < bytes; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(every);
                }
                Thread.sleep(10_000);
            } catch (InterruptedException | IOException e) {
                // the client went away
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    @Test
    void aDownloadThatStallsIsCancelledAndLeavesNoFile(@TempDir Path spool) throws Exception {
        HttpServer server = drip(5, 10);
        try {
            MediaDownloader downloader = downloader(new MediaDownloader.Limits(Duration.ofSeconds(5), Duration.ofMillis(300),
                    Duration.ofSeconds(30), 10_000_000), spool);
            long started = System.nanoTime();

            assertThatThrownBy(() -> downloader.download("http://127.0.0.1:" + server.getAddress().getPort() + "/v.mp4",
                    "v.mp4", status -> new IllegalStateException("HTTP " + status)).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("received no byte")
                    .hasMessageContaining("downloadIdleTimeout");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
            try (var files = Files.list(spool)) {
                assertThat(files.toList()).as("partial files left").isEmpty();
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDownloadThatDripsPastItsDeadlineIsCancelledAndLeavesNoFile(@TempDir Path spool) throws Exception {
        HttpServer server = drip(1_000, 50);
        try {
            MediaDownloader downloader = downloader(new MediaDownloader.Limits(Duration.ofSeconds(5), Duration.ofSeconds(5),
                    Duration.ofMillis(800), 10_000_000), spool);

            assertThatThrownBy(() -> downloader.download("http://127.0.0.1:" + server.getAddress().getPort() + "/v.mp4",
                    "v.mp4", status -> new IllegalStateException("HTTP " + status)).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("took longer than maxDownloadTime");

            try (var files = Files.list(spool)) {
                assertThat(files.toList()).as("partial files left").isEmpty();
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void partialFilesLeftByADeadProcessAreDeletedAtStartButLiveOnesAreNot(@TempDir Path spool) throws Exception {
        Path abandoned = Files.writeString(spool.resolve("download-123.part"), "half a video");
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path live = Files.writeString(spool.resolve("download-456.part"), "being written");
        Path other = Files.writeString(spool.resolve("keep.mp4"), "a finished file");
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(0));

        downloader(new MediaDownloader.Limits(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(30), 1_000), spool)
                .deleteAbandonedPartFiles();

        assertThat(abandoned).doesNotExist();
        assertThat(live).exists();
        assertThat(other).exists();
    }
}
