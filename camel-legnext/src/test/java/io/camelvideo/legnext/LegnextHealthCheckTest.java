package io.camelvideo.legnext;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer readiness check reads the balance: UP with a valid key, DOWN (without the key) with a bad one. */
class LegnextHealthCheckTest extends LegnextTestSupport {

    @Override
    void configure(LegnextComponent legnext) {
        legnext.setHealthCheckProducerEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(context, "producers", HealthCheckRepository.class).setEnabled(true);
    }

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").to("legnext:diffusion");
                from("direct:bad").to("legnext:diffusion?apiKey=RAW(wrong-legnext-key-99)");
            }
        };
    }

    @Test
    void oneUpOneDown() {
        List<HealthCheck.Result> producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                HealthCheckRepository.class).stream().map(HealthCheck::call).toList();

        assertThat(producers).extracting(HealthCheck.Result::getState)
                .containsExactlyInAnyOrder(HealthCheck.State.UP, HealthCheck.State.DOWN);
        assertThat(producers).filteredOn(r -> r.getState() == HealthCheck.State.DOWN).singleElement()
                .satisfies(r -> assertThat(r.getMessage().orElse("")).contains("401").doesNotContain("wrong-legnext-key-99"));
        assertThat(producers).allSatisfy(r -> assertThat(r.getCheck().getId()).startsWith("producer:legnext-"));
    }
}
