package io.camelvideo.legnext;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The image → video → 4 extensions chain as a YAML route under Camel Main, configured by application.properties. */
class LegnextYamlMainTest {

    @Test
    void yamlChainMakesATwentyOneSecondVideo() throws Exception {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            Main main = new Main();
            main.addInitialProperty("emulator.url", emulator.baseUrl());
            main.start();
            try {
                Exchange out = main.getCamelContext().createProducerTemplate().send("direct:yaml-chain",
                        exchange -> exchange.getMessage().setBody("a lighthouse in a storm"));

                assertThat(out.getException()).isNull();
                String jobId = out.getMessage().getHeader(LegnextConstants.JOB_ID, String.class);
                byte[] video = Files.readAllBytes(Path.of("target/legnext-yaml", jobId + "_0.mp4"));
                assertThat(LegnextChainTest.mvhdMillis(video)).isEqualTo(21_000);
            } finally {
                main.stop();
            }
        }
    }
}
