package io.camelvideo.kling;

import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kling dev console, found as Camel finds consoles, after a task was submitted and tracked. */
class KlingDevConsoleTest extends KlingTestSupport {

    @Test
    void theConsoleShowsTheLedgerTheAccountAndTheTrackedTasksWithoutAKey() {
        send("kling:text2video", "a fox");
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class).resolveDevConsole("kling");
        assertThat(console).as("META-INF/services/org/apache/camel/dev-console/kling").isNotNull();

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        Map<?, ?> json = (Map<?, ?>) console.call(DevConsole.MediaType.JSON);

        assertThat(text).contains("Ledger: memory").contains("Tasks of kling:text2video: pending=1")
                .doesNotContain(io.camelvideo.emulator.EmulatorSettings.DEFAULT_SECRET_KEY);
        assertThat((List<?>) json.get("accounts")).singleElement()
                .satisfies(account -> assertThat(((Map<?, ?>) account).get("account").toString()).hasSize(12));
        assertThat((List<?>) json.get("tasks")).singleElement()
                .satisfies(scope -> assertThat(((Map<?, ?>) scope).get("pending")).isEqualTo(1L));
        assertThat(Jsoner.serialize(json)).doesNotContain(io.camelvideo.emulator.EmulatorSettings.DEFAULT_SECRET_KEY)
                .doesNotContain(io.camelvideo.emulator.EmulatorSettings.DEFAULT_ACCESS_KEY);
    }
}
