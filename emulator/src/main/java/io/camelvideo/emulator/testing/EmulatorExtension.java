package io.camelvideo.emulator.testing;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A JUnit 5 extension that starts an emulator on a free loopback port before a test class's tests and
 * stops it after them, handing it to the class as it starts:
 *
 * <pre>{@code
 * static Emulator emulator;
 * @RegisterExtension
 * static final EmulatorExtension EMULATOR = new EmulatorExtension(started -> emulator = started);
 * }</pre>
 *
 * Time runs 1000× faster unless other settings are given. Registered in a base class, it starts one
 * emulator for each test class that extends it. (JUnit is an optional dependency of this module:
 * only tests that use the extension need it.)
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<EmulatorSettings> settings;
    private final Consumer<Emulator> started;
    private Emulator emulator;

    /** An emulator with time sped up 1000×. */
    public EmulatorExtension(Consumer<Emulator> started) {
        this(() -> new EmulatorSettings().speed(1000), started);
    }

    public EmulatorExtension(Supplier<EmulatorSettings> settings, Consumer<Emulator> started) {
        this.settings = settings;
        this.started = started;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = Emulator.start(settings.get());
        started.accept(emulator);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
