package io.camelvideo.emulator;

import io.camelvideo.emulator.kling.GatewayFormat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Everything that shapes the emulator's behaviour. Credentials and the listen address are read at
 * start; the rest may be changed while it runs (Java API or {@code PUT /__emulator/settings}).
 *
 * <p>Time: task durations are "virtual" (what the real service would take, e.g. 65 s for a Kling
 * clip). {@link #speed(double)} divides them, so {@code speed=1000} makes a 65 s task finish in 65 ms
 * of real time without anybody sleeping.
 */
public final class EmulatorSettings {

    /** The AccessKey the emulator accepts by default for JWT auth on the official paths. */
    public static final String DEFAULT_ACCESS_KEY = "emulator-access-key";
    /** The SecretKey paired with {@link #DEFAULT_ACCESS_KEY}. */
    public static final String DEFAULT_SECRET_KEY = "emulator-secret-key";
    /** The plain Bearer key the Kling gateway paths accept by default. */
    public static final String DEFAULT_KLING_API_KEY = "emulator-kling-api-key";
    /** The {@code x-api-key} the Legnext API accepts by default. */
    public static final String DEFAULT_LEGNEXT_API_KEY = "emulator-legnext-api-key";

    private String host = "127.0.0.1";
    private int port;
    private final Map<String, String> klingJwtKeys = new ConcurrentHashMap<>(Map.of(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY));
    private final Set<String> klingApiKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, GatewayFormat> klingGateways = new LinkedHashMap<>();
    private final Set<String> legnextApiKeys = ConcurrentHashMap.newKeySet();

    private LongSupplier clock = System::currentTimeMillis;
    private volatile double speed = 1.0;
    private volatile long latencyMillis;
    private volatile long klingQueuedMillis = 5_000;
    private volatile long klingProcessingMillis = 60_000;
    private static final long DURATION_SEED = 20_261_202L;
    private volatile double durationSpread;
    private java.util.SplittableRandom durations = new java.util.SplittableRandom(DURATION_SEED);
    private volatile int klingConcurrency;
    private volatile long klingPackUnits = 10_000;
    private volatile long legnextPendingMillis = 3_000;
    private volatile long legnextStagedMillis = 2_000;
    private volatile double legnextDurationFactor = 1.0;
    private volatile int legnextConcurrency;
    private volatile long legnextInitialPoints = 100_000;
    private volatile boolean legnextTextOnlyVideo = true;
    private volatile String failMarker = "[fail]";
    private volatile String blockMarker = "[blocked]";
    private volatile long videoPaddingBytes;
    private volatile int journalCapacity = 100_000;
    private volatile boolean dropCallbacks;
    private volatile boolean duplicateCallbacks;

    public EmulatorSettings() {
        klingApiKeys.add(DEFAULT_KLING_API_KEY);
        legnextApiKeys.add(DEFAULT_LEGNEXT_API_KEY);
        klingGateways.put("/kling", GatewayFormat.NEW_API);
        klingGateways.put("/raw/kling", GatewayFormat.RAW);
    }

    /** The address to bind; loopback unless told otherwise. */
    public EmulatorSettings host(String host) {
        this.host = host;
        return this;
    }

    /** The port to listen on; 0 picks a free one. */
    public EmulatorSettings port(int port) {
        this.port = port;
        return this;
    }

    /** Accept a further AccessKey/SecretKey pair for JWT auth on the official {@code /v1} paths. */
    public EmulatorSettings klingJwtKey(String accessKey, String secretKey) {
        klingJwtKeys.put(accessKey, secretKey);
        return this;
    }

    /** Accept a further plain Bearer key on the Kling gateway paths. */
    public EmulatorSettings klingApiKey(String apiKey) {
        klingApiKeys.add(apiKey);
        return this;
    }

    /** Serve the Kling API under {@code prefix + "/v1/..."} with plain Bearer keys, answering in {@code format}. */
    public EmulatorSettings klingGateway(String prefix, GatewayFormat format) {
        klingGateways.put(prefix, format);
        return this;
    }

    /** Accept a further Legnext {@code x-api-key}. */
    public EmulatorSettings legnextApiKey(String apiKey) {
        legnextApiKeys.add(apiKey);
        return this;
    }

    /**
     * The clock (epoch milliseconds) task timelines are read against; tests may pass a hand-moved one
     * to step through statuses deterministically. Read at start.
     */
    public EmulatorSettings clock(LongSupplier clock) {
        this.clock = clock;
        return this;
    }

    /** Time acceleration: virtual task durations are divided by this factor (1 = real time). */
    public EmulatorSettings speed(double speed) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
        this.speed = speed;
        return this;
    }

    /** Real milliseconds added to every API response. */
    public EmulatorSettings latencyMillis(long latencyMillis) {
        this.latencyMillis = latencyMillis;
        return this;
    }

    /** Virtual time a Kling task stays {@code submitted}. */
    public EmulatorSettings klingQueuedMillis(long millis) {
        this.klingQueuedMillis = millis;
        return this;
    }

    /** Virtual time a Kling task stays {@code processing}. */
    public EmulatorSettings klingProcessingMillis(long millis) {
        this.klingProcessingMillis = millis;
        return this;
    }

    /**
     * Spreads Kling processing times: each task's is drawn uniformly from
     * {@code klingProcessingMillis × [1 − spread, 1 + spread]} by a generator seeded afresh at every
     * {@link #reseed()} (the emulator's reset), so contenders run one after the other see the same draws
     * and no poller lines up with the tasks by luck. 0 (the default) = every task takes the same time.
     */
    public EmulatorSettings durationSpread(double spread) {
        if (spread < 0 || spread > 0.95) {
            throw new IllegalArgumentException("durationSpread must be between 0 and 0.95, was " + spread);
        }
        this.durationSpread = spread;
        return this;
    }

    /** Starts the draws of {@link #durationSpread} again from the same seed. */
    public synchronized EmulatorSettings reseed() {
        durations = new java.util.SplittableRandom(DURATION_SEED);
        return this;
    }

    /** The processing time of the next Kling task: {@link #klingProcessingMillis}, spread when asked. */
    public synchronized long nextKlingProcessingMillis() {
        if (durationSpread == 0) {
            return klingProcessingMillis;
        }
        return Math.round(klingProcessingMillis * (1 - durationSpread + 2 * durationSpread * durations.nextDouble()));
    }

    public double durationSpread() {
        return durationSpread;
    }

    /** Unfinished Kling tasks one account may have; more get 429 / 1303. 0 = no limit. */
    public EmulatorSettings klingConcurrency(int limit) {
        this.klingConcurrency = limit;
        return this;
    }

    /** The units of the account's one resource pack (account costs); succeeded tasks use them up. */
    public EmulatorSettings klingPackUnits(long units) {
        this.klingPackUnits = units;
        return this;
    }

    public long klingPackUnits() {
        return klingPackUnits;
    }

    /** Virtual time a Legnext job stays {@code pending}. */
    public EmulatorSettings legnextPendingMillis(long millis) {
        this.legnextPendingMillis = millis;
        return this;
    }

    /** Virtual time a Legnext job stays {@code staged}. */
    public EmulatorSettings legnextStagedMillis(long millis) {
        this.legnextStagedMillis = millis;
        return this;
    }

    /** Multiplies the typical Legnext processing times of the contract (e.g. 40 s for diffusion). */
    public EmulatorSettings legnextDurationFactor(double factor) {
        this.legnextDurationFactor = factor;
        return this;
    }

    /** Unfinished Legnext jobs one key may have; more get 429. 0 = no limit. */
    public EmulatorSettings legnextConcurrency(int limit) {
        this.legnextConcurrency = limit;
        return this;
    }

    /**
     * Whether a Legnext video-diffusion with a prompt that is only text is accepted (the default) or
     * refused with 400: legnext-api-current.md §8 leaves it open and asks for both behaviours.
     */
    public EmulatorSettings legnextTextOnlyVideo(boolean accepted) {
        this.legnextTextOnlyVideo = accepted;
        return this;
    }

    public boolean legnextTextOnlyVideo() {
        return legnextTextOnlyVideo;
    }

    /** Points each Legnext key starts with (and gets back on {@code reset}). */
    public EmulatorSettings legnextInitialPoints(long points) {
        this.legnextInitialPoints = points;
        return this;
    }

    /** A prompt containing this text is accepted, then fails (Kling: risk control; Legnext: job failed). */
    public EmulatorSettings failMarker(String marker) {
        this.failMarker = marker;
        return this;
    }

    /** A prompt containing this text is refused at once (Kling 400/1301, Legnext 403). */
    public EmulatorSettings blockMarker(String marker) {
        this.blockMarker = marker;
        return this;
    }

    /** Extra bytes appended (as an ISO BMFF {@code free} box) to every mp4, to exercise large downloads. */
    public EmulatorSettings videoPaddingBytes(long bytes) {
        this.videoPaddingBytes = bytes;
        return this;
    }

    /** Lose every callback (the receiver never hears of the task): clients must fall back to polling. */
    public EmulatorSettings dropCallbacks(boolean drop) {
        this.dropCallbacks = drop;
        return this;
    }

    /** Send every callback twice, the copy a moment later (as a retrying sender would). */
    public EmulatorSettings duplicateCallbacks(boolean duplicate) {
        this.duplicateCallbacks = duplicate;
        return this;
    }

    public boolean dropCallbacks() {
        return dropCallbacks;
    }

    public boolean duplicateCallbacks() {
        return duplicateCallbacks;
    }

    /** How many requests the journal keeps. */
    public EmulatorSettings journalCapacity(int capacity) {
        this.journalCapacity = capacity;
        return this;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Map<String, String> klingJwtKeys() {
        return klingJwtKeys;
    }

    public Set<String> klingApiKeys() {
        return klingApiKeys;
    }

    public Map<String, GatewayFormat> klingGateways() {
        return klingGateways;
    }

    public Set<String> legnextApiKeys() {
        return legnextApiKeys;
    }

    public LongSupplier clock() {
        return clock;
    }

    public double speed() {
        return speed;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public long klingQueuedMillis() {
        return klingQueuedMillis;
    }

    public long klingProcessingMillis() {
        return klingProcessingMillis;
    }

    public int klingConcurrency() {
        return klingConcurrency;
    }

    public long legnextPendingMillis() {
        return legnextPendingMillis;
    }

    public long legnextStagedMillis() {
        return legnextStagedMillis;
    }

    public double legnextDurationFactor() {
        return legnextDurationFactor;
    }

    public int legnextConcurrency() {
        return legnextConcurrency;
    }

    public long legnextInitialPoints() {
        return legnextInitialPoints;
    }

    public String failMarker() {
        return failMarker;
    }

    public String blockMarker() {
        return blockMarker;
    }

    public long videoPaddingBytes() {
        return videoPaddingBytes;
    }

    public int journalCapacity() {
        return journalCapacity;
    }

    /** Real milliseconds that a virtual duration takes at the current speed. */
    public long realMillis(long virtualMillis) {
        return (long) Math.ceil(virtualMillis / speed);
    }
}
