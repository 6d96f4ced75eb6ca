package io.camelvideo.kling;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys never show in endpoint URIs, toString or error messages. */
class KlingSecretsTest extends KlingTestSupport {

    private static final String SECRET = "sk-very-secret-0123456789";

    @Test
    void endpointUrisMaskTheKeys() {
        Endpoint endpoint = context.getEndpoint("kling:text2video?apiKey=RAW(" + SECRET + ")&accessKey=ak-" + SECRET
                + "&secretKey=" + SECRET + "&pathPrefix=/kling/v1");

        // what Camel prints (logs, JMX, dev console) is the sanitized URI; the raw one is the endpoint's identity
        assertThat(org.apache.camel.util.URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(SECRET)
                .contains("pathPrefix");
        assertThat(endpoint.toString()).doesNotContain(SECRET);
        assertThat(endpoint.getEndpointBaseUri()).doesNotContain(SECRET);
    }

    @Test
    void aRefusedKeyIsNotRepeatedInTheError() {
        Exchange out = send("kling:text2video?pathPrefix=/kling/v1&apiKey=RAW(" + SECRET + ")", "a fox");

        assertThat(out.getException()).isNotNull();
        assertThat(out.getException().getMessage()).contains("401").doesNotContain(SECRET);
        assertThat(String.valueOf(out.getException().getCause())).doesNotContain(SECRET);
    }
}
