package io.camelvideo.kling;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel Main with a YAML route: every kling option comes from YAML parameters or application.properties. */
class KlingYamlMainTest {

    @Test
    void yamlRouteConfiguredByPropertiesMakesAVideoFile() throws Exception {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            Main main = new Main();
            main.addInitialProperty("emulator.url", emulator.baseUrl());
            main.start();
            try {
                Exchange out = main.getCamelContext().createProducerTemplate().send("direct:prompts",
                        exchange -> exchange.getMessage().setBody("a lighthouse at dusk"));

                assertThat(out.getException()).isNull();
                String taskId = out.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
                Path video = Path.of("target/yaml-videos", taskId + ".mp4");
                assertThat(video).exists();
                assertThat(new String(Files.readAllBytes(video), 4, 4)).isEqualTo("ftyp");
                assertThat(emulator.journal().matching(r -> r.method().equals("POST")).get(0).bodyText())
                        .contains("\"model_name\":\"kling-v1-6\"", "\"mode\":\"std\"", "\"duration\":\"5\"");
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void theWebhookReceiverBeanIsThereWhenTheUrlComesFromProperties() throws Exception {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            Main main = new Main();
            main.addInitialProperty("emulator.url", emulator.baseUrl());
            main.addInitialProperty("camel.component.kling.webhook-url", "https://app.example.com/webhooks/kling");
            main.addInitialProperty("camel.component.kling.webhook-verify-token", "a-verify-token");
            main.configure().addRoutesBuilder(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:webhook").process("klingWebhookReceiver");
                }
            });
            main.start();
            try {
                Exchange forged = main.getCamelContext().createProducerTemplate().send("direct:webhook", exchange -> {
                    exchange.getMessage().setHeader("token", "text2video.not-issued-here");
                    exchange.getMessage().setBody("{\"task_id\":\"1\",\"task_status\":\"succeed\"}");
                });

                assertThat(forged.getException()).isNull();
                assertThat(forged.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).as("a token not issued here").isEqualTo(404);
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void aYamlRouteSendsTheV3FieldsUnchanged() throws Exception {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            Main main = new Main();
            main.addInitialProperty("emulator.url", emulator.baseUrl());
            main.start();
            try {
                Exchange out = main.getCamelContext().createProducerTemplate().send("direct:story", exchange -> { });

                assertThat(out.getException()).isNull();
                assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
                com.fasterxml.jackson.databind.JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        emulator.journal().matching(r -> r.method().equals("POST")).get(0).bodyText());
                assertThat(sent.get("model_name").asText()).isEqualTo("kling-v3");
                assertThat(sent.get("sound").asText()).as("quoted in YAML: a bare on is a boolean there").isEqualTo("on");
                assertThat(sent.get("multi_shot").asBoolean()).isTrue();
                assertThat(sent.get("shot_type").asText()).isEqualTo("customize");
                assertThat(sent.get("multi_prompt")).hasSize(2);
                assertThat(sent.at("/multi_prompt/1/prompt").asText()).isEqualTo("it runs to the river");
                assertThat(sent.at("/element_list/0/element_id").asLong()).isEqualTo(829836802793406551L);
                assertThat(sent.has("prompt")).as("the shots are the prompt").isFalse();
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void aYamlRouteCreatesAnElementAndUsesItInAnOmniVideo() throws Exception {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            Main main = new Main();
            main.addInitialProperty("emulator.url", emulator.baseUrl());
            main.start();
            try {
                Exchange out = main.getCamelContext().createProducerTemplate().send("direct:element-omni", exchange -> { });

                assertThat(out.getException()).isNull();
                String elementId = String.valueOf(out.getMessage().getHeader(KlingConstants.ELEMENT_ID));
                com.fasterxml.jackson.databind.JsonNode omni = new com.fasterxml.jackson.databind.ObjectMapper().readTree(emulator.journal()
                        .matching(r -> r.method().equals("POST") && r.path().equals("/v1/videos/omni-video")).get(0).bodyText());
                assertThat(omni.at("/element_list/0/element_id").asText()).isEqualTo(elementId);
                assertThat(omni.at("/image_list/0/image_url").asText()).isEqualTo("https://example.com/street.png");
                Path video = Path.of("target/yaml-videos", out.getMessage().getHeader(KlingConstants.TASK_ID) + ".mp4");
                assertThat(new String(Files.readAllBytes(video), 4, 4)).isEqualTo("ftyp");
            } finally {
                main.stop();
            }
        }
    }

    @Test
    void aYamlRouteTurnsAGeneratedImageIntoAVideoFile() throws Exception {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            Main main = new Main();
            main.addInitialProperty("emulator.url", emulator.baseUrl());
            main.start();
            try {
                Exchange out = main.getCamelContext().createProducerTemplate().send("direct:image-to-video",
                        exchange -> exchange.getMessage().setBody("a ceramic mug on a white table"));

                assertThat(out.getException()).isNull();
                String taskId = out.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
                Path video = Path.of("target/yaml-image-videos", taskId + ".mp4");
                assertThat(new String(Files.readAllBytes(video), 4, 4)).isEqualTo("ftyp");
                com.fasterxml.jackson.databind.JsonNode image2video = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                        emulator.journal().matching(r -> r.method().equals("POST") && r.path().equals("/v1/videos/image2video"))
                                .get(0).bodyText());
                assertThat(image2video.get("prompt").asText()).isEqualTo("the camera slowly pulls back");
                assertThat(image2video.get("image").asText()).as("the generated image, by URL")
                        .startsWith(emulator.baseUrl()).endsWith(".png");
            } finally {
                main.stop();
            }
        }
    }
}
