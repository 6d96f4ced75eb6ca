package io.camelvideo.kling;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.kling.api.KlingClient;
import io.camelvideo.kling.api.KlingCredentials;
import io.camelvideo.kling.api.KlingJwtCredentials;
import io.camelvideo.kling.api.KlingResponseReader;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.RetryPolicy;
import io.camelvideo.task.media.MediaDownloader;
import io.camelvideo.task.ledger.LedgerType;
import io.camelvideo.task.ledger.TaskLedger;
import io.camelvideo.task.poll.TaskPoller;
import io.camelvideo.task.tracking.TaskTracker;
import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The {@code kling:} component. Its options are the defaults of every endpoint; endpoints with the
 * same base URL and credentials share one account: one HTTP client (connection reuse) and one
 * poller thread for all their pending tasks.
 */
@Component("kling")
public class KlingComponent extends HealthCheckComponent {

    static final ObjectMapper MAPPER = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Metadata
    private KlingConfiguration configuration = new KlingConfiguration();
    /** Where tracked tasks are kept: `memory` (lost on restart), `file` (durable, one instance) or `jdbc` (PostgreSQL, shared by instances). */
    @Metadata(label = "consumer", defaultValue = "memory")
    private LedgerType ledger = LedgerType.memory;
    /** The directory of the `file` ledger. */
    @Metadata(label = "consumer", defaultValue = ".camel/kling-ledger")
    private String ledgerDirectory = ".camel/kling-ledger";
    /** The DataSource of the `jdbc` ledger (PostgreSQL); its table `camel_task_ledger` is created if missing. */
    @Metadata(label = "consumer", autowired = false)
    private DataSource ledgerDataSource;
    /** A ledger of your own (any TaskLedger implementation); wins over `ledger`. */
    @Metadata(label = "consumer,advanced")
    private TaskLedger taskLedger;
    /**
     * How long a consumer instance holds a task it claimed (for a status check or a delivery) before
     * another instance may take it: longer than your route takes for one task.
     */
    @Metadata(label = "consumer,advanced", javaType = "java.time.Duration", defaultValue = "5m")
    private long ledgerLease = 300_000;

    private TaskLedger activeLedger;
    private final String instanceId = UUID.randomUUID().toString();

    private final Map<String, KlingAccount> accounts = new ConcurrentHashMap<>();
    private ExecutorService workers;
    private ScheduledExecutorService pollScheduler;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KlingKind kind = KlingKind.parse(remaining);
        KlingEndpoint endpoint = new KlingEndpoint(uri, this, kind, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The account for a configuration's connection settings, created on first use. */
    KlingAccount account(KlingConfiguration config) {
        checkCredentials(config);
        return accounts.computeIfAbsent(accountKey(config), key -> newAccount(config));
    }

    private synchronized KlingAccount newAccount(KlingConfiguration config) {
        if (workers == null) {
            workers = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, "KlingClient");
            pollScheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "KlingPoller");
        }
        ApiHttpClient http = new ApiHttpClient(Duration.ofMillis(config.getConnectTimeout()), workers);
        KlingCredentials credentials = ObjectHelper.isNotEmpty(config.getApiKey())
                ? KlingCredentials.apiKey(config.getApiKey())
                : new KlingJwtCredentials(config.getAccessKey(), config.getSecretKey());
        String base = trimSlash(config.getBaseUrl()) + normalisePrefix(config.getPathPrefix());
        RetryPolicy retries = new RetryPolicy(config.getMaxRetries() + 1, Duration.ofMillis(config.getRetryDelay()),
                Duration.ofMillis(config.getMaxRetryDelay()));
        KlingClient client = new KlingClient(http, base, credentials,
                new KlingResponseReader(MAPPER, config.getResponseFormat()), MAPPER,
                Duration.ofMillis(config.getRequestTimeout()), retries);
        TaskPoller<KlingTask> poller = new TaskPoller<>((kind, ids) -> KlingAccount.fetch(client, kind, ids),
                KlingTask::isFinished, pollScheduler);
        poller.start(Duration.ofMillis(Math.max(10, Math.min(500, config.getPollInterval() / 5))));
        return new KlingAccount(client, poller, new MediaDownloader(http, Duration.ofMillis(config.getDownloadTimeout()),
                workers, this::spoolDirectory));
    }

    /** The ledger of tracked tasks, opened on first use. */
    synchronized TaskLedger ledger() {
        if (activeLedger == null) {
            activeLedger = taskLedger != null ? taskLedger : ledger.create(Path.of(ledgerDirectory), ledgerDataSource);
        }
        return activeLedger;
    }

    /** A tracker for one consumer: its own owner id, the account's poller, the endpoint's schedule. */
    TaskTracker<KlingTask> tracker(KlingEndpoint endpoint) {
        KlingConfiguration config = endpoint.getConfiguration();
        return new TaskTracker<>(ledger(), account(config).poller(), KlingTaskCodec.INSTANCE, KlingProducer.schedule(config),
                ledgerLease, "kling-" + instanceId + "-" + endpoint.getKind());
    }

    @Override
    protected void doStop() throws Exception {
        RuntimeCamelException stopped = new RuntimeCamelException("The kling component stopped while the task was pending;"
                + " the task was not cancelled and can be queried later by its task id");
        accounts.values().forEach(account -> account.poller().stop(stopped));
        accounts.clear();
        if (workers != null) {
            getCamelContext().getExecutorServiceManager().shutdown(pollScheduler);
            getCamelContext().getExecutorServiceManager().shutdown(workers);
            workers = null;
            pollScheduler = null;
        }
        if (activeLedger != null && activeLedger != taskLedger) {
            activeLedger.close();
        }
        activeLedger = null;
        super.doStop();
    }

    /** Downloads spool where Camel's stream caching spools, else in the temp directory. */
    private java.nio.file.Path spoolDirectory() {
        java.io.File dir = getCamelContext().getStreamCachingStrategy().getSpoolDirectory();
        return dir != null ? dir.toPath() : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "camel-kling");
    }

    private static void checkCredentials(KlingConfiguration config) {
        boolean jwt = ObjectHelper.isNotEmpty(config.getAccessKey()) || ObjectHelper.isNotEmpty(config.getSecretKey());
        if (ObjectHelper.isNotEmpty(config.getApiKey())) {
            return;
        }
        if (!jwt) {
            throw new IllegalArgumentException("kling: no credentials. Set accessKey and secretKey (official API, JWT) "
                    + "or apiKey (a gateway's Bearer key)");
        }
        if (ObjectHelper.isEmpty(config.getAccessKey()) || ObjectHelper.isEmpty(config.getSecretKey())) {
            throw new IllegalArgumentException("kling: " + (ObjectHelper.isEmpty(config.getAccessKey()) ? "accessKey" : "secretKey")
                    + " is missing; the official API needs both accessKey and secretKey");
        }
    }

    /** Identifies an account without keeping its secrets in memory twice: a hash of the credentials. */
    private static String accountKey(KlingConfiguration c) {
        String identity = c.getAccessKey() + '\u0000' + c.getSecretKey() + '\u0000' + c.getApiKey();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return trimSlash(c.getBaseUrl()) + normalisePrefix(c.getPathPrefix()) + '|' + c.getResponseFormat() + '|'
                    + c.getConnectTimeout() + '|' + c.getRequestTimeout() + '|' + c.getMaxRetries() + '|' + c.getRetryDelay()
                    + '|' + c.getMaxRetryDelay() + '|' + c.getDownloadTimeout() + '|' + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String normalisePrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.equals("/")) {
            return "";
        }
        String p = prefix.startsWith("/") ? prefix : "/" + prefix;
        return trimSlash(p);
    }

    public KlingConfiguration getConfiguration() {
        return configuration;
    }

    public LedgerType getLedger() {
        return ledger;
    }

    public void setLedger(LedgerType ledger) {
        this.ledger = ledger;
    }

    public String getLedgerDirectory() {
        return ledgerDirectory;
    }

    public void setLedgerDirectory(String ledgerDirectory) {
        this.ledgerDirectory = ledgerDirectory;
    }

    public DataSource getLedgerDataSource() {
        return ledgerDataSource;
    }

    public void setLedgerDataSource(DataSource ledgerDataSource) {
        this.ledgerDataSource = ledgerDataSource;
    }

    public TaskLedger getTaskLedger() {
        return taskLedger;
    }

    public void setTaskLedger(TaskLedger taskLedger) {
        this.taskLedger = taskLedger;
    }

    public long getLedgerLease() {
        return ledgerLease;
    }

    public void setLedgerLease(long ledgerLease) {
        this.ledgerLease = ledgerLease;
    }

    /** The component-level defaults of every endpoint's options. */
    public void setConfiguration(KlingConfiguration configuration) {
        this.configuration = configuration;
    }
}
