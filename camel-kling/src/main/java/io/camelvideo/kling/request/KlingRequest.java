package io.camelvideo.kling.request;

import io.camelvideo.task.request.FieldsBuilder;

import java.util.List;

/**
 * A typed create request, for Java routes that prefer it to options and headers: set what you need,
 * leave the rest null. As a message body its fields take precedence over headers and endpoint
 * options.
 *
 * <pre>{@code
 * from("direct:make").setBody(exchange -> new KlingRequest().prompt("a red fox").duration("10").mode("pro"))
 *     .to("kling:text2video?waitForCompletion=true");
 * }</pre>
 */
public final class KlingRequest extends FieldsBuilder<KlingRequest> {

    public KlingRequest prompt(String prompt) {
        return set("prompt", prompt);
    }

    public KlingRequest negativePrompt(String negativePrompt) {
        return set("negativePrompt", negativePrompt);
    }

    public KlingRequest model(String model) {
        return set("model", model);
    }

    public KlingRequest mode(String mode) {
        return set("mode", mode);
    }

    public KlingRequest duration(String duration) {
        return set("duration", duration);
    }

    public KlingRequest aspectRatio(String aspectRatio) {
        return set("aspectRatio", aspectRatio);
    }

    public KlingRequest cfgScale(Double cfgScale) {
        return set("cfgScale", cfgScale);
    }

    /** Camera control as JSON text, e.g. {@code {"type":"simple","config":{"zoom":5}}}. */
    public KlingRequest cameraControl(String cameraControl) {
        return set("cameraControl", cameraControl);
    }

    /** An image URL or Base64 text (a {@code data:} prefix is stripped). */
    public KlingRequest image(String image) {
        return set("image", image);
    }

    public KlingRequest imageTail(String imageTail) {
        return set("imageTail", imageTail);
    }

    /** One to four image URLs or Base64 texts (multiImage2video). */
    public KlingRequest imageList(List<String> images) {
        return set("imageList", images);
    }

    public KlingRequest videoId(String videoId) {
        return set("videoId", videoId);
    }

    public KlingRequest videoUrl(String videoUrl) {
        return set("videoUrl", videoUrl);
    }

    public KlingRequest soundEffectPrompt(String soundEffectPrompt) {
        return set("soundEffectPrompt", soundEffectPrompt);
    }

    public KlingRequest bgmPrompt(String bgmPrompt) {
        return set("bgmPrompt", bgmPrompt);
    }

    public KlingRequest asmrMode(Boolean asmrMode) {
        return set("asmrMode", asmrMode);
    }

    public KlingRequest watermark(Boolean watermark) {
        return set("watermark", watermark);
    }

    public KlingRequest callbackUrl(String callbackUrl) {
        return set("callbackUrl", callbackUrl);
    }

    public KlingRequest externalTaskId(String externalTaskId) {
        return set("externalTaskId", externalTaskId);
    }
}
