package io.camelvideo.legnext;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** diffusion → videoDiffusion → extendVideo ×4 → a 21 s video in a file, with no glue beyond headers. */
class LegnextChainTest extends LegnextTestSupport {

    private final List<String> written = new CopyOnWriteArrayList<>();

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:chain")
                        .to("legnext:diffusion?waitForCompletion=true")
                        .to("legnext:videoDiffusion?imageNo=0&waitForCompletion=true")
                        .loop(4).to("legnext:extendVideo?videoNo=0&waitForCompletion=true").end()
                        .to("legnext:job?waitForCompletion=true&download=true&downloadOutput=0")
                        .to("file:target/legnext-chain");
                from("direct:all-images")
                        .to("legnext:diffusion?waitForCompletion=true&download=true")
                        .split(body())
                            .setHeader(Exchange.FILE_NAME, simple("${body.fileName}"))
                            .to("file:target/legnext-images")
                            .process(e -> written.add(e.getMessage().getHeader(Exchange.FILE_NAME, String.class)))
                        .end();
            }
        };
    }

    @Test
    void imageToVideoToFourExtensionsMakesATwentyOneSecondVideoFile() throws Exception {
        Exchange out = send("direct:chain", "a lighthouse in a storm --v 7");

        assertThat(out.getException()).isNull();
        String jobId = out.getMessage().getHeader(LegnextConstants.JOB_ID, String.class);
        assertThat(out.getMessage().getHeader(LegnextConstants.TASK_TYPE)).isEqualTo("extend_video");
        Path video = Path.of("target/legnext-chain", jobId + "_0.mp4");
        byte[] bytes = Files.readAllBytes(video);
        assertThat(new String(bytes, 4, 4)).isEqualTo("ftyp");
        assertThat(mvhdMillis(bytes)).isEqualTo(21_000);
        assertThat(emulator.journal().count("POST", "/api/v1/extend-video")).isEqualTo(4);
    }

    @Test
    void downloadingAllOutputsGivesAListThatSplitsIntoFiles() {
        Exchange out = send("direct:all-images", "four cats");

        assertThat(out.getException()).isNull();
        String jobId = out.getMessage().getHeader(LegnextConstants.JOB_ID, String.class);
        assertThat(written).containsExactly(jobId + "_0.png", jobId + "_1.png", jobId + "_2.png", jobId + "_3.png");
        assertThat(Path.of("target/legnext-images", jobId + "_3.png")).exists();
    }

    static long mvhdMillis(byte[] mp4) {
        ByteBuffer buffer = ByteBuffer.wrap(mp4);
        for (int i = 0; i + 24 < mp4.length; i++) {
            if (mp4[i] == 'm' && mp4[i + 1] == 'v' && mp4[i + 2] == 'h' && mp4[i + 3] == 'd') {
                return (buffer.getInt(i + 20) & 0xFFFFFFFFL) * 1000 / (buffer.getInt(i + 16) & 0xFFFFFFFFL);
            }
        }
        throw new AssertionError("no mvhd box");
    }
}
