package io.camelvideo.kamelets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Kamelet file as the Kamelet catalog expects it: names, type, typed properties, secrets, dependencies. */
class KameletDefinitionsTest {

    private static final Path BUILT = Path.of("target/classes/kamelets");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z]+)}}");

    static Stream<Path> kamelets() throws IOException {
        return Files.list(BUILT).filter(p -> p.toString().endsWith(".kamelet.yaml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kamelets")
    @SuppressWarnings("unchecked")
    void isACatalogKamelet(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Object> kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        Map<String, Object> metadata = (Map<String, Object>) kamelet.get("metadata");
        Map<String, Object> spec = (Map<String, Object>) kamelet.get("spec");
        Map<String, Object> definition = (Map<String, Object>) spec.get("definition");
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition.get("properties");
        String name = file.getFileName().toString().replace(".kamelet.yaml", "");

        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        assertThat(metadata).containsEntry("name", name);
        assertThat((Map<String, Object>) metadata.get("labels")).containsEntry("camel.apache.org/kamelet.type",
                name.endsWith("-source") ? "source" : "action");
        assertThat(definition.get("title")).asString().isNotBlank();
        assertThat(definition.get("description")).asString().hasSizeGreaterThan(80);
        properties.forEach((property, schema) -> {
            assertThat(schema).as(name + "." + property).containsKeys("title", "description", "type");
            if (property.toLowerCase().endsWith("key")) {
                assertThat(schema).as(name + "." + property + " is a secret").containsEntry("format", "password");
                assertThat((List<String>) schema.get("x-descriptors")).contains("urn:camel:group:credentials");
            }
        });
        assertThat((List<String>) definition.getOrDefault("required", List.of())).allMatch(properties::containsKey);
        String version = System.getProperty("project.version");
        assertThat((List<String>) spec.get("dependencies")).contains("camel:kamelet")
                .anyMatch(dependency -> dependency.matches("mvn:io\\.camelvideo:camel-(kling|legnext):" + Pattern.quote(version)));
        assertThat(text).doesNotContain("@project.version@");

        Set<String> placeholders = PLACEHOLDER.matcher(text.substring(text.indexOf("template:"))).results()
                .map(match -> match.group(1)).collect(Collectors.toSet());
        assertThat(properties.keySet()).as("properties the template uses").containsAll(placeholders);
        assertThat(placeholders).as("every property is used by the template").containsAll(properties.keySet());
    }
}
