package io.camelvideo.task.submit;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * What makes an input the same input again: the part of an exchange that stays equal when the same
 * file, message or request comes back (redelivery, rollback, restart). In order:
 *
 * <ol>
 *   <li>the endpoint's {@code idempotencyKey} expression, when set;</li>
 *   <li>an {@code Idempotency-Key} header set by the caller;</li>
 *   <li>a file ({@code file:}, {@code ftp:}, {@code sftp:}...): host, absolute path, last modified and length;</li>
 *   <li>a broker message: {@code JMSMessageID} (JMS, ActiveMQ, AMQP), Kafka topic/partition/offset,
 *       {@code CamelAwsSqsMessageId};</li>
 *   <li>otherwise the exchange itself: a random id kept in the exchange property {@link #EXCHANGE_INPUT},
 *       stable across Camel's redeliveries of that exchange but not across a restart.</li>
 * </ol>
 * Except for the expression, the position of a split part or loop iteration is added, so the parts
 * of one input are different inputs.
 */
public final class InputIdentity {

    /** The header a caller sets to name an input explicitly (the HTTP convention). */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    /** The exchange property holding the exchange-scoped identity when nothing stabler is known. */
    public static final String EXCHANGE_INPUT = "CamelTaskSubmitInput";
    private static final String EXCHANGE_PREFIX = "exchange:";

    private InputIdentity() {
    }

    /** The input's identity; {@code expression} may be null. Never null: it falls back to the exchange. */
    public static String of(Exchange exchange, Expression expression) {
        if (expression != null) {
            String value = expression.evaluate(exchange, String.class);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("idempotencyKey evaluated to an empty value: it must name the input");
            }
            return "expr:" + value;
        }
        Message message = exchange.getMessage();
        String explicit = message.getHeader(IDEMPOTENCY_KEY_HEADER, String.class);
        String source = explicit != null && !explicit.isBlank() ? "key:" + explicit : stableSource(message);
        if (source == null) {
            source = exchange.getProperty(EXCHANGE_INPUT, String.class);
            if (source == null) {
                source = EXCHANGE_PREFIX + UUID.randomUUID();
                exchange.setProperty(EXCHANGE_INPUT, source);
            }
        }
        return source + splitPosition(exchange);
    }

    /**
     * The submit key of one paid request: a hash of the endpoint, the input's identity and the request
     * itself (so two different requests made from one input, such as the steps of a chain, differ),
     * as {@code camel-} and 40 hex digits.
     */
    public static String submitKey(String scope, String identity, byte[] request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scope.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(identity.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(request);
            return "camel-" + HexFormat.of().formatHex(digest.digest()).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stableSource(Message message) {
        Object modified = message.getHeader(Exchange.FILE_LAST_MODIFIED);
        String path = message.getHeader("CamelFileAbsolutePath", String.class);
        if (path == null) {
            path = message.getHeader(Exchange.FILE_NAME, String.class);
        }
        if (modified != null && path != null) {
            Object host = message.getHeader("CamelFileHost");
            return "file:" + (host != null ? host + ":" : "") + path + "@" + millis(modified) + "#"
                    + message.getHeader(Exchange.FILE_LENGTH);
        }
        String jms = message.getHeader("JMSMessageID", String.class);
        if (jms != null) {
            return "jms:" + jms;
        }
        Object topic = message.getHeader("kafka.TOPIC");
        Object offset = message.getHeader("kafka.OFFSET");
        if (topic != null && offset != null) {
            return "kafka:" + topic + "/" + message.getHeader("kafka.PARTITION") + "/" + offset;
        }
        String sqs = message.getHeader("CamelAwsSqsMessageId", String.class);
        if (sqs != null) {
            return "sqs:" + sqs;
        }
        return null;
    }

    /** The position of a split or loop iteration: the parts of one input are different inputs. */
    private static String splitPosition(Exchange exchange) {
        Object split = exchange.getProperty(Exchange.SPLIT_INDEX);
        Object loop = exchange.getProperty(Exchange.LOOP_INDEX);
        return (split != null ? "|split:" + split : "") + (loop != null ? "|loop:" + loop : "");
    }

    private static Object millis(Object modified) {
        return modified instanceof java.util.Date date ? date.getTime() : modified;
    }
}
