package io.camelvideo.buildtools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpringBootMetadataWriterTest {

    @Test
    void everyComponentOptionBecomesAKebabCasePropertyWithItsTypeDefaultAndDescription() throws Exception {
        JsonNode component = new ObjectMapper().readTree("""
                {"component": {"scheme": "kling", "javaType": "io.camelvideo.kling.KlingComponent", "description": "Kling AI"},
                 "componentProperties": {
                   "accessKey": {"javaType": "java.lang.String", "description": "The AccessKey.", "secret": true},
                   "pollInterval": {"javaType": "java.time.Duration", "defaultValue": "5s", "description": "First check."},
                   "maxRetries": {"javaType": "int", "defaultValue": 4, "description": "Retries."},
                   "download": {"javaType": "boolean", "defaultValue": false, "description": "Files."},
                   "webhookSecret": {"javaType": "java.lang.String", "deprecated": true, "deprecationNote": "Use webhookVerifyToken",
                                     "description": "Old name."}}}""");

        JsonNode metadata = SpringBootMetadataWriter.metadata(component);

        assertThat(metadata.at("/groups/0/name").asText()).isEqualTo("camel.component.kling");
        assertThat(metadata.at("/groups/0/type").asText()).isEqualTo("io.camelvideo.kling.KlingComponent");
        JsonNode properties = metadata.get("properties");
        assertThat(properties).extracting(p -> p.get("name").asText()).containsExactly("camel.component.kling.enabled",
                "camel.component.kling.access-key", "camel.component.kling.poll-interval", "camel.component.kling.max-retries",
                "camel.component.kling.download", "camel.component.kling.webhook-secret");
        assertThat(properties.get(2).get("type").asText()).isEqualTo("java.time.Duration");
        assertThat(properties.get(2).get("defaultValue").asText()).isEqualTo("5s");
        assertThat(properties.get(3).get("type").asText()).isEqualTo("java.lang.Integer");
        assertThat(properties.get(3).get("defaultValue").isNumber()).isTrue();
        assertThat(properties.get(4).get("defaultValue").isBoolean()).isTrue();
        assertThat(properties.get(5).at("/deprecation/reason").asText()).isEqualTo("Use webhookVerifyToken");
        assertThat(properties.get(1).get("description").asText()).isEqualTo("The AccessKey.");
    }
}
