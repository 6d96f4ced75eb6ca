package io.camelvideo.task.submit;

import org.apache.camel.RuntimeCamelException;

/**
 * The task ledger could not record a submit. Before the request it means nothing was sent and
 * nothing was paid: the input can be retried safely. After a create it names the created task,
 * which a redelivery of the same input adopts instead of paying again.
 */
public class LedgerUnavailableException extends RuntimeCamelException {

    private final String taskId;

    public LedgerUnavailableException(String message, String taskId, Throwable cause) {
        super(message, cause);
        this.taskId = taskId;
    }

    /** The task that was created but not recorded, or null when nothing was sent. */
    public String getTaskId() {
        return taskId;
    }
}
