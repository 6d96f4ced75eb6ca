package io.camelvideo.legnext;

import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleResolver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The legnext dev console after a job was submitted and tracked. */
class LegnextDevConsoleTest extends LegnextTestSupport {

    @Test
    void theConsoleShowsTheTrackedJobsWithoutTheKey() {
        send("legnext:diffusion", "a lighthouse");
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleResolver.class).resolveDevConsole("legnext");
        assertThat(console).isNotNull();

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        Map<?, ?> json = (Map<?, ?>) console.call(DevConsole.MediaType.JSON);

        assertThat(text).contains("Tasks of legnext:diffusion: pending=1")
                .doesNotContain(io.camelvideo.emulator.EmulatorSettings.DEFAULT_LEGNEXT_API_KEY);
        assertThat((List<?>) json.get("accounts")).hasSize(1);
    }
}
