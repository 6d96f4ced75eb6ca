package io.camelvideo.kamelets;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Kamelet of the module, loaded by camel-kamelet from the classpath (kamelets/*.kamelet.yaml) in
 * Camel Main, used from the YAML routes of src/test/resources/routes as a user would, against the emulator.
 */
class KameletsTest {

    private static Emulator emulator;
    private static Main main;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(new EmulatorSettings().speed(1000));
        main = new Main();
        main.addInitialProperty("emulator.url", emulator.baseUrl());
        main.start();
        template = main.getCamelContext().createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        main.stop();
        emulator.close();
    }

    @BeforeEach
    void forgetRequests() {
        emulator.journal().clear();
    }

    @Test
    void textToVideoTurnsThePromptIntoAVideoWithTheKameletsOptions() throws Exception {
        Exchange out = template.send("direct:text-to-video", exchange -> exchange.getMessage().setBody("a fox in the snow"));

        assertThat(out.getException()).isNull();
        assertThat(mp4(out)).isTrue();
        assertThat(out.getMessage().getHeader(Exchange.FILE_NAME, String.class)).endsWith(".mp4");
        String sent = emulator.journal().matching(r -> r.method().equals("POST")).get(0).bodyText();
        assertThat(sent).contains("\"prompt\":\"a fox in the snow\"", "\"model_name\":\"kling-v1-6\"", "\"duration\":\"10\"",
                "\"aspect_ratio\":\"16:9\"");
        assertThat(emulator.journal().matching(r -> r.method().equals("POST"))).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).startsWith("Bearer eyJ"));
    }

    @Test
    void imageToVideoAnimatesTheBodyWithAnApiKeyAndNoAccessKey() throws Exception {
        Exchange out = template.send("direct:image-to-video", exchange -> exchange.getMessage().setBody("https://cdn.example.com/frame.png"));

        assertThat(out.getException()).isNull();
        assertThat(mp4(out)).isTrue();
        assertThat(emulator.journal().matching(r -> r.method().equals("POST"))).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/v1/videos/image2video");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + EmulatorSettings.DEFAULT_KLING_API_KEY);
            assertThat(r.bodyText()).contains("\"image\":\"https://cdn.example.com/frame.png\"", "the camera slowly pulls back");
        });
    }

    @Test
    void theTaskSourceEmitsEachFinishedTaskOnceWithItsVideo() throws Exception {
        template.sendBody("direct:submit", "a heron at dawn");

        Exchange finished = main.getCamelContext().createConsumerTemplate().receive("seda:finished", 20_000);

        assertThat(finished).as("a finished task from kling-task-source").isNotNull();
        assertThat(mp4(finished)).isTrue();
        assertThat(finished.getMessage().getHeader("CamelKlingTaskStatus")).isEqualTo("succeed");
        assertThat(main.getCamelContext().createConsumerTemplate().receive("seda:finished", 500)).as("only once").isNull();
    }

    @Test
    void legnextImagineGivesTheGridAndTheVideoActionAnimatesAnImageOfTheJob() throws Exception {
        Exchange grid = template.send("direct:imagine", exchange -> exchange.getMessage().setBody("a lighthouse, watercolour"));
        Exchange video = template.send("direct:image-video", exchange -> exchange.getMessage().setBody("a lighthouse at night"));

        assertThat(grid.getException()).isNull();
        byte[] png = grid.getMessage().getBody(byte[].class);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(grid.getMessage().getHeader(Exchange.FILE_NAME, String.class)).endsWith("_grid.png");
        assertThat(video.getException()).isNull();
        assertThat(mp4(video)).isTrue();
        String videoRequest = emulator.journal().matching(r -> r.path().endsWith("/video-diffusion")).get(0).bodyText();
        assertThat(videoRequest).contains("\"jobId\"").contains("\"imageNo\":2");
    }

    private static boolean mp4(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        return body != null && body.length > 8 && new String(body, 4, 4, StandardCharsets.US_ASCII).equals("ftyp");
    }
}
