package io.camelvideo.legnext;

import io.camelvideo.legnext.api.LegnextClient;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.camel.EndpointOptions;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.camel.TaskEndpoint;
import io.camelvideo.task.tracking.TaskScope;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

import java.util.List;

/**
 * Midjourney images and videos through the Legnext API: create jobs (diffusion, variation, upscale,
 * ..., video diffusion, extension, upscale), query a job, read the balance, and consume each tracked
 * job once when it ends.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "legnext", title = "Legnext (Midjourney)", syntax = "legnext:operation",
             category = { Category.AI }, headersClass = LegnextConstants.class)
public class LegnextEndpoint extends ScheduledPollEndpoint implements TaskEndpoint {

    /** The poller group of every Legnext job: jobs of all operations are queried the same way. */
    static final String JOBS = "jobs";

    /** What to do: a job-creating operation, job (query one) or balance. */
    @UriPath
    @Metadata(required = true)
    private LegnextOperation operation;

    @UriParam
    private LegnextConfiguration configuration;

    private RemoteAccount<LegnextClient, LegnextJob> account;
    private final LegnextJobMessages messages = new LegnextJobMessages(this);

    public LegnextEndpoint(String uri, LegnextComponent component, LegnextOperation operation,
                           LegnextConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public LegnextComponent getComponent() {
        return (LegnextComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new LegnextProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (!operation.createsJob()) {
            throw new IllegalArgumentException("legnext:" + operation + " has no consumer: consume a job-creating operation,"
                    + " e.g. from(\"legnext:videoDiffusion\")");
        }
        LegnextConsumer consumer = new LegnextConsumer(this, processor, getComponent().tracker(this));
        configureConsumer(consumer);
        return consumer;
    }

    /** Options Camel binds as text are checked here, so a wrong value fails the route at start, listing the valid ones. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        EndpointOptions.requireOneOf("legnext", "downloadOutput", configuration.getDownloadOutput(),
                List.of("all", "grid", "0", "1", "2", "3"));
        EndpointOptions.requireOneOf("legnext", "onlyStatus", configuration.getOnlyStatus(), List.of("completed", "failed"));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        account = getComponent().account(configuration);
    }

    /** Where this endpoint's jobs are kept: ledger scope {@code legnext:<operation>}, checked with all jobs. */
    @Override
    public TaskScope taskScope() {
        return taskScope(operation.name());
    }

    /** The scope of the jobs of {@code operation}: the same for endpoints and callbacks. */
    static TaskScope taskScope(String operation) {
        return TaskScope.of("legnext", operation, JOBS);
    }

    public LegnextOperation getOperation() {
        return operation;
    }

    public void setOperation(LegnextOperation operation) {
        this.operation = operation;
    }

    public LegnextConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LegnextConfiguration configuration) {
        this.configuration = configuration;
    }

    public RemoteAccount<LegnextClient, LegnextJob> getAccount() {
        return account;
    }

    /** How this endpoint's tasks become messages (headers, body, files). */
    LegnextJobMessages messages() {
        return messages;
    }
}
