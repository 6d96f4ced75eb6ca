package io.camelvideo.kling;

import io.camelvideo.task.request.RequestValidationException;

/** A Kling request refused before any HTTP call (so nothing was billed): names the field, the problem and the limit. */
public class KlingValidationException extends RequestValidationException {

    public KlingValidationException(String field, String problem) {
        super("Kling", field, problem);
    }
}
