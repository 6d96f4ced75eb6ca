package io.camelvideo.legnext;

import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.tracking.TaskTracker;
import io.camelvideo.task.tracking.TrackedTaskConsumer;
import org.apache.camel.Processor;

/**
 * {@code from("legnext:<operation>")}: emits each tracked job of the operation once, when it has
 * ended, with the submitting exchange's correlation headers, the job headers, and the job (or with
 * {@code download=true} its files) as the body.
 */
public class LegnextConsumer extends TrackedTaskConsumer<LegnextJob> {

    LegnextConsumer(LegnextEndpoint endpoint, Processor processor, TaskTracker<LegnextJob> tracker) {
        super(endpoint, processor, tracker, endpoint.messages(), endpoint.taskScope(), endpoint.getConfiguration().getOnlyStatus(),
                endpoint.getConfiguration());
    }
}
