package io.camelvideo.examples.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.testing.EmulatorExtension;
import io.camelvideo.kling.KlingComponent;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The Spring Boot example against the emulator: the starters configure the components from properties. */
class VideoApplicationTest {

    private static Emulator emulator;

    @TempDir
    Path dir;

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(started -> emulator = started);

    /** Runs the application with {@code --name=value} arguments (they win over application.properties). */
    private ConfigurableApplicationContext run(String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "camel.springboot.main-run-controller=false",
                "video.prompts=" + dir.resolve("prompts"),
                "video.videos=" + dir.resolve("videos"),
                "camel.component.kling.base-url=" + emulator.baseUrl(),
                "camel.component.kling.poll-interval=20ms",
                "camel.component.kling.maxPollInterval=100ms",
                "camel.component.kling.ledger-directory=" + dir.resolve("ledger"),
                "camel.component.legnext.base-url=" + emulator.baseUrl()));
        Collections.addAll(properties, extra);
        return new SpringApplicationBuilder(VideoApplication.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    @Test
    void aPromptFileBecomesAVideoNamedAfterIt() throws Exception {
        try (ConfigurableApplicationContext app = run()) {
            KlingComponent kling = app.getBean(CamelContext.class).getComponent("kling", KlingComponent.class);
            assertThat(kling.getConfiguration().getBaseUrl()).isEqualTo(emulator.baseUrl());
            assertThat(kling.getConfiguration().getPollInterval()).as("20ms, kebab- or camelCase").isEqualTo(20);
            assertThat(kling.getConfiguration().getMaxPollInterval()).isEqualTo(100);
            assertThat(kling.getConfiguration().getModel()).isEqualTo("kling-v1-6");

            Files.createDirectories(dir.resolve("prompts"));
            Files.writeString(dir.resolve("prompts/fox.txt"), "a fox in the snow", StandardCharsets.UTF_8);

            Path video = dir.resolve("videos/fox.mp4");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(video) && Files.size(video) > 8);
            assertThat(new String(Files.readAllBytes(video), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            assertThat(emulator.journal().count("POST", "/v1/videos/text2video")).isEqualTo(1);
            assertThat(emulator.journal().matching(r -> r.method().equals("POST")).get(0).bodyText())
                    .contains("\"model_name\":\"kling-v1-6\"");
        }
    }

    @Test
    void aMisspelledPropertyStopsTheStartNamingIt() {
        assertThatThrownBy(() -> run("camel.component.kling.acess-key=typo").close())
                .hasStackTraceContaining("camel.component.kling.acessKey")
                .hasStackTraceContaining("not an option of the kling component");
    }

    @Test
    void theStartersDescribeEveryComponentOptionForIdes() throws Exception {
        JsonNode kling = metadata("camel.component.kling");
        JsonNode legnext = metadata("camel.component.legnext");

        assertThat(kling.get("properties")).extracting(p -> p.get("name").asText())
                .contains("camel.component.kling.access-key", "camel.component.kling.max-units-per-day",
                        "camel.component.kling.wait-for-completion", "camel.component.kling.enabled");
        assertThat(kling.get("properties")).allSatisfy(p -> assertThat(p.get("description").asText()).isNotBlank());
        assertThat(legnext.get("properties")).extracting(p -> p.get("name").asText()).contains("camel.component.legnext.api-key");
    }

    private static JsonNode metadata(String group) throws Exception {
        for (URL url : Collections.list(VideoApplicationTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonNode metadata = new ObjectMapper().readTree(in);
                if (metadata.at("/groups/0/name").asText().equals(group)) {
                    return metadata;
                }
            }
        }
        throw new AssertionError("no spring-configuration-metadata.json for " + group);
    }
}
