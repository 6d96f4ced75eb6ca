package io.camelvideo.kling;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import org.apache.camel.Endpoint;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Camel Main application as users run it — start-up summary, route dump, every logger at TRACE,
 * keys in properties, in a YAML {@code parameters:} block and in an endpoint URI as RAW() — prints
 * no secret, and no endpoint URI Camel shows holds one. One exception, Camel's own and not the
 * component's: at DEBUG, {@code org.apache.camel.main.BaseMainSupport} and {@code MainHelper} echo
 * every configured property with its value (for any component); those echo lines are left out of
 * the check, and docs/reliability.md says to keep {@code org.apache.camel.main} above DEBUG in
 * production. The start-up summary itself (masked) is checked.
 */
class KlingMainSecretsTest {

    private static final List<String> SECRETS = List.of("emulator-secret-key", "WEBHOOK-SIGNING-SECRET-31337",
            "gw-PROPERTY-SECRET-4711");

    /** Camel Main's own DEBUG echo of each configured property with its value (see the class comment). */
    private static boolean mainPropertyEcho(LogEvent event) {
        String message = event.getMessage().getFormattedMessage();
        return event.getLevel().isLessSpecificThan(Level.DEBUG) && event.getLoggerName().startsWith("org.apache.camel.main.")
                && (message.matches("(?s)\\s+camel\\.[\\w.-]+=.*") || message.startsWith("Configured property: "));
    }

    @Test
    void noSecretInAnyLogLineOrEndpointUri() throws Exception {
        LogCapture capture = new LogCapture(Level.TRACE, event -> !mainPropertyEcho(event));
        List<String> endpointUris;
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            Main main = new Main();
            main.addInitialProperty("emulator.url", emulator.baseUrl());
            main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/kling-secrets-route.yaml");
            main.addOverrideProperty("camel.main.dump-routes", "yaml");
            main.addOverrideProperty("camel.component.kling.webhook-verify-token", "WEBHOOK-SIGNING-SECRET-31337");
            main.addOverrideProperty("camel.component.kling.api-key", "gw-PROPERTY-SECRET-4711");
            main.start();
            try {
                var template = main.getCamelContext().createProducerTemplate();
                assertThat(template.send("direct:gateway-video", e -> e.getMessage().setBody("a fox")).getException())
                        .as("the gateway refuses the key, and says so without it").hasMessageContaining("401");
                endpointUris = main.getCamelContext().getEndpoints().stream().map(Endpoint::getEndpointUri).toList();
            } finally {
                main.stop();
            }
        } finally {
            capture.close();
        }

        String logs = capture.text();
        assertThat(logs).as("the route dump ran").contains("Dumping 1 routes as YAML").contains("kling:text2video");
        assertThat(logs).as("the start-up summary ran").contains("camel.component.kling.webhookVerifyToken = xxxxxx")
                .contains("camel.component.kling.apiKey = xxxxxx");
        for (String secret : SECRETS) {
            assertThat(logs).as("log lines").doesNotContain(secret);
            assertThat(endpointUris).as("endpoint URIs").noneMatch(uri -> uri.contains(secret));
        }
    }

    @Test
    void aKeyWrittenInAnEndpointUriIsMaskedWhereTheComponentShowsItAndWarnedAbout() throws Exception {
        LogCapture capture = new LogCapture(Level.INFO, event -> event.getLevel().isMoreSpecificThan(Level.INFO));
        try (org.apache.camel.CamelContext context = new org.apache.camel.impl.DefaultCamelContext()) {
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").routeId("key-in-uri").to("kling:text2video?apiKey=RAW(gw-URI-SECRET-0815)");
                }
            });
            context.start();
            List<String> uris = context.getEndpoints().stream().map(Endpoint::getEndpointUri).toList();

            assertThat(uris).anyMatch(uri -> uri.startsWith("kling:")).noneMatch(uri -> uri.contains("gw-URI-SECRET-0815"));
        } finally {
            capture.close();
        }
        String logged = capture.text();
        assertThat(logged).contains("apiKey is written in an endpoint URI").contains("camel.component.kling.api-key")
                .contains("Started key-in-uri (direct://in)").doesNotContain("gw-URI-SECRET-0815");
    }
}
