package io.camelvideo.emulator.faults;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault the emulator plays on the next {@code count} matching requests.
 *
 * <p>{@link Phase#BEFORE} faults replace the request (the API never sees it: no task is created);
 * {@link Phase#AFTER} faults let the API process it (a create is accepted and the task exists) and
 * then replace the answer, which is how "the connection dropped after the create was accepted" and
 * "a 5xx after the request was sent" are played.
 */
public final class Fault {

    /** What the client sees. */
    public enum Type {
        /** An HTTP error with the API's own error body ({@code status}, {@code code}, optional {@code Retry-After}). */
        STATUS,
        /** The connection is closed without any response. */
        DROP,
        /** HTTP 200 with a body that is not JSON. */
        MALFORMED_JSON,
        /** HTTP 200 with the real JSON answer cut in half. */
        TRUNCATED_JSON,
        /** The real answer, after {@code delayMillis}. */
        DELAY,
        /**
         * The request reaches the API only after {@code delayMillis} (a slow proxy or queue): it is
         * processed then, and answered then. A client that timed out meanwhile and looks the task
         * up at once finds nothing yet.
         */
        LATE,
        /**
         * The real answer with every task/job status replaced by one no contract lists
         * ({@code "under_review"}) and an unexpected field added: clients must keep polling, not fail
         * and not take it for a success.
         */
        UNKNOWN_STATUS;

        public static Type parse(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Whether the API processes the request before the fault is played. */
    public enum Phase {
        BEFORE,
        AFTER;

        public static Phase parse(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final String method;
    private final String pathPrefix;
    private final Type type;
    private final Phase phase;
    private final int status;
    private final Integer code;
    private final Integer retryAfterSeconds;
    private final long delayMillis;
    private final long activeUntil;
    private final AtomicInteger remaining;

    private Fault(Builder b) {
        this.method = b.method;
        this.pathPrefix = b.pathPrefix;
        this.type = b.type;
        this.phase = b.phase;
        this.status = b.status;
        this.code = b.code;
        this.retryAfterSeconds = b.retryAfterSeconds;
        this.delayMillis = b.delayMillis;
        this.activeUntil = b.durationMillis > 0 ? System.currentTimeMillis() + b.durationMillis : 0;
        this.remaining = new AtomicInteger(b.count);
    }

    public static Builder of(Type type) {
        return new Builder(type);
    }

    /** HTTP {@code status} with the API's business {@code code} (may be null for Legnext). */
    public static Builder status(int status, Integer code) {
        return new Builder(Type.STATUS).httpStatus(status).code(code);
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (pathPrefix == null || requestPath.startsWith(pathPrefix));
    }

    /** Consumes one play of this fault; false once it is used up (or, when timed, once its time is over). */
    boolean tryConsume() {
        if (activeUntil > 0) {
            return System.currentTimeMillis() < activeUntil;
        }
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** Plays left; a timed fault has unlimited plays until its time is over, then none. */
    public int remaining() {
        if (activeUntil > 0) {
            return System.currentTimeMillis() < activeUntil ? Integer.MAX_VALUE : 0;
        }
        return remaining.get();
    }

    public Type type() {
        return type;
    }

    public Phase phase() {
        return phase;
    }

    public int status() {
        return status;
    }

    public Integer code() {
        return code;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public long delayMillis() {
        return delayMillis;
    }

    @Override
    public String toString() {
        return type + (type == Type.STATUS ? " " + status + (code != null ? "/" + code : "") : "")
                + " " + phase + " on " + (method != null ? method : "*") + " " + (pathPrefix != null ? pathPrefix : "*")
                + (activeUntil > 0 ? " (until " + java.time.Instant.ofEpochMilli(activeUntil) + ")"
                        : " (" + remaining.get() + " left)");
    }

    /** Builds a {@link Fault}; by default it plays once, before processing, on any request of a faultable API. */
    public static final class Builder {
        private final Type type;
        private String method;
        private String pathPrefix;
        private Phase phase = Phase.BEFORE;
        private int status = 500;
        private Integer code;
        private Integer retryAfterSeconds;
        private long delayMillis;
        private long durationMillis;
        private int count = 1;

        private Builder(Type type) {
            this.type = type;
        }

        public Builder on(String method, String pathPrefix) {
            this.method = method;
            this.pathPrefix = pathPrefix;
            return this;
        }

        public Builder phase(Phase phase) {
            this.phase = phase;
            return this;
        }

        public Builder afterProcessing() {
            return phase(Phase.AFTER);
        }

        public Builder httpStatus(int status) {
            this.status = status;
            return this;
        }

        public Builder code(Integer code) {
            this.code = code;
            return this;
        }

        public Builder retryAfter(Integer seconds) {
            this.retryAfterSeconds = seconds;
            return this;
        }

        public Builder delayMillis(long delayMillis) {
            this.delayMillis = delayMillis;
            return this;
        }

        public Builder times(int count) {
            this.count = count;
            return this;
        }

        /** Plays on every matching request for {@code millis} from now (instead of a count). */
        public Builder forMillis(long millis) {
            this.durationMillis = millis;
            return this;
        }

        public Fault build() {
            return new Fault(this);
        }
    }
}
