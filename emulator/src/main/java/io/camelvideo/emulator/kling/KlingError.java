package io.camelvideo.emulator.kling;

/** A refusal of the emulated Kling API: becomes an error body with the code's HTTP status. */
public final class KlingError extends RuntimeException {

    private final KlingErrorCode code;

    public KlingError(KlingErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public KlingError(KlingErrorCode code) {
        this(code, code.message());
    }

    /** 400 / 1201 naming the field and the problem, e.g. {@code "cfg_scale must be between 0 and 1, was 1.5"}. */
    public static KlingError invalid(String field, String problem) {
        return new KlingError(KlingErrorCode.INVALID_PARAMETER, "Invalid parameter " + field + ": " + problem);
    }

    /** 400 / 1200 for a missing required field. */
    public static KlingError missing(String field) {
        return new KlingError(KlingErrorCode.INVALID_REQUEST, "Invalid request parameters: " + field + " is required");
    }

    public KlingErrorCode code() {
        return code;
    }
}
