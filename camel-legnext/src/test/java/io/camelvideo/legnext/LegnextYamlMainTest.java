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

    @Test
    void yamlChainUpscalesTheFirstImageAndCutsItOut() throws Exception {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            Main main = new Main();
            main.addInitialProperty("emulator.url", emulator.baseUrl());
            main.start();
            try {
                Exchange out = main.getCamelContext().createProducerTemplate().send("direct:yaml-cutout",
                        exchange -> exchange.getMessage().setBody("a red teapot"));

                assertThat(out.getException()).isNull();
                assertThat(out.getMessage().getHeader(LegnextConstants.TASK_TYPE)).isEqualTo("remove_background");
                String jobId = out.getMessage().getHeader(LegnextConstants.JOB_ID, String.class);
                byte[] png = Files.readAllBytes(Path.of("target/legnext-cutouts", jobId + "_0.png"));
                assertThat(png).startsWith(0x89, 'P', 'N', 'G');
                com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                String upscaleBody = emulator.journal().matching(r -> r.path().endsWith("/enhance-upscale")).get(0).bodyText();
                assertThat(json.readTree(upscaleBody).get("imageNo").asInt()).isZero();
                String cutoutBody = emulator.journal().matching(r -> r.path().endsWith("/remove-background")).get(0).bodyText();
                assertThat(json.readTree(cutoutBody).get("imgUrl").asText()).as("the upscaled image").contains("http");
            } finally {
                main.stop();
            }
        }
    }
}
