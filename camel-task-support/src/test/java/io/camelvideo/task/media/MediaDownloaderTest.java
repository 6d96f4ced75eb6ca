package io.camelvideo.task.media;

import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.Delays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        MediaDownloader downloader = new MediaDownloader(new ApiHttpClient(Duration.ofSeconds(1),
                new Delays(Executors.newSingleThreadScheduledExecutor(), ForkJoinPool.commonPool())),
                Duration.ofSeconds(1), 1_000, ForkJoinPool.commonPool(), () -> Path.of(System.getProperty("java.io.tmpdir")));

        assertThatThrownBy(() -> downloader.download("file:///etc/passwd", "x", status -> new IllegalStateException()).get())
                .isInstanceOf(ExecutionException.class).hasMessageContaining("non-http(s)");
    }
}
