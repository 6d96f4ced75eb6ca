package io.camelvideo.kling;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.kling.api.KlingClient;
import io.camelvideo.kling.api.KlingCredentials;
import io.camelvideo.kling.api.KlingJwtCredentials;
import io.camelvideo.kling.api.KlingResponseReader;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.camel.AccountKey;
import io.camelvideo.task.camel.EndpointOptions;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.camel.RemoteTaskComponent;
import io.camelvideo.task.http.ApiHttpClient;
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
 * The {@code kling:} component. Its options are the defaults of every endpoint; endpoints with the
 * same base URL and credentials share one account: one HTTP client (connection reuse) and one
 * poller for all their pending tasks.
 */
@Component("kling")
public class KlingComponent extends RemoteTaskComponent {

    static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** How tasks are read and kept in the ledger: as their API JSON. */
    static final TaskCodec<KlingTask> CODEC = new JsonTaskCodec<>(MAPPER, KlingTask.class);

    /** The registry name of the webhook receiver processor. */
    public static final String WEBHOOK_RECEIVER = "klingWebhookReceiver";

    @Metadata
    private KlingConfiguration configuration = new KlingConfiguration();
    @Metadata(label = "producer", description = "The most the account may spend per UTC day, in Kling units, counted from the final_unit_deduction of each finished task and kept in the task ledger (shared by instances on PostgreSQL). A create that would pass it fails before the paid call. 0: no limit.")
    private double maxUnitsPerDay;

    @Override
    protected String scheme() {
        return "kling";
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KlingKind kind = KlingKind.parse(remaining);
        EndpointOptions.requireEnumValues("kling", parameters, KlingConfiguration.class);
        warnCredentialsInUri(parameters, "accessKey", "secretKey", "apiKey");
        KlingEndpoint endpoint = new KlingEndpoint(shownUri(uri), this, kind, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The account for a configuration's connection settings, created on first use. */
    RemoteAccount<KlingClient, KlingTask> account(KlingConfiguration config) {
        checkCredentials(config);
        String key = AccountKey.of(trimSlash(config.getBaseUrl()) + normalisePrefix(config.getPathPrefix()) + '|'
                + config.getResponseFormat() + '|' + config.accountSettings() + '|' + config.submitSettings(),
                config.getAccessKey(), config.getSecretKey(), config.getApiKey());
        return account(key, () -> newAccount(config));
    }

    private RemoteAccount<KlingClient, KlingTask> newAccount(KlingConfiguration config) {
        ApiHttpClient http = httpClient(config);
        KlingCredentials credentials = ObjectHelper.isNotEmpty(config.getApiKey())
                ? KlingCredentials.apiKey(config.getApiKey())
                : new KlingJwtCredentials(config.getAccessKey(), config.getSecretKey());
        String base = trimSlash(config.getBaseUrl()) + normalisePrefix(config.getPathPrefix());
        KlingClient client = new KlingClient(http, base, credentials,
                new KlingResponseReader(MAPPER, config.getResponseFormat()), MAPPER,
                Duration.ofMillis(config.getRequestTimeout()), config.retryPolicy());
        TaskPoller<KlingTask> poller = poller(new KlingStatusSource(client), config);
        return new RemoteAccount<>(client, poller, downloader(http, config), submitProtocol(config,
                AccountKey.of(base, config.getAccessKey(), config.getSecretKey(), config.getApiKey()),
                Duration.ofMillis(config.getSubmitSettleTime()), Duration.ofMillis(config.getSubmitRecoveryTimeout())));
    }

    /** Kling refuses a create over the pack's parallel-task limit with 1303: the window can be learnt. */
    @Override
    protected boolean learnsParallelLimit() {
        return true;
    }

    @Override
    protected Processor newWebhookReceiver() {
        return new KlingWebhookReceiver(this);
    }

    /** A tracker for one consumer of the endpoint's kind. */
    TaskTracker<KlingTask> tracker(KlingEndpoint endpoint) {
        return tracker(account(endpoint.getConfiguration()), KlingComponent.CODEC, endpoint.getConfiguration(),
                endpoint.getKind().name());
    }

    private static void checkCredentials(KlingConfiguration config) {
        if (ObjectHelper.isNotEmpty(config.getApiKey())) {
            return;
        }
        if (ObjectHelper.isEmpty(config.getAccessKey()) && ObjectHelper.isEmpty(config.getSecretKey())) {
            throw new IllegalArgumentException("kling: no credentials. Set accessKey and secretKey (official API, JWT) "
                    + "or apiKey (a gateway's Bearer key)");
        }
        if (ObjectHelper.isEmpty(config.getAccessKey()) || ObjectHelper.isEmpty(config.getSecretKey())) {
            throw new IllegalArgumentException("kling: " + (ObjectHelper.isEmpty(config.getAccessKey()) ? "accessKey" : "secretKey")
                    + " is missing; the official API needs both accessKey and secretKey");
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String normalisePrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.equals("/")) {
            return "";
        }
        return trimSlash(prefix.startsWith("/") ? prefix : "/" + prefix);
    }

    public double getMaxUnitsPerDay() {
        return maxUnitsPerDay;
    }

    public void setMaxUnitsPerDay(double maxUnitsPerDay) {
        this.maxUnitsPerDay = maxUnitsPerDay;
    }

    @Override
    protected double dailyBudget() {
        return maxUnitsPerDay;
    }

    @Override
    protected String budgetUnit() {
        return "units";
    }

    @Override
    protected String budgetOption() {
        return "maxUnitsPerDay";
    }

    public KlingConfiguration getConfiguration() {
        return configuration;
    }

    /** The component-level defaults of every endpoint's options. */
    public void setConfiguration(KlingConfiguration configuration) {
        this.configuration = configuration;
    }
}
