package io.camelvideo.task.ledger;

/**
 * The ledger's memory of one paid submit, written before the request leaves (write-ahead), so a
 * retry, a redelivery or a restart of the same input never pays twice.
 *
 * @param scope     the endpoint that submits ({@code kling:text2video}, {@code legnext:diffusion})
 * @param key       the submit's idempotency key (Kling: the {@code external_task_id} sent)
 * @param state     {@link State#INTENDED} from before the request until its task id is known, then {@link State#CREATED}
 * @param taskId    the created task's id, once {@link State#CREATED}
 * @param createdAt epoch ms the intent was first recorded
 * @param updatedAt epoch ms of the last change (the latest attempt)
 */
public record SubmitRecord(String scope, String key, State state, String taskId, long createdAt, long updatedAt) {

    /** Where a submit is. */
    public enum State {
        /** Recorded before the request: the task may or may not exist. */
        INTENDED,
        /** The API answered with the task id: the submit is done, whatever happens to the exchange later. */
        CREATED
    }

    /** A fresh intent. */
    public static SubmitRecord intent(String scope, String key, long now) {
        return new SubmitRecord(scope, key, State.INTENDED, null, now, now);
    }

    SubmitRecord created(String taskId, long now) {
        return new SubmitRecord(scope, key, State.CREATED, taskId, createdAt, now);
    }

    SubmitRecord touched(long now) {
        return new SubmitRecord(scope, key, state, taskId, createdAt, now);
    }
}
