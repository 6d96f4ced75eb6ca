package io.camelvideo.kling;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/kling.md's "Every family in YAML" block, run as written: read from the file, loaded by Camel
 * Main against the emulator, every route called.
 */
class KlingDocsYamlTest {

    private static final String MARKER = "<!-- families-yaml: run by KlingDocsYamlTest -->";

    private static Emulator emulator;
    private static Main main;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() throws Exception {
        String docs = Files.readString(Path.of("../docs/kling.md"), StandardCharsets.UTF_8);
        int marker = docs.indexOf(MARKER);
        assertThat(marker).as("the marked YAML block in docs/kling.md").isPositive();
        int start = docs.indexOf("```yaml\n", marker) + "```yaml\n".length();
        String yaml = docs.substring(start, docs.indexOf("```", start));
        Path routes = Path.of("target/docs-families.yaml");
        Files.writeString(routes, yaml, StandardCharsets.UTF_8);

        emulator = Emulator.start(new EmulatorSettings().speed(1000));
        main = new Main();
        main.addInitialProperty("emulator.url", emulator.baseUrl());
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + routes.toAbsolutePath());
        main.start();
        template = main.getCamelContext().createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        main.stop();
        emulator.close();
    }

    @Test
    void everyFamilysRouteInTheDocsRunsAgainstTheEmulator() {
        Map<String, Object> bodies = new LinkedHashMap<>();
        bodies.put("text2video", "a fox in the snow");
        bodies.put("image2video", "the camera slowly pulls back");
        bodies.put("multiImage2video", List.of("https://cdn.example.com/a.png", "https://cdn.example.com/b.png"));
        bodies.put("omniVideo", "a lighthouse in a storm");
        bodies.put("extend", "a fox runs");
        bodies.put("addSound", null);
        bodies.put("text2audio", "rain on a tin roof");
        bodies.put("motionControl", null);
        bodies.put("avatar", "Welcome to the show");
        bodies.put("effects", null);
        bodies.put("advancedLipSync", null);
        bodies.put("lipSync", "Welcome to our channel!");
        bodies.put("multiElements", null);
        bodies.put("voice", null);
        bodies.put("element", null);
        bodies.put("image", "a ceramic mug");
        bodies.put("omniImage", "a four-panel comic");
        bodies.put("multiImage2image", List.of("https://cdn.example.com/a.png", "https://cdn.example.com/b.png"));
        bodies.put("imageExpand", null);
        bodies.put("virtualTryOn", null);
        bodies.put("aiMultiShot", null);

        bodies.forEach((family, body) -> {
            Exchange out = call(family, body);
            assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).as(family).isEqualTo("succeed");
        });

        check("tts", "Hello there", out -> {   // the spooled file is gone once the exchange completed: its headers stay
            assertThat(out.getMessage().getHeader(Exchange.FILE_NAME, String.class)).endsWith(".mp3");
            assertThat(out.getMessage().getHeader(KlingConstants.AUDIO_ID, String.class)).isNotBlank();
        });
        check("presets", null, out -> assertThat(out.getMessage().getBody(List.class)).isNotEmpty());
        check("imageRecognize", null, out -> assertThat(out.getMessage().getHeader(KlingConstants.IMAGE_URLS, List.class)).hasSize(3));
        check("accountCosts", null, out -> assertThat(out.getMessage().getHeader(KlingConstants.REMAINING_UNITS)).isNotNull());
        assertThat(main.getCamelContext().getRoutes()).as("every route of the block was called").hasSize(bodies.size() + 4);
    }

    private static void check(String route, Object body, Consumer<Exchange> assertion) {
        assertion.accept(call(route, body));
    }

    private static Exchange call(String route, Object body) {
        Exchange out = template.send("direct:" + route, exchange -> exchange.getMessage().setBody(body));
        assertThat(out.getException()).as(route).isNull();
        return out;
    }
}
