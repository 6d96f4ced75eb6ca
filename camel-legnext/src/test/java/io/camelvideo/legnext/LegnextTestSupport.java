package io.camelvideo.legnext;

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

/** A Camel context with a {@code legnext} component on a fresh emulator, time sped up 1000x, polling every 20 ms. */
abstract class LegnextTestSupport {

    static Emulator emulator;

    CamelContext context;
    ProducerTemplate template;

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(started -> emulator = started);

    @BeforeEach
    void startCamel() throws Exception {
        emulator.reset();
        emulator.settings().legnextConcurrency(0);
        context = new DefaultCamelContext();
        LegnextComponent legnext = new LegnextComponent();
        LegnextConfiguration config = legnext.getConfiguration();
        config.setBaseUrl(emulator.baseUrl());
        config.setApiKey(EmulatorSettings.DEFAULT_LEGNEXT_API_KEY);
        config.setPollInterval(20);
        config.setMaxPollInterval(100);
        config.setRetryDelay(10);
        config.setMaxRetryDelay(50);
        configure(legnext);
        context.addComponent("legnext", legnext);
        RouteBuilder routes = routes();
        if (routes != null) {
            context.addRoutes(routes);
        }
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    RouteBuilder routes() {
        return null;
    }

    /** Adjusts the component before the context starts. */
    void configure(LegnextComponent legnext) {
    }

    Exchange send(String uri, Object body, Object... headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getMessage().setHeader((String) headers[i], headers[i + 1]);
            }
        });
    }

    /** A completed diffusion job's id, to follow up on. */
    String completedImageJob() {
        Exchange out = send("legnext:diffusion?waitForCompletion=true", "a lighthouse at dusk");
        if (out.getException() != null) {
            throw new AssertionError(out.getException());
        }
        return out.getMessage().getHeader(LegnextConstants.JOB_ID, String.class);
    }
}
