package io.camelvideo.legnext;

import io.camelvideo.legnext.model.LegnextJob;
import org.apache.camel.RuntimeCamelException;

/** A job the producer waited for ended {@code failed}; carries its error code and message. */
public class LegnextJobFailedException extends RuntimeCamelException {

    private final transient LegnextJob job;

    public LegnextJobFailedException(LegnextJob job) {
        super("Legnext job " + job.jobId() + " failed" + (job.error() == null ? "" : ": " + job.error().message()
                + (job.error().rawMessage() == null || job.error().rawMessage().isBlank() ? "" : " (" + job.error().rawMessage() + ")")
                + " [code " + job.error().code() + "]"));
        this.job = job;
    }

    public String getJobId() {
        return job.jobId();
    }

    public LegnextJob getJob() {
        return job;
    }
}
