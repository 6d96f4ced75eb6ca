package io.camelvideo.legnext;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A waiting Legnext producer with {@code statusUpdateUri}: each status change of the job, then the end once. */
class LegnextStatusUpdatesTest extends LegnextTestSupport {

    private final List<Exchange> updates = new CopyOnWriteArrayList<>();

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:updates").process(exchange -> updates.add(exchange.copy()));
            }
        };
    }

    @Test
    void eachStatusChangeOfAWaitedJobIsSentOnceAndTheExchangeContinuesWithTheEnd() {
        emulator.settings().speed(100);

        Exchange out = send("legnext:diffusion?waitForCompletion=true&maxPollInterval=20&statusUpdateUri=direct:updates",
                "a lighthouse", Exchange.FILE_NAME, "lighthouse.txt");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(LegnextConstants.JOB_STATUS)).isEqualTo("completed");
        List<Object> seen = updates.stream().map(e -> e.getMessage().getHeader(LegnextConstants.JOB_STATUS)).toList();
        assertThat(seen).as("updates").contains("processing").doesNotHaveDuplicates().isSubsetOf("pending", "staged", "processing");
        assertThat(updates).allSatisfy(update -> assertThat(update.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("lighthouse.txt"));
    }
}
