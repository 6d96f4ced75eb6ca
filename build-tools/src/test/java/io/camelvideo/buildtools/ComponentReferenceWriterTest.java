package io.camelvideo.buildtools;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComponentReferenceWriterTest {

    private static final String JSON = """
            {"component":{"scheme":"demo","syntax":"demo:kind"},
             "componentProperties":{"apiKey":{"kind":"property","group":"security","type":"string","javaType":"java.lang.String",
                "secret":true,"description":"The key."}},
             "headers":{"CamelDemoTaskId":{"javaType":"String","description":"The task id."}},
             "properties":{"kind":{"kind":"path","group":"common","required":true,"type":"object",
                "javaType":"demo.Kind","enum":["a","b"],"description":"The kind | of task."},
                "pollInterval":{"kind":"parameter","group":"producer","type":"duration","javaType":"long",
                "defaultValue":"5s","description":"How often."}}}
            """;

    @Test
    void writesTablesOfEveryOptionAndHeaderBetweenTheMarkers() throws Exception {
        String doc = "# Demo\nintro\n" + ComponentReferenceWriter.BEGIN + "\nold\n" + ComponentReferenceWriter.END + "\nafter\n";

        String updated = ComponentReferenceWriter.replaceSection(doc,
                ComponentReferenceWriter.reference(new ObjectMapper().readTree(JSON)));

        assertThat(updated).startsWith("# Demo\nintro\n").endsWith(ComponentReferenceWriter.END + "\nafter\n")
                .doesNotContain("old")
                .contains("| `apiKey` | security |  | `String` | The key. **Secret**: masked in logs and printed URIs. |")
                .contains("| `kind` | path | common |  | `Kind` | The kind \\| of task. One of: `a` `b` **Required**. |")
                .contains("| `pollInterval` | parameter | producer | `5s` | `long` | How often. |")
                .contains("| `CamelDemoTaskId` | `String` | The task id. |");
    }

    @Test
    void refusesADocumentWithoutMarkers() {
        assertThatThrownBy(() -> ComponentReferenceWriter.replaceSection("# no markers", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
