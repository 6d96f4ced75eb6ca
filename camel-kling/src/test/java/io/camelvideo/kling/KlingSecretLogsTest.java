package io.camelvideo.kling;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** Every log line (TRACE and up) of failing runs with bad keys, captured: no key or secret in any of it. */
class KlingSecretLogsTest extends KlingTestSupport {

    private static final String SECRET_KEY = "sk-SECRET-never-print-4711";
    private static final String API_KEY = "api-SECRET-never-print-0815";

    private LogCapture logs;

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:official").to("kling:text2video?accessKey=ak-SECRET-never-print&secretKey=RAW(" + SECRET_KEY + ")");
                from("direct:gateway").to("kling:text2video?pathPrefix=/kling/v1&apiKey=RAW(" + API_KEY + ")");
            }
        };
    }

    @BeforeEach
    void captureEverything() {
        logs = new LogCapture(Level.TRACE, event -> true);
    }

    @AfterEach
    void stopCapture() {
        logs.close();
    }

    @Test
    void failingRunsWithBadKeysLogNoSecret() {
        Exchange official = send("direct:official", "a fox");
        Exchange gateway = send("direct:gateway", "a fox");

        assertThat(official.getException()).hasMessageContaining("1000");
        assertThat(gateway.getException()).hasMessageContaining("401");
        String text = logs.text();
        assertThat(text).contains("Failed delivery").contains("kling://text2video");
        assertThat(text).doesNotContain(SECRET_KEY).doesNotContain(API_KEY).doesNotContain("ak-SECRET-never-print");
        assertThat(String.valueOf(official.getException())).doesNotContain(SECRET_KEY);
    }
}
