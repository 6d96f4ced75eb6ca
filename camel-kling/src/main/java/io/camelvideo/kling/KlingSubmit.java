package io.camelvideo.kling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.kling.api.KlingApiException;
import io.camelvideo.kling.api.KlingClient;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.poll.PollSchedule;
import io.camelvideo.task.poll.TaskPoller;
import io.camelvideo.task.submit.RemoteSubmit;

import java.util.concurrent.CompletableFuture;

/**
 * One Kling create for the submit protocol. The {@code external_task_id} is the submit key: the API
 * keeps it unique per account and finds a task by it, so an unknown outcome is resolved by a lookup
 * and "already used" (1201) means the task exists and is adopted.
 */
final class KlingSubmit implements RemoteSubmit<KlingTask> {

    private final KlingClient client;
    private final TaskPoller<KlingTask> poller;
    private final PollSchedule schedule;
    private final KlingKind kind;
    /** The body as JSON: what a queued create holds until it is sent (far smaller than the Jackson tree). */
    private final byte[] json;
    private final String externalTaskId;

    KlingSubmit(RemoteAccount<KlingClient, KlingTask> account, PollSchedule schedule, KlingKind kind, ObjectNode body) {
        this.client = account.client();
        this.poller = account.poller();
        this.schedule = schedule;
        this.kind = kind;
        this.externalTaskId = body.get("external_task_id").asText();
        try {
            this.json = KlingComponent.MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the request cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<KlingTask> create() {
        return client.create(kind, json);
    }

    @Override
    public CompletableFuture<KlingTask> fetch(String taskId) {
        return client.get(kind, taskId);
    }

    @Override
    public boolean canLookUp() {
        return true;
    }

    @Override
    public CompletableFuture<KlingTask> lookUp() {
        return client.lookUp(kind, externalTaskId);
    }


    @Override
    public CompletableFuture<KlingTask> finished(KlingTask task) {
        return task.isFinished() ? CompletableFuture.completedFuture(task) : poller.watch(kind.name(), task.taskId(), schedule);
    }


    @Override
    public Outcome outcome(Throwable error) {
        if (ApiHttpClient.notSent(error)) {
            return Outcome.NOT_CREATED;
        }
        if (error instanceof KlingApiException api) {
            if (api.isParallelLimit()) {
                return Outcome.PARALLEL_LIMIT;
            }
            if ("1201".equals(api.getCode())) {
                return Outcome.ALREADY_EXISTS; // "external_task_id already used", or another invalid value: the lookup tells
            }
            if (api.getHttpStatus() >= 400 && api.getHttpStatus() < 500) {
                return Outcome.NOT_CREATED;
            }
        }
        return Outcome.UNKNOWN;
    }

    @Override
    public RuntimeException unknownOutcome(Throwable cause) {
        String what = cause != null ? "The outcome of the " + kind + " create is unknown (" + cause.getMessage() + ")"
                : "An earlier attempt of this " + kind + " create has an unknown outcome";
        return new KlingApiException(what + ": the task may exist and be billed. It was not submitted again. A redelivery"
                + " of the same input looks it up again and adopts it; or query it with " + KlingConstants.EXTERNAL_TASK_ID
                + "='" + externalTaskId + "'.", cause instanceof KlingApiException api ? api.getHttpStatus() : 0,
                null, null, false, null, cause);
    }
}
