package io.camelvideo.legnext.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.legnext.LegnextOperation;
import io.camelvideo.legnext.LegnextValidationException;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.camelvideo.legnext.request.LegnextField.*;

/** The limits of legnext-api.md §2 and §8, checked before any HTTP call; errors name the field and the limit. */
final class LegnextRequestValidator {

    static final int TEXT_MAX = 8192;
    static final int URL_MAX = 1024;
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> ASPECT_RATIOS = List.of("2:3", "1:1", "3:2");

    private LegnextRequestValidator() {
    }

    static void validate(LegnextOperation op, Map<LegnextField, Object> values) {
        for (LegnextField field : List.of(TEXT, PROMPT, REMIX_PROMPT)) {
            String text = (String) values.get(field);
            if (text != null && (text.isEmpty() || text.length() > TEXT_MAX)) {
                throw invalid(field, "must be 1 to " + TEXT_MAX + " characters (was " + text.length() + ")");
            }
        }
        switch (op) {
            case diffusion -> required(values, TEXT, "the prompt (a String body or the text option)");
            case shorten -> required(values, PROMPT, "the prompt to shorten");
            case remix -> required(values, REMIX_PROMPT, "the new prompt");
            default -> {
            }
        }
        switch (op) {
            case retexture -> {
                required(values, IMG_URL, "the image to retexture (a String body or the imgUrl option)");
                required(values, REMIX_PROMPT, "the texture or material");
            }
            case removeBackground -> required(values, IMG_URL, "the image (a String body or the imgUrl option)");
            case edit -> {
                required(values, CANVAS, "the output size {\"width\",\"height\"}");
                required(values, IMG_POS, "where the image sits {\"width\",\"height\",\"x\",\"y\"}");
                required(values, REMIX_PROMPT, "what to generate around it");
            }
            case uploadPaint -> {
                required(values, IMG_URL, "the source image");
                required(values, CANVAS, "the output size {\"width\",\"height\"}");
                required(values, IMG_POS, "where the image sits {\"width\",\"height\",\"x\",\"y\"}");
                required(values, REMIX_PROMPT, "what to generate");
                required(values, MASK, "the area to repaint: {\"areas\":[...]} or {\"url\":\"...\"}");
            }
            default -> {
            }
        }
        boolean followUp = JOB_ID.appliesTo(op);
        if (op == LegnextOperation.enhanceUpscale) {
            boolean fromUrl = values.get(UPSCALE_IMAGE_URL) != null;
            boolean fromJob = values.get(JOB_ID) != null;
            if (fromUrl == fromJob) {
                throw invalid(UPSCALE_IMAGE_URL, "or jobId + imageNo: exactly one source is required for enhanceUpscale ("
                        + (fromUrl ? "both were" : "neither was") + " given)");
            }
            if (fromUrl) {
                url(UPSCALE_IMAGE_URL, (String) values.get(UPSCALE_IMAGE_URL));
            }
            followUp = fromJob;
        }
        if (op == LegnextOperation.videoDiffusion && values.get(JOB_ID) == null) {
            // a prompt starting with an image URL, or (decision on legnext-api-current.md §8, left open there) only text:
            // the component does not refuse it, the API decides
            required(values, PROMPT, "the source: jobId + imageNo of an image job, or a prompt (\"<image_url> text\", or text)");
            followUp = false;
        }
        if (followUp) {
            String jobId = (String) values.get(JOB_ID);
            required(values, JOB_ID, "the source job (header CamelLegnextJobId of an earlier step)");
            if (!UUID.matcher(jobId).matches()) {
                throw invalid(JOB_ID, "must be a UUID (was '" + jobId + "')");
            }
            if (IMAGE_NO.appliesTo(op)) {
                required(values, IMAGE_NO, "which image of the source job, 0 to 3");
            }
            if (VIDEO_NO.appliesTo(op)) {
                required(values, VIDEO_NO, "which video of the source job, 0 to 3");
            }
        }
        range(values, IMAGE_NO, 0, 3);
        range(values, VIDEO_NO, 0, 3);
        range(values, TYPE, 0, op == LegnextOperation.variation ? 1 : 3);
        range(values, MODE, 0, 1);
        range(values, VIDEO_TYPE, 0, 1);
        if (op == LegnextOperation.pan) {
            required(values, DIRECTION, "0 down, 1 right, 2 up or 3 left");
            range(values, DIRECTION, 0, 3);
            scale(values, 3.0);
        }
        if (op == LegnextOperation.outpaint) {
            scale(values, 2.0);
        }
        if (op == LegnextOperation.blend) {
            @SuppressWarnings("unchecked")
            List<String> urls = (List<String>) values.get(IMG_URLS);
            if (urls == null || urls.size() < 2 || urls.size() > 5) {
                throw invalid(IMG_URLS, "must hold 2 to 5 image URLs (had " + (urls == null ? 0 : urls.size()) + ")");
            }
            urls.forEach(url -> url(IMG_URLS, url));
            String ratio = (String) values.get(ASPECT_RATIO);
            if (ratio == null || !ASPECT_RATIOS.contains(ratio)) {
                throw invalid(ASPECT_RATIO, "must be one of " + ASPECT_RATIOS + " (was " + ratio + ")");
            }
        }
        if (op == LegnextOperation.describe) {
            long given = java.util.stream.Stream.of(IMG_URL, IMAGE_LINK, IMAGE_BASE64).filter(f -> values.get(f) != null).count();
            if (given != 1) {
                throw invalid(IMG_URL, "or imageLink or imageBase64: exactly one image is required for describe (a URL as a"
                        + " String body, or a binary body; " + given + " given)");
            }
            if (values.get(IMAGE_LINK) != null) {
                url(IMAGE_LINK, (String) values.get(IMAGE_LINK));
            }
            String base64 = (String) values.get(IMAGE_BASE64);
            if (base64 != null && !base64.startsWith("data:image/")) {
                throw invalid(IMAGE_BASE64, "must be a data URI: data:image/png;base64,...");
            }
        }
        if (values.get(IMG_URL) != null) {
            url(IMG_URL, (String) values.get(IMG_URL));
        }
        for (LegnextField box : List.of(CANVAS, IMG_POS)) {
            JsonNode value = (JsonNode) values.get(box);
            if (value != null && !(value.path("width").isInt() && value.path("height").isInt())) {
                throw invalid(box, "must hold whole-number width and height (was " + value + ")");
            }
        }
        if (op == LegnextOperation.inpaint) {
            JsonNode mask = (JsonNode) values.get(MASK);
            if (mask == null || !(mask.path("areas").isArray() && !mask.path("areas").isEmpty() || mask.hasNonNull("url"))) {
                throw invalid(MASK, "is required for inpaint: {\"areas\":[{\"width\",\"height\",\"points\"}]} or {\"url\":\"...\"}");
            }
        }
        String callback = (String) values.get(CALLBACK);
        if (callback != null) {
            url(CALLBACK, callback);
        }
    }

    private static void scale(Map<LegnextField, Object> values, double max) {
        Double scale = (Double) values.get(SCALE);
        if (scale == null || scale.isNaN() || scale < 1.1 || scale > max) {
            throw invalid(SCALE, "must be a number from 1.1 to " + max + " (was " + scale + ")");
        }
    }

    private static void range(Map<LegnextField, Object> values, LegnextField field, int min, int max) {
        Integer value = (Integer) values.get(field);
        if (value != null && (value < min || value > max)) {
            throw invalid(field, "must be from " + min + " to " + max + " (was " + value + ")");
        }
    }

    private static void url(LegnextField field, String url) {
        if (url == null || !isHttpUrl(url) || url.length() > URL_MAX) {
            throw invalid(field, "must be an http(s) URL of at most " + URL_MAX + " characters (was '"
                    + (url != null && url.length() > 60 ? url.substring(0, 60) + "..." : url) + "')");
        }
    }

    private static void required(Map<LegnextField, Object> values, LegnextField field, String what) {
        if (values.get(field) == null) {
            throw invalid(field, "is required: " + what);
        }
    }

    private static boolean isHttpUrl(String value) {
        return value.startsWith("http://") || value.startsWith("https://");
    }

    static LegnextValidationException invalid(LegnextField field, String problem) {
        return new LegnextValidationException(field.option(), problem);
    }
}
