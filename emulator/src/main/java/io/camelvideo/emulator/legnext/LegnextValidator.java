package io.camelvideo.emulator.legnext;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Validates submit bodies against legnext-api.md §2 and §8: camelCase fields (blend's
 * {@code aspect_ratio} excepted), {@code jobId} UUIDs of completed source jobs, {@code imageNo} /
 * {@code videoNo} 0–3, texts 1–8192 characters, pan/outpaint scales, blend's 2–5 URLs. Wrong types
 * (e.g. {@code direction:"left"}) are refused like missing fields: 400 with the field in
 * {@code raw_message}.
 */
final class LegnextValidator {

    static final int TEXT_MAX = 8192;
    static final int URL_MAX = 1024;
    static final int MAX_EXTENSIONS = 4;
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Function<String, LegnextJob> jobLookup;
    private final long now;
    private final boolean textOnlyVideo;

    /**
     * @param jobLookup     the caller's job with this id, or null
     * @param textOnlyVideo whether a video-diffusion prompt without an image URL is accepted (§8, open)
     */
    LegnextValidator(Function<String, LegnextJob> jobLookup, long now, boolean textOnlyVideo) {
        this.jobLookup = jobLookup;
        this.now = now;
        this.textOnlyVideo = textOnlyVideo;
    }

    LegnextSubmit validate(LegnextTaskType type, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new LegnextError(400, "Invalid request parameters", "the body must be a JSON object");
        }
        String callback = optionalText(body, "callback", URL_MAX);
        if (callback != null && !isHttpUrl(callback)) {
            throw LegnextError.invalid("callback", "must be an http(s) URL");
        }
        return switch (type) {
            case DIFFUSION -> new LegnextSubmit(type, requiredText(body, "text"), callback, null, -1);
            case SHORTEN -> new LegnextSubmit(type, requiredText(body, "prompt"), callback, null, -1);
            case VARIATION -> {
                LegnextJob source = imageSource(body);
                int imageNo = index(body, "imageNo");
                intIn(body, "type", 0, 1, true);
                yield new LegnextSubmit(type, optionalPrompt(body, "remixPrompt"), callback, source, imageNo);
            }
            case UPSCALE -> {
                LegnextJob source = imageSource(body);
                int imageNo = index(body, "imageNo");
                intIn(body, "type", 0, 3, true);
                yield new LegnextSubmit(type, "", callback, source, imageNo);
            }
            case REROLL -> new LegnextSubmit(type, "", callback, imageSource(body), -1);
            case BLEND -> {
                JsonNode urls = body.get("imgUrls");
                if (urls == null || urls.isNull()) {
                    throw LegnextError.invalid("imgUrls", "is required");
                }
                if (!urls.isArray() || urls.size() < 2 || urls.size() > 5) {
                    throw LegnextError.invalid("imgUrls", "must be an array of 2 to 5 image URLs");
                }
                for (int i = 0; i < urls.size(); i++) {
                    JsonNode url = urls.get(i);
                    if (!url.isTextual() || !isHttpUrl(url.asText()) || url.asText().length() > URL_MAX) {
                        throw LegnextError.invalid("imgUrls[" + i + "]", "must be an http(s) URL of at most " + URL_MAX + " characters");
                    }
                }
                String ratio = optionalText(body, "aspect_ratio", 0);
                if (ratio == null) {
                    throw LegnextError.invalid("aspect_ratio", "is required");
                }
                if (!List.of("2:3", "1:1", "3:2").contains(ratio)) {
                    throw LegnextError.invalid("aspect_ratio", "must be one of 2:3, 1:1, 3:2, was \"" + ratio + "\"");
                }
                yield new LegnextSubmit(type, "", callback, null, -1);
            }
            case DESCRIBE -> {
                String imgUrl = optionalText(body, "imgUrl", URL_MAX);
                String link = optionalText(body, "imageLink", URL_MAX);
                String base64 = optionalText(body, "imageBase64", 0);
                long given = java.util.stream.Stream.of(imgUrl, link, base64).filter(s -> s != null).count();
                if (given != 1) {
                    throw LegnextError.invalid("imgUrl", "exactly one of imgUrl, imageLink and imageBase64 is required");
                }
                if ((imgUrl != null && !isHttpUrl(imgUrl)) || (link != null && !isHttpUrl(link))) {
                    throw LegnextError.invalid(imgUrl != null ? "imgUrl" : "imageLink", "must start with http:// or https://");
                }
                if (base64 != null && !base64.startsWith("data:image/")) {
                    throw LegnextError.invalid("imageBase64", "must be a data URI (data:image/...;base64,...)");
                }
                yield new LegnextSubmit(type, "", callback, null, -1);
            }
            case PAN -> {
                LegnextJob source = imageSource(body);
                int imageNo = index(body, "imageNo");
                intIn(body, "direction", 0, 3, true);
                numberIn(body, "scale", 1.1, 3.0);
                yield new LegnextSubmit(type, optionalPrompt(body, "remixPrompt"), callback, source, imageNo);
            }
            case OUTPAINT -> {
                LegnextJob source = imageSource(body);
                int imageNo = index(body, "imageNo");
                numberIn(body, "scale", 1.1, 2.0);
                yield new LegnextSubmit(type, optionalPrompt(body, "remixPrompt"), callback, source, imageNo);
            }
            case INPAINT -> {
                LegnextJob source = imageSource(body);
                int imageNo = index(body, "imageNo");
                mask(body);
                yield new LegnextSubmit(type, optionalPrompt(body, "remixPrompt"), callback, source, imageNo);
            }
            case REMIX -> {
                LegnextJob source = imageSource(body);
                int imageNo = index(body, "imageNo");
                String prompt = requiredText(body, "remixPrompt");
                intIn(body, "mode", 0, 1, false);
                yield new LegnextSubmit(type, prompt, callback, source, imageNo);
            }
            case VIDEO_DIFFUSION -> {
                intIn(body, "videoType", 0, 1, false);
                if (body.hasNonNull("jobId")) {
                    LegnextJob source = imageSource(body);
                    int imageNo = index(body, "imageNo");
                    yield new LegnextSubmit(type, optionalPrompt(body, "prompt"), callback, source, imageNo);
                }
                String prompt = requiredText(body, "prompt");
                if (!textOnlyVideo && !isHttpUrl(prompt.strip().split("\\s+")[0])) {
                    throw LegnextError.invalid("prompt", "without jobId the prompt must start with an image URL: \"<image_url> text\"");
                }
                yield new LegnextSubmit(type, prompt, callback, null, -1);
            }
            case EXTEND_VIDEO -> {
                LegnextJob source = videoSource(body);
                int videoNo = index(body, "videoNo");
                if (source.extensions >= MAX_EXTENSIONS) {
                    throw LegnextError.invalid("jobId", "the video was already extended " + MAX_EXTENSIONS
                            + " times, the maximum");
                }
                yield new LegnextSubmit(type, optionalPrompt(body, "prompt"), callback, source, videoNo);
            }
            case VIDEO_UPSCALE -> {
                LegnextJob source = videoSource(body);
                yield new LegnextSubmit(type, "", callback, source, index(body, "videoNo"));
            }
            case RETEXTURE -> {
                imageUrl(body, "imgUrl");
                yield new LegnextSubmit(type, requiredText(body, "remixPrompt"), callback, null, -1);
            }
            case REMOVE_BACKGROUND -> {
                imageUrl(body, "imgUrl");
                yield new LegnextSubmit(type, "", callback, null, -1);
            }
            case ENHANCE -> {
                LegnextJob source = imageSource(body);
                yield new LegnextSubmit(type, "", callback, source, index(body, "imageNo"));
            }
            case ENHANCE_UPSCALE -> {
                boolean fromUrl = body.hasNonNull("image_url");
                boolean fromJob = body.hasNonNull("jobId");
                if (fromUrl == fromJob) {
                    throw LegnextError.invalid("image_url", "give image_url or jobId + imageNo (one source)");
                }
                oneOf(body, "target_resolution", List.of("HD", "FHD", "2K", "4K", "6K", "8K", "12K"));
                oneOf(body, "content_type", List.of("standard", "photo", "illustration", "text", "low_res"));
                oneOf(body, "aspect_ratio", List.of("keep", "1:1", "16:9", "9:16", "4:5", "5:4", "3:2", "2:3", "4:3", "3:4"));
                oneOf(body, "crop_mode", List.of("letterbox", "crop", "stretch"));
                oneOf(body, "output_format", List.of("jpeg", "jpg", "png", "tiff", "tif"));
                oneOf(body, "face_enhancement_level", List.of("off", "none", "subtle", "moderate", "strong"));
                if (fromUrl) {
                    String url = optionalText(body, "image_url", URL_MAX);
                    if (!isHttpUrl(url)) {
                        throw new LegnextError(400, "Invalid request, image_url must start with http:// or https://",
                                "image_url must start with http:// or https://");
                    }
                    yield new LegnextSubmit(type, "", callback, null, -1);
                }
                LegnextJob source = imageSource(body);
                yield new LegnextSubmit(type, "", callback, source, index(body, "imageNo"));
            }
            case EDIT -> {
                LegnextJob source = imageSource(body);
                int imageNo = index(body, "imageNo");
                box(body, "canvas", false);
                box(body, "imgPos", true);
                if (body.hasNonNull("mask")) {
                    mask(body);
                }
                yield new LegnextSubmit(type, requiredText(body, "remixPrompt"), callback, source, imageNo);
            }
            case UPLOAD_PAINT -> {
                imageUrl(body, "imgUrl");
                box(body, "canvas", false);
                box(body, "imgPos", true);
                mask(body);
                yield new LegnextSubmit(type, requiredText(body, "remixPrompt"), callback, null, -1);
            }
        };
    }

    private static void imageUrl(JsonNode body, String field) {
        String url = optionalText(body, field, URL_MAX);
        if (url == null) {
            throw LegnextError.invalid(field, "is required");
        }
        if (!isHttpUrl(url)) {
            throw LegnextError.invalid(field, "must be an http(s) URL");
        }
    }

    /** {@code {width, height}} (and {@code x, y} for a position), whole numbers. */
    private static void box(JsonNode body, String field, boolean position) {
        JsonNode box = body.get(field);
        if (box == null || !box.isObject()) {
            throw LegnextError.invalid(field, "is required: {width, height" + (position ? ", x, y}" : "}"));
        }
        for (String part : position ? List.of("width", "height", "x", "y") : List.of("width", "height")) {
            if (!box.path(part).isIntegralNumber()) {
                throw LegnextError.invalid(field + "." + part, "must be a whole number");
            }
        }
    }

    private static void oneOf(JsonNode body, String field, List<String> allowed) {
        JsonNode value = body.get(field);
        if (value != null && !value.isNull() && !allowed.contains(value.asText())) {
            throw LegnextError.invalid(field, "must be one of " + String.join(", ", allowed));
        }
    }

    private LegnextJob imageSource(JsonNode body) {
        LegnextJob job = completedJob(body);
        if (job.type.output() != LegnextTaskType.Output.IMAGE_GRID) {
            throw LegnextError.invalid("jobId", "job " + job.id + " is a " + job.type.wire()
                    + " job; this operation needs a job with four images");
        }
        return job;
    }

    private LegnextJob videoSource(JsonNode body) {
        LegnextJob job = completedJob(body);
        if (job.type != LegnextTaskType.VIDEO_DIFFUSION && job.type != LegnextTaskType.EXTEND_VIDEO) {
            throw LegnextError.invalid("jobId", "job " + job.id + " is a " + job.type.wire()
                    + " job; this operation needs a video_diffusion or extend_video job");
        }
        return job;
    }

    private LegnextJob completedJob(JsonNode body) {
        String jobId = optionalText(body, "jobId", 0);
        if (jobId == null) {
            throw LegnextError.invalid("jobId", "is required");
        }
        if (!UUID.matcher(jobId).matches()) {
            throw LegnextError.invalid("jobId", "must be a UUID, was \"" + jobId + "\"");
        }
        LegnextJob job = jobLookup.apply(jobId);
        if (job == null) {
            throw new LegnextError(404, "Job not found", "job " + jobId + " does not exist or has expired");
        }
        if (job.statusAt(now) != LegnextJob.Status.COMPLETED) {
            throw LegnextError.invalid("jobId", "job " + jobId + " is " + job.statusAt(now).wire() + ", not completed");
        }
        return job;
    }

    private static void mask(JsonNode body) {
        JsonNode mask = body.get("mask");
        if (mask == null || !mask.isObject()) {
            throw LegnextError.invalid("mask", "is required: {areas: [polygon]} or {url}");
        }
        if (mask.hasNonNull("url")) {
            if (!mask.get("url").isTextual() || !isHttpUrl(mask.get("url").asText())) {
                throw LegnextError.invalid("mask.url", "must be an http(s) URL");
            }
            return;
        }
        JsonNode areas = mask.get("areas");
        if (areas == null || !areas.isArray() || areas.isEmpty()) {
            throw LegnextError.invalid("mask.areas", "must be a non-empty array of polygons (or give mask.url)");
        }
        for (int i = 0; i < areas.size(); i++) {
            JsonNode area = areas.get(i);
            for (String side : List.of("width", "height")) {
                JsonNode n = area.get(side);
                if (n == null || !n.isInt() || n.asInt() < 500 || n.asInt() > 4096) {
                    throw LegnextError.invalid("mask.areas[" + i + "]." + side, "must be an integer from 500 to 4096");
                }
            }
            JsonNode points = area.get("points");
            if (points == null || !points.isArray() || points.size() < 6 || points.size() % 2 != 0) {
                throw LegnextError.invalid("mask.areas[" + i + "].points", "must be an even list of at least 6 integers (x,y pairs)");
            }
        }
    }

    private static int index(JsonNode body, String field) {
        return intIn(body, field, 0, 3, true);
    }

    private static int intIn(JsonNode body, String field, int min, int max, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw LegnextError.invalid(field, "is required");
            }
            return min;
        }
        if (!node.isIntegralNumber()) {
            throw LegnextError.invalid(field, "must be an integer from " + min + " to " + max);
        }
        int value = node.asInt();
        if (value < min || value > max) {
            throw LegnextError.invalid(field, "must be from " + min + " to " + max + ", was " + value);
        }
        return value;
    }

    private static void numberIn(JsonNode body, String field, double min, double max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw LegnextError.invalid(field, "is required");
        }
        if (!node.isNumber() || node.asDouble() < min || node.asDouble() > max) {
            throw LegnextError.invalid(field, "must be a number from " + min + " to " + max + ", was " + node);
        }
    }

    private static String requiredText(JsonNode body, String field) {
        String text = optionalPrompt(body, field);
        if (text == null) {
            throw LegnextError.invalid(field, "is required (1-" + TEXT_MAX + " characters)");
        }
        return text;
    }

    /** An optional prompt field: when present, 1–8192 characters. */
    private static String optionalPrompt(JsonNode body, String field) {
        String text = optionalText(body, field, TEXT_MAX);
        if (text != null && text.isEmpty()) {
            throw LegnextError.invalid(field, "must be 1-" + TEXT_MAX + " characters, was empty");
        }
        return text;
    }

    private static String optionalText(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw LegnextError.invalid(field, "must be a string");
        }
        String text = node.asText();
        if (max > 0 && text.length() > max) {
            throw LegnextError.invalid(field, "must be at most " + max + " characters, was " + text.length());
        }
        return text;
    }

    private static boolean isHttpUrl(String value) {
        return value.startsWith("http://") || value.startsWith("https://");
    }
}
