package io.camelvideo.kling;

import io.camelvideo.task.camel.RemoteTaskConfiguration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of the {@code kling:} component and its endpoints (the ones every remote-task component
 * shares are in {@link RemoteTaskConfiguration}). Set on the component, they are the defaults of every
 * endpoint; an endpoint URI overrides them.
 */
@UriParams
public class KlingConfiguration extends RemoteTaskConfiguration {

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
    /**
     * After a create whose outcome is unknown, how long a lookup by `external_task_id` that finds no
     * task is repeated before the create is sent again (a create may land late).
     */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "3s")
    private long submitSettleTime = 3_000;
    /**
     * How long lookups by `external_task_id` are retried through errors to learn whether a create of
     * unknown outcome created its task, before the exchange fails with an error that says it may exist.
     */
    @UriParam(label = "advanced", javaType = "java.time.Duration", defaultValue = "2m")
    private long submitRecoveryTimeout = 120_000;

    // producer

    /**
     * What the producer does: create (default), status, list or download; for voice and element also presets
     * (Kling's own) and delete. The header `CamelKlingOperation` overrides it per message.
     */
    @UriParam(label = "producer", defaultValue = "create")
    private KlingOperation operation = KlingOperation.create;
    /** The model, e.g. `kling-v1`, `kling-v1-6`, `kling-v2-master` (the API's default when unset). */
    @UriParam(label = "producer")
    private String model;
    /** `std` (720p), `pro` (1080p) or `4k` (kling-v3 and kling-v3-omni). */
    @UriParam(label = "producer", enums = "std,pro,4k")
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
    /** text2video / image2video: `on` generates sound with the video (kling-v2-6 pro, kling-v3); `off` is the API's default. */
    @UriParam(label = "producer", enums = "on,off")
    private String sound;
    /** text2video / image2video: several shots in one video (kling-v3); the shots come from `multi_prompt` in the body, or `shotType=intelligence`. */
    @UriParam(label = "producer")
    private Boolean multiShot;
    /** With `multiShot`: `customize` (the body's `multi_prompt` lists the shots) or `intelligence` (the model splits the prompt). */
    @UriParam(label = "producer", enums = "customize,intelligence")
    private String shotType;
    /** motionControl: the character follows the orientation of the `image` (reference video ≤ 10 s) or of the `video` (≤ 30 s). */
    @UriParam(label = "producer", enums = "image,video")
    private String characterOrientation;
    /** effects: the scene, e.g. `bullet_time` or the dual-image `hug_pro` (two images: the body's `input.images`). */
    @UriParam(label = "producer")
    private String effectScene;
    /** tts: an official voice id, e.g. `oversea_male1`. */
    @UriParam(label = "producer")
    private String voiceId;
    /** tts: `zh` or `en`, matching the voice (the API's default is `zh`). */
    @UriParam(label = "producer", enums = "zh,en")
    private String voiceLanguage;
    /** tts: from 0.8 to 2.0 (the API's default is 1.0). */
    @UriParam(label = "producer")
    private Double voiceSpeed;
    /** advancedLipSync: the session of an identifyFace call (set by that step as header `CamelKlingSessionId`). */
    @UriParam(label = "producer")
    private String sessionId;
    /** voice: the custom voice's name, at most 20 characters. */
    @UriParam(label = "producer")
    private String voiceName;
    /** voice: an mp3/wav audio or mp4/mov video of one clean human voice, 5 to 30 s (or give `videoId`). */
    @UriParam(label = "producer")
    private String voiceUrl;
    /** element: its name, at most 20 characters. */
    @UriParam(label = "producer")
    private String elementName;
    /** element: its description, at most 100 characters. */
    @UriParam(label = "producer")
    private String elementDescription;
    /** element: `image_refer` (a multi-image element: the body's `element_image_list`) or `video_refer` (`element_video_list`). */
    @UriParam(label = "producer", enums = "image_refer,video_refer")
    private String referenceType;
    /** image: how many images, 1 to 9 (sent as `n`; each takes a place of the parallel-task limit). */
    @UriParam(label = "producer")
    private Integer imageCount;
    /** image: `1k` or `2k`. */
    @UriParam(label = "producer", enums = "1k,2k")
    private String resolution;
    /** image: what the reference `image` gives, `subject` or `face` (required for kling-v1-5 with an image). */
    @UriParam(label = "producer", enums = "subject,face")
    private String imageReference;
    /** multiElementsSelection: which step (init, add, delete, clear, preview). */
    @UriParam(label = "producer", defaultValue = "init")
    private KlingSelectionAction selectionAction = KlingSelectionAction.init;
    /** multiElementsSelection add and delete: the frame the body's points are on (0-based). */
    @UriParam(label = "producer")
    private Integer frameIndex;
    /** multiElements: what to do with the selected element: addition (1-2 images), swap (1 image) or removal. */
    @UriParam(label = "producer", enums = "addition,swap,removal")
    private String editMode;
    /** virtualTryOn: the garment (upper, lower or dress; kolors-virtual-try-on-v1-5 also an upper and lower in one image), a URL or Base64. */
    @UriParam(label = "producer")
    private String clothImage;
    /** multiImage2image: the scene the subjects are placed in, an image URL or Base64. */
    @UriParam(label = "producer")
    private String sceneImage;
    /** multiImage2image: the style to paint them in, an image URL or Base64. */
    @UriParam(label = "producer")
    private String styleImage;
    /** imageExpand: how far to expand above, as a multiple of the height, 0 to 2 (required with the other three; the new area at most 3 times the original). */
    @UriParam(label = "producer")
    private Double upExpansionRatio;
    /** imageExpand: how far to expand below, as a multiple of the height, 0 to 2. */
    @UriParam(label = "producer")
    private Double downExpansionRatio;
    /** imageExpand: how far to expand to the left, as a multiple of the width, 0 to 2. */
    @UriParam(label = "producer")
    private Double leftExpansionRatio;
    /** imageExpand: how far to expand to the right, as a multiple of the width, 0 to 2. */
    @UriParam(label = "producer")
    private Double rightExpansionRatio;
    /**
     * Image tasks with download: only the image of this index (0-based), as one file; unset, every image (one
     * file, or a List of them).
     */
    @UriParam(label = "producer")
    private Integer imageIndex;
    /** image: how closely the result follows the reference image, 0 to 1 (API default 0.5; kling-v1 and kling-v1-5). */
    @UriParam(label = "producer")
    private Double imageFidelity;
    /** image: how closely the result keeps the reference's face, 0 to 1 (API default 0.45; with imageReference=subject). */
    @UriParam(label = "producer")
    private Double humanFidelity;
    /**
     * Checks a create against the model capability map (which models a kind takes; 4K, sound, multi-shot,
     * durations, mode, cfgScale, end frame by model) before the paid call: `warn` logs, `strict` refuses,
     * `off` leaves it to the API. The API stays authoritative.
     */
    @UriParam(label = "producer", defaultValue = "warn")
    private KlingCapabilityCheck capabilityCheck = KlingCapabilityCheck.warn;
    /** accountCosts: the start of the period, epoch milliseconds (default: 30 days before `endTime`). */
    @UriParam(label = "producer")
    private Long startTime;
    /** accountCosts: the end of the period, epoch milliseconds (default: now). */
    @UriParam(label = "producer")
    private Long endTime;
    /** accountCosts: only this resource pack. */
    @UriParam(label = "producer")
    private String resourcePackName;
    /** avatar: the voice, as the id of an audio made by TTS (or give `soundFile`). */
    @UriParam(label = "producer")
    private String audioId;
    /** avatar: the voice, as an mp3/wav/m4a/aac URL or Base64 of 2 to 300 s (or give `audioId`). */
    @UriParam(label = "producer")
    private String soundFile;
    /** Also produce a watermarked copy of the video. */
    @UriParam(label = "producer")
    private Boolean watermark;
    /** The URL Kling notifies on each status change. */
    @UriParam(label = "producer")
    private String callbackUrl;
    /**
     * Your id for the task, unique in the account; used as given. When unset, one is derived from the
     * input (see `idempotencyKey`), so a retry, redelivery or restart of the same input adopts its task
     * instead of paying for a second one.
     */
    @UriParam(label = "producer")
    private String externalTaskId;
    /** list: the page number, 1 to 1000. */
    @UriParam(label = "producer", defaultValue = "1")
    private int pageNum = 1;
    /** list: the page size, 1 to 500. */
    @UriParam(label = "producer", defaultValue = "30")
    private int pageSize = 30;
    /** Which file a download streams: `video`, `watermarked`, `mp3` or `wav`. */
    @UriParam(label = "producer", defaultValue = "video")
    private KlingDownloadFormat format = KlingDownloadFormat.video;

    // tracking and consumer

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

    public long getSubmitSettleTime() {
        return submitSettleTime;
    }

    public void setSubmitSettleTime(long submitSettleTime) {
        this.submitSettleTime = submitSettleTime;
    }

    public long getSubmitRecoveryTimeout() {
        return submitRecoveryTimeout;
    }

    public void setSubmitRecoveryTimeout(long submitRecoveryTimeout) {
        this.submitRecoveryTimeout = submitRecoveryTimeout;
    }

    /** The account-wide settings of the submit protocol (part of the account's identity). */
    String submitSettings() {
        return submitSettleTime + "|" + submitRecoveryTimeout;
    }

    public KlingResponseFormat getResponseFormat() {
        return responseFormat;
    }

    public void setResponseFormat(KlingResponseFormat responseFormat) {
        this.responseFormat = responseFormat;
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

    public String getSound() {
        return sound;
    }

    public void setSound(String sound) {
        this.sound = sound;
    }

    public Boolean getMultiShot() {
        return multiShot;
    }

    public void setMultiShot(Boolean multiShot) {
        this.multiShot = multiShot;
    }

    public String getShotType() {
        return shotType;
    }

    public void setShotType(String shotType) {
        this.shotType = shotType;
    }

    public String getCharacterOrientation() {
        return characterOrientation;
    }

    public void setCharacterOrientation(String characterOrientation) {
        this.characterOrientation = characterOrientation;
    }

    public String getVoiceName() {
        return voiceName;
    }

    public void setVoiceName(String voiceName) {
        this.voiceName = voiceName;
    }

    public String getVoiceUrl() {
        return voiceUrl;
    }

    public void setVoiceUrl(String voiceUrl) {
        this.voiceUrl = voiceUrl;
    }

    public String getElementName() {
        return elementName;
    }

    public void setElementName(String elementName) {
        this.elementName = elementName;
    }

    public String getElementDescription() {
        return elementDescription;
    }

    public void setElementDescription(String elementDescription) {
        this.elementDescription = elementDescription;
    }

    public String getReferenceType() {
        return referenceType;
    }

    public void setReferenceType(String referenceType) {
        this.referenceType = referenceType;
    }

    public KlingCapabilityCheck getCapabilityCheck() {
        return capabilityCheck;
    }

    public void setCapabilityCheck(KlingCapabilityCheck capabilityCheck) {
        this.capabilityCheck = capabilityCheck;
    }

    public Integer getImageCount() {
        return imageCount;
    }

    public void setImageCount(Integer imageCount) {
        this.imageCount = imageCount;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public String getImageReference() {
        return imageReference;
    }

    public void setImageReference(String imageReference) {
        this.imageReference = imageReference;
    }

    public KlingSelectionAction getSelectionAction() {
        return selectionAction;
    }

    public void setSelectionAction(KlingSelectionAction selectionAction) {
        this.selectionAction = selectionAction;
    }

    public Integer getFrameIndex() {
        return frameIndex;
    }

    public void setFrameIndex(Integer frameIndex) {
        this.frameIndex = frameIndex;
    }

    public String getEditMode() {
        return editMode;
    }

    public void setEditMode(String editMode) {
        this.editMode = editMode;
    }

    public String getClothImage() {
        return clothImage;
    }

    public void setClothImage(String clothImage) {
        this.clothImage = clothImage;
    }

    public String getSceneImage() {
        return sceneImage;
    }

    public void setSceneImage(String sceneImage) {
        this.sceneImage = sceneImage;
    }

    public String getStyleImage() {
        return styleImage;
    }

    public void setStyleImage(String styleImage) {
        this.styleImage = styleImage;
    }

    public Double getUpExpansionRatio() {
        return upExpansionRatio;
    }

    public void setUpExpansionRatio(Double upExpansionRatio) {
        this.upExpansionRatio = upExpansionRatio;
    }

    public Double getDownExpansionRatio() {
        return downExpansionRatio;
    }

    public void setDownExpansionRatio(Double downExpansionRatio) {
        this.downExpansionRatio = downExpansionRatio;
    }

    public Double getLeftExpansionRatio() {
        return leftExpansionRatio;
    }

    public void setLeftExpansionRatio(Double leftExpansionRatio) {
        this.leftExpansionRatio = leftExpansionRatio;
    }

    public Double getRightExpansionRatio() {
        return rightExpansionRatio;
    }

    public void setRightExpansionRatio(Double rightExpansionRatio) {
        this.rightExpansionRatio = rightExpansionRatio;
    }

    public Integer getImageIndex() {
        return imageIndex;
    }

    public void setImageIndex(Integer imageIndex) {
        this.imageIndex = imageIndex;
    }

    public Double getImageFidelity() {
        return imageFidelity;
    }

    public void setImageFidelity(Double imageFidelity) {
        this.imageFidelity = imageFidelity;
    }

    public Double getHumanFidelity() {
        return humanFidelity;
    }

    public void setHumanFidelity(Double humanFidelity) {
        this.humanFidelity = humanFidelity;
    }

    public Long getStartTime() {
        return startTime;
    }

    public void setStartTime(Long startTime) {
        this.startTime = startTime;
    }

    public Long getEndTime() {
        return endTime;
    }

    public void setEndTime(Long endTime) {
        this.endTime = endTime;
    }

    public String getResourcePackName() {
        return resourcePackName;
    }

    public void setResourcePackName(String resourcePackName) {
        this.resourcePackName = resourcePackName;
    }

    public String getVoiceId() {
        return voiceId;
    }

    public void setVoiceId(String voiceId) {
        this.voiceId = voiceId;
    }

    public String getVoiceLanguage() {
        return voiceLanguage;
    }

    public void setVoiceLanguage(String voiceLanguage) {
        this.voiceLanguage = voiceLanguage;
    }

    public Double getVoiceSpeed() {
        return voiceSpeed;
    }

    public void setVoiceSpeed(Double voiceSpeed) {
        this.voiceSpeed = voiceSpeed;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getEffectScene() {
        return effectScene;
    }

    public void setEffectScene(String effectScene) {
        this.effectScene = effectScene;
    }

    public String getAudioId() {
        return audioId;
    }

    public void setAudioId(String audioId) {
        this.audioId = audioId;
    }

    public String getSoundFile() {
        return soundFile;
    }

    public void setSoundFile(String soundFile) {
        this.soundFile = soundFile;
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

    public KlingDownloadFormat getFormat() {
        return format;
    }

    public void setFormat(KlingDownloadFormat format) {
        this.format = format;
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

}
