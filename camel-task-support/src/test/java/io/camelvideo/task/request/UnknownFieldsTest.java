package io.camelvideo.task.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnknownFieldsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void unknownFieldsAreAddedWhereKnownOnesAreMissingAndObjectsOnBothSidesMerge() throws Exception {
        UnknownFields unknown = new UnknownFields(mapper, UnknownFields.SNAKE_CASE,
                (field, problem) -> new IllegalArgumentException(field + " " + problem));
        unknown.add("multi_shot", true, List.of());
        unknown.add("prompt", "from the body", List.of());
        unknown.add("input", Map.of("future_field", 7, "text", "unknown copy"), List.of());
        ObjectNode body = (ObjectNode) mapper.readTree("{\"prompt\":\"known\",\"input\":{\"text\":\"known text\"}}");

        unknown.copyInto(body);

        assertThat(body.get("multi_shot").asBoolean()).isTrue();
        assertThat(body.get("prompt").asText()).as("a known field wins").isEqualTo("known");
        assertThat(body.at("/input/future_field").asInt()).as("merged into the known object").isEqualTo(7);
        assertThat(body.at("/input/text").asText()).isEqualTo("known text");
    }

    @Test
    void aNameTheApiCouldNotMeanIsRefusedNamingTheKnownOptions() {
        UnknownFields unknown = new UnknownFields(mapper, UnknownFields.SNAKE_CASE, (field, problem) ->
                new IllegalArgumentException(field + " " + problem));
        assertThatThrownBy(() -> unknown.add("multiShot", true, List.of("multiShot", "sound")))
                .hasMessageContaining("unknown field 'multiShot'").hasMessageContaining("snake_case")
                .hasMessageContaining("[multiShot, sound]");
    }
}
