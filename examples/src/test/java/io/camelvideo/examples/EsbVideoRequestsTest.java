package io.camelvideo.examples;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.kling.KlingConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests on a queue, kling:extend submits, from("kling:extend") answers with the original correlation headers. */
class EsbVideoRequestsTest {

    @Test
    void eachRequestComesBackOnceWithItsCorrelationHeaders() throws Exception {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            CamelContext context = DeliveryTestSupport.context(emulator);
            context.addRoutes(new EsbVideoRequests("seda:extend-requests", "seda:extend-results"));
            context.start();
            try {
                ProducerTemplate template = context.createProducerTemplate();
                String videoId = template.request("kling:text2video?waitForCompletion=true",
                        exchange -> exchange.getMessage().setBody("a fox")).getMessage().getHeader(KlingConstants.VIDEO_ID, String.class);

                for (int i = 0; i < 5; i++) {
                    Map<String, Object> headers = new HashMap<>();
                    headers.put(KlingConstants.VIDEO_ID, videoId);
                    headers.put("OrderId", "order-" + i);
                    headers.put(Exchange.CORRELATION_ID, "corr-" + i);
                    template.sendBodyAndHeaders("seda:extend-requests", "and then it snows " + i, headers);
                }
                List<Exchange> results = new ArrayList<>();
                try (var consumer = context.createConsumerTemplate()) {
                    for (int i = 0; i < 5; i++) {
                        Exchange result = consumer.receive("seda:extend-results", 20_000);
                        assertThat(result).as("result %d", i).isNotNull();
                        results.add(result);
                    }
                    assertThat(consumer.receive("seda:extend-results", 500)).isNull();
                }

                assertThat(results).extracting(r -> r.getMessage().getHeader("OrderId"))
                        .containsExactlyInAnyOrder("order-0", "order-1", "order-2", "order-3", "order-4");
                assertThat(results).allSatisfy(r -> {
                    String order = r.getMessage().getHeader("OrderId", String.class);
                    assertThat(r.getMessage().getHeader(Exchange.CORRELATION_ID)).isEqualTo(order.replace("order", "corr"));
                    assertThat(r.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
                    assertThat(r.getMessage().getHeader(KlingConstants.VIDEO_DURATION)).isEqualTo("9.6");
                });
            } finally {
                context.stop();
            }
        }
    }
}
