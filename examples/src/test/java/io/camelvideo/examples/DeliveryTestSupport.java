package io.camelvideo.examples;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.kling.KlingComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** A context whose kling component talks to the emulator, polling fast: the base of the example tests. */
final class DeliveryTestSupport {

    private DeliveryTestSupport() {
    }

    static CamelContext context(Emulator emulator) {
        CamelContext context = new DefaultCamelContext();
        KlingComponent kling = new KlingComponent();
        kling.getConfiguration().setBaseUrl(emulator.baseUrl());
        kling.getConfiguration().setAccessKey(EmulatorSettings.DEFAULT_ACCESS_KEY);
        kling.getConfiguration().setSecretKey(EmulatorSettings.DEFAULT_SECRET_KEY);
        kling.getConfiguration().setPollInterval(20);
        kling.getConfiguration().setMaxPollInterval(100);
        context.addComponent("kling", kling);
        return context;
    }
}
