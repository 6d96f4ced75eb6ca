package io.camelvideo.kling;

/**
 * A request the producer refused before any HTTP call (so nothing was billed): names the field,
 * what is wrong with the value, and the limit.
 */
public class KlingValidationException extends IllegalArgumentException {

    private final String field;

    public KlingValidationException(String field, String problem) {
        super("Invalid Kling request: " + field + " " + problem);
        this.field = field;
    }

    /** The option name of the offending field, e.g. {@code cfgScale}. */
    public String getField() {
        return field;
    }
}
