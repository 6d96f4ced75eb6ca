package io.camelvideo.kling;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.emulator.testing.EmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Camel context with a {@code kling} component pointed at a fresh emulator (official paths, JWT),
 * with time sped up 1000x and polling every 20 ms.
 */
abstract class KlingTestSupport {

    static Emulator emulator;

    CamelContext context;
    ProducerTemplate template;

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(started -> emulator = started);

    @BeforeEach
    void startCamel() throws Exception {
        emulator.reset();
        emulator.settings().speed(1000).klingConcurrency(0).videoPaddingBytes(0).latencyMillis(0).klingPackUnits(10_000);
        context = new DefaultCamelContext();
        KlingComponent kling = emulatorKling(emulator.baseUrl());
        configure(kling);
        context.addComponent("kling", kling);
        RouteBuilder routes = routes();
        if (routes != null) {
            context.addRoutes(routes);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // downloads are deleted when their exchange completes: read them inside the route
                from("direct:read").toD("${header.TestUri}").process(exchange -> {
                    Object body = exchange.getMessage().getBody();
                    if (body instanceof java.io.InputStream stream) {
                        exchange.getMessage().setBody(stream.readAllBytes());
                    }
                });
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    /** A kling component on the emulator's official paths, polling every 20 ms and retrying within 50 ms. */
    static KlingComponent emulatorKling(String baseUrl) {
        KlingComponent kling = new KlingComponent();
        KlingConfiguration config = kling.getConfiguration();
        config.setBaseUrl(baseUrl);
        config.setAccessKey(EmulatorSettings.DEFAULT_ACCESS_KEY);
        config.setSecretKey(EmulatorSettings.DEFAULT_SECRET_KEY);
        config.setPollInterval(20);
        config.setMaxPollInterval(100);
        config.setRetryDelay(10);
        config.setMaxRetryDelay(50);
        config.setSubmitSettleTime(200);
        return kling;
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    /** Adjusts the component before the context starts. */
    void configure(KlingComponent kling) {
    }

    /** Routes of the test, or null. */
    RouteBuilder routes() {
        return null;
    }

    /** Sends {@code body} to {@code uri} and returns the exchange (its exception is not thrown). */
    Exchange send(String uri, Object body, Object... headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    /** Like {@link #send} but a downloaded body comes back as byte[]. */
    Exchange sendReading(String uri, Object body, Object... headers) {
        Object[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "TestUri";
        all[headers.length + 1] = uri;
        return send("direct:read", body, all);
    }

    long requests(String method, String path) {
        return emulator.journal().count(method, path);
    }
}
