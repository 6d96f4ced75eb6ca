package io.camelvideo.kling;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.kling.api.KlingClient;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.tracking.TaskScope;
import io.camelvideo.task.webhook.WebhookReceiver;

import java.util.concurrent.CompletableFuture;

/**
 * Kling's per-status callbacks (the bare task object; an enveloped {@code {code, data}} form is
 * accepted too), confirmed with a GET on the account the task was created on. Bound as bean
 * {@code klingWebhookReceiver}: {@code from("platform-http:/webhooks/kling/{token}").process("#klingWebhookReceiver")}.
 */
final class KlingWebhookReceiver extends WebhookReceiver<KlingClient, KlingTask> {

    private final KlingComponent component;

    KlingWebhookReceiver(KlingComponent component) {
        super(component, KlingComponent.CODEC);
        this.component = component;
    }

    @Override
    protected String taskId(JsonNode callback) {
        return text(callback.hasNonNull("task_id") ? callback.get("task_id") : callback.path("data").get("task_id"));
    }

    @Override
    protected String status(JsonNode callback) {
        return text(callback.hasNonNull("task_status") ? callback.get("task_status") : callback.path("data").get("task_status"));
    }

    @Override
    protected boolean isEndStatus(String status) {
        return KlingTask.SUCCEED.equals(status) || KlingTask.FAILED.equals(status);
    }

    @Override
    protected RemoteAccount<KlingClient, KlingTask> defaultAccount() {
        return component.account(component.getConfiguration());
    }

    @Override
    protected CompletableFuture<KlingTask> query(RemoteAccount<KlingClient, KlingTask> account, String group, String taskId) {
        return account.client().get(KlingKind.valueOf(group), taskId);
    }

    @Override
    protected TaskScope scope(String group) {
        return KlingEndpoint.taskScope(group);
    }
}
