package io.camelvideo.emulator;

import io.camelvideo.emulator.admin.AdminApi;
import io.camelvideo.emulator.callback.CallbackDispatcher;
import io.camelvideo.emulator.faults.Fault;
import io.camelvideo.emulator.faults.FaultPlan;
import io.camelvideo.emulator.http.EmulatorHttpServer;
import io.camelvideo.emulator.journal.RequestJournal;
import io.camelvideo.emulator.kling.JwtVerifier;
import io.camelvideo.emulator.kling.KlingApi;
import io.camelvideo.emulator.legnext.LegnextApi;
import io.camelvideo.emulator.media.MediaStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A stateful emulator of the Kling and Legnext APIs on one loopback port, for tests, examples and
 * benchmarks. Start one per test class:
 *
 * <pre>{@code
 * Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000));
 * String base = emulator.baseUrl();              // http://127.0.0.1:<port>
 * emulator.faults().add(Fault.status(503, 5001).on("GET", "/v1/").times(2).build());
 * emulator.journal().count("POST", "/v1/videos/text2video");
 * emulator.close();
 * }</pre>
 */
public final class Emulator implements AutoCloseable {

    private final EmulatorSettings settings;
    private final FaultPlan faults = new FaultPlan();
    private final RequestJournal journal;
    private final CallbackDispatcher callbacks;
    private final MediaStore media;
    private final KlingApi kling;
    private final LegnextApi legnext;
    private final EmulatorHttpServer server;

    private Emulator(EmulatorSettings settings) {
        this.settings = settings;
        LongSupplier clock = settings.clock();
        this.journal = new RequestJournal(settings.journalCapacity());
        this.callbacks = new CallbackDispatcher(settings);
        this.media = new MediaStore(settings);
        this.kling = new KlingApi(settings, media, callbacks, clock);
        this.legnext = new LegnextApi(settings, media, callbacks, clock);
        this.server = new EmulatorHttpServer(settings, List.of(new AdminApi(this), media, kling, legnext), faults, journal);
    }

    /** Starts an emulator with the given settings (port 0 = a free port). */
    public static Emulator start(EmulatorSettings settings) {
        Emulator emulator = new Emulator(settings);
        try {
            emulator.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        }
        emulator.media.baseUrl(emulator.baseUrl());
        return emulator;
    }

    /** Starts an emulator on a free loopback port with default settings. */
    public static Emulator start() {
        return start(new EmulatorSettings());
    }

    public int port() {
        return server.port();
    }

    /** {@code http://<host>:<port>}, the base URL to configure in a client (official paths are under {@code /v1}). */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /** A JWT for the default AccessKey/SecretKey, valid for 30 minutes (what a correct client sends). */
    public static String defaultJwt() {
        return JwtVerifier.token(EmulatorSettings.DEFAULT_ACCESS_KEY, EmulatorSettings.DEFAULT_SECRET_KEY,
                System.currentTimeMillis() / 1000, 1800);
    }

    public EmulatorSettings settings() {
        return settings;
    }

    /** Faults to play on the next matching requests. */
    public FaultPlan faults() {
        return faults;
    }

    /** Adds a fault (shortcut for {@code faults().add(fault)}). */
    public Fault inject(Fault fault) {
        return faults.add(fault);
    }

    /** Every request received (newest {@link EmulatorSettings#journalCapacity(int)}). */
    public RequestJournal journal() {
        return journal;
    }

    /** The callbacks sent so far. */
    public CallbackDispatcher callbacks() {
        return callbacks;
    }

    public MediaStore media() {
        return media;
    }

    public KlingApi kling() {
        return kling;
    }

    public LegnextApi legnext() {
        return legnext;
    }

    /** Forgets all tasks, jobs, media, points, faults, recorded requests and callbacks. */
    public void reset() {
        faults.clear();
        journal.clear();
        callbacks.clear();
        media.clear();
        kling.reset();
        legnext.reset();
        settings.reseed();
    }

    @Override
    public void close() {
        server.stop();
        callbacks.close();
    }
}
