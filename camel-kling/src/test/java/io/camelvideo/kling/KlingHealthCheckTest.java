package io.camelvideo.kling;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Readiness: the consumer's poll health, and the optional producer check (API reachable, credentials valid). */
class KlingHealthCheckTest extends KlingTestSupport {

    @Override
    void configure(KlingComponent kling) {
        kling.setHealthCheckProducerEnabled(true);
        // what camel.health.producers-enabled=true does under Camel Main: producer checks are off by default
        HealthCheckHelper.getHealthCheckRepository(context, "producers", HealthCheckRepository.class).setEnabled(true);
        HealthCheckHelper.getHealthCheckRepository(context, "consumers", HealthCheckRepository.class).setEnabled(true);
    }

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kling:text2video?initialDelay=0&delay=20").routeId("tracked").to("log:done");
                from("direct:good").routeId("good").to("kling:text2video");
                from("direct:bad").to("kling:image2video?secretKey=not-the-secret");
            }
        };
    }

    @Test
    void readinessReportsTheConsumerAndEachProducer() throws Exception {
        // the consumer is ready once it has polled
        await().atMost(Duration.ofSeconds(10)).until(() -> call("consumers", "consumer:tracked").getState() == HealthCheck.State.UP);

        HealthCheck.Result consumer = call("consumers", "consumer:tracked");
        List<HealthCheck.Result> producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                HealthCheckRepository.class).stream().map(HealthCheck::call).toList();

        assertThat(consumer.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(producers).extracting(HealthCheck.Result::getState)
                .containsExactlyInAnyOrder(HealthCheck.State.UP, HealthCheck.State.DOWN);
        assertThat(producers).extracting(r -> r.getCheck().getId()).as("ids name the endpoint, never an option value")
                .anySatisfy(id -> assertThat(id).isEqualTo("producer:kling-text2video"))
                .anySatisfy(id -> assertThat(id).startsWith("producer:kling-image2video-").doesNotContain("not-the-secret"));
        assertThat(producers).filteredOn(r -> r.getState() == HealthCheck.State.DOWN).singleElement()
                .satisfies(r -> assertThat(r.getMessage().orElse("")).contains("1000").doesNotContain("not-the-secret"));
    }

    @Test
    void aProducerIsNotReadyOnceTheAccountsResourcePacksAreUsedUp() {
        emulator.settings().klingPackUnits(1);
        assertThat(send("kling:text2video?waitForCompletion=true", "a fox").getException()).isNull(); // costs the 1 unit

        HealthCheck.Result good = call("producers", "producer:kling-text2video");

        assertThat(good.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(good.getMessage().orElse("")).contains("No resource pack of the account has units left");
        assertThat(emulator.journal().matching(r -> r.path().equals("/account/costs"))).hasSize(1);
    }

    private HealthCheck.Result call(String repository, String id) {
        return HealthCheckHelper.getHealthCheckRepository(context, repository, HealthCheckRepository.class).stream()
                .filter(check -> check.getId().equals(id)).findFirst().map(HealthCheck::call).orElse(null);
    }
}
