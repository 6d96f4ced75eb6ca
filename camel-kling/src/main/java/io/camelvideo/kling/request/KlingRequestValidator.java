package io.camelvideo.kling.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.kling.KlingKind;
import io.camelvideo.kling.KlingValidationException;

import java.util.List;
import java.util.Map;

import static io.camelvideo.kling.request.KlingField.*;

/**
 * The limits of kling-api.md §2 and §6 checked before any HTTP call, so a bad request costs
 * nothing and the error names the field and the limit. Model names and per-model duration matrices
 * are left to the API (they change with each model release).
 */
final class KlingRequestValidator {

    static final int PROMPT_MAX = 2500;
    static final int TTS_TEXT_MAX = 1000;
    static final int SOUND_PROMPT_MAX = 200;
    static final int EXTERNAL_ID_MAX = 128;
    static final long IMAGE_MAX_BYTES = 10L * 1024 * 1024;
    /** `4k` with kling-v3 / kling-v3-omni: the best reading of kling-api-current.md §2.3 (the API decides per model). */
    private static final List<String> MODES = List.of("std", "pro", "4k");
    private static final List<String> SOUNDS = List.of("on", "off");
    private static final List<String> SHOT_TYPES = List.of("customize", "intelligence");
    private static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1");
    private static final List<String> IMAGE_ASPECT_RATIOS = List.of("16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9");
    private static final List<String> OMNI_IMAGE_ASPECT_RATIOS = List.of("16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9",
            "auto");
    private static final List<String> CAMERA_TYPES = List.of("simple", "down_back", "forward_up", "right_turn_forward",
            "left_turn_forward");
    private static final List<String> CAMERA_AXES = List.of("horizontal", "vertical", "pan", "tilt", "roll", "zoom");

    private KlingRequestValidator() {
    }

    /** Checks the resolved values (by field) of a create of {@code kind}. */
    static void validate(KlingKind kind, Map<KlingField, Object> values) {
        String prompt = (String) values.get(PROMPT);
        boolean shotsListed = Boolean.TRUE.equals(values.get(MULTI_SHOT)) && "customize".equals(values.get(SHOT_TYPE));
        if (((kind == KlingKind.text2video || kind == KlingKind.omniVideo) && !shotsListed || kind == KlingKind.multiImage2video)
                && (prompt == null || prompt.isBlank())) {
            throw invalid(PROMPT, "is required for " + kind + " (a String body or the prompt option)");
        }
        if (Boolean.TRUE.equals(values.get(MULTI_SHOT)) && values.get(SHOT_TYPE) == null) {
            throw invalid(SHOT_TYPE, "is required with multiShot=true: customize (the shots in the body's multi_prompt) or"
                    + " intelligence (the model splits the prompt)");
        }
        oneOf(values, SOUND, SOUNDS);
        oneOf(values, SHOT_TYPE, SHOT_TYPES);
        if (kind == KlingKind.text2audio) {
            if (prompt == null || prompt.isBlank()) {
                throw invalid(PROMPT, "is required for text2audio (a String body or the prompt option)");
            }
            maxLength(values, PROMPT, SOUND_PROMPT_MAX);
        }
        maxLength(values, PROMPT, PROMPT_MAX);
        maxLength(values, NEGATIVE_PROMPT, PROMPT_MAX);
        maxLength(values, SOUND_EFFECT_PROMPT, SOUND_PROMPT_MAX);
        maxLength(values, BGM_PROMPT, SOUND_PROMPT_MAX);
        maxLength(values, EXTERNAL_TASK_ID, EXTERNAL_ID_MAX);
        notBlank(values, EXTERNAL_TASK_ID);
        String externalTaskId = (String) values.get(EXTERNAL_TASK_ID);
        if (externalTaskId != null) {
            taskReference(EXTERNAL_TASK_ID.label(), externalTaskId); // a task that can be created can be queried
        }
        notBlank(values, MODEL);
        for (KlingField unit : List.of(CFG_SCALE, IMAGE_FIDELITY, HUMAN_FIDELITY)) {
            Double value = (Double) values.get(unit);
            if (value != null && (value.isNaN() || value < 0 || value > 1)) {
                throw invalid(unit, "must be between 0 and 1 (was " + value + ")");
            }
        }
        oneOf(values, MODE, MODES);
        String ratio = (String) values.get(ASPECT_RATIO);
        List<String> ratios = kind == KlingKind.image || kind == KlingKind.multiImage2image ? IMAGE_ASPECT_RATIOS
                : kind == KlingKind.omniImage ? OMNI_IMAGE_ASPECT_RATIOS : ASPECT_RATIOS;
        if (ratio != null && !ratios.contains(ratio)) {
            throw invalid(ASPECT_RATIO, "must be one of " + ratios + " (was '" + ratio + "')");
        }
        if (kind == KlingKind.text2audio) {
            audioDuration((String) values.get(DURATION));
        } else {
            duration((String) values.get(DURATION));
        }
        httpUrl(values, CALLBACK_URL);
        cameraControl((JsonNode) values.get(CAMERA_CONTROL));
        switch (kind) {
            case omniVideo -> imageReferences((JsonNode) values.get(IMAGE_REFERENCES));
            case motionControl -> {
                if (values.get(CHARACTER_IMAGE) == null) {
                    throw invalid(CHARACTER_IMAGE, "is required for motionControl: the character, as an image URL, Base64 or a binary body");
                }
                if (values.get(VIDEO_URL) == null) {
                    throw invalid(VIDEO_URL, "is required for motionControl: the reference video whose motion the character copies");
                }
                if (values.get(CHARACTER_ORIENTATION) == null) {
                    throw invalid(CHARACTER_ORIENTATION, "is required for motionControl: image (video up to 10 s) or video (up to 30 s)");
                }
                oneOf(values, CHARACTER_ORIENTATION, List.of("image", "video"));
                if (values.get(MODE) == null) {
                    throw invalid(MODE, "is required for motionControl: std or pro");
                }
                image(values, CHARACTER_IMAGE);
                httpUrl(values, VIDEO_URL);
            }
            case voice -> {
                if (values.get(VOICE_NAME) == null) {
                    throw invalid(VOICE_NAME, "is required for voice");
                }
                maxLength(values, VOICE_NAME, 20);
                if ((values.get(VOICE_URL) == null) == (values.get(VIDEO_ID) == null)) {
                    throw invalid(VOICE_URL, "or videoId (video_id): exactly one is required for voice, the source of the"
                            + " voice (an audio or video URL of 5 to 30 s, or a Kling video made with sound)");
                }
                httpUrl(values, VOICE_URL);
            }
            case element -> {
                if (values.get(ELEMENT_NAME) == null) {
                    throw invalid(ELEMENT_NAME, "is required for element");
                }
                maxLength(values, ELEMENT_NAME, 20);
                if (values.get(ELEMENT_DESCRIPTION) == null) {
                    throw invalid(ELEMENT_DESCRIPTION, "is required for element");
                }
                maxLength(values, ELEMENT_DESCRIPTION, 100);
                if (values.get(REFERENCE_TYPE) == null) {
                    throw invalid(REFERENCE_TYPE, "is required for element: image_refer (element_image_list in the body) or"
                            + " video_refer (element_video_list)");
                }
                oneOf(values, REFERENCE_TYPE, List.of("image_refer", "video_refer"));
            }
            case omniImage -> {
                if (values.get(PROMPT) == null || ((String) values.get(PROMPT)).isBlank()) {
                    throw invalid(PROMPT, "is required for omniImage (a String body or the prompt option)");
                }
                imageCount(values);
                oneOf(values, RESOLUTION, List.of("1k", "2k", "4k"));
                @SuppressWarnings("unchecked")
                List<String> images = (List<String>) values.get(IMAGE_LIST);
                if (images != null && images.size() > 10) {
                    throw invalid(IMAGE_LIST, "must hold at most 10 images (with the elements; had " + images.size() + ")");
                }
            }
            case image -> {
                if (values.get(PROMPT) == null || ((String) values.get(PROMPT)).isBlank()) {
                    throw invalid(PROMPT, "is required for image (a String body or the prompt option)");
                }
                imageCount(values);
                oneOf(values, RESOLUTION, List.of("1k", "2k"));
                oneOf(values, IMAGE_REFERENCE, List.of("subject", "face"));
                if (values.get(IMAGE_REFERENCE) != null && values.get(IMAGE) == null) {
                    throw invalid(IMAGE, "is required with imageReference: the reference image");
                }
                if (values.get(IMAGE) != null && values.get(NEGATIVE_PROMPT) != null) {
                    throw invalid(NEGATIVE_PROMPT, "is not supported with a reference image (image to image)");
                }
                image(values, IMAGE);
            }
            case multiImage2image -> {
                @SuppressWarnings("unchecked")
                List<String> subjects = (List<String>) values.get(SUBJECT_IMAGES);
                if (subjects == null || subjects.isEmpty() || subjects.size() > 4) {
                    throw invalid(SUBJECT_IMAGES, "must hold 1 to 4 subject images, cropped to the subject (a list body, or"
                            + " subject_image_list in a JSON body; had " + (subjects == null ? 0 : subjects.size()) + ")");
                }
                imageCount(values);
                oneOf(values, MODEL, List.of("kling-v2", "kling-v2-1"));
                image(values, SCENE_IMAGE);
                image(values, STYLE_IMAGE);
            }
            case imageExpand -> {
                if (values.get(IMAGE) == null) {
                    throw invalid(IMAGE, "is required for imageExpand: the image to expand, as a URL, Base64 or a binary body");
                }
                double up = expansion(values, UP_EXPANSION);
                double down = expansion(values, DOWN_EXPANSION);
                double left = expansion(values, LEFT_EXPANSION);
                double right = expansion(values, RIGHT_EXPANSION);
                if ((1 + up + down) * (1 + left + right) > 3) {
                    throw invalid(UP_EXPANSION, "and the other ratios make an image of " + (1 + up + down) * (1 + left + right)
                            + " times the original's area; at most 3 are allowed");
                }
                imageCount(values);
                image(values, IMAGE);
            }
            case virtualTryOn -> {
                if (values.get(HUMAN_IMAGE) == null) {
                    throw invalid(HUMAN_IMAGE, "is required for virtualTryOn: the person, as an image URL, Base64 or a binary body");
                }
                if (values.get(CLOTH_IMAGE) == null) {
                    throw invalid(CLOTH_IMAGE, "is required for virtualTryOn: the garment (upper, lower or dress), as an image URL or Base64");
                }
                oneOf(values, MODEL, List.of("kolors-virtual-try-on-v1", "kolors-virtual-try-on-v1-5"));
                image(values, HUMAN_IMAGE);
                image(values, CLOTH_IMAGE);
            }
            case effects -> {
                notBlank(values, EFFECT_SCENE);
                if (values.get(EFFECT_SCENE) == null) {
                    throw invalid(EFFECT_SCENE, "is required for effects, e.g. bullet_time (the scene list changes monthly: the"
                            + " API checks the name)");
                }
                image(values, EFFECT_IMAGE);
            }
            case avatar -> {
                if (values.get(IMAGE) == null) {
                    throw invalid(IMAGE, "is required for avatar: the photo, as an image URL, Base64 or a binary body");
                }
                if ((values.get(AUDIO_ID) == null) == (values.get(SOUND_FILE) == null)) {
                    throw invalid(AUDIO_ID, "or soundFile (sound_file): exactly one is required for avatar, the voice"
                            + " (an audio id from TTS, or an audio URL or Base64)");
                }
                image(values, IMAGE);
            }
            case image2video -> {
                if (values.get(IMAGE) == null && values.get(IMAGE_TAIL) == null) {
                    throw invalid(IMAGE, "is required for image2video (or imageTail): an image URL, Base64, or a binary body");
                }
                if (values.get(IMAGE_TAIL) != null && values.get(CAMERA_CONTROL) != null) {
                    throw invalid(IMAGE_TAIL, "cannot be combined with cameraControl");
                }
                image(values, IMAGE);
                image(values, IMAGE_TAIL);
            }
            case multiImage2video -> {
                @SuppressWarnings("unchecked")
                List<String> images = (List<String>) values.get(IMAGE_LIST);
                if (images == null || images.isEmpty() || images.size() > 4) {
                    throw invalid(IMAGE_LIST, "must hold 1 to 4 images (had " + (images == null ? 0 : images.size()) + ")");
                }
                for (String image : images) {
                    imageSize(IMAGE_LIST, image);
                }
            }
            case extend -> {
                if (values.get(VIDEO_ID) == null) {
                    throw invalid(VIDEO_ID, "is required for extend: the id of a video Kling generated "
                            + "(header CamelKlingVideoId of an earlier task)");
                }
            }
            case addSound, identifyFace -> {
                boolean hasId = values.get(VIDEO_ID) != null;
                boolean hasUrl = values.get(VIDEO_URL) != null;
                if (hasId == hasUrl) {
                    throw invalid(VIDEO_ID, "and videoUrl (video_url): exactly one must be set for " + kind + ", "
                            + (hasId ? "both were" : "neither was"));
                }
                httpUrl(values, VIDEO_URL);
            }
            case tts -> {
                String text = (String) values.get(TTS_TEXT);
                if (text == null || text.isBlank()) {
                    throw invalid(TTS_TEXT, "is required for tts (a String body or the prompt option)");
                }
                maxLength(values, TTS_TEXT, TTS_TEXT_MAX);
                if (values.get(VOICE_ID) == null) {
                    throw invalid(VOICE_ID, "is required for tts: an official voice id such as oversea_male1");
                }
                oneOf(values, VOICE_LANGUAGE, List.of("zh", "en"));
                Double speed = (Double) values.get(VOICE_SPEED);
                if (speed != null && (speed < 0.8 || speed > 2.0)) {
                    throw invalid(VOICE_SPEED, "must be between 0.8 and 2.0 (was " + speed + ")");
                }
            }
            case multiElements -> {
                if (values.get(SESSION_ID) == null) {
                    throw invalid(SESSION_ID, "is required for multiElements: the session of a multiElementsSelection init"
                            + " (header CamelKlingSessionId of that step)");
                }
                if (values.get(EDIT_MODE) == null) {
                    throw invalid(EDIT_MODE, "is required for multiElements: addition, swap or removal");
                }
                oneOf(values, EDIT_MODE, List.of("addition", "swap", "removal"));
                @SuppressWarnings("unchecked")
                List<String> images = (List<String>) values.get(IMAGE_LIST);
                int count = images == null ? 0 : images.size();
                String edit = (String) values.get(EDIT_MODE);
                int min = edit.equals("removal") ? 0 : 1;
                int max = edit.equals("addition") ? 2 : min;
                if (count < min || count > max) {
                    throw invalid(IMAGE_LIST, edit + " takes " + (min == max ? Integer.toString(min) : min + " to " + max)
                            + " image(s), cropped to the element (had " + count + ")");
                }
                String instruction = (String) values.get(PROMPT);
                if (instruction == null || !instruction.contains("<<<video_1>>>")) {
                    throw invalid(PROMPT, "is required for multiElements and must refer to the video as <<<video_1>>>, e.g."
                            + " \"Delete the chick from <<<video_1>>>\"");
                }
                oneOf(values, MODEL, List.of("kling-v1-6"));
                oneOf(values, MODE, List.of("std", "pro"));
            }
            case multiElementsSelection -> {
                if (values.get(VIDEO_ID) != null && values.get(VIDEO_URL) != null) {
                    throw invalid(VIDEO_ID, "and videoUrl (video_url): at most one may be set");
                }
                httpUrl(values, VIDEO_URL);
                Integer frame = (Integer) values.get(FRAME_INDEX);
                if (frame != null && frame < 0) {
                    throw invalid(FRAME_INDEX, "must be 0 or more (was " + frame + ")");
                }
            }
            case imageRecognize -> {
                if (values.get(IMAGE) == null) {
                    throw invalid(IMAGE, "is required for imageRecognize: an image URL, Base64 or a binary body");
                }
                image(values, IMAGE);
            }
            case aiMultiShot -> {
                if (values.get(FRONTAL_IMAGE) == null) {
                    throw invalid(FRONTAL_IMAGE, "is required for aiMultiShot: the element's front view, as an image URL,"
                            + " Base64 or a binary body");
                }
                image(values, FRONTAL_IMAGE);
            }
            case lipSync -> {
                if ((values.get(LIP_SYNC_VIDEO_ID) == null) == (values.get(LIP_SYNC_VIDEO_URL) == null)) {
                    throw invalid(LIP_SYNC_VIDEO_ID, "and videoUrl (input.video_url): exactly one must be set for lipSync");
                }
                httpUrl(values, LIP_SYNC_VIDEO_URL);
                String text = (String) values.get(LIP_SYNC_TEXT);
                boolean hasText = text != null && !text.isBlank();
                if (hasText == (values.get(LIP_SYNC_SOUND) != null)) {
                    throw invalid(LIP_SYNC_TEXT, "or soundFile (input.audio_url): exactly one is required for lipSync, what the"
                            + " face says (a text read by voiceId, or a sound URL or Base64)");
                }
                maxLength(values, LIP_SYNC_TEXT, 120);
                if (hasText && values.get(LIP_SYNC_VOICE_ID) == null) {
                    throw invalid(LIP_SYNC_VOICE_ID, "is required with a text: a lip-sync voice such as oversea_male1");
                }
                oneOf(values, LIP_SYNC_VOICE_LANGUAGE, List.of("zh", "en"));
                Double speed = (Double) values.get(LIP_SYNC_VOICE_SPEED);
                if (speed != null && (speed < 0.8 || speed > 2.0)) {
                    throw invalid(LIP_SYNC_VOICE_SPEED, "must be between 0.8 and 2.0 (was " + speed + ")");
                }
            }
            case advancedLipSync -> {
                if (values.get(SESSION_ID) == null) {
                    throw invalid(SESSION_ID, "is required for advancedLipSync: the session of an identifyFace call (header "
                            + "CamelKlingSessionId of that step); the face and voice go in the body's face_choose");
                }
            }
            default -> {
            }
        }
    }

    static void paging(int pageNum, int pageSize) {
        if (pageNum < 1 || pageNum > 1000) {
            throw new KlingValidationException("pageNum", "must be between 1 and 1000 (was " + pageNum + ")");
        }
        if (pageSize < 1 || pageSize > 500) {
            throw new KlingValidationException("pageSize", "must be between 1 and 500 (was " + pageSize + ")");
        }
    }

    /** text2audio: 3.0 to 10.0 seconds, one decimal. */
    private static void audioDuration(String duration) {
        if (duration == null) {
            return;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(duration.trim());
        } catch (NumberFormatException e) {
            throw invalid(DURATION, "must be a number of seconds such as 5.0 (was '" + duration + "')");
        }
        if (!(seconds >= 3.0 && seconds <= 10.0)) { // NaN fails this too
            throw invalid(DURATION, "must be from 3.0 to 10.0 seconds for text2audio (was " + duration + ")");
        }
    }

    private static void duration(String duration) {
        if (duration == null) {
            return;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(duration.trim());
        } catch (NumberFormatException e) {
            throw invalid(DURATION, "must be a whole number of seconds such as 5 or 10 (was '" + duration + "')");
        }
        if (seconds < 3 || seconds > 15) {
            throw invalid(DURATION, "must be between 3 and 15 seconds (5 or 10 for most models; was " + seconds + ")");
        }
    }

    private static void cameraControl(JsonNode camera) {
        if (camera == null) {
            return;
        }
        String type = camera.path("type").asText(null);
        if (type == null || !CAMERA_TYPES.contains(type)) {
            throw invalid(CAMERA_CONTROL, "type must be one of " + CAMERA_TYPES + " (was " + type + ")");
        }
        if (!"simple".equals(type)) {
            return;
        }
        JsonNode config = camera.path("config");
        int nonZero = 0;
        for (String axis : CAMERA_AXES) {
            JsonNode value = config.get(axis);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isNumber() || value.asDouble() < -10 || value.asDouble() > 10) {
                throw invalid(CAMERA_CONTROL, "config." + axis + " must be a number between -10 and 10 (was " + value + ")");
            }
            if (value.asDouble() != 0) {
                nonZero++;
            }
        }
        if (nonZero != 1) {
            throw invalid(CAMERA_CONTROL, "a simple camera move needs exactly one non-zero axis of " + CAMERA_AXES
                    + " (had " + nonZero + ")");
        }
    }

    /** An expansion ratio: required, from 0 to 2. */
    private static double expansion(Map<KlingField, Object> values, KlingField side) {
        Double ratio = (Double) values.get(side);
        if (ratio == null) {
            throw invalid(side, "is required for imageExpand (all four ratios are; 0 leaves a side as it is)");
        }
        if (ratio.isNaN() || ratio < 0 || ratio > 2) {
            throw invalid(side, "must be from 0 to 2 (was " + ratio + ")");
        }
        return ratio;
    }

    /** {@code n}: 1 to 9 images. */
    private static void imageCount(Map<KlingField, Object> values) {
        Integer count = (Integer) values.get(IMAGE_COUNT);
        if (count != null && (count < 1 || count > 9)) {
            throw invalid(IMAGE_COUNT, "must be from 1 to 9 (was " + count + ")");
        }
    }

    private static void image(Map<KlingField, Object> values, KlingField field) {
        String image = (String) values.get(field);
        if (image != null) {
            imageSize(field, image);
        }
    }

    private static void imageSize(KlingField field, String image) {
        if (image.startsWith("http://") || image.startsWith("https://")) {
            return;
        }
        if (!image.matches("[A-Za-z0-9+/=\\s]+")) {
            throw invalid(field, "must be an http(s) URL or Base64 image data");
        }
        long bytes = image.replaceAll("\\s", "").length() * 3L / 4;
        if (bytes > IMAGE_MAX_BYTES) {
            throw invalid(field, "must be at most 10 MB (was " + bytes + " bytes)");
        }
    }

    private static void httpUrl(Map<KlingField, Object> values, KlingField field) {
        String url = (String) values.get(field);
        if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw invalid(field, "must be an http(s) URL");
        }
    }

    private static void maxLength(Map<KlingField, Object> values, KlingField field, int max) {
        String text = (String) values.get(field);
        if (text != null && text.length() > max) {
            throw invalid(field, "must be at most " + max + " characters (was " + text.length() + ")");
        }
    }

    private static void notBlank(Map<KlingField, Object> values, KlingField field) {
        String text = (String) values.get(field);
        if (text != null && text.isBlank()) {
            throw invalid(field, "must not be blank");
        }
    }

    private static final java.util.regex.Pattern TASK_REFERENCE = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    /**
     * A task id or external task id that goes into a query's path: 1 to 128 of letters, digits and
     * {@code _ . : -}, and not a dot segment, so it cannot change the path or overflow the request line.
     */
    static String taskReference(String name, String id) {
        if (!TASK_REFERENCE.matcher(id).matches() || id.chars().allMatch(c -> c == '.')) {
            throw new KlingValidationException(name, "must be 1 to 128 letters, digits or _ . : - (was '"
                    + (id.length() > 40 ? id.substring(0, 40) + "...' of " + id.length() + " characters" : id + "'") + ")");
        }
        return id;
    }

    /** Omni-video's image list (kling-api-current.md §3): each item has an image_url; frame types known; an end frame needs a first frame. */
    private static void imageReferences(JsonNode references) {
        if (references == null) {
            return;
        }
        boolean first = false;
        boolean end = false;
        for (int i = 0; i < references.size(); i++) {
            JsonNode item = references.get(i);
            if (!item.isObject() || item.path("image_url").asText("").isBlank()) {
                throw invalid(IMAGE_REFERENCES, "item " + i + " needs an image_url");
            }
            String type = item.hasNonNull("type") ? item.get("type").asText() : null;
            if (type != null && !type.equals("first_frame") && !type.equals("end_frame")) {
                throw invalid(IMAGE_REFERENCES, "item " + i + ": type must be first_frame or end_frame (was '" + type + "')");
            }
            first |= "first_frame".equals(type);
            end |= "end_frame".equals(type);
        }
        if (end && !first) {
            throw invalid(IMAGE_REFERENCES, "an end_frame needs a first_frame");
        }
    }

    private static void oneOf(Map<KlingField, Object> values, KlingField field, List<String> allowed) {
        Object value = values.get(field);
        if (value != null && !allowed.contains(value)) {
            throw invalid(field, "must be " + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                    + allowed.get(allowed.size() - 1) + " (was '" + value + "')");
        }
    }

    static KlingValidationException invalid(KlingField field, String problem) {
        return new KlingValidationException(field.label(), problem);
    }
}
