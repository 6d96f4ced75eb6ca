package io.camelvideo.legnext.request;

import io.camelvideo.task.request.FieldsBuilder;

import java.util.List;

/**
 * A typed submit request for Java routes: set what the operation needs. As a message body its fields
 * take precedence over headers and endpoint options.
 *
 * <pre>{@code
 * .setBody(exchange -> new LegnextRequest().jobId(id).imageNo(2).remixPrompt("at night"))
 * .to("legnext:variation?waitForCompletion=true")
 * }</pre>
 */
public final class LegnextRequest extends FieldsBuilder<LegnextRequest> {

    public LegnextRequest text(String text) {
        return set("text", text);
    }

    public LegnextRequest prompt(String prompt) {
        return set("prompt", prompt);
    }

    public LegnextRequest remixPrompt(String remixPrompt) {
        return set("remixPrompt", remixPrompt);
    }

    public LegnextRequest jobId(String jobId) {
        return set("jobId", jobId);
    }

    public LegnextRequest imageNo(Integer imageNo) {
        return set("imageNo", imageNo);
    }

    public LegnextRequest videoNo(Integer videoNo) {
        return set("videoNo", videoNo);
    }

    public LegnextRequest type(Integer type) {
        return set("type", type);
    }

    public LegnextRequest direction(Integer direction) {
        return set("direction", direction);
    }

    public LegnextRequest scale(Double scale) {
        return set("scale", scale);
    }

    public LegnextRequest imgUrls(List<String> imgUrls) {
        return set("imgUrls", imgUrls);
    }

    public LegnextRequest aspectRatio(String aspectRatio) {
        return set("aspectRatio", aspectRatio);
    }

    public LegnextRequest imgUrl(String imgUrl) {
        return set("imgUrl", imgUrl);
    }

    /** The inpaint mask as JSON text or a Map. */
    public LegnextRequest mask(Object mask) {
        return set("mask", mask);
    }

    public LegnextRequest mode(Integer mode) {
        return set("mode", mode);
    }

    public LegnextRequest videoType(Integer videoType) {
        return set("videoType", videoType);
    }

    public LegnextRequest callback(String callback) {
        return set("callback", callback);
    }
}
