package io.camelvideo.legnext;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.ledger.TaskLedger;
import io.camelvideo.legnext.api.LegnextClient;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.webhook.WebhookReceiver;

import java.util.concurrent.CompletableFuture;

/**
 * Legnext's {@code {timestamp, data:<job>}} callbacks, confirmed with a GET on the component's
 * account. Bound as bean {@code legnextWebhookReceiver}.
 */
final class LegnextWebhookReceiver extends WebhookReceiver<LegnextClient, LegnextJob> {

    private final LegnextComponent component;

    LegnextWebhookReceiver(LegnextComponent component) {
        super(component.webhookTokens(), LegnextJobCodec.INSTANCE, component.getConfiguration().getRequestTimeout());
        this.component = component;
    }

    @Override
    protected String taskId(JsonNode callback) {
        JsonNode id = callback.path("data").get("job_id");
        return id == null || id.isNull() ? null : id.asText();
    }

    @Override
    protected String status(JsonNode callback) {
        JsonNode status = callback.path("data").get("status");
        return status == null || status.isNull() ? null : status.asText();
    }

    @Override
    protected RemoteAccount<LegnextClient, LegnextJob> account(String accountTag) {
        RemoteAccount<LegnextClient, LegnextJob> account = component.accountTagged(accountTag);
        return account != null ? account : component.account(component.getConfiguration());
    }

    @Override
    protected CompletableFuture<LegnextJob> query(RemoteAccount<LegnextClient, LegnextJob> account, String group, String jobId) {
        return account.client().job(jobId);
    }

    @Override
    protected String scope(String group) {
        return "legnext:" + group;
    }

    @Override
    protected String pollerGroup(String group) {
        return LegnextEndpoint.JOBS;
    }

    @Override
    protected TaskLedger ledger() {
        return component.ledger();
    }
}
