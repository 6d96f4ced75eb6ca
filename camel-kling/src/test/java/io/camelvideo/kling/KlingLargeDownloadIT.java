package io.camelvideo.kling;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 256 MB video streamed to a file by a JVM with a 64 MB heap (failsafe runs this class with
 * {@code -Xmx64m}): a download held in memory would fail with OutOfMemoryError.
 */
class KlingLargeDownloadIT extends KlingTestSupport {

    private static final long PADDING = Long.getLong("large.download.bytes", 256L * 1024 * 1024);

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:make")
                        .to("kling:text2video?waitForCompletion=true&download=true")
                        .to("file:target/large-download");
            }
        };
    }

    @Test
    void largeVideoIsStreamedToTheFileWithASmallHeap() throws Exception {
        emulator.settings().videoPaddingBytes(PADDING);
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(256L * 1024 * 1024);

        Exchange out = send("direct:make", "a very long fox");

        assertThat(out.getException()).isNull();
        Path file = Path.of("target/large-download", out.getMessage().getHeader(KlingConstants.TASK_ID) + ".mp4");
        assertThat(Files.size(file)).isGreaterThan(PADDING);
        assertThat(new String(readHead(file), 4, 4)).isEqualTo("ftyp");
        Files.delete(file);
    }

    private static byte[] readHead(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        }
    }
}
