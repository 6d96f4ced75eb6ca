package io.camelvideo.legnext;

import io.camelvideo.task.request.RequestValidationException;

/** A Legnext request refused before any HTTP call (nothing was billed): names the field, the problem and the limit. */
public class LegnextValidationException extends RequestValidationException {

    public LegnextValidationException(String field, String problem) {
        super("Legnext", field, problem);
    }
}
