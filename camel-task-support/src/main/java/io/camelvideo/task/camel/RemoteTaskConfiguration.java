package io.camelvideo.task.camel;

import io.camelvideo.task.http.RetryPolicy;
import io.camelvideo.task.poll.PollSchedule;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

import java.time.Duration;

/**
 * The options every remote-task component shares: HTTP timeouts and retries, waiting, downloading,
 * tracking and consuming. Descriptions are in the annotations because Camel's tooling reads this
 * class from a jar, without its sources.
 */
@UriParams
public class RemoteTaskConfiguration implements Cloneable {

    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "10s",
              description = "How long to wait for a connection.")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "60s",
              description = "How long to wait for an API answer.")
    private long requestTimeout = 60_000;
    @UriParam(label = "advanced", defaultValue = "4",
              description = "How many times a failed safe call (a query, or a submit the API refused for throttling) is tried again.")
    private int maxRetries = 4;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "1s",
              description = "The first retry delay; it doubles per attempt, with jitter, up to maxRetryDelay. A Retry-After wins.")
    private long retryDelay = 1_000;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "30s",
              description = "The largest retry delay.")
    private long maxRetryDelay = 30_000;

    @UriParam(label = "producer",
              description = "A Simple expression naming the input a create comes from, e.g. ${file:name}-${file:modified}:"
                            + " a retry, redelivery or restart of the same input then never pays for a second task. Unset,"
                            + " the component uses the Idempotency-Key header, else a file's path, modification time and"
                            + " length, else a JMS, Kafka or SQS message id, else the exchange (stable across Camel's"
                            + " redeliveries, not across a restart). See docs/reliability.md.")
    private String idempotencyKey;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Continue the route only when the task has ended. No thread waits: the exchange is parked and"
                            + " resumed by the component's poller.")
    private boolean waitForCompletion;
    @UriParam(label = "producer",
              description = "With waitForCompletion: an endpoint (e.g. seda:progress or log:progress) that receives a copy"
                            + " of the exchange, with the task's headers and body, each time a status check finds the"
                            + " waited task's status or progress changed. The exchange itself continues when the task ends."
                            + " The copy is sent on the component's client thread: keep such a route short, or use seda:.")
    private String statusUpdateUri;
    /** The poll schedules made of the settings below, kept while they stay the same (not an option). */
    private transient volatile Schedules schedules;
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "5s",
              description = "The first status check after a submit, and the base of the backoff.")
    private long pollInterval = 5_000;
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "30s",
              description = "The longest time between two status checks of one task.")
    private long maxPollInterval = 30_000;
    @UriParam(label = "producer", defaultValue = "2.0",
              description = "Each status check waits this much longer than the one before, up to maxPollInterval.")
    private double pollBackoffMultiplier = 2.0;
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "30m",
              description = "How long waitForCompletion waits before failing with an exception that names the (still"
                            + " running) task.")
    private long completionTimeout = 1_800_000;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Replace the body with the finished task's file(s), spooled to disk and re-readable"
                            + " (CamelFileName, Content-Type, Content-Length).")
    private boolean download;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "5m",
              description = "How long to wait for a download's response headers (the body then streams).")
    private long downloadTimeout = 300_000;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "1m",
              description = "A download that receives no byte for this long fails (the request is cancelled and the"
                            + " partial file deleted): a stalled CDN does not hold the exchange.")
    private long downloadIdleTimeout = 60_000;
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "30m",
              description = "The longest a whole download may take, headers to last byte; then it fails like an idle one."
                            + " Partial files older than this left by a process that died are deleted at start.")
    private long maxDownloadTime = 1_800_000;
    @UriParam(label = "advanced", defaultValue = "2147483648",
              description = "The largest file a download accepts, in bytes: a larger one fails (before reading when the"
                            + " server declares its length) and its spool file is deleted.")
    private long maxDownloadSize = 2_147_483_648L;
    @UriParam(label = "producer", defaultValue = "true",
              description = "Record every task created without waitForCompletion in the component's task ledger, so the"
                            + " consumer of the same URI delivers it when it ends (also after a restart, with a durable ledger).")
    private boolean trackTasks = true;
    @UriParam(label = "producer", defaultValue = "CamelFileName,CamelFileNameOnly,CamelCorrelationId,breadcrumbId",
              description = "The headers of the submitting exchange kept with a tracked task and set again on the"
                            + " consumer's exchange: comma-separated names; a trailing * matches a prefix.")
    private String trackedHeaders = "CamelFileName,CamelFileNameOnly,CamelCorrelationId,breadcrumbId";
    @UriParam(label = "consumer", defaultValue = "100",
              description = "The most finished tasks one poll emits (the rest follow on the next polls).")
    private int maxMessagesPerPoll = 100;
    @UriParam(label = "consumer", defaultValue = "10",
              description = "How many finished tasks the consumer claims from the ledger at a time, and the most it has in"
                            + " hand (downloading or in the route); it claims more as they complete, up to"
                            + " maxMessagesPerPoll per poll. Small claims let instances sharing a PostgreSQL ledger split"
                            + " the work by how fast each delivers; it also bounds parallel downloads per consumer.")
    private int claimBatchSize = 10;
    @UriParam(label = "consumer", defaultValue = "10",
              description = "How many times a finished task is offered to the route (a failed exchange or download counts)"
                            + " before it is marked dead in the ledger and sent to deadLetterUri; 0 or less = without end.")
    private int maxDeliveryAttempts = 10;
    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "1s",
              description = "The wait before a failed delivery is offered again; it doubles per attempt up to"
                            + " maxDeliveryRetryDelay. Files already downloaded are reused.")
    private long deliveryRetryDelay = 1_000;
    @UriParam(label = "consumer", javaType = "java.time.Duration", defaultValue = "5m",
              description = "The longest wait between two deliveries of one task.")
    private long maxDeliveryRetryDelay = 300_000;
    @UriParam(label = "consumer",
              description = "Where a task goes whose deliveries all failed, e.g. file:dead or jms:queue:videos.dead: the"
                            + " exchange a delivery would get, with header CamelRedeliveryExhausted=true and property"
                            + " CamelExceptionCaught. Either way the task is marked dead in the ledger and never offered"
                            + " again, and every failed delivery is reported to the consumer's exceptionHandler (by"
                            + " default logged).")
    private String deadLetterUri;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "Also emit an exchange each time a status check finds a tracked task's status or progress"
                            + " changed (e.g. submitted to processing, 30% to 60%), before the one exchange of its end. An"
                            + " update has the task's headers and body (the status header tells it from the end); it is not"
                            + " downloaded, acknowledged or redelivered, and a failed update goes to the exceptionHandler.")
    private boolean statusUpdates;

    /** The settings an account's client, retries and downloader are built from (part of its identity). */
    public String accountSettings() {
        return connectTimeout + "|" + requestTimeout + "|" + maxRetries + "|" + retryDelay + "|" + maxRetryDelay + "|"
                + downloadTimeout + "|" + maxDownloadSize + "|" + downloadIdleTimeout + "|" + maxDownloadTime;
    }

    /** The retry policy of safe calls. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries + 1, Duration.ofMillis(retryDelay), Duration.ofMillis(maxRetryDelay));
    }

    /** The status-check schedule of a waited or tracked task (one instance while the settings stay the same). */
    public PollSchedule pollSchedule() {
        return schedules().normal();
    }

    /** {@link PollSchedule#lazy()} of {@link #pollSchedule()}, made once as well. */
    public PollSchedule lazyPollSchedule() {
        return schedules().lazy();
    }

    /** The schedules of the current settings: each waited task holds one, so they are shared, not made per task. */
    private Schedules schedules() {
        Schedules made = schedules;
        if (made == null || !made.madeOf(pollInterval, maxPollInterval, pollBackoffMultiplier, completionTimeout)) {
            PollSchedule normal = new PollSchedule(Duration.ofMillis(pollInterval), Duration.ofMillis(maxPollInterval),
                    pollBackoffMultiplier, Duration.ofMillis(completionTimeout));
            made = new Schedules(pollInterval, maxPollInterval, pollBackoffMultiplier, completionTimeout, normal, normal.lazy());
            schedules = made;
        }
        return made;
    }

    private record Schedules(long pollInterval, long maxPollInterval, double multiplier, long timeout, PollSchedule normal,
                             PollSchedule lazy) {
        boolean madeOf(long interval, long max, double factor, long completion) {
            return pollInterval == interval && maxPollInterval == max && multiplier == factor && timeout == completion;
        }
    }

    /** A copy for an endpoint. */
    @SuppressWarnings("unchecked")
    public <T extends RemoteTaskConfiguration> T copy() {
        try {
            return (T) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public int getClaimBatchSize() {
        return claimBatchSize;
    }

    public void setClaimBatchSize(int claimBatchSize) {
        this.claimBatchSize = claimBatchSize;
    }

    public int getMaxDeliveryAttempts() {
        return maxDeliveryAttempts;
    }

    public void setMaxDeliveryAttempts(int maxDeliveryAttempts) {
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    public long getDeliveryRetryDelay() {
        return deliveryRetryDelay;
    }

    public void setDeliveryRetryDelay(long deliveryRetryDelay) {
        this.deliveryRetryDelay = deliveryRetryDelay;
    }

    public long getMaxDeliveryRetryDelay() {
        return maxDeliveryRetryDelay;
    }

    public void setMaxDeliveryRetryDelay(long maxDeliveryRetryDelay) {
        this.maxDeliveryRetryDelay = maxDeliveryRetryDelay;
    }

    public String getStatusUpdateUri() {
        return statusUpdateUri;
    }

    public void setStatusUpdateUri(String statusUpdateUri) {
        this.statusUpdateUri = statusUpdateUri;
    }

    public boolean isStatusUpdates() {
        return statusUpdates;
    }

    public void setStatusUpdates(boolean statusUpdates) {
        this.statusUpdates = statusUpdates;
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public double getPollBackoffMultiplier() {
        return pollBackoffMultiplier;
    }

    public void setPollBackoffMultiplier(double pollBackoffMultiplier) {
        this.pollBackoffMultiplier = pollBackoffMultiplier;
    }

    public long getCompletionTimeout() {
        return completionTimeout;
    }

    public void setCompletionTimeout(long completionTimeout) {
        this.completionTimeout = completionTimeout;
    }

    public boolean isDownload() {
        return download;
    }

    public void setDownload(boolean download) {
        this.download = download;
    }

    public long getDownloadTimeout() {
        return downloadTimeout;
    }

    public void setDownloadTimeout(long downloadTimeout) {
        this.downloadTimeout = downloadTimeout;
    }

    public long getDownloadIdleTimeout() {
        return downloadIdleTimeout;
    }

    public void setDownloadIdleTimeout(long downloadIdleTimeout) {
        this.downloadIdleTimeout = downloadIdleTimeout;
    }

    public long getMaxDownloadTime() {
        return maxDownloadTime;
    }

    public void setMaxDownloadTime(long maxDownloadTime) {
        this.maxDownloadTime = maxDownloadTime;
    }

    public long getMaxDownloadSize() {
        return maxDownloadSize;
    }

    public void setMaxDownloadSize(long maxDownloadSize) {
        this.maxDownloadSize = maxDownloadSize;
    }

    public boolean isTrackTasks() {
        return trackTasks;
    }

    public void setTrackTasks(boolean trackTasks) {
        this.trackTasks = trackTasks;
    }

    public String getTrackedHeaders() {
        return trackedHeaders;
    }

    public void setTrackedHeaders(String trackedHeaders) {
        this.trackedHeaders = trackedHeaders;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }
}
