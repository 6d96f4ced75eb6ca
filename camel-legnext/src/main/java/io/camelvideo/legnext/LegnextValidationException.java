package io.camelvideo.legnext;

/** A request the producer refused before any HTTP call (nothing was billed): names the field and the limit. */
public class LegnextValidationException extends IllegalArgumentException {

    private final String field;

    public LegnextValidationException(String field, String problem) {
        super("Invalid Legnext request: " + field + " " + problem);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
