package io.camelvideo.task.poll;

import org.apache.camel.RuntimeCamelException;

import java.time.Duration;

/**
 * A task did not reach a terminal status in the time allowed. The remote task is not cancelled (the
 * APIs have no cancel): it may still finish, and be billed; query it later by its id.
 */
public class TaskTimeoutException extends RuntimeCamelException {

    private final String taskId;

    public TaskTimeoutException(String taskId, Duration waited) {
        super("Task " + taskId + " did not finish within " + waited.toSeconds() + " s. It was not cancelled and may "
                + "still finish and be billed: query it later with its task id.");
        this.taskId = taskId;
    }

    public String getTaskId() {
        return taskId;
    }
}
