package io.camelvideo.legnext.request;

import io.camelvideo.legnext.LegnextConfiguration;
import io.camelvideo.legnext.LegnextConstants;
import io.camelvideo.legnext.LegnextOperation;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import static io.camelvideo.legnext.LegnextOperation.*;

/**
 * The submit fields, each declared once: the API name (also the option name), the header that sets it,
 * its type, the endpoint option that sets it, and the operations that send it.
 */
public enum LegnextField {
    TEXT("text", LegnextConstants.TEXT, Type.PROSE, LegnextConfiguration::getText, EnumSet.of(diffusion)),
    PROMPT("prompt", LegnextConstants.PROMPT, Type.PROSE, LegnextConfiguration::getPrompt, EnumSet.of(shorten, videoDiffusion, extendVideo)),
    REMIX_PROMPT("remixPrompt", LegnextConstants.REMIX_PROMPT, Type.PROSE, LegnextConfiguration::getRemixPrompt, EnumSet.of(variation, pan, outpaint, inpaint, remix, retexture, edit, uploadPaint)),
    JOB_ID("jobId", LegnextConstants.JOB_ID, Type.TEXT, LegnextConfiguration::getJobId,
            EnumSet.of(variation, upscale, reroll, pan, outpaint, inpaint, remix, videoDiffusion, extendVideo, videoUpscale, enhance, enhanceUpscale, edit)),
    IMAGE_NO("imageNo", LegnextConstants.IMAGE_NO, Type.INTEGER, LegnextConfiguration::getImageNo,
            EnumSet.of(variation, upscale, pan, outpaint, inpaint, remix, videoDiffusion, enhance, enhanceUpscale, edit)),
    VIDEO_NO("videoNo", LegnextConstants.VIDEO_NO, Type.INTEGER, LegnextConfiguration::getVideoNo, EnumSet.of(extendVideo, videoUpscale)),
    TYPE("type", LegnextConstants.TYPE, Type.INTEGER, LegnextConfiguration::getType, EnumSet.of(variation, upscale)),
    DIRECTION("direction", LegnextConstants.DIRECTION, Type.INTEGER, LegnextConfiguration::getDirection, EnumSet.of(pan)),
    SCALE("scale", LegnextConstants.SCALE, Type.NUMBER, LegnextConfiguration::getScale, EnumSet.of(pan, outpaint)),
    IMG_URLS("imgUrls", LegnextConstants.IMG_URLS, Type.URL_LIST, LegnextConfiguration::getImgUrls, EnumSet.of(blend)),
    ASPECT_RATIO("aspect_ratio", null, Type.TEXT, LegnextConfiguration::getAspectRatio, EnumSet.of(blend)),
    IMG_URL("imgUrl", LegnextConstants.IMG_URL, Type.TEXT, LegnextConfiguration::getImgUrl, EnumSet.of(describe, retexture, removeBackground, uploadPaint)),
    MASK("mask", null, Type.JSON, LegnextConfiguration::getMask, EnumSet.of(inpaint, edit, uploadPaint)),
    MODE("mode", null, Type.INTEGER, LegnextConfiguration::getMode, EnumSet.of(remix)),
    VIDEO_TYPE("videoType", null, Type.INTEGER, LegnextConfiguration::getVideoType, EnumSet.of(videoDiffusion)),
    /** describe's image as a link (the other form of the describe page). */
    IMAGE_LINK("imageLink", null, Type.TEXT, null, EnumSet.of(describe)),
    /** describe's image as a data URI, {@code data:image/png;base64,...}; a binary body is sent this way. */
    IMAGE_BASE64("imageBase64", null, Type.TEXT, null, EnumSet.of(describe)),
    /** enhanceUpscale's image: the same option and header as {@link #IMG_URL}, sent as {@code image_url}. */
    UPSCALE_IMAGE_URL("image_url", LegnextConstants.IMG_URL, Type.TEXT, LegnextConfiguration::getImgUrl, EnumSet.of(enhanceUpscale)),
    CANVAS("canvas", null, Type.JSON, LegnextConfiguration::getCanvas, EnumSet.of(edit, uploadPaint)),
    IMG_POS("imgPos", null, Type.JSON, LegnextConfiguration::getImgPos, EnumSet.of(edit, uploadPaint)),
    CALLBACK("callback", LegnextConstants.CALLBACK, Type.TEXT, LegnextConfiguration::getCallback, EnumSet.range(diffusion, uploadPaint));

    /** How a value is converted and sent. */
    public enum Type { PROSE, TEXT, INTEGER, NUMBER, URL_LIST, JSON }

    private final String apiName;
    private final String header;
    private final Type type;
    private final Function<LegnextConfiguration, Object> endpointOption;
    private final Set<LegnextOperation> operations;

    LegnextField(String apiName, String header, Type type, Function<LegnextConfiguration, Object> endpointOption,
                 Set<LegnextOperation> operations) {
        this.apiName = apiName;
        this.header = header;
        this.type = type;
        this.endpointOption = endpointOption;
        this.operations = operations;
    }

    /** The value the endpoint's option gives this field, or null. */
    Object endpointValue(LegnextConfiguration configuration) {
        return endpointOption == null ? null : endpointOption.apply(configuration);
    }

    public String apiName() {
        return apiName;
    }

    /**
     * The option name: the API name, except the snake_case ones: blend's {@code aspect_ratio} is
     * {@code aspectRatio}, enhanceUpscale's {@code image_url} is {@code imgUrl} (as for every other operation).
     */
    public String option() {
        return this == ASPECT_RATIO ? "aspectRatio" : this == UPSCALE_IMAGE_URL ? "imgUrl" : apiName;
    }

    public String header() {
        return header;
    }

    public Type type() {
        return type;
    }

    public boolean appliesTo(LegnextOperation operation) {
        return operations.contains(operation);
    }

    /** The field of that option or API name that {@code operation} sends, else any of that name, or null. */
    public static LegnextField named(String name, LegnextOperation operation) {
        LegnextField any = null;
        for (LegnextField field : values()) {
            if (field.apiName.equals(name) || field.option().equals(name)) {
                if (field.appliesTo(operation)) {
                    return field;
                }
                any = any == null ? field : any;
            }
        }
        return any;
    }
}
