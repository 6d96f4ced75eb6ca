package io.camelvideo.legnext.request;

import io.camelvideo.legnext.LegnextConstants;
import io.camelvideo.legnext.LegnextOperation;

import java.util.EnumSet;
import java.util.Set;

import static io.camelvideo.legnext.LegnextOperation.*;

/** The submit fields: the API name (also the option name), the header that sets it, its type, and the operations that send it. */
public enum LegnextField {
    TEXT("text", LegnextConstants.TEXT, Type.PROSE, EnumSet.of(diffusion)),
    PROMPT("prompt", LegnextConstants.PROMPT, Type.PROSE, EnumSet.of(shorten, videoDiffusion, extendVideo)),
    REMIX_PROMPT("remixPrompt", LegnextConstants.REMIX_PROMPT, Type.PROSE, EnumSet.of(variation, pan, outpaint, inpaint, remix)),
    JOB_ID("jobId", LegnextConstants.JOB_ID, Type.TEXT,
            EnumSet.of(variation, upscale, reroll, pan, outpaint, inpaint, remix, videoDiffusion, extendVideo, videoUpscale)),
    IMAGE_NO("imageNo", LegnextConstants.IMAGE_NO, Type.INTEGER,
            EnumSet.of(variation, upscale, pan, outpaint, inpaint, remix, videoDiffusion)),
    VIDEO_NO("videoNo", LegnextConstants.VIDEO_NO, Type.INTEGER, EnumSet.of(extendVideo, videoUpscale)),
    TYPE("type", LegnextConstants.TYPE, Type.INTEGER, EnumSet.of(variation, upscale)),
    DIRECTION("direction", LegnextConstants.DIRECTION, Type.INTEGER, EnumSet.of(pan)),
    SCALE("scale", LegnextConstants.SCALE, Type.NUMBER, EnumSet.of(pan, outpaint)),
    IMG_URLS("imgUrls", LegnextConstants.IMG_URLS, Type.URL_LIST, EnumSet.of(blend)),
    ASPECT_RATIO("aspect_ratio", null, Type.TEXT, EnumSet.of(blend)),
    IMG_URL("imgUrl", LegnextConstants.IMG_URL, Type.TEXT, EnumSet.of(describe)),
    MASK("mask", null, Type.JSON, EnumSet.of(inpaint)),
    MODE("mode", null, Type.INTEGER, EnumSet.of(remix)),
    VIDEO_TYPE("videoType", null, Type.INTEGER, EnumSet.of(videoDiffusion)),
    CALLBACK("callback", LegnextConstants.CALLBACK, Type.TEXT, EnumSet.range(diffusion, videoUpscale));

    /** How a value is converted and sent. */
    public enum Type { PROSE, TEXT, INTEGER, NUMBER, URL_LIST, JSON }

    private final String apiName;
    private final String header;
    private final Type type;
    private final Set<LegnextOperation> operations;

    LegnextField(String apiName, String header, Type type, Set<LegnextOperation> operations) {
        this.apiName = apiName;
        this.header = header;
        this.type = type;
        this.operations = operations;
    }

    public String apiName() {
        return apiName;
    }

    /** The option name: the API name, except blend's {@code aspect_ratio} which is {@code aspectRatio}. */
    public String option() {
        return this == ASPECT_RATIO ? "aspectRatio" : apiName;
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

    /** The field named by an option or API name, or null. */
    public static LegnextField named(String name) {
        for (LegnextField field : values()) {
            if (field.apiName.equals(name) || field.option().equals(name)) {
                return field;
            }
        }
        return null;
    }
}
