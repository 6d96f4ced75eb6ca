package io.camelvideo.legnext;

import io.camelvideo.task.camel.RemoteTaskConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the {@code legnext:} component and its endpoints (the ones every remote-task
 * component shares are in {@link RemoteTaskConfiguration}). Request fields keep Legnext's names.
 */
@UriParams
public class LegnextConfiguration extends RemoteTaskConfiguration {

    /** The Legnext API key, sent as `x-api-key`. */
    @UriParam(label = "security", secret = true)
    private String apiKey;
    /** The API's base URL: the service or the emulator. */
    @UriParam(label = "common", defaultValue = "https://api.legnext.ai")
    private String baseUrl = "https://api.legnext.ai";

    /** diffusion: the prompt, Midjourney flags inline (`--v 7 --ar 16:9`); 1 to 8192 characters. A String body takes precedence. */
    @UriParam(label = "producer")
    private String text;
    /** shorten, videoDiffusion, extendVideo: the prompt; 1 to 8192 characters. */
    @UriParam(label = "producer")
    private String prompt;
    /** variation, pan, outpaint, inpaint, remix: the remix prompt; 1 to 8192 characters. */
    @UriParam(label = "producer")
    private String remixPrompt;
    /** The source job of a follow-up (a UUID); the header `CamelLegnextJobId` of the step before sets it. */
    @UriParam(label = "producer")
    private String jobId;
    /** Which image of the source job (0 to 3). */
    @UriParam(label = "producer")
    private Integer imageNo;
    /** Which video of the source job (0 to 3). */
    @UriParam(label = "producer")
    private Integer videoNo;
    /** variation: 0 subtle, 1 strong; upscale: 0 subtle, 1 creative (2, 3 legacy). Default 0. */
    @UriParam(label = "producer")
    private Integer type;
    /** pan: 0 down, 1 right, 2 up, 3 left. */
    @UriParam(label = "producer")
    private Integer direction;
    /** pan: 1.1 to 3.0; outpaint: 1.1 to 2.0. */
    @UriParam(label = "producer")
    private Double scale;
    /** blend: 2 to 5 image URLs, comma-separated. */
    @UriParam(label = "producer")
    private String imgUrls;
    /** blend: `2:3`, `1:1` or `3:2`. */
    @UriParam(label = "producer", enums = "2:3,1:1,3:2", defaultValue = "1:1")
    private String aspectRatio = "1:1";
    /** describe: the image URL (at most 1024 characters). */
    @UriParam(label = "producer")
    private String imgUrl;
    /** inpaint, edit, uploadPaint: the mask as JSON, `{"areas":[{"width":..,"height":..,"points":[..]}]}` or `{"url":"..."}`. */
    @UriParam(label = "producer")
    private String mask;
    /** edit, uploadPaint: the output size as JSON, `{"width":1024,"height":1024}`. */
    @UriParam(label = "producer")
    private String canvas;
    /** edit, uploadPaint: where the source image sits on the canvas, `{"width":512,"height":512,"x":256,"y":256}`. */
    @UriParam(label = "producer")
    private String imgPos;
    /** remix: 0 strong, 1 subtle. */
    @UriParam(label = "producer")
    private Integer mode;
    /** videoDiffusion: 0 = 480p (default), 1 = 720p. */
    @UriParam(label = "producer")
    private Integer videoType;
    /** The URL Legnext notifies when the job ends. */
    @UriParam(label = "producer")
    private String callback;
    /**
     * With download: which output. `all` (default: every image or video; the body is a List of
     * streams, each with `getFileName()`), `0` to `3` (one of them), or `grid` (the grid image).
     */
    @UriParam(label = "producer", defaultValue = "all")
    private String downloadOutput = "all";
    /** Emit only jobs that ended with this status; the others are acknowledged without an exchange. */
    @UriParam(label = "consumer", enums = "completed,failed")
    private String onlyStatus;

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

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getRemixPrompt() {
        return remixPrompt;
    }

    public void setRemixPrompt(String remixPrompt) {
        this.remixPrompt = remixPrompt;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public Integer getImageNo() {
        return imageNo;
    }

    public void setImageNo(Integer imageNo) {
        this.imageNo = imageNo;
    }

    public Integer getVideoNo() {
        return videoNo;
    }

    public void setVideoNo(Integer videoNo) {
        this.videoNo = videoNo;
    }

    public Integer getType() {
        return type;
    }

    public void setType(Integer type) {
        this.type = type;
    }

    public Integer getDirection() {
        return direction;
    }

    public void setDirection(Integer direction) {
        this.direction = direction;
    }

    public Double getScale() {
        return scale;
    }

    public void setScale(Double scale) {
        this.scale = scale;
    }

    public String getImgUrls() {
        return imgUrls;
    }

    public void setImgUrls(String imgUrls) {
        this.imgUrls = imgUrls;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public String getImgUrl() {
        return imgUrl;
    }

    public void setImgUrl(String imgUrl) {
        this.imgUrl = imgUrl;
    }

    public String getCanvas() {
        return canvas;
    }

    public void setCanvas(String canvas) {
        this.canvas = canvas;
    }

    public String getImgPos() {
        return imgPos;
    }

    public void setImgPos(String imgPos) {
        this.imgPos = imgPos;
    }

    public String getMask() {
        return mask;
    }

    public void setMask(String mask) {
        this.mask = mask;
    }

    public Integer getMode() {
        return mode;
    }

    public void setMode(Integer mode) {
        this.mode = mode;
    }

    public Integer getVideoType() {
        return videoType;
    }

    public void setVideoType(Integer videoType) {
        this.videoType = videoType;
    }

    public String getCallback() {
        return callback;
    }

    public void setCallback(String callback) {
        this.callback = callback;
    }

    public String getDownloadOutput() {
        return downloadOutput;
    }

    public void setDownloadOutput(String downloadOutput) {
        this.downloadOutput = downloadOutput;
    }

    public String getOnlyStatus() {
        return onlyStatus;
    }

    public void setOnlyStatus(String onlyStatus) {
        this.onlyStatus = onlyStatus;
    }
}
