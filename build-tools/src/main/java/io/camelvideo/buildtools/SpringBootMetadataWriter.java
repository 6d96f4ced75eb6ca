package io.camelvideo.buildtools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a Spring Boot starter's {@code META-INF/spring-configuration-metadata.json} from the
 * component JSON that Camel's package plugin generates, so {@code camel.component.<scheme>.*}
 * completes in IDEs with the same descriptions, types and defaults as the docs. Run by each
 * starter's build: {@code SpringBootMetadataWriter <component.json classpath resource> <output>}.
 */
public final class SpringBootMetadataWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<String, String> BOXED = Map.of("boolean", "java.lang.Boolean", "int", "java.lang.Integer",
            "long", "java.lang.Long", "double", "java.lang.Double", "float", "java.lang.Float");

    private SpringBootMetadataWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SpringBootMetadataWriter <component.json resource> <output.json>");
        }
        JsonNode component;
        try (InputStream in = SpringBootMetadataWriter.class.getClassLoader().getResourceAsStream(args[0])) {
            if (in == null) {
                throw new IllegalArgumentException(args[0] + " is not on the classpath");
            }
            component = JSON.readTree(in);
        }
        Path output = Path.of(args[1]);
        Files.createDirectories(output.getParent());
        JSON.writeValue(output.toFile(), metadata(component));
    }

    /** The metadata: one group, an {@code enabled} switch, and one property per component option. */
    static ObjectNode metadata(JsonNode json) {
        JsonNode component = json.get("component");
        String scheme = component.path("scheme").asText();
        String prefix = "camel.component." + scheme;
        ObjectNode metadata = JSON.createObjectNode();
        metadata.putArray("groups").addObject()
                .put("name", prefix)
                .put("type", component.path("javaType").asText())
                .put("description", component.path("description").asText());
        ArrayNode properties = metadata.putArray("properties");
        properties.addObject()
                .put("name", prefix + ".enabled")
                .put("type", "java.lang.Boolean")
                .put("description", "Whether to configure the " + scheme + " component from these properties.")
                .put("defaultValue", true);
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("componentProperties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode option = entry.getValue();
            ObjectNode property = properties.addObject()
                    .put("name", prefix + "." + kebab(entry.getKey()))
                    .put("type", type(option))
                    .put("description", option.path("description").asText());
            if (option.has("defaultValue")) {
                JsonNode value = option.get("defaultValue");
                switch (BOXED.getOrDefault(option.path("javaType").asText(), "")) {
                    case "java.lang.Boolean" -> property.put("defaultValue", value.asBoolean());
                    case "java.lang.Integer", "java.lang.Long" -> property.put("defaultValue", value.asLong());
                    case "java.lang.Double", "java.lang.Float" -> property.put("defaultValue", value.asDouble());
                    default -> property.put("defaultValue", value.asText());
                }
            }
            if (option.path("deprecated").asBoolean(false)) {
                property.putObject("deprecation").put("level", "warning")
                        .put("reason", option.path("deprecationNote").asText("Deprecated"));
            }
        }
        return metadata;
    }

    private static String type(JsonNode option) {
        String type = option.path("javaType").asText("java.lang.String");
        return BOXED.getOrDefault(type, type);
    }

    /** accessKey -> access-key, as Spring Boot names properties. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
