package io.camelvideo.kling;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the {@code kling:} component and its endpoints. Set on the component, they are the
 * defaults of every endpoint; an endpoint URI overrides them.
 */
@UriParams
public class KlingConfiguration implements Cloneable {

    // connection and auth

    /** The AccessKey of the official API; with secretKey, requests carry an HS256 JWT. */
    @UriParam(label = "security", secret = true)
    private String accessKey;
    /** The SecretKey that signs the JWT. */
    @UriParam(label = "security", secret = true)
    private String secretKey;
    /** A gateway's API key, sent as a plain Bearer token (instead of accessKey/secretKey). */
    @UriParam(label = "security", secret = true)
    private String apiKey;
    /** The API's base URL: the official service, a gateway, or the emulator. */
    @UriParam(label = "common", defaultValue = "https://api-singapore.klingai.com")
    private String baseUrl = "https://api-singapore.klingai.com";
    /** The path prefix of the API below the base URL: `/v1` for the official API, `/kling/v1` for most gateways. */
    @UriParam(label = "common", defaultValue = "/v1")
    private String pathPrefix = "/v1";
    /** How answers are wrapped: `auto` detects the raw Kling envelope or the new-api gateway wrapper per answer. */
    @UriParam(label = "advanced", defaultValue = "auto")
    private KlingResponseFormat responseFormat = KlingResponseFormat.auto;
    /** How long to wait for a connection. */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "10s")
    private long connectTimeout = 10_000;
    /** How long to wait for an API answer (create, status, list). */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "60s")
    private long requestTimeout = 60_000;
    /** How many times a failed safe call (and a create refused for throttling) is tried again. */
    @UriParam(label = "advanced", defaultValue = "4")
    private int maxRetries = 4;
    /** The first retry delay; it doubles per attempt, with jitter, up to maxRetryDelay. A `Retry-After` wins. */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "1s")
    private long retryDelay = 1_000;
    /** The largest retry delay. */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "30s")
    private long maxRetryDelay = 30_000;

    // producer

    /** What the producer does; the header `CamelKlingOperation` overrides it per message. */
    @UriParam(label = "producer", defaultValue = "create")
    private KlingOperation operation = KlingOperation.create;
    /** The model, e.g. `kling-v1`, `kling-v1-6`, `kling-v2-master` (the API's default when unset). */
    @UriParam(label = "producer")
    private String model;
    /** `std` (720p) or `pro` (1080p). */
    @UriParam(label = "producer", enums = "std,pro")
    private String mode;
    /** The clip length in seconds: `5` or `10` (3 to 15 for kling-v2-6 and kling-v3). */
    @UriParam(label = "producer")
    private String duration;
    /** `16:9`, `9:16` or `1:1` (text2video, multiImage2video). */
    @UriParam(label = "producer", enums = "16:9,9:16,1:1")
    private String aspectRatio;
    /** Prompt adherence from 0 to 1 (not supported by kling-v2.x models). */
    @UriParam(label = "producer")
    private Double cfgScale;
    /** The prompt (a String body takes precedence); at most 2500 characters. */
    @UriParam(label = "producer")
    private String prompt;
    /** What to keep out of the video; at most 2500 characters. */
    @UriParam(label = "producer")
    private String negativePrompt;
    /** Camera movement as JSON, e.g. `{"type":"simple","config":{"zoom":5}}` (exactly one non-zero axis for `simple`). */
    @UriParam(label = "producer")
    private String cameraControl;
    /** image2video: the first frame, as an http(s) URL or Base64 (a binary body takes precedence). */
    @UriParam(label = "producer")
    private String image;
    /** image2video: the last frame, as an http(s) URL or Base64. */
    @UriParam(label = "producer")
    private String imageTail;
    /** extend / addSound: the id of a video Kling generated (header `CamelKlingVideoId` of an earlier task). */
    @UriParam(label = "producer")
    private String videoId;
    /** addSound: the URL of an mp4/mov video of 3 to 20 s (instead of videoId). */
    @UriParam(label = "producer")
    private String videoUrl;
    /** addSound: the sound effects to generate; at most 200 characters. */
    @UriParam(label = "producer")
    private String soundEffectPrompt;
    /** addSound: the background music to generate; at most 200 characters. */
    @UriParam(label = "producer")
    private String bgmPrompt;
    /** addSound: enhanced detailed sound effects. */
    @UriParam(label = "producer")
    private Boolean asmrMode;
    /** Also produce a watermarked copy of the video. */
    @UriParam(label = "producer")
    private Boolean watermark;
    /** The URL Kling notifies on each status change. */
    @UriParam(label = "producer")
    private String callbackUrl;
    /**
     * Your id for the task, unique in the account. When unset, one is derived from the exchange, so
     * a create whose answer was lost can be looked up instead of being submitted twice.
     */
    @UriParam(label = "producer")
    private String externalTaskId;
    /** list: the page number, 1 to 1000. */
    @UriParam(label = "producer", defaultValue = "1")
    private int pageNum = 1;
    /** list: the page size, 1 to 500. */
    @UriParam(label = "producer", defaultValue = "30")
    private int pageSize = 30;
    /**
     * Continue the route only when the task has ended (create, status, download). No thread waits: the
     * exchange is parked and resumed by the component's poller.
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean waitForCompletion;
    /** The first status check after a submit, and the base of the backoff. */
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "5s")
    private long pollInterval = 5_000;
    /** The longest time between two status checks of one task. */
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "30s")
    private long maxPollInterval = 30_000;
    /** Each status check waits this much longer than the one before, up to maxPollInterval. */
    @UriParam(label = "producer", defaultValue = "2.0")
    private double pollBackoffMultiplier = 2.0;
    /** How long waitForCompletion waits before failing with an exception that names the (still running) task. */
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "30m")
    private long completionTimeout = 1_800_000;
    /** Replace the body with the finished task's file as a stream (with `CamelFileName`, `Content-Type`, `Content-Length`). */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean download;
    /** Which file a download streams: `video`, `watermarked`, `mp3` or `wav`. */
    @UriParam(label = "producer", defaultValue = "video")
    private KlingDownloadFormat format = KlingDownloadFormat.video;
    /** How long to wait for a download's response headers (the body then streams). */
    @UriParam(label = "producer", javaType = "java.time.Duration", defaultValue = "5m")
    @Metadata(label = "advanced")
    private long downloadTimeout = 300_000;

    // tracking and consumer

    /**
     * Record every task created without waitForCompletion in the component's task ledger, so
     * `from("kling:<kind>")` delivers it when it ends (also after a restart, with a durable ledger).
     */
    @UriParam(label = "producer", defaultValue = "true")
    private boolean trackTasks = true;
    /**
     * The headers of the submitting exchange kept with a tracked task and set again on the consumer's
     * exchange: comma-separated names; a trailing `*` matches a prefix (e.g. `Order*`).
     */
    @UriParam(label = "producer", defaultValue = "CamelFileName,CamelFileNameOnly,CamelCorrelationId,breadcrumbId")
    private String trackedHeaders = "CamelFileName,CamelFileNameOnly,CamelCorrelationId,breadcrumbId";
    /** Emit only tasks that ended with this status; the others are acknowledged without an exchange. */
    @UriParam(label = "consumer", enums = "succeed,failed")
    private String onlyStatus;
    /**
     * Also emit tasks this application did not create (made in the console, by another system): the
     * consumer reads the kind's newest 100 tasks once per pollInterval and takes in those created after
     * its watermark, which starts at the consumer's first start, so old tasks are never replayed.
     */
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean discoverTasks;
    /** The most finished tasks one poll emits (the rest follow on the next polls). */
    @UriParam(label = "consumer", defaultValue = "100")
    private int maxMessagesPerPoll = 100;

    public KlingConfiguration copy() {
        try {
            return (KlingConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getPathPrefix() {
        return pathPrefix;
    }

    public void setPathPrefix(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    public KlingResponseFormat getResponseFormat() {
        return responseFormat;
    }

    public void setResponseFormat(KlingResponseFormat responseFormat) {
        this.responseFormat = responseFormat;
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

    public KlingOperation getOperation() {
        return operation;
    }

    public void setOperation(KlingOperation operation) {
        this.operation = operation;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public Double getCfgScale() {
        return cfgScale;
    }

    public void setCfgScale(Double cfgScale) {
        this.cfgScale = cfgScale;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getNegativePrompt() {
        return negativePrompt;
    }

    public void setNegativePrompt(String negativePrompt) {
        this.negativePrompt = negativePrompt;
    }

    public String getCameraControl() {
        return cameraControl;
    }

    public void setCameraControl(String cameraControl) {
        this.cameraControl = cameraControl;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getImageTail() {
        return imageTail;
    }

    public void setImageTail(String imageTail) {
        this.imageTail = imageTail;
    }

    public String getVideoId() {
        return videoId;
    }

    public void setVideoId(String videoId) {
        this.videoId = videoId;
    }

    public String getVideoUrl() {
        return videoUrl;
    }

    public void setVideoUrl(String videoUrl) {
        this.videoUrl = videoUrl;
    }

    public String getSoundEffectPrompt() {
        return soundEffectPrompt;
    }

    public void setSoundEffectPrompt(String soundEffectPrompt) {
        this.soundEffectPrompt = soundEffectPrompt;
    }

    public String getBgmPrompt() {
        return bgmPrompt;
    }

    public void setBgmPrompt(String bgmPrompt) {
        this.bgmPrompt = bgmPrompt;
    }

    public Boolean getAsmrMode() {
        return asmrMode;
    }

    public void setAsmrMode(Boolean asmrMode) {
        this.asmrMode = asmrMode;
    }

    public Boolean getWatermark() {
        return watermark;
    }

    public void setWatermark(Boolean watermark) {
        this.watermark = watermark;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public String getExternalTaskId() {
        return externalTaskId;
    }

    public void setExternalTaskId(String externalTaskId) {
        this.externalTaskId = externalTaskId;
    }

    public int getPageNum() {
        return pageNum;
    }

    public void setPageNum(int pageNum) {
        this.pageNum = pageNum;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
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

    public KlingDownloadFormat getFormat() {
        return format;
    }

    public void setFormat(KlingDownloadFormat format) {
        this.format = format;
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

    public String getOnlyStatus() {
        return onlyStatus;
    }

    public void setOnlyStatus(String onlyStatus) {
        this.onlyStatus = onlyStatus;
    }

    public boolean isDiscoverTasks() {
        return discoverTasks;
    }

    public void setDiscoverTasks(boolean discoverTasks) {
        this.discoverTasks = discoverTasks;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public long getDownloadTimeout() {
        return downloadTimeout;
    }

    public void setDownloadTimeout(long downloadTimeout) {
        this.downloadTimeout = downloadTimeout;
    }
}
