package io.camelvideo.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a prompt file into the request fields of {@code kling:text2video}. The file is the prompt;
 * optional options come first, one {@code name: value} per line, ended by a line {@code ---}:
 *
 * <pre>
 * duration: 10
 * mode: pro
 * ---
 * A red fox running through fresh snow at sunrise
 * </pre>
 *
 * A sibling {@code <name>.json} (e.g. {@code fox.json} next to {@code fox.txt}) may hold options too;
 * the file's own header wins over it.
 */
public final class PromptFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The request fields (option names) of the prompt file at {@code path} with text {@code content}. */
    public Map<String, Object> fields(String content, String path) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (path != null) {
            Path file = Path.of(path);
            String name = file.getFileName().toString();
            Path sibling = file.resolveSibling(name.replaceFirst("\\.[^.]*$", "") + ".json");
            if (Files.exists(sibling)) {
                fields.putAll(MAPPER.readValue(sibling.toFile(), Map.class));
            }
        }
        String text = content.replace("\r\n", "\n");
        int separator = text.indexOf("\n---\n");
        if (separator >= 0) {
            for (String line : text.substring(0, separator).split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            text = text.substring(separator + 5);
        }
        fields.put("prompt", text.strip());
        return fields;
    }
}
