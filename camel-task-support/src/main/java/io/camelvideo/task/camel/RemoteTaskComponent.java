package io.camelvideo.task.camel;

import io.camelvideo.task.http.ApiHttpClient;
import io.camelvideo.task.http.Delays;
import io.camelvideo.task.ledger.LedgerType;
import io.camelvideo.task.ledger.TaskLedger;
import io.camelvideo.task.media.MediaDownloader;
import io.camelvideo.task.metrics.TaskMetrics;
import io.camelvideo.task.poll.TaskPoller;
import io.camelvideo.task.poll.TaskStatusSource;
import io.camelvideo.task.submit.SharedSlots;
import io.camelvideo.task.submit.SpendingBudget;
import io.camelvideo.task.submit.SubmitGate;
import io.camelvideo.task.submit.SubmitProtocol;
import io.camelvideo.task.tracking.RemoteTask;
import io.camelvideo.task.tracking.TaskCodec;
import io.camelvideo.task.tracking.TaskTracker;
import io.camelvideo.task.webhook.WebhookTokens;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.URISupport;

import javax.sql.DataSource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The base of the remote-task components: the task ledger options and the ledger itself, the
 * thread pools (one pool for HTTP continuations, one scheduler thread for all pollers), and the
 * downloader's spool directory. Subclasses add their API's accounts, endpoints and options.
 */
public abstract class RemoteTaskComponent extends HealthCheckComponent {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteTaskComponent.class);

    @Metadata(label = "consumer", defaultValue = "memory",
              description = "Where tracked tasks are kept: memory (lost on restart), file (durable, one instance) or jdbc"
                            + " (PostgreSQL, shared by several instances).")
    private LedgerType ledger = LedgerType.memory;
    @Metadata(label = "consumer",
              description = "The directory of the file ledger (default: .camel/SCHEME-ledger in the working directory, e.g. .camel/kling-ledger).")
    private String ledgerDirectory;
    @Metadata(label = "consumer", autowired = false,
              description = "The DataSource of the jdbc ledger (PostgreSQL); its tables camel_task_ledger and"
                            + " camel_task_ledger_watermark are created if missing.")
    private DataSource ledgerDataSource;
    @Metadata(label = "consumer,advanced", autowired = false,
              description = "A ledger of your own (any io.camelvideo.task.ledger.TaskLedger); wins over ledger.")
    private TaskLedger taskLedger;
    @Metadata(label = "consumer,advanced", javaType = "java.time.Duration", defaultValue = "5m",
              description = "How long a consumer instance holds a task it claimed (for a status check or a delivery)"
                            + " before another instance may take it: longer than your route takes for one task.")
    private long ledgerLease = 300_000;

    @Metadata(label = "producer",
              description = "The most unfinished tasks the account may have at once (the resource pack's parallel-task"
                            + " limit), shared by every endpoint of the account. Creates beyond it wait, without holding a"
                            + " thread, and go out as tasks end. 0: kling learns it from the API's refusals (1303); legnext"
                            + " then does not limit.")
    private int maxParallelTasks;
    @Metadata(label = "producer", defaultValue = "50000",
              description = "How many creates may wait for a place under maxParallelTasks before new ones fail at once.")
    private int maxQueuedCreates = 50_000;

    @Metadata(label = "advanced",
              description = "The public base URL of this application's webhook route (e.g. https://my.app/webhooks/kling)."
                            + " When set, every create without an explicit callback URL gets this URL followed by a slash"
                            + " and a per-task unguessable token; route it to the bean klingWebhookReceiver (or"
                            + " legnextWebhookReceiver).")
    private String webhookUrl;
    @Metadata(label = "advanced,security", secret = true,
              description = "The secret that signs (and verifies) webhook tokens. Set it so callbacks of tasks submitted"
                            + " before a restart are still accepted; unset, a random one is used. Named so Camel masks it"
                            + " wherever it prints configuration.")
    private String webhookVerifyToken;
    @Deprecated
    @Metadata(label = "advanced,security", secret = true, deprecationNote = "Use webhookVerifyToken: Camel Main's start-up"
                                                                            + " summary prints this name in clear.",
              description = "The former name of webhookVerifyToken; still honoured when webhookVerifyToken is unset.")
    private String webhookSecret;

    private final String instanceId = UUID.randomUUID().toString();
    private final Map<String, RemoteAccount<?, ?>> accounts = new ConcurrentHashMap<>();
    private WebhookTokens webhookTokens;
    private TaskLedger activeLedger;
    private TaskMetrics metrics;
    /** Set while the component is stopped: late callbacks must not open the ledger again (a file ledger would stay locked). */
    private boolean ledgerClosed;
    private ExecutorService workers;
    private final java.util.List<ApiHttpClient> httpClients = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledExecutorService pollScheduler;
    private ScheduledFuture<?> slotRenewal;

    /** The scheme, for thread and directory names. */
    protected abstract String scheme();

    /** The processor receiving this component's callbacks (bound as {@link #webhookReceiverName()}). */
    protected abstract Processor newWebhookReceiver();

    /**
     * The URI an endpoint shows (route start-up lines, JMX, the dev console, {@code getEndpointUri()}):
     * the one written, with the values of credential options replaced, whatever form they were
     * written in ({@code RAW(...)} included).
     */
    protected static String shownUri(String uri) {
        return URISupport.sanitizeUri(uri);
    }

    /**
     * Warns when a credential is written in an endpoint URI: Camel's route dumps and its own TRACE
     * logs print URIs as they were written (only the URI the endpoint shows is masked).
     */
    protected void warnCredentialsInUri(Map<String, Object> parameters, String... credentialOptions) {
        for (String option : credentialOptions) {
            if (parameters.containsKey(option)) {
                LOG.warn("{}: {} is written in an endpoint URI. Camel's route dumps and TRACE logs print URIs as written;"
                        + " set it on the component instead (camel.component.{}.{} in application.properties).", scheme(),
                        option, scheme(), option.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    /** The registry name of the webhook receiver bean, e.g. {@code klingWebhookReceiver}. */
    public String webhookReceiverName() {
        return scheme() + "WebhookReceiver";
    }

    /** The account with {@code key} (connection settings + a hash of the credentials), created on first use. */
    @SuppressWarnings("unchecked")
    protected <C, S> RemoteAccount<C, S> account(String key, Supplier<RemoteAccount<C, S>> create) {
        return (RemoteAccount<C, S>) accounts.computeIfAbsent(key, k -> create.get());
    }

    /** A tracker for one consumer: its own claim owner, the account's poller, the endpoint's schedule. */
    protected <S> TaskTracker<S> tracker(RemoteAccount<?, S> account, TaskCodec<S> codec, RemoteTaskConfiguration config,
                                         String consumerName) {
        return new TaskTracker<>(ledger(), account.poller(), codec, config.pollSchedule(), ledgerLease, ownerId(consumerName));
    }

    /** Binds the webhook receiver bean before routes refer to it, when a webhookUrl is configured. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        bindWebhookReceiver();
    }

    /**
     * The receiver bean, bound when the component initialises with a webhookUrl, or when the URL is set
     * on a component that has its context already (Camel Main creates the component before it binds the
     * properties): a route naming the bean finds it either way.
     */
    private void bindWebhookReceiver() {
        if (webhookUrl != null && getCamelContext() != null
                && getCamelContext().getRegistry().lookupByName(webhookReceiverName()) == null) {
            getCamelContext().getRegistry().bind(webhookReceiverName(), newWebhookReceiver());
        }
    }

    /** The ledger of tracked tasks, opened on first use. */
    public synchronized TaskLedger ledger() {
        if (ledgerClosed) {
            throw new IllegalStateException("The " + scheme() + " component is stopped: its task ledger is closed");
        }
        if (activeLedger == null) {
            Path directory = Path.of(ledgerDirectory != null ? ledgerDirectory : ".camel/" + scheme() + "-ledger");
            activeLedger = taskLedger != null ? taskLedger : ledger.create(directory, ledgerDataSource);
        }
        return activeLedger;
    }

    /** The tokens of webhook URLs, created on first use. */
    public synchronized WebhookTokens webhookTokens() {
        if (webhookTokens == null) {
            webhookTokens = new WebhookTokens(webhookVerifyToken != null ? webhookVerifyToken : webhookSecret);
        }
        return webhookTokens;
    }

    /**
     * The callback URL for the task the submit under {@code submitKey} creates in {@code group} on
     * {@code account}, or null when no webhookUrl is configured. The token names the account, so the
     * callback is confirmed with that account's credentials and wakes that account's waits.
     */
    public String callbackUrl(RemoteAccount<?, ?> account, String group, String submitKey) {
        if (webhookUrl == null || webhookUrl.isBlank()) {
            return null;
        }
        String key = accounts.entrySet().stream().filter(entry -> entry.getValue() == account).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalStateException("the account is not one of this component's"));
        return (webhookUrl.endsWith("/") ? webhookUrl : webhookUrl + "/") + webhookTokens().issue(group, accountTag(key), submitKey);
    }

    /**
     * What the component is doing, for its dev console: the ledger, each account (by its tag, never a
     * key) with the tasks its poller waits for and any throttling pause, and the ledger counts of every
     * endpoint's tasks.
     */
    public Map<String, Object> status() {
        Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("scheme", scheme());
        status.put("ledger", taskLedger != null ? taskLedger.getClass().getSimpleName() : ledger.name());
        List<Map<String, Object>> accountList = new java.util.ArrayList<>();
        accounts.forEach((key, account) -> {
            Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("account", accountTag(key));
            entry.put("waitingTasks", account.poller().size());
            entry.put("throttledForMillis", account.poller().pausedMillis());
            accountList.add(entry);
        });
        status.put("accounts", accountList);
        List<Map<String, Object>> scopes = new java.util.ArrayList<>();
        getCamelContext().getEndpoints().stream()
                .filter(endpoint -> endpoint instanceof TaskEndpoint && endpoint.getEndpointUri().startsWith(scheme() + ":"))
                .map(endpoint -> ((TaskEndpoint) endpoint).taskScope().ledgerScope()).distinct().sorted().forEach(scope -> {
                    Map<String, Object> entry = new java.util.LinkedHashMap<>();
                    entry.put("scope", scope);
                    try {
                        ledger().counts(scope).forEach((state, count) -> entry.put(state.name().toLowerCase(java.util.Locale.ROOT), count));
                    } catch (RuntimeException e) {
                        entry.put("error", "the ledger cannot be read: " + e.getMessage());
                    }
                    scopes.add(entry);
                });
        status.put("tasks", scopes);
        return status;
    }

    /** The account a callback token names, or null when this component has no such account (yet). */
    @SuppressWarnings("unchecked")
    public <C, S> RemoteAccount<C, S> accountTagged(String tag) {
        return (RemoteAccount<C, S>) accounts.entrySet().stream().filter(entry -> accountTag(entry.getKey()).equals(tag))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** A short, stable name of an account key (itself free of credentials) for callback tokens. */
    static String accountTag(String key) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A claim owner id unique to this component instance and {@code suffix}. */
    public String ownerId(String suffix) {
        return scheme() + "-" + instanceId + "-" + suffix;
    }

    /** The pool HTTP answers are handled on (Camel's default thread pool profile). */
    protected synchronized ExecutorService workers() {
        if (workers == null) {
            workers = getCamelContext().getExecutorServiceManager().newDefaultThreadPool(this, scheme() + "-client");
        }
        return workers;
    }

    /** The one scheduler thread every poller of this component ticks on. */
    protected synchronized ScheduledExecutorService pollScheduler() {
        if (pollScheduler == null) {
            pollScheduler = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                    scheme() + "-poller");
        }
        return pollScheduler;
    }

    /** The component's pools as one timer + worker pair for non-blocking retries. */
    protected Delays delays() {
        return new Delays(pollScheduler(), workers());
    }

    /** An HTTP client for one account, on the component's pools; closed when the component stops. */
    protected ApiHttpClient httpClient(RemoteTaskConfiguration config) {
        ApiHttpClient client = new ApiHttpClient(Duration.ofMillis(config.getConnectTimeout()), delays());
        httpClients.add(client);
        return client;
    }

    /**
     * The submit protocol of one account: write-ahead intents in this component's ledger.
     *
     * @param accountId       the API account (base URL and a hash of the credentials): what instances share a window by
     * @param settleTime      how long a lookup that finds nothing is repeated before a create is sent again
     * @param recoveryTimeout how long lookups are retried through errors (both unused without lookup, as for Legnext)
     */
    protected SubmitProtocol submitProtocol(RemoteTaskConfiguration config, String accountId, Duration settleTime,
                                            Duration recoveryTimeout) {
        SharedSlots shared = null;
        if (ledger().sharesSlots() && (maxParallelTasks > 0 || learnsParallelLimit())) {
            shared = new SharedSlots(this::ledger, accountId, ownerId("slots"), ledgerLease, System::currentTimeMillis);
            renewSlotsPeriodically();
        }
        // a place another instance frees is seen by looking again: as often as tasks are polled, within 50 ms .. 1 s
        Duration sharedRetry = Duration.ofMillis(Math.max(50, Math.min(1_000, config.getPollInterval())));
        SubmitGate gate = new SubmitGate(scheme() + " account", maxParallelTasks, learnsParallelLimit(), maxQueuedCreates,
                shared, delays(), sharedRetry);
        SpendingBudget budget = dailyBudget() > 0 ? new SpendingBudget(this::ledger, accountId, dailyBudget(), budgetUnit(),
                budgetOption(), System::currentTimeMillis) : SpendingBudget.NONE;
        return new SubmitProtocol(this::ledger, delays(), config.retryPolicy(), settleTime, recoveryTimeout,
                config.getMaxRetries() + 1, gate, budget, metrics(), System::currentTimeMillis);
    }

    /** The poller of one account, ticking as finely as the endpoint's schedule needs, counted in the meters. */
    protected <S extends RemoteTask> TaskPoller<S> poller(TaskStatusSource<S> source, RemoteTaskConfiguration config) {
        TaskPoller<S> poller = new TaskPoller<>(source, RemoteTask::isFinished, pollScheduler(), metrics());
        poller.start(config.pollSchedule().tick());
        return poller;
    }

    /**
     * The component's meters: Micrometer ones when Micrometer is on the classpath and the registry holds
     * a {@code MeterRegistry} (camel-micrometer's, or the application's bean), otherwise none.
     */
    protected synchronized TaskMetrics metrics() {
        if (metrics == null) {
            metrics = TaskMetrics.NONE;
            try {
                Class<?> registryType = Class.forName("io.micrometer.core.instrument.MeterRegistry", false,
                        RemoteTaskComponent.class.getClassLoader());
                Object registry = getCamelContext().getRegistry().findSingleByType(registryType);
                if (registry != null) {
                    metrics = MicrometerSupport.metrics(registry, scheme(),
                            () -> accounts.values().stream().mapToInt(account -> account.poller().size()).sum());
                }
            } catch (ClassNotFoundException | LinkageError noMicrometer) {
                // no Micrometer: nothing is counted
            }
        }
        return metrics;
    }

    /** The most the component's creates may cost per UTC day, in the API's unit; 0 (the default): no limit. */
    protected double dailyBudget() {
        return 0;
    }

    /** How messages name the budget's unit, e.g. {@code units}. */
    protected String budgetUnit() {
        return "units";
    }

    /** The option that sets the budget, for messages, e.g. {@code maxUnitsPerDay}. */
    protected String budgetOption() {
        return "the daily budget";
    }

    /** Renews this instance's places in the shared window, at a third of the lease, while the component runs. */
    private synchronized void renewSlotsPeriodically() {
        if (slotRenewal == null) {
            long every = Math.max(1_000, ledgerLease / 3);
            slotRenewal = pollScheduler().scheduleWithFixedDelay(() -> workers().execute(() -> {
                try {
                    ledger().renewSlots(ownerId("slots"), System.currentTimeMillis() + ledgerLease);
                } catch (RuntimeException e) {
                    // the ledger is unreachable: the next round tries again before the lease runs out
                }
            }), every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the API names its parallel-task limit in its refusals, so the window can be learnt when not configured. */
    protected boolean learnsParallelLimit() {
        return false;
    }

    /** A downloader spooling where Camel's stream caching spools, else in the temp directory. */
    protected MediaDownloader downloader(ApiHttpClient http, RemoteTaskConfiguration config) {
        MediaDownloader downloader = new MediaDownloader(http, new MediaDownloader.Limits(
                Duration.ofMillis(config.getDownloadTimeout()), Duration.ofMillis(config.getDownloadIdleTimeout()),
                Duration.ofMillis(config.getMaxDownloadTime()), config.getMaxDownloadSize()), delays(), () -> {
                    File dir = getCamelContext().getStreamCachingStrategy().getSpoolDirectory();
                    return dir != null ? dir.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "camel-" + scheme());
                });
        downloader.deleteAbandonedPartFiles();
        return downloader;
    }

    @Override
    protected void doStop() throws Exception {
        RuntimeCamelException stopped = new RuntimeCamelException("The " + scheme() + " component stopped while the task"
                + " was pending; the task was not cancelled and can be queried later by its id");
        accounts.values().forEach(account -> account.poller().stop(stopped));
        accounts.clear();
        httpClients.forEach(ApiHttpClient::close);
        httpClients.clear();
        if (slotRenewal != null) {
            slotRenewal.cancel(false);
            slotRenewal = null;
        }
        if (workers != null) {
            getCamelContext().getExecutorServiceManager().shutdown(workers);
            workers = null;
        }
        if (pollScheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdown(pollScheduler);
            pollScheduler = null;
        }
        synchronized (this) {
            if (activeLedger != null && activeLedger != taskLedger) {
                activeLedger.close();
            }
            activeLedger = null;
            ledgerClosed = true;
        }
        super.doStop();
    }

    @Override
    protected synchronized void doStart() throws Exception {
        ledgerClosed = false;
        super.doStart();
    }

    public int getMaxParallelTasks() {
        return maxParallelTasks;
    }

    public void setMaxParallelTasks(int maxParallelTasks) {
        this.maxParallelTasks = maxParallelTasks;
    }

    public int getMaxQueuedCreates() {
        return maxQueuedCreates;
    }

    public void setMaxQueuedCreates(int maxQueuedCreates) {
        this.maxQueuedCreates = maxQueuedCreates;
    }

    public String getWebhookUrl() {
        return webhookUrl;
    }

    public void setWebhookUrl(String webhookUrl) {
        this.webhookUrl = webhookUrl;
        bindWebhookReceiver();
    }

    public String getWebhookVerifyToken() {
        return webhookVerifyToken;
    }

    public void setWebhookVerifyToken(String webhookVerifyToken) {
        this.webhookVerifyToken = webhookVerifyToken;
    }

    @Deprecated
    public String getWebhookSecret() {
        return webhookSecret;
    }

    /** @deprecated use {@link #setWebhookVerifyToken(String)}: this name is printed by Camel Main's start-up summary. */
    @Deprecated
    public void setWebhookSecret(String webhookSecret) {
        this.webhookSecret = webhookSecret;
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
}
