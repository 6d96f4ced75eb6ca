package io.camelvideo.task.request;

/**
 * A request a producer refused before any HTTP call (so nothing was billed): names the field, what
 * is wrong with its value, and the limit. Each component throws its own subclass.
 */
public class RequestValidationException extends IllegalArgumentException {

    private final String field;

    /** @param api how messages name the API, e.g. {@code Kling} */
    protected RequestValidationException(String api, String field, String problem) {
        super("Invalid " + api + " request: " + field + " " + problem);
        this.field = field;
    }

    /** The option name of the offending field, e.g. {@code cfgScale}. */
    public String getField() {
        return field;
    }
}
