package io.camelvideo.legnext;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.legnext.api.LegnextApiException;
import io.camelvideo.legnext.api.LegnextClient;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.poll.PollSchedule;
import io.camelvideo.task.poll.TaskPoller;
import io.camelvideo.task.submit.RemoteSubmit;

import java.util.concurrent.CompletableFuture;

/**
 * One Legnext submit for the submit protocol. Legnext has no idempotency key and no way to find a
 * job by what was sent, so a submit of unknown outcome stays recorded as such and is not sent again
 * on its own: the error says so and how to resolve it.
 */
final class LegnextSubmit implements RemoteSubmit<LegnextJob> {

    private final LegnextClient client;
    private final TaskPoller<LegnextJob> poller;
    private final PollSchedule schedule;
    private final LegnextOperation operation;
    private final ObjectNode body;
    private final String key;

    LegnextSubmit(RemoteAccount<LegnextClient, LegnextJob> account, PollSchedule schedule, LegnextOperation operation,
                  ObjectNode body, String key) {
        this.client = account.client();
        this.poller = account.poller();
        this.schedule = schedule;
        this.operation = operation;
        this.body = body;
        this.key = key;
    }

    @Override
    public CompletableFuture<LegnextJob> create() {
        return client.submit(operation.path(), body);
    }

    @Override
    public CompletableFuture<LegnextJob> fetch(String jobId) {
        return client.job(jobId);
    }

    @Override
    public boolean canLookUp() {
        return false;
    }

    @Override
    public CompletableFuture<LegnextJob> lookUp() {
        throw new UnsupportedOperationException("Legnext cannot find a job by what was sent");
    }


    @Override
    public CompletableFuture<LegnextJob> finished(LegnextJob job) {
        return job.isFinished() ? CompletableFuture.completedFuture(job) : poller.watch(LegnextEndpoint.JOBS, job.jobId(), schedule);
    }


    @Override
    public Outcome outcome(Throwable error) {
        if (ApiHttpClient.notSent(error)) {
            return Outcome.NOT_CREATED;
        }
        if (error instanceof LegnextApiException api && api.getHttpStatus() >= 400 && api.getHttpStatus() < 500) {
            return Outcome.NOT_CREATED;
        }
        return Outcome.UNKNOWN;
    }

    @Override
    public RuntimeException unknownOutcome(Throwable cause) {
        String what = cause != null ? "The outcome of the Legnext " + operation.path() + " submit is unknown ("
                + cause.getMessage() + ")" : "An earlier attempt of this Legnext " + operation.path() + " submit (same input,"
                + " submit key " + key + ") has an unknown outcome";
        return new LegnextApiException(what + ": the job may exist and be billed. Legnext has no idempotency key, so it"
                + " was not submitted again, and a redelivery of the same input will not submit it either. Check the"
                + " account's balance and jobs; to send it anyway, set header " + LegnextConstants.RESUBMIT + "=true.",
                cause instanceof LegnextApiException api ? api.getHttpStatus() : 0, null, null, false, null, cause);
    }
}
