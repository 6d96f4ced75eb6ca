package io.camelvideo.legnext;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.legnext.api.LegnextClient;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.tracking.TaskScope;
import io.camelvideo.task.webhook.WebhookReceiver;

import java.util.concurrent.CompletableFuture;

/**
 * Legnext's {@code {timestamp, data:<job>}} callbacks, confirmed with a GET on the account the job
 * was created on. Bound as bean {@code legnextWebhookReceiver}.
 */
final class LegnextWebhookReceiver extends WebhookReceiver<LegnextClient, LegnextJob> {

    private final LegnextComponent component;

    LegnextWebhookReceiver(LegnextComponent component) {
        super(component, LegnextComponent.CODEC);
        this.component = component;
    }

    @Override
    protected String taskId(JsonNode callback) {
        return text(callback.path("data").get("job_id"));
    }

    @Override
    protected String status(JsonNode callback) {
        return text(callback.path("data").get("status"));
    }

    @Override
    protected boolean isEndStatus(String status) {
        return LegnextJob.COMPLETED.equals(status) || LegnextJob.FAILED.equals(status);
    }

    @Override
    protected RemoteAccount<LegnextClient, LegnextJob> defaultAccount() {
        return component.account(component.getConfiguration());
    }

    @Override
    protected CompletableFuture<LegnextJob> query(RemoteAccount<LegnextClient, LegnextJob> account, String group, String jobId) {
        return account.client().job(jobId);
    }

    @Override
    protected TaskScope scope(String group) {
        return LegnextEndpoint.taskScope(group);
    }
}
