package io.camelvideo.legnext;

import org.apache.camel.spi.Metadata;

/** The headers of the {@code legnext:} component. */
public final class LegnextConstants {

    @Metadata(description = "The job id. Input of follow-up operations (variation, upscale, videoDiffusion, extendVideo ...)"
                            + " and of `job`; set on every returned job, so steps chain.", javaType = "String")
    public static final String JOB_ID = "CamelLegnextJobId";
    @Metadata(description = "Submit: `true` sends the request although an earlier attempt of the same input has an"
                            + " unknown outcome (Legnext has no idempotency key). Set it only after checking that the earlier"
                            + " attempt created no job (its points were not deducted).", javaType = "Boolean")
    public static final String RESUBMIT = "CamelLegnextResubmit";
    @Metadata(description = "The job status: `pending`, `staged`, `processing`, `completed` or `failed`.", javaType = "String")
    public static final String JOB_STATUS = "CamelLegnextJobStatus";
    @Metadata(description = "The job's task type, e.g. `diffusion`, `video_diffusion`, `extend_video`.", javaType = "String")
    public static final String TASK_TYPE = "CamelLegnextTaskType";
    @Metadata(description = "The grid image (image jobs) or the single image (upscale).", javaType = "String")
    public static final String IMAGE_URL = "CamelLegnextImageUrl";
    @Metadata(description = "The four image URLs of an image job.", javaType = "java.util.List<String>")
    public static final String IMAGE_URLS = "CamelLegnextImageUrls";
    @Metadata(description = "The video URLs of a video job (four, one for videoUpscale).", javaType = "java.util.List<String>")
    public static final String VIDEO_URLS = "CamelLegnextVideoUrls";
    @Metadata(description = "The seed of the generation.", javaType = "String")
    public static final String SEED = "CamelLegnextSeed";
    @Metadata(description = "Points frozen by the job.", javaType = "Long")
    public static final String POINTS_FROZEN = "CamelLegnextPointsFrozen";
    @Metadata(description = "Points the job consumed (once completed).", javaType = "Long")
    public static final String POINTS_CONSUMED = "CamelLegnextPointsConsumed";
    @Metadata(description = "The error code of a failed job.", javaType = "Integer")
    public static final String ERROR_CODE = "CamelLegnextErrorCode";
    @Metadata(description = "The error message of a failed job.", javaType = "String")
    public static final String ERROR_MESSAGE = "CamelLegnextErrorMessage";
    @Metadata(description = "balance: the available points.", javaType = "Long")
    public static final String AVAILABLE_POINTS = "CamelLegnextAvailablePoints";

    @Metadata(description = "Input: the prompt of diffusion (`text`).", javaType = "String")
    public static final String TEXT = "CamelLegnextText";
    @Metadata(description = "Input: the prompt of shorten, videoDiffusion and extendVideo.", javaType = "String")
    public static final String PROMPT = "CamelLegnextPrompt";
    @Metadata(description = "Input: the remix prompt of variation, pan, outpaint, inpaint and remix.", javaType = "String")
    public static final String REMIX_PROMPT = "CamelLegnextRemixPrompt";
    @Metadata(description = "Input: which image of the source job, 0 to 3.", javaType = "Integer")
    public static final String IMAGE_NO = "CamelLegnextImageNo";
    @Metadata(description = "Input: which video of the source job, 0 to 3.", javaType = "Integer")
    public static final String VIDEO_NO = "CamelLegnextVideoNo";
    @Metadata(description = "Input: variation 0 subtle / 1 strong; upscale 0 subtle / 1 creative.", javaType = "Integer")
    public static final String TYPE = "CamelLegnextType";
    @Metadata(description = "Input: pan direction, 0 down, 1 right, 2 up, 3 left.", javaType = "Integer")
    public static final String DIRECTION = "CamelLegnextDirection";
    @Metadata(description = "Input: pan (1.1 to 3.0) or outpaint (1.1 to 2.0) scale.", javaType = "Double")
    public static final String SCALE = "CamelLegnextScale";
    @Metadata(description = "Input: blend's 2 to 5 image URLs (a List or comma-separated).", javaType = "java.util.List<String>")
    public static final String IMG_URLS = "CamelLegnextImgUrls";
    @Metadata(description = "Input: describe's image URL.", javaType = "String")
    public static final String IMG_URL = "CamelLegnextImgUrl";
    @Metadata(description = "Input: the callback URL Legnext notifies when the job ends.", javaType = "String")
    public static final String CALLBACK = "CamelLegnextCallback";
    @Metadata(description = "Download: which output, overriding the endpoint's `downloadOutput`.", javaType = "String")
    public static final String DOWNLOAD_OUTPUT = "CamelLegnextDownloadOutput";

    private LegnextConstants() {
    }
}
