package io.camelvideo.kling;

import io.camelvideo.kling.model.KlingTask;
import org.apache.camel.RuntimeCamelException;

/**
 * A task the producer waited for ended {@code failed}, e.g. "Failure to pass the risk control system".
 * Re-submitting the same input will usually fail the same way.
 */
public class KlingTaskFailedException extends RuntimeCamelException {

    private final transient KlingTask task;

    public KlingTaskFailedException(KlingTask task) {
        super("Kling task " + task.taskId() + " failed: " + (task.taskStatusMessage() == null || task.taskStatusMessage().isBlank()
                ? "no reason given" : task.taskStatusMessage()));
        this.task = task;
    }

    public String getTaskId() {
        return task.taskId();
    }

    public String getStatusMessage() {
        return task.taskStatusMessage();
    }

    public KlingTask getTask() {
        return task;
    }
}
