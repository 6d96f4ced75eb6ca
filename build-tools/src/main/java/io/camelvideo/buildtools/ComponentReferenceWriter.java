package io.camelvideo.buildtools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a component's option and header reference, read from the component JSON that Camel's
 * package plugin generates, into a Markdown file between the markers
 * {@code <!-- BEGIN GENERATED REFERENCE -->} and {@code <!-- END GENERATED REFERENCE -->}, so the
 * docs cannot drift from the code. Run by the build:
 * {@code ComponentReferenceWriter <component.json> <doc.md>}.
 */
public final class ComponentReferenceWriter {

    static final String BEGIN = "<!-- BEGIN GENERATED REFERENCE -->";
    static final String END = "<!-- END GENERATED REFERENCE -->";

    private ComponentReferenceWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ComponentReferenceWriter <component.json> <doc.md>");
        }
        JsonNode json = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        Path doc = Path.of(args[1]);
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String updated = replaceSection(text, reference(json));
        if (!updated.equals(text)) {
            Files.writeString(doc, updated, StandardCharsets.UTF_8);
        }
    }

    static String replaceSection(String text, String reference) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the document has no " + BEGIN + " ... " + END + " section");
        }
        return text.substring(0, begin + BEGIN.length()) + "\n" + reference + text.substring(end);
    }

    /** The Markdown reference: URI syntax, component options, endpoint options, headers. */
    static String reference(JsonNode json) {
        JsonNode component = json.get("component");
        StringBuilder md = new StringBuilder();
        md.append("_Generated from `").append(component.path("scheme").asText()).append(".json` by the build; do not edit._\n\n");
        md.append("URI syntax: `").append(component.path("syntax").asText()).append("`\n\n");
        md.append("### Component options\n\n");
        md.append("Set on the component (`camel.component.").append(component.path("scheme").asText())
                .append(".<option>`); they are the defaults of every endpoint.\n\n");
        table(md, json.path("componentProperties"), false);
        md.append("\n### Endpoint options\n\n");
        table(md, json.path("properties"), true);
        md.append("\n### Message headers\n\n| Header | Type | Description |\n|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            md.append("| `").append(header.getKey()).append("` | ").append(type(header.getValue())).append(" | ")
                    .append(cell(header.getValue().path("description").asText())).append(" |\n");
        }
        return md.toString();
    }

    private static void table(StringBuilder md, JsonNode properties, boolean withKind) {
        md.append(withKind ? "| Option | Kind | Group | Default | Type | Description |\n|---|---|---|---|---|---|\n"
                : "| Option | Group | Default | Type | Description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode p = entry.getValue();
            if (p.path("deprecated").asBoolean(false) || "configuration".equals(entry.getKey())) {
                continue;
            }
            java.util.List<String> description = new java.util.ArrayList<>(java.util.List.of(p.path("description").asText()));
            if (p.has("enum")) {
                java.util.List<String> values = new java.util.ArrayList<>();
                p.get("enum").forEach(value -> values.add('`' + value.asText() + '`'));
                description.add("One of: " + String.join(" ", values));
            }
            if (p.path("secret").asBoolean(false)) {
                description.add("**Secret**: masked in logs and printed URIs.");
            }
            if (p.path("required").asBoolean(false)) {
                description.add("**Required**.");
            }
            md.append("| `").append(entry.getKey()).append("` | ");
            if (withKind) {
                md.append(p.path("kind").asText()).append(" | ");
            }
            md.append(p.path("group").asText()).append(" | ")
                    .append(p.has("defaultValue") ? "`" + p.get("defaultValue").asText() + "`" : "").append(" | ")
                    .append(type(p)).append(" | ").append(cell(String.join(" ", description))).append(" |\n");
        }
    }

    private static String type(JsonNode p) {
        String type = p.path("javaType").asText(p.path("type").asText());
        // every qualified name shortened, generics kept: java.util.Map<java.lang.String, java.lang.Object> -> Map<String, Object>
        return "`" + type.replaceAll("(?:[a-z_][\\w]*\\.)+([A-Z])", "$1").replace("|", "\\|") + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
