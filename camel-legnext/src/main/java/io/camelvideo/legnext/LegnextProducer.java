package io.camelvideo.legnext;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.legnext.request.LegnextRequestFactory;
import io.camelvideo.legnext.api.LegnextClient;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.camel.RemoteTaskConfiguration;
import io.camelvideo.task.camel.RemoteTaskProducer;
import org.apache.camel.Exchange;

import java.util.concurrent.CompletableFuture;

/**
 * Runs one operation per exchange without blocking the routing thread; {@code waitForCompletion}
 * parks the exchange with the account's poller until the job ends.
 */
public class LegnextProducer extends RemoteTaskProducer {

    private static final java.util.regex.Pattern JOB_ID =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final LegnextEndpoint endpoint;
    private final LegnextRequestFactory requests = new LegnextRequestFactory(LegnextComponent.MAPPER);

    public LegnextProducer(LegnextEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    protected CompletableFuture<?> healthProbe() {
        return endpoint.getAccount().client().balance();
    }

    @Override
    protected RemoteTaskConfiguration configuration() {
        return endpoint.getConfiguration();
    }

    @Override
    protected CompletableFuture<?> start(Exchange exchange) {
        LegnextConfiguration config = endpoint.getConfiguration();
        RemoteAccount<LegnextClient, LegnextJob> account = endpoint.getAccount();
        LegnextOperation operation = endpoint.getOperation();
        return switch (operation) {
            case balance -> account.client().balance().thenAccept(balance -> {
                exchange.getMessage().setBody(balance);
                exchange.getMessage().setHeader(LegnextConstants.AVAILABLE_POINTS, balance.availablePoints());
            });
            case job -> account.client().job(jobReference(exchange)).thenCompose(job -> finish(exchange, job));
            case accountInfo -> account.client().account("info").thenAccept(data -> {
                com.fasterxml.jackson.databind.node.ObjectNode info = data.deepCopy();
                info.remove("api_keys"); // the live answer lists the account's keys: they never travel through a route
                exchange.getMessage().setBody(LegnextComponent.MAPPER.convertValue(info, java.util.Map.class));
                if (info.path("wallet").hasNonNull("point_remain")) {
                    exchange.getMessage().setHeader(LegnextConstants.AVAILABLE_POINTS, info.path("wallet").get("point_remain").asLong());
                }
            });
            case activeTasks -> account.client().account("active_tasks").thenAccept(data ->
                    exchange.getMessage().setBody(LegnextComponent.MAPPER.convertValue(data, java.util.Map.class)));
            default -> {
                ObjectNode body = requests.create(exchange, operation, config);
                String key = submitKey(exchange, endpoint.taskScope().ledgerScope(), body);
                String callback = body.has("callback") ? null : endpoint.getComponent().callbackUrl(account, operation.name(), key);
                if (callback != null) {
                    body.put("callback", callback);
                }
                boolean resubmit = exchange.getMessage().getHeader(LegnextConstants.RESUBMIT, false, Boolean.class);
                yield afterCreate(account.submits().submit(endpoint.taskScope().ledgerScope(), key,
                                new LegnextSubmit(account, endedWatch(config), operation, body, key), resubmit),
                        account.submits(), endpoint.taskScope(), LegnextComponent.CODEC, exchange, job -> finish(exchange, job));
            }
        };
    }

    /** Waits when asked to, sets the headers and body, and downloads when asked to. */
    private CompletableFuture<Void> finish(Exchange exchange, LegnextJob job) {
        return finish(exchange, job, endpoint.messages(), endpoint.getAccount(), endpoint.taskScope(),
                endpoint.getConfiguration().isDownload());
    }

    private static String jobReference(Exchange exchange) {
        String id = exchange.getMessage().getHeader(LegnextConstants.JOB_ID, String.class);
        if (id == null || id.isBlank()) {
            throw new LegnextValidationException("jobId", "is required: set header " + LegnextConstants.JOB_ID);
        }
        if (!JOB_ID.matcher(id).matches()) {
            throw new LegnextValidationException("jobId", "must be a job id (a UUID such as 3f2a...-...), was '"
                    + (id.length() > 40 ? id.substring(0, 40) + "...' of " + id.length() + " characters" : id + "'"));
        }
        return id;
    }
}
