package io.camelvideo.task.submit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.builder.ExpressionBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What counts as the same input again, and the submit key made from it. */
class InputIdentityTest {

    private static final Map<String, Object> FILE = Map.of(Exchange.FILE_NAME, "fox.txt", "CamelFileAbsolutePath",
            "/data/in/fox.txt", Exchange.FILE_LAST_MODIFIED, 1_764_000_000_000L, Exchange.FILE_LENGTH, 42L);

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    private Exchange exchange(Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeaders(new HashMap<>(headers));
        return exchange;
    }

    @Test
    void theSameFileReadAgainIsTheSameInputEvenInAnotherExchange() {
        assertThat(InputIdentity.of(exchange(FILE), null)).isEqualTo(InputIdentity.of(exchange(FILE), null))
                .startsWith("file:/data/in/fox.txt@1764000000000#42");
    }

    @Test
    void aChangedFileIsANewInput() {
        Map<String, Object> edited = new HashMap<>(FILE);
        edited.put(Exchange.FILE_LAST_MODIFIED, 1_764_000_000_001L);

        assertThat(InputIdentity.of(exchange(edited), null)).isNotEqualTo(InputIdentity.of(exchange(FILE), null));
    }

    @Test
    void brokerMessageIdsAndAnExplicitKeyAreStable() {
        assertThat(InputIdentity.of(exchange(Map.of("JMSMessageID", "ID:broker-1")), null)).isEqualTo("jms:ID:broker-1");
        assertThat(InputIdentity.of(exchange(Map.of("kafka.TOPIC", "prompts", "kafka.PARTITION", 2, "kafka.OFFSET", 77L)), null))
                .isEqualTo("kafka:prompts/2/77");
        assertThat(InputIdentity.of(exchange(Map.of(InputIdentity.IDEMPOTENCY_KEY_HEADER, "order-1", "JMSMessageID", "x")), null))
                .isEqualTo("key:order-1");
    }

    @Test
    void splitPartsOfOneInputAreDifferentInputs() {
        Exchange first = exchange(FILE);
        first.setProperty(Exchange.SPLIT_INDEX, 0);
        Exchange second = exchange(FILE);
        second.setProperty(Exchange.SPLIT_INDEX, 1);

        assertThat(InputIdentity.of(first, null)).isNotEqualTo(InputIdentity.of(second, null));
    }

    @Test
    void withoutAStableSourceTheExchangeItselfIsTheInputAcrossItsRedeliveries() {
        Exchange exchange = exchange(Map.of());
        String identity = InputIdentity.of(exchange, null);

        assertThat(InputIdentity.of(exchange, null)).isEqualTo(identity);
        assertThat(identity).startsWith("exchange:");
        assertThat(InputIdentity.of(exchange(Map.of()), null)).isNotEqualTo(identity);
    }

    @Test
    void anIdempotencyKeyExpressionWinsAndMustNotBeEmpty() {
        var expression = ExpressionBuilder.headerExpression("order");

        assertThat(InputIdentity.of(exchange(Map.of("order", "o1", "JMSMessageID", "x")), expression)).isEqualTo("expr:o1");
        assertThatThrownBy(() -> InputIdentity.of(exchange(Map.of()), expression)).hasMessageContaining("idempotencyKey");
    }

    @Test
    void theSubmitKeyDependsOnEndpointInputAndRequestAndFitsTheApi() {
        byte[] request = "{\"prompt\":\"fox\"}".getBytes(StandardCharsets.UTF_8);
        String key = InputIdentity.submitKey("kling:text2video", "file:/a@1#2", request);

        assertThat(key).matches("camel-[0-9a-f]{40}");
        assertThat(InputIdentity.submitKey("kling:text2video", "file:/a@1#2", request)).isEqualTo(key);
        assertThat(InputIdentity.submitKey("kling:extend", "file:/a@1#2", request)).isNotEqualTo(key);
        assertThat(InputIdentity.submitKey("kling:text2video", "file:/a@1#2", "{\"prompt\":\"owl\"}".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(key);
    }
}
