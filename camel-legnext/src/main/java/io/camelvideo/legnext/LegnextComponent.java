package io.camelvideo.legnext;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.legnext.api.LegnextClient;
import io.camelvideo.legnext.api.LegnextResponseReader;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.camel.AccountKey;
import io.camelvideo.task.camel.EndpointOptions;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.camel.RemoteTaskComponent;
import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.poll.PollResult;
import io.camelvideo.task.poll.TaskPoller;
import io.camelvideo.task.tracking.JsonTaskCodec;
import io.camelvideo.task.tracking.TaskCodec;
import io.camelvideo.task.tracking.TaskTracker;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.util.ObjectHelper;

import java.time.Duration;
import java.util.Map;

/**
 * The {@code legnext:} component. Its options are the defaults of every endpoint; endpoints with the
 * same base URL and key share one account: one HTTP client and one poller for all pending jobs.
 */
@Component("legnext")
public class LegnextComponent extends RemoteTaskComponent {

    static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** How tasks are read and kept in the ledger: as their API JSON. */
    static final TaskCodec<LegnextJob> CODEC = new JsonTaskCodec<>(MAPPER, LegnextJob.class);

    /** The registry name of the webhook receiver processor. */
    public static final String WEBHOOK_RECEIVER = "legnextWebhookReceiver";

    @Metadata
    private LegnextConfiguration configuration = new LegnextConfiguration();
    @Metadata(label = "producer", description = "The most the account may spend per UTC day, in Legnext points, counted from the meta.usage.consume of each finished job and kept in the task ledger (shared by instances on PostgreSQL). A create that would pass it fails before the paid call. 0: no limit.")
    private double maxPointsPerDay;

    @Override
    protected String scheme() {
        return "legnext";
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        EndpointOptions.requireEnumValues("legnext", parameters, LegnextConfiguration.class);
        warnCredentialsInUri(parameters, "apiKey");
        LegnextOperation operation;
        try {
            operation = LegnextOperation.valueOf(remaining.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown Legnext operation '" + remaining + "'; use one of "
                    + java.util.Arrays.toString(LegnextOperation.values()));
        }
        LegnextEndpoint endpoint = new LegnextEndpoint(shownUri(uri), this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The account of a configuration's base URL and key, created on first use. */
    RemoteAccount<LegnextClient, LegnextJob> account(LegnextConfiguration config) {
        if (ObjectHelper.isEmpty(config.getApiKey())) {
            throw new IllegalArgumentException("legnext: no apiKey. Set the Legnext API key (sent as x-api-key)");
        }
        String key = AccountKey.of(config.getBaseUrl() + '|' + config.accountSettings(), config.getApiKey());
        return account(key, () -> newAccount(config));
    }

    private RemoteAccount<LegnextClient, LegnextJob> newAccount(LegnextConfiguration config) {
        ApiHttpClient http = httpClient(config);
        LegnextClient client = new LegnextClient(http, config.getBaseUrl(), config.getApiKey(), new LegnextResponseReader(MAPPER),
                MAPPER, Duration.ofMillis(config.getRequestTimeout()), config.retryPolicy());
        TaskPoller<LegnextJob> poller = poller((group, ids) -> PollResult.each(ids, client::job), config);
        return new RemoteAccount<>(client, poller, downloader(http, config), submitProtocol(config,
                AccountKey.of(config.getBaseUrl(), config.getApiKey()), Duration.ZERO, Duration.ZERO));
    }

    @Override
    protected Processor newWebhookReceiver() {
        return new LegnextWebhookReceiver(this);
    }

    /** A tracker for one consumer of the endpoint's operation. */
    TaskTracker<LegnextJob> tracker(LegnextEndpoint endpoint) {
        return tracker(account(endpoint.getConfiguration()), LegnextComponent.CODEC, endpoint.getConfiguration(),
                endpoint.getOperation().name());
    }

    public double getMaxPointsPerDay() {
        return maxPointsPerDay;
    }

    public void setMaxPointsPerDay(double maxPointsPerDay) {
        this.maxPointsPerDay = maxPointsPerDay;
    }

    @Override
    protected double dailyBudget() {
        return maxPointsPerDay;
    }

    @Override
    protected String budgetUnit() {
        return "points";
    }

    @Override
    protected String budgetOption() {
        return "maxPointsPerDay";
    }

    public LegnextConfiguration getConfiguration() {
        return configuration;
    }

    /** The component-level defaults of every endpoint's options. */
    public void setConfiguration(LegnextConfiguration configuration) {
        this.configuration = configuration;
    }
}
