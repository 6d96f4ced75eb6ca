package io.camelvideo.emulator.kling;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates create requests against the request tables of kling-api.md §2.1–§2.5 and §6, answering
 * 400 / 1200 (missing field, not JSON) or 400 / 1201 (illegal value) with a message naming the field.
 * Unknown fields are ignored, as the real API does.
 */
final class KlingValidator {

    static final int PROMPT_MAX = 2500;
    static final int SOUND_PROMPT_MAX = 200;
    static final long IMAGE_MAX_BYTES = 10L * 1024 * 1024;
    static final long EXTEND_STEP_MILLIS = 4_500;
    static final long EXTEND_TOTAL_MAX_MILLIS = 180_000;

    private static final List<String> T2V_MODELS = List.of("kling-v1", "kling-v1-5", "kling-v1-6", "kling-v2-master",
            "kling-v2-1-master", "kling-v2-5-turbo", "kling-v2-6", "kling-v3");
    private static final List<String> I2V_MODELS = List.of("kling-v1", "kling-v1-5", "kling-v1-6", "kling-v2-master",
            "kling-v2-1", "kling-v2-1-master", "kling-v2-5-turbo", "kling-v2-6", "kling-v3");
    private static final List<String> MULTI_IMAGE_MODELS = List.of("kling-v1-6");
    private static final Set<String> EXTENDABLE_MODELS = Set.of("kling-v1", "kling-v1-5", "kling-v1-6");
    private static final Set<String> FLEXIBLE_DURATION_MODELS = Set.of("kling-v2-6", "kling-v3");
    private static final List<String> MODES = List.of("std", "pro", "4k");
    /** kling-api-current.md §2: 4K, multi-shot and sound on are kling-v3 features (sound on also kling-v2-6 pro). */
    private static final String V3 = "kling-v3";
    private static final String V3_OMNI = "kling-v3-omni";
    private static final List<String> OMNI_MODELS = List.of("kling-video-o1", V3_OMNI);
    private static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1");
    private static final List<String> CAMERA_TYPES = List.of("simple", "down_back", "forward_up", "right_turn_forward",
            "left_turn_forward");
    private static final List<String> CAMERA_AXES = List.of("horizontal", "vertical", "pan", "tilt", "roll", "zoom");

    private final Function<String, KlingVideo> videoLookup;

    /** A face found by identify-face: the video it is in, and the session it belongs to. */
    record FaceSession(String account, KlingVideo video) {
    }

    private final Function<String, FaceSession> sessionLookup;
    private final Function<String, MultiElementSelections.Session> selectionLookup;

    /**
     * @param videoLookup     finds a video of the caller's account that is already generated, or null
     * @param sessionLookup   finds an identify-face session of the caller's account, or null
     * @param selectionLookup finds a multi-elements selection session of the caller's account, or null
     */
    KlingValidator(Function<String, KlingVideo> videoLookup, Function<String, FaceSession> sessionLookup,
                   Function<String, MultiElementSelections.Session> selectionLookup) {
        this.videoLookup = videoLookup;
        this.sessionLookup = sessionLookup;
        this.selectionLookup = selectionLookup;
    }

    KlingCreate validate(KlingKind kind, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new KlingError(KlingErrorCode.INVALID_REQUEST, "Invalid request parameters: the body must be a JSON object");
        }
        // the official samples send "" for both when unused (kling-api-current.md §6, §10, §15, §16): "" means none
        String externalTaskId = blankAsNull(optionalText(body, "external_task_id", 0));
        String callbackUrl = blankAsNull(optionalText(body, "callback_url", 0));
        if (callbackUrl != null && !callbackUrl.startsWith("http://") && !callbackUrl.startsWith("https://")) {
            throw KlingError.invalid("callback_url", "must be an http(s) URL");
        }
        boolean watermark = body.path("watermark_info").path("enabled").asBoolean(false);
        return switch (kind) {
            case TEXT2VIDEO -> video(kind, body, T2V_MODELS, true, externalTaskId, callbackUrl, watermark);
            case IMAGE2VIDEO -> {
                String image = image(body, "image");
                String tail = image(body, "image_tail");
                if (image == null && tail == null) {
                    throw KlingError.missing("image (or image_tail)");
                }
                if (tail != null && (body.has("camera_control") || body.has("static_mask") || body.has("dynamic_masks"))) {
                    throw KlingError.invalid("image_tail", "cannot be combined with camera_control, static_mask or dynamic_masks");
                }
                yield video(kind, body, I2V_MODELS, false, externalTaskId, callbackUrl, watermark);
            }
            case MULTI_IMAGE2VIDEO -> {
                JsonNode list = body.get("image_list");
                if (list == null || list.isNull()) {
                    throw KlingError.missing("image_list");
                }
                if (!list.isArray() || list.isEmpty() || list.size() > 4) {
                    throw KlingError.invalid("image_list", "must hold 1 to 4 images, had " + (list.isArray() ? list.size() : "no array"));
                }
                for (int i = 0; i < list.size(); i++) {
                    if (image(list.get(i), "image") == null) {
                        throw KlingError.missing("image_list[" + i + "].image");
                    }
                }
                yield video(kind, body, MULTI_IMAGE_MODELS, true, externalTaskId, callbackUrl, watermark);
            }
            case VIDEO_EXTEND -> extend(body, externalTaskId, callbackUrl, watermark);
            case VIDEO_TO_AUDIO -> videoToAudio(body, externalTaskId, callbackUrl);
            case TEXT_TO_AUDIO -> textToAudio(body, externalTaskId, callbackUrl);
            case OMNI_VIDEO -> omniVideo(body, externalTaskId, callbackUrl, watermark);
            case MOTION_CONTROL -> motionControl(body, externalTaskId, callbackUrl, watermark);
            case AVATAR -> avatar(body, externalTaskId, callbackUrl, watermark);
            case EFFECTS -> effects(body, externalTaskId, callbackUrl);
            case ADVANCED_LIP_SYNC -> advancedLipSync(body, externalTaskId, callbackUrl, watermark);
            case IMAGE_GENERATION -> imageGeneration(body, externalTaskId, callbackUrl, watermark);
            case ELEMENT -> element(body, externalTaskId, callbackUrl);
            case CUSTOM_VOICE -> customVoice(body, externalTaskId, callbackUrl);
            case OMNI_IMAGE -> omniImage(body, externalTaskId, callbackUrl, watermark);
            case VIRTUAL_TRY_ON -> virtualTryOn(body, externalTaskId, callbackUrl);
            case MULTI_IMAGE2IMAGE -> multiImage2image(body, externalTaskId, callbackUrl, watermark);
            case IMAGE_EXPAND -> imageExpand(body, externalTaskId, callbackUrl, watermark);
            case LIP_SYNC -> lipSync(body, externalTaskId, callbackUrl);
            case MULTI_ELEMENTS -> multiElements(body, externalTaskId, callbackUrl, watermark);
            case AI_MULTI_SHOT -> {
                requiredImage(body, "element_frontal_image");
                yield new KlingCreate(KlingKind.AI_MULTI_SHOT, "ai-multi-shot", "std", "", 0, externalTaskId, callbackUrl, false,
                        null, 3, null);
            }
        };
    }

    private KlingCreate video(KlingKind kind, JsonNode body, List<String> models, boolean promptRequired,
                              String externalTaskId, String callbackUrl, boolean watermark) {
        String model = optionalText(body, "model_name", 0);
        if (model == null) {
            model = optionalText(body, "model", 0);
        }
        if (model == null) {
            model = models.get(0);
        }
        oneOf("model_name", model, models);
        String prompt = optionalText(body, "prompt", PROMPT_MAX);
        boolean shotsListed = multiShot(body, model, V3.equals(model));
        if (promptRequired && !shotsListed && (prompt == null || prompt.isBlank())) {
            throw KlingError.missing("prompt");
        }
        String negative = optionalText(body, "negative_prompt", PROMPT_MAX);
        cfgScale(body);
        String mode = optionalText(body, "mode", 0);
        mode = mode == null ? "std" : mode;
        oneOf("mode", mode, MODES);
        if ("4k".equals(mode) && !V3.equals(model)) {
            throw KlingError.invalid("mode", "mode \"4k\" is only supported by kling-v3 (model was " + model + ")");
        }
        if (kind != KlingKind.IMAGE2VIDEO) {
            String ratio = optionalText(body, "aspect_ratio", 0);
            if (ratio != null) {
                oneOf("aspect_ratio", ratio, ASPECT_RATIOS);
            }
        }
        int seconds = duration(body, model);
        cameraControl(body);
        String sound = optionalText(body, "sound", 0);
        if (sound != null) {
            oneOf("sound", sound, List.of("on", "off"));
            if ("on".equals(sound) && !V3.equals(model) && !("kling-v2-6".equals(model) && "pro".equals(mode))) {
                throw KlingError.invalid("sound", "sound \"on\" needs kling-v3, or kling-v2-6 in pro mode (was " + model
                        + " " + mode + ")");
            }
        }
        return new KlingCreate(kind, model, mode, join(prompt, negative), seconds * 1000L + 100, externalTaskId,
                callbackUrl, watermark, null);
    }

    private KlingCreate extend(JsonNode body, String externalTaskId, String callbackUrl, boolean watermark) {
        String videoId = optionalText(body, "video_id", 0);
        if (videoId == null || videoId.isBlank()) {
            throw KlingError.missing("video_id");
        }
        String prompt = optionalText(body, "prompt", PROMPT_MAX);
        String negative = optionalText(body, "negative_prompt", PROMPT_MAX);
        cfgScale(body);
        KlingVideo parent = existingVideo(videoId);
        if (!EXTENDABLE_MODELS.contains(parent.model())) {
            throw KlingError.invalid("video_id", "video-extend only supports videos generated by kling-v1, kling-v1-5 "
                    + "or kling-v1-6; this video was generated by " + parent.model());
        }
        long duration = parent.durationMillis() + EXTEND_STEP_MILLIS;
        if (duration > EXTEND_TOTAL_MAX_MILLIS) {
            throw KlingError.invalid("video_id", "an extended video may be at most 180 s long; this one is already "
                    + KlingDurations.format(parent.durationMillis()) + " s");
        }
        return new KlingCreate(KlingKind.VIDEO_EXTEND, parent.model(), "std", join(prompt, negative), duration,
                externalTaskId, callbackUrl, watermark, parent);
    }

    private KlingCreate videoToAudio(JsonNode body, String externalTaskId, String callbackUrl) {
        String videoId = optionalText(body, "video_id", 0);
        String videoUrl = optionalText(body, "video_url", 0);
        if ((videoId == null) == (videoUrl == null)) {
            throw KlingError.invalid("video_id/video_url", "exactly one of video_id and video_url must be set, "
                    + (videoId == null ? "neither was" : "both were"));
        }
        String sound = optionalText(body, "sound_effect_prompt", SOUND_PROMPT_MAX);
        String bgm = optionalText(body, "bgm_prompt", SOUND_PROMPT_MAX);
        JsonNode asmr = body.get("asmr_mode");
        if (asmr != null && !asmr.isNull() && !asmr.isBoolean()) {
            throw KlingError.invalid("asmr_mode", "must be a boolean");
        }
        KlingVideo parent = null;
        long duration = 5_000;
        if (videoId != null) {
            parent = existingVideo(videoId);
            duration = parent.durationMillis();
            if (duration < 3_000 || duration > 20_000) {
                throw KlingError.invalid("video_id", "the video must be 3.0 to 20.0 s long, was "
                        + KlingDurations.format(duration) + " s");
            }
        } else if (!videoUrl.startsWith("http://") && !videoUrl.startsWith("https://")) {
            throw KlingError.invalid("video_url", "must be an http(s) URL of an mp4 or mov file");
        }
        return new KlingCreate(KlingKind.VIDEO_TO_AUDIO, parent != null ? parent.model() : "kling-v1", "std",
                join(sound, bgm), duration, externalTaskId, callbackUrl, false, parent);
    }

    /** text-to-audio: {@code prompt} (required, at most 200 characters), {@code duration} 3.0 to 10.0 s. */
    private static KlingCreate textToAudio(JsonNode body, String externalTaskId, String callbackUrl) {
        String prompt = optionalText(body, "prompt", SOUND_PROMPT_MAX);
        if (prompt == null || prompt.isBlank()) {
            throw KlingError.missing("prompt");
        }
        JsonNode duration = body.get("duration");
        double seconds = 5.0;
        if (duration != null && !duration.isNull()) {
            try {
                seconds = duration.isNumber() ? duration.asDouble() : Double.parseDouble(duration.asText());
            } catch (NumberFormatException e) {
                throw KlingError.invalid("duration", "must be a number of seconds from 3.0 to 10.0");
            }
            if (seconds < 3.0 || seconds > 10.0) {
                throw KlingError.invalid("duration", "must be from 3.0 to 10.0 seconds, was " + duration.asText());
            }
        }
        return new KlingCreate(KlingKind.TEXT_TO_AUDIO, "kling-audio", "std", prompt, Math.round(seconds * 1000),
                externalTaskId, callbackUrl, false, null);
    }

    private KlingVideo existingVideo(String videoId) {
        KlingVideo video = videoLookup.apply(videoId);
        if (video == null) {
            throw KlingError.invalid("video_id", "no generated video " + videoId + " exists for this account");
        }
        return video;
    }

    /**
     * Checks {@code multi_shot}, {@code shot_type} and {@code multi_prompt} (§2.1); true when the shots
     * are listed (customize), so the prompt is not needed.
     */
    private static boolean multiShot(JsonNode body, String model, boolean supported) {
        JsonNode flag = body.get("multi_shot");
        if (flag == null || flag.isNull() || flag.isBoolean() && !flag.asBoolean()) {
            return false;
        }
        if (!flag.isBoolean()) {
            throw KlingError.invalid("multi_shot", "must be a boolean");
        }
        if (!supported) {
            throw KlingError.invalid("multi_shot", "is only supported by kling-v3 and kling-v3-omni (model was " + model + ")");
        }
        String shotType = optionalText(body, "shot_type", 0);
        if (shotType == null) {
            throw KlingError.missing("shot_type");
        }
        oneOf("shot_type", shotType, List.of("customize", "intelligence"));
        if (!"customize".equals(shotType)) {
            return false;
        }
        JsonNode shots = body.get("multi_prompt");
        if (shots == null || !shots.isArray() || shots.isEmpty() || shots.size() > 6) {
            throw KlingError.invalid("multi_prompt", "must list 1 to 6 shots {index, prompt, duration} with shot_type customize");
        }
        int total = 0;
        for (JsonNode shot : shots) {
            String text = shot.path("prompt").asText("");
            if (text.isBlank() || text.length() > 512) {
                throw KlingError.invalid("multi_prompt.prompt", "must be 1 to 512 characters");
            }
            try {
                total += Integer.parseInt(shot.path("duration").asText("").trim());
            } catch (NumberFormatException e) {
                throw KlingError.invalid("multi_prompt.duration", "must be a whole number of seconds");
            }
        }
        int duration = duration(body, model);
        if (total != duration) {
            throw KlingError.invalid("multi_prompt", "the shots' durations must add up to duration " + duration + " (was " + total + ")");
        }
        return true;
    }

    /** Omni-video (kling-api-current.md §3): references by list, frames, elements, one reference video. */
    private KlingCreate omniVideo(JsonNode body, String externalTaskId, String callbackUrl, boolean watermark) {
        String model = optionalText(body, "model_name", 0);
        model = model == null ? OMNI_MODELS.get(0) : model;
        oneOf("model_name", model, OMNI_MODELS);
        String mode = optionalText(body, "mode", 0);
        mode = mode == null ? "pro" : mode;
        oneOf("mode", mode, MODES);
        if ("4k".equals(mode) && !V3_OMNI.equals(model)) {
            throw KlingError.invalid("mode", "mode \"4k\" is only supported by kling-v3-omni (model was " + model + ")");
        }
        boolean shotsListed = multiShot(body, model, V3_OMNI.equals(model));
        String prompt = optionalText(body, "prompt", PROMPT_MAX);
        if (!shotsListed && (prompt == null || prompt.isBlank())) {
            throw KlingError.missing("prompt");
        }
        JsonNode images = optionalArray(body, "image_list");
        boolean firstFrame = false;
        boolean endFrame = false;
        for (int i = 0; i < images.size(); i++) {
            JsonNode item = images.get(i);
            if (item.path("image_url").asText("").isBlank()) {
                throw KlingError.missing("image_list[" + i + "].image_url");
            }
            String type = item.hasNonNull("type") ? item.get("type").asText() : null;
            if (type != null) {
                oneOf("image_list[" + i + "].type", type, List.of("first_frame", "end_frame"));
                firstFrame |= type.equals("first_frame");
                endFrame |= type.equals("end_frame");
            }
        }
        if (endFrame && !firstFrame) {
            throw KlingError.invalid("image_list", "an end_frame needs a first_frame");
        }
        if ((firstFrame || endFrame) && body.path("multi_shot").asBoolean(false)) {
            throw KlingError.invalid("multi_shot", "cannot be combined with first or end frames");
        }
        JsonNode elements = optionalArray(body, "element_list");
        for (int i = 0; i < elements.size(); i++) {
            JsonNode id = elements.get(i).get("element_id");
            if (id == null || !(id.isIntegralNumber() || id.isTextual() && id.asText().matches("\\d{1,19}"))) {
                throw KlingError.invalid("element_list[" + i + "].element_id", "must be a number (a long)");
            }
        }
        JsonNode videos = optionalArray(body, "video_list");
        if (videos.size() > 1) {
            throw KlingError.invalid("video_list", "takes at most 1 video, had " + videos.size());
        }
        boolean baseVideo = false;
        if (videos.size() == 1) {
            JsonNode video = videos.get(0);
            if (video.path("video_url").asText("").isBlank()) {
                throw KlingError.missing("video_list[0].video_url");
            }
            String refer = video.hasNonNull("refer_type") ? video.get("refer_type").asText() : "base";
            oneOf("video_list[0].refer_type", refer, List.of("feature", "base"));
            if (video.hasNonNull("keep_original_sound")) {
                oneOf("video_list[0].keep_original_sound", video.get("keep_original_sound").asText(), List.of("yes", "no"));
            }
            baseVideo = refer.equals("base");
            if ((firstFrame || endFrame) && baseVideo) {
                throw KlingError.invalid("image_list", "first/last-frame mode cannot be combined with video editing");
            }
        }
        int references = images.size() + elements.size();
        int allowed = videos.isEmpty() ? 7 : 4;
        if (references > allowed) {
            throw KlingError.invalid("image_list", "images and elements together: at most " + allowed
                    + (videos.isEmpty() ? "" : " with a reference video") + ", had " + references);
        }
        String sound = optionalText(body, "sound", 0);
        if (sound != null) {
            oneOf("sound", sound, List.of("on", "off"));
            if (sound.equals("on") && !videos.isEmpty()) {
                throw KlingError.invalid("sound", "must be off when video_list is set");
            }
        }
        String ratio = optionalText(body, "aspect_ratio", 0);
        if (ratio != null) {
            oneOf("aspect_ratio", ratio, ASPECT_RATIOS);
        } else if (!firstFrame && !baseVideo) {
            throw KlingError.missing("aspect_ratio");
        }
        int seconds = 5;
        if (!baseVideo) { // a base video's length is the output's
            seconds = duration(body, V3); // 3 to 15 s; kling-video-o1 up to 10 (the FAQ; the capability map says 5 or 10)
            if (!V3_OMNI.equals(model) && seconds > 10) {
                throw KlingError.invalid("duration", "must be \"3\" to \"10\" for kling-video-o1, was \"" + seconds + "\"");
            }
        }
        return new KlingCreate(KlingKind.OMNI_VIDEO, model, mode, prompt == null ? "" : prompt, seconds * 1000L + 100,
                externalTaskId, callbackUrl, watermark, null);
    }

    /**
     * Motion control (kling-api-current.md §4): a character image moved like the reference video. The
     * output is as long as the reference video, which the emulator does not read: 9.6 s, the contract's example.
     */
    private KlingCreate motionControl(JsonNode body, String externalTaskId, String callbackUrl, boolean watermark) {
        String model = optionalText(body, "model_name", 0);
        model = model == null ? "kling-v2-6" : model;
        oneOf("model_name", model, List.of("kling-v2-6", V3));
        String prompt = optionalText(body, "prompt", PROMPT_MAX);
        if (image(body, "image_url") == null) {
            throw KlingError.missing("image_url");
        }
        String video = optionalText(body, "video_url", 0);
        if (video == null || video.isBlank()) {
            throw KlingError.missing("video_url");
        }
        if (!video.startsWith("http://") && !video.startsWith("https://")) {
            throw KlingError.invalid("video_url", "must be an http(s) URL");
        }
        String orientation = optionalText(body, "character_orientation", 0);
        if (orientation == null) {
            throw KlingError.missing("character_orientation");
        }
        oneOf("character_orientation", orientation, List.of("image", "video"));
        String mode = optionalText(body, "mode", 0);
        if (mode == null) {
            throw KlingError.missing("mode");
        }
        oneOf("mode", mode, List.of("std", "pro"));
        JsonNode elements = optionalArray(body, "element_list");
        if (elements.size() > 1) {
            throw KlingError.invalid("element_list", "takes only 1 element, had " + elements.size());
        }
        if (elements.size() == 1 && !orientation.equals("video")) {
            throw KlingError.invalid("character_orientation", "must be video when an element is given");
        }
        String keepSound = optionalText(body, "keep_original_sound", 0);
        if (keepSound != null) {
            oneOf("keep_original_sound", keepSound, List.of("yes", "no"));
        }
        return new KlingCreate(KlingKind.MOTION_CONTROL, model, mode, prompt == null ? "" : prompt, 9_600, externalTaskId,
                callbackUrl, watermark, null);
    }

    /**
     * Avatar (kling-api-current.md §5): a photo and exactly one voice (a TTS audio id or a sound file). The
     * output is as long as the audio, which the emulator does not read: 6.2 s, the contract's example.
     */
    private KlingCreate avatar(JsonNode body, String externalTaskId, String callbackUrl, boolean watermark) {
        if (image(body, "image") == null) {
            throw KlingError.missing("image");
        }
        String audioId = optionalText(body, "audio_id", 0);
        String soundFile = optionalText(body, "sound_file", 0);
        boolean hasAudio = audioId != null && !audioId.isBlank();
        boolean hasFile = soundFile != null && !soundFile.isBlank();
        if (hasAudio == hasFile) {
            throw KlingError.invalid("audio_id", "exactly one of audio_id and sound_file is required");
        }
        String prompt = optionalText(body, "prompt", PROMPT_MAX);
        String mode = optionalText(body, "mode", 0);
        mode = mode == null ? "std" : mode;
        oneOf("mode", mode, List.of("std", "pro"));
        return new KlingCreate(KlingKind.AVATAR, "avatar", mode, prompt == null ? "" : prompt, 6_200, externalTaskId,
                callbackUrl, watermark, null);
    }

    /**
     * Video effects (kling-api-current.md §7): any non-empty scene (the list changes monthly), one image in
     * {@code input.image} or two in {@code input.images}; an optional duration "5" or "10" ("5" for two images).
     */
    private KlingCreate effects(JsonNode body, String externalTaskId, String callbackUrl) {
        String scene = optionalText(body, "effect_scene", 0);
        if (scene == null || scene.isBlank()) {
            throw KlingError.missing("effect_scene");
        }
        JsonNode input = body.get("input");
        if (input == null || !input.isObject()) {
            throw KlingError.missing("input");
        }
        JsonNode images = input.get("images");
        boolean dual = images != null && !images.isNull();
        if (dual) {
            if (!images.isArray() || images.size() != 2) {
                throw KlingError.invalid("input.images", "must hold exactly 2 images (left, right)");
            }
            for (int i = 0; i < 2; i++) {
                if (!images.get(i).isTextual() || images.get(i).asText().isBlank()) {
                    throw KlingError.invalid("input.images[" + i + "]", "must be an image URL or Base64");
                }
            }
        } else if (image(input, "image") == null) {
            throw KlingError.missing("input.image (or input.images)");
        }
        String duration = optionalText(input, "duration", 0);
        if (duration != null) {
            oneOf("input.duration", duration, dual ? List.of("5") : List.of("5", "10"));
        }
        long millis = "10".equals(duration) ? 10_100 : 5_100;
        return new KlingCreate(KlingKind.EFFECTS, "effects", "std", scene, millis, externalTaskId, callbackUrl, false, null);
    }

    /**
     * Advanced lip sync (kling-api-current.md §6.2): one face of an identify-face session, one voice (a TTS
     * audio id or a sound file) cropped by start/end and placed at an insert time; the result is as long
     * as the session's video, which becomes the task's parent video.
     */
    private KlingCreate advancedLipSync(JsonNode body, String externalTaskId, String callbackUrl, boolean watermark) {
        String sessionId = optionalText(body, "session_id", 0);
        if (sessionId == null || sessionId.isBlank()) {
            throw KlingError.missing("session_id");
        }
        FaceSession session = sessionLookup.apply(sessionId);
        if (session == null) {
            throw KlingError.invalid("session_id", "is unknown or older than 24 hours: run identify-face again");
        }
        JsonNode faces = optionalArray(body, "face_choose");
        if (faces.size() != 1) {
            throw KlingError.invalid("face_choose", "must choose exactly one face, had " + faces.size());
        }
        JsonNode face = faces.get(0);
        if (!"0".equals(face.path("face_id").asText(null))) {
            throw KlingError.invalid("face_choose[0].face_id", "is not a face of session " + sessionId);
        }
        boolean hasAudio = !face.path("audio_id").asText("").isBlank();
        boolean hasFile = !face.path("sound_file").asText("").isBlank();
        if (hasAudio == hasFile) {
            throw KlingError.invalid("face_choose[0].audio_id", "exactly one of audio_id and sound_file is required");
        }
        for (String time : List.of("sound_start_time", "sound_end_time", "sound_insert_time")) {
            if (!face.path(time).isIntegralNumber()) {
                throw KlingError.missing("face_choose[0]." + time + " (milliseconds)");
            }
        }
        if (face.get("sound_end_time").asLong() - face.get("sound_start_time").asLong() < 2_000) {
            throw KlingError.invalid("face_choose[0].sound_end_time", "the cropped audio must last at least 2 s");
        }
        if (face.get("sound_insert_time").asLong() + 2_000 > session.video().durationMillis()) {
            throw KlingError.invalid("face_choose[0].sound_insert_time", "must leave at least 2 s of the face in the video");
        }
        for (String volume : List.of("sound_volume", "original_audio_volume")) {
            JsonNode value = face.get(volume);
            if (value != null && !value.isNull() && (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 2)) {
                throw KlingError.invalid("face_choose[0]." + volume, "must be a number from 0 to 2");
            }
        }
        return new KlingCreate(KlingKind.ADVANCED_LIP_SYNC, "lip-sync", "std", "", session.video().durationMillis(),
                externalTaskId, callbackUrl, watermark, session.video());
    }

    /** Image generation (kling-api-current.md §12): 1 to 9 images from a prompt, optionally after a reference image. */
    private KlingCreate imageGeneration(JsonNode body, String externalTaskId, String callbackUrl, boolean watermark) {
        String model = optionalText(body, "model_name", 0);
        if (model == null) {
            model = optionalText(body, "model", 0);
        }
        model = model == null ? "kling-v1" : model;
        oneOf("model_name", model, List.of("kling-v1", "kling-v1-5", "kling-v2", "kling-v2-new", "kling-v2-1", V3));
        String prompt = optionalText(body, "prompt", PROMPT_MAX);
        if (prompt == null || prompt.isBlank()) {
            throw KlingError.missing("prompt");
        }
        String image = image(body, "image");
        String negative = optionalText(body, "negative_prompt", PROMPT_MAX);
        if (image != null && negative != null && !negative.isBlank()) {
            throw KlingError.invalid("negative_prompt", "is not supported for image-to-image");
        }
        String reference = optionalText(body, "image_reference", 0);
        if (reference != null) {
            oneOf("image_reference", reference, List.of("subject", "face"));
            if (image == null) {
                throw KlingError.invalid("image", "is required when image_reference is set");
            }
        } else if (image != null && "kling-v1-5".equals(model)) {
            throw KlingError.missing("image_reference (kling-v1-5 with an image)");
        }
        for (String fidelity : List.of("image_fidelity", "human_fidelity")) {
            JsonNode value = body.get(fidelity);
            if (value != null && !value.isNull() && (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1)) {
                throw KlingError.invalid(fidelity, "must be a number from 0 to 1");
            }
        }
        String resolution = optionalText(body, "resolution", 0);
        if (resolution != null) {
            oneOf("resolution", resolution, List.of("1k", "2k"));
        }
        JsonNode count = body.get("n");
        int n = 1;
        if (count != null && !count.isNull()) {
            if (!count.isIntegralNumber() || count.asInt() < 1 || count.asInt() > 9) {
                throw KlingError.invalid("n", "must be a whole number from 1 to 9");
            }
            n = count.asInt();
        }
        String ratio = optionalText(body, "aspect_ratio", 0);
        if (ratio != null) {
            oneOf("aspect_ratio", ratio, List.of("16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9"));
        }
        return new KlingCreate(KlingKind.IMAGE_GENERATION, model, "std", prompt, 0, externalTaskId, callbackUrl, watermark,
                null, n, null);
    }

    /** An element (kling-api-current.md §11.1): a multi-image element from a front image and 1–3 others, or a video character. */
    private KlingCreate element(JsonNode body, String externalTaskId, String callbackUrl) {
        String name = optionalText(body, "element_name", 20);
        if (name == null || name.isBlank()) {
            throw KlingError.missing("element_name");
        }
        String description = optionalText(body, "element_description", 100);
        if (description == null || description.isBlank()) {
            throw KlingError.missing("element_description");
        }
        String type = optionalText(body, "reference_type", 0);
        if (type == null) {
            throw KlingError.missing("reference_type");
        }
        oneOf("reference_type", type, List.of("image_refer", "video_refer"));
        if (type.equals("image_refer")) {
            JsonNode images = body.get("element_image_list");
            if (images == null || !images.isObject() || image(images, "frontal_image") == null) {
                throw KlingError.missing("element_image_list.frontal_image");
            }
            JsonNode refer = images.get("refer_images");
            if (refer == null || !refer.isArray() || refer.isEmpty() || refer.size() > 3) {
                throw KlingError.invalid("element_image_list.refer_images", "must hold 1 to 3 images {image_url}");
            }
        } else {
            JsonNode videos = body.path("element_video_list").path("refer_videos");
            if (!videos.isArray() || videos.size() != 1 || videos.get(0).path("video_url").asText("").isBlank()) {
                throw KlingError.invalid("element_video_list.refer_videos", "must hold exactly one {video_url}");
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode element = body.deepCopy();
        element.remove(List.of("external_task_id", "callback_url"));
        return new KlingCreate(KlingKind.ELEMENT, "element", "std", name + " " + description, 0, externalTaskId, callbackUrl,
                false, null, 0, element);
    }

    /** A custom voice (kling-api-current.md §10): a name and exactly one source, an audio/video URL or a Kling video. */
    private KlingCreate customVoice(JsonNode body, String externalTaskId, String callbackUrl) {
        String name = optionalText(body, "voice_name", 20);
        if (name == null || name.isBlank()) {
            throw KlingError.missing("voice_name");
        }
        String url = optionalText(body, "voice_url", 0);
        String videoId = optionalText(body, "video_id", 0);
        boolean hasUrl = url != null && !url.isBlank();
        boolean hasVideo = videoId != null && !videoId.isBlank();
        if (hasUrl == hasVideo) {
            throw KlingError.invalid("voice_url", "exactly one of voice_url and video_id is required");
        }
        if (hasUrl && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw KlingError.invalid("voice_url", "must be an http(s) URL");
        }
        if (hasVideo && videoLookup.apply(videoId) == null) {
            throw KlingError.invalid("video_id", "no generated video " + videoId + " of this account");
        }
        com.fasterxml.jackson.databind.node.ObjectNode voice = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        voice.put("voice_name", name);
        return new KlingCreate(KlingKind.CUSTOM_VOICE, "voice", "std", name, 0, externalTaskId, callbackUrl, false, null, 0, voice);
    }

    /** Omni-image (kling-api-current.md §13): images and elements by position, a single image set or a series. */
    private KlingCreate omniImage(JsonNode body, String externalTaskId, String callbackUrl, boolean watermark) {
        String model = optionalText(body, "model_name", 0);
        model = model == null ? "kling-image-o1" : model;
        oneOf("model_name", model, List.of("kling-image-o1", V3_OMNI));
        String prompt = optionalText(body, "prompt", PROMPT_MAX);
        if (prompt == null || prompt.isBlank()) {
            throw KlingError.missing("prompt");
        }
        JsonNode images = optionalArray(body, "image_list");
        for (int i = 0; i < images.size(); i++) {
            if (image(images.get(i), "image") == null) {
                throw KlingError.missing("image_list[" + i + "].image");
            }
        }
        JsonNode elements = optionalArray(body, "element_list");
        if (images.size() + elements.size() > 10) {
            throw KlingError.invalid("image_list", "images and elements together: at most 10, had " + (images.size() + elements.size()));
        }
        String resolution = optionalText(body, "resolution", 0);
        if (resolution != null) {
            oneOf("resolution", resolution, List.of("1k", "2k", "4k"));
            if (resolution.equals("4k") && !V3_OMNI.equals(model)) {
                throw KlingError.invalid("resolution", "4k needs kling-v3-omni");
            }
        }
        String resultType = optionalText(body, "result_type", 0);
        boolean series = "series".equals(resultType);
        if (resultType != null) {
            oneOf("result_type", resultType, List.of("single", "series"));
            if (series && !V3_OMNI.equals(model)) {
                throw KlingError.invalid("result_type", "series needs kling-v3-omni");
            }
        }
        int count = 1;
        if (series) {
            JsonNode amount = body.get("series_amount");
            if (amount != null && !amount.isNull()) {
                if (amount.isTextual() && amount.asText().equals("auto")) {
                    count = 3;
                } else if (amount.isIntegralNumber() && amount.asInt() >= 2 && amount.asInt() <= 9) {
                    count = amount.asInt();
                } else {
                    throw KlingError.invalid("series_amount", "must be 2 to 9 or \"auto\"");
                }
            } else {
                count = 3;
            }
        } else if (body.hasNonNull("n")) {
            JsonNode n = body.get("n");
            if (!n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 9) {
                throw KlingError.invalid("n", "must be a whole number from 1 to 9");
            }
            count = n.asInt();
        }
        String ratio = optionalText(body, "aspect_ratio", 0);
        if (ratio != null) {
            oneOf("aspect_ratio", ratio, List.of("16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9", "auto"));
        }
        return new KlingCreate(KlingKind.OMNI_IMAGE, model, "std", prompt, 0, externalTaskId, callbackUrl, watermark, null,
                count, null);
    }

    /** §16: a person and a garment image (both required), one result image; no {@code n}, no watermark. */
    private KlingCreate virtualTryOn(JsonNode body, String externalTaskId, String callbackUrl) {
        String model = optionalText(body, "model_name", 0);
        model = model == null ? "kolors-virtual-try-on-v1" : model;
        oneOf("model_name", model, List.of("kolors-virtual-try-on-v1", "kolors-virtual-try-on-v1-5"));
        for (String field : List.of("human_image", "cloth_image")) {
            if (image(body, field) == null) {
                throw KlingError.missing(field);
            }
        }
        return new KlingCreate(KlingKind.VIRTUAL_TRY_ON, model, "std", "", 0, externalTaskId, callbackUrl, false, null, 1, null);
    }

    /** §14: one to four pre-cropped subjects, an optional scene and style, {@code n} images. */
    private KlingCreate multiImage2image(JsonNode body, String externalTaskId, String callbackUrl, boolean watermark) {
        String model = optionalText(body, "model_name", 0);
        model = model == null ? "kling-v2" : model;
        oneOf("model_name", model, List.of("kling-v2", "kling-v2-1"));
        String prompt = optionalText(body, "prompt", PROMPT_MAX);
        JsonNode subjects = body.get("subject_image_list");
        if (subjects == null || subjects.isNull()) {
            throw KlingError.missing("subject_image_list");
        }
        if (!subjects.isArray() || subjects.isEmpty() || subjects.size() > 4) {
            throw KlingError.invalid("subject_image_list", "must hold 1 to 4 subjects, had "
                    + (subjects.isArray() ? subjects.size() : "no array"));
        }
        for (int i = 0; i < subjects.size(); i++) {
            if (image(subjects.get(i), "subject_image") == null) {
                throw KlingError.missing("subject_image_list[" + i + "].subject_image");
            }
        }
        image(body, "scene_image");
        image(body, "style_image");
        String ratio = optionalText(body, "aspect_ratio", 0);
        if (ratio != null) {
            oneOf("aspect_ratio", ratio, List.of("16:9", "9:16", "1:1", "4:3", "3:4", "3:2", "2:3", "21:9"));
        }
        return new KlingCreate(KlingKind.MULTI_IMAGE2IMAGE, model, "std", prompt == null ? "" : prompt, 0, externalTaskId,
                callbackUrl, watermark, null, imageCount(body), null);
    }

    /** §15: four required ratios from 0 to 2, the new area at most three times the original. */
    private KlingCreate imageExpand(JsonNode body, String externalTaskId, String callbackUrl, boolean watermark) {
        if (image(body, "image") == null) {
            throw KlingError.missing("image");
        }
        double[] ratios = new double[4];
        List<String> sides = List.of("up_expansion_ratio", "down_expansion_ratio", "left_expansion_ratio", "right_expansion_ratio");
        for (int i = 0; i < sides.size(); i++) {
            JsonNode ratio = body.get(sides.get(i));
            if (ratio == null || ratio.isNull()) {
                throw KlingError.missing(sides.get(i));
            }
            if (!ratio.isNumber() || ratio.asDouble() < 0 || ratio.asDouble() > 2) {
                throw KlingError.invalid(sides.get(i), "must be a number from 0 to 2");
            }
            ratios[i] = ratio.asDouble();
        }
        if ((1 + ratios[0] + ratios[1]) * (1 + ratios[2] + ratios[3]) > 3) {
            throw KlingError.invalid("up_expansion_ratio", "the expanded image may be at most 3 times the original's area");
        }
        String prompt = optionalText(body, "prompt", PROMPT_MAX);
        return new KlingCreate(KlingKind.IMAGE_EXPAND, "kling-expand", "std", prompt == null ? "" : prompt, 0, externalTaskId,
                callbackUrl, watermark, null, imageCount(body), null);
    }

    /**
     * §6.3, the legacy lip sync: everything under {@code input}; a video by id or URL, and either a text
     * read by a voice ({@code text2video}) or an audio ({@code audio2video}). The output lasts as the video.
     */
    private KlingCreate lipSync(JsonNode body, String externalTaskId, String callbackUrl) {
        JsonNode input = body.get("input");
        if (input == null || !input.isObject()) {
            throw KlingError.missing("input");
        }
        String videoId = optionalText(input, "video_id", 0);
        String videoUrl = optionalText(input, "video_url", 0);
        if ((videoId == null || videoId.isBlank()) == (videoUrl == null || videoUrl.isBlank())) {
            throw KlingError.invalid("input.video_id", "exactly one of input.video_id and input.video_url is required");
        }
        KlingVideo parent = null;
        long duration = 5_000;
        if (videoId != null && !videoId.isBlank()) {
            parent = existingVideo(videoId);
            duration = parent.durationMillis();
        } else if (!videoUrl.startsWith("http://") && !videoUrl.startsWith("https://")) {
            throw KlingError.invalid("input.video_url", "must be an http(s) URL");
        }
        String mode = optionalText(input, "mode", 0);
        if (mode == null) {
            throw KlingError.missing("input.mode");
        }
        oneOf("input.mode", mode, List.of("text2video", "audio2video"));
        String text = optionalText(input, "text", 120);
        if (mode.equals("text2video")) {
            if (text == null || text.isBlank()) {
                throw KlingError.missing("input.text");
            }
            if (optionalText(input, "voice_id", 0) == null) {
                throw KlingError.missing("input.voice_id");
            }
            String language = optionalText(input, "voice_language", 0);
            if (language != null) {
                oneOf("input.voice_language", language, List.of("zh", "en"));
            }
            JsonNode speed = input.get("voice_speed");
            if (speed != null && !speed.isNull() && (!speed.isNumber() || speed.asDouble() < 0.8 || speed.asDouble() > 2.0)) {
                throw KlingError.invalid("input.voice_speed", "must be a number from 0.8 to 2.0");
            }
        } else {
            String type = optionalText(input, "audio_type", 0);
            if (type == null) {
                throw KlingError.missing("input.audio_type");
            }
            oneOf("input.audio_type", type, List.of("file", "url"));
            String audio = optionalText(input, type.equals("file") ? "audio_file" : "audio_url", 0);
            if (audio == null || audio.isBlank()) {
                throw KlingError.missing(type.equals("file") ? "input.audio_file" : "input.audio_url");
            }
        }
        return new KlingCreate(KlingKind.LIP_SYNC, parent != null ? parent.model() : "lip-sync", "std", text == null ? "" : text,
                duration, externalTaskId, callbackUrl, false, parent);
    }

    /**
     * §8, the create after the selection: kling-v1-6 only; a known session; what to do with how many
     * images; a prompt naming {@code <<<video_1>>>}; the duration that fits the selected video.
     */
    private KlingCreate multiElements(JsonNode body, String externalTaskId, String callbackUrl, boolean watermark) {
        String model = optionalText(body, "model_name", 0);
        oneOf("model_name", model == null ? "kling-v1-6" : model, List.of("kling-v1-6"));
        String sessionId = optionalText(body, "session_id", 0);
        if (sessionId == null || sessionId.isBlank()) {
            throw KlingError.missing("session_id");
        }
        MultiElementSelections.Session session = selectionLookup.apply(sessionId);
        if (session == null) {
            throw KlingError.invalid("session_id", "is unknown or older than 24 hours: run init-selection again");
        }
        String editMode = optionalText(body, "edit_mode", 0);
        if (editMode == null) {
            throw KlingError.missing("edit_mode");
        }
        oneOf("edit_mode", editMode, List.of("addition", "swap", "removal"));
        JsonNode images = optionalArray(body, "image_list");
        int min = editMode.equals("addition") ? 1 : editMode.equals("swap") ? 1 : 0;
        int max = editMode.equals("addition") ? 2 : editMode.equals("swap") ? 1 : 0;
        if (images.size() < min || images.size() > max) {
            throw KlingError.invalid("image_list", editMode + " takes " + (min == max ? Integer.toString(min) : min + " to " + max)
                    + " image(s), had " + images.size());
        }
        for (int i = 0; i < images.size(); i++) {
            if (image(images.get(i), "image") == null) {
                throw KlingError.missing("image_list[" + i + "].image");
            }
        }
        String prompt = optionalText(body, "prompt", PROMPT_MAX);
        if (prompt == null || prompt.isBlank()) {
            throw KlingError.missing("prompt");
        }
        if (!prompt.contains("<<<video_1>>>")) {
            throw KlingError.invalid("prompt", "must refer to the video as <<<video_1>>>");
        }
        String mode = optionalText(body, "mode", 0);
        oneOf("mode", mode == null ? "std" : mode, List.of("std", "pro"));
        String duration = optionalText(body, "duration", 0);
        duration = duration == null ? "5" : duration;
        oneOf("duration", duration, List.of("5", "10"));
        long millis = session.video.durationMillis();
        if (duration.equals("5") != (millis <= 5_000)) {
            throw KlingError.invalid("duration", duration + " needs a video of " + (duration.equals("5") ? "2 to 5" : "7 to 10")
                    + " s; the selected one lasts " + millis + " ms");
        }
        return new KlingCreate(KlingKind.MULTI_ELEMENTS, "kling-v1-6", mode == null ? "std" : mode, prompt,
                Long.parseLong(duration) * 1000, externalTaskId, callbackUrl, watermark, session.video);
    }

    /** {@code n}: 1 to 9, default 1. */
    private static int imageCount(JsonNode body) {
        JsonNode n = body.get("n");
        if (n == null || n.isNull()) {
            return 1;
        }
        if (!n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 9) {
            throw KlingError.invalid("n", "must be a whole number from 1 to 9");
        }
        return n.asInt();
    }

    private static JsonNode optionalArray(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            throw KlingError.invalid(field, "must be an array");
        }
        return node;
    }

    private static int duration(JsonNode body, String model) {
        JsonNode node = body.get("duration");
        if (node == null || node.isNull()) {
            return 5;
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw KlingError.invalid("duration", "must be a string such as \"5\"");
        }
        int seconds;
        try {
            seconds = Integer.parseInt(node.asText().trim());
        } catch (NumberFormatException e) {
            throw KlingError.invalid("duration", "must be a whole number of seconds, was \"" + node.asText() + "\"");
        }
        if (FLEXIBLE_DURATION_MODELS.contains(model)) {
            if (seconds < 3 || seconds > 15) {
                throw KlingError.invalid("duration", "must be \"3\" to \"15\" for " + model + ", was \"" + seconds + "\"");
            }
        } else if (seconds != 5 && seconds != 10) {
            throw KlingError.invalid("duration", "must be \"5\" or \"10\" for " + model + ", was \"" + node.asText() + "\"");
        }
        return seconds;
    }

    private static void cfgScale(JsonNode body) {
        JsonNode cfg = body.get("cfg_scale");
        if (cfg == null || cfg.isNull()) {
            return;
        }
        if (!cfg.isNumber()) {
            throw KlingError.invalid("cfg_scale", "must be a number between 0 and 1");
        }
        double value = cfg.asDouble();
        if (value < 0 || value > 1) {
            throw KlingError.invalid("cfg_scale", "must be between 0 and 1, was " + cfg.asText());
        }
    }

    private static void cameraControl(JsonNode body) {
        JsonNode camera = body.get("camera_control");
        if (camera == null || camera.isNull()) {
            return;
        }
        if (!camera.isObject()) {
            throw KlingError.invalid("camera_control", "must be an object {type, config}");
        }
        String type = camera.path("type").asText(null);
        if (type == null) {
            throw KlingError.missing("camera_control.type");
        }
        oneOf("camera_control.type", type, CAMERA_TYPES);
        if (!"simple".equals(type)) {
            return;
        }
        JsonNode config = camera.get("config");
        if (config == null || !config.isObject()) {
            throw KlingError.missing("camera_control.config");
        }
        int nonZero = 0;
        for (Iterator<String> names = config.fieldNames(); names.hasNext(); ) {
            String axis = names.next();
            if (!CAMERA_AXES.contains(axis)) {
                throw KlingError.invalid("camera_control.config." + axis, "unknown axis; allowed: " + CAMERA_AXES);
            }
            JsonNode value = config.get(axis);
            if (!value.isNumber() || value.asDouble() < -10 || value.asDouble() > 10) {
                throw KlingError.invalid("camera_control.config." + axis, "must be a number between -10 and 10");
            }
            if (value.asDouble() != 0) {
                nonZero++;
            }
        }
        if (nonZero != 1) {
            throw KlingError.invalid("camera_control.config", "exactly one axis must be non-zero, " + nonZero + " were");
        }
    }

    /** Returns the image field (URL or raw Base64), or null when absent. */
    /** An image field that must be there: the URL or Base64 text. */
    static String requiredImage(JsonNode body, String field) {
        String image = image(body, field);
        if (image == null) {
            throw KlingError.missing(field);
        }
        return image;
    }

    private static String image(JsonNode body, String field) {
        String image = optionalText(body, field, 0);
        if (image == null || image.isEmpty()) {
            return null;
        }
        if (image.startsWith("http://") || image.startsWith("https://")) {
            return image;
        }
        if (image.startsWith("data:")) {
            throw KlingError.invalid(field, "must be a URL or raw Base64 without a data: prefix");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(image);
        } catch (IllegalArgumentException e) {
            throw KlingError.invalid(field, "is neither an http(s) URL nor valid Base64");
        }
        if (bytes.length > IMAGE_MAX_BYTES) {
            throw KlingError.invalid(field, "must be at most 10 MB, was " + bytes.length + " bytes");
        }
        return image;
    }

    /** A string field or null; throws when it is not a string or longer than {@code max} (0 = no limit). */
    private static String blankAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String optionalText(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw KlingError.invalid(field, "must be a string");
        }
        String text = node.asText();
        if (max > 0 && text.length() > max) {
            throw KlingError.invalid(field, "must be at most " + max + " characters, was " + text.length());
        }
        return text;
    }

    private static void oneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw KlingError.invalid(field, "\"" + value + "\" is not one of " + allowed);
        }
    }

    private static String join(String a, String b) {
        return (a == null ? "" : a) + "\n" + (b == null ? "" : b);
    }
}
