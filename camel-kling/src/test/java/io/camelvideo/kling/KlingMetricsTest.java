package io.camelvideo.kling;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With a Micrometer registry in the Camel registry, the component counts what it does. */
class KlingMetricsTest extends KlingTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    void configure(KlingComponent kling) {
        context.getRegistry().bind("meters", meters);
    }

    @Test
    void tasksSubmittedEndedTheirCostAndTheStatusRequestsAreCounted() {
        send("kling:text2video?waitForCompletion=true", "a fox");
        send("kling:text2video?waitForCompletion=true", "a cat");
        send("kling:text2video?waitForCompletion=true", "a [fail] heron");

        await().untilAsserted(() -> assertThat(meters.find("camel.kling.tasks.ended").counters()).hasSize(2));
        assertThat(meters.get("camel.kling.tasks.submitted").tag("scope", "kling:text2video").counter().count()).isEqualTo(3);
        assertThat(meters.get("camel.kling.tasks.ended").tag("status", "succeed").counter().count()).isEqualTo(2);
        assertThat(meters.get("camel.kling.tasks.ended").tag("status", "failed").counter().count()).isEqualTo(1);
        assertThat(meters.get("camel.kling.tasks.cost").counter().count()).as("1 unit per 5 s std video; failed: free")
                .isEqualTo(2);
        assertThat(meters.get("camel.kling.tasks.duration").timer().count()).isEqualTo(3);
        assertThat(meters.get("camel.kling.status.requests").counter().count()).isPositive();
        assertThat(meters.get("camel.kling.tasks.waiting").gauge().value()).isZero();
    }
}
