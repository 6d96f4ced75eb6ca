package io.camelvideo.task.camel;

import io.camelvideo.task.tracking.TaskScope;

/** An endpoint of a remote-task component: where its tasks are kept and watched. */
public interface TaskEndpoint {

    /** The endpoint's tasks: their ledger scope and poller group. */
    TaskScope taskScope();
}
