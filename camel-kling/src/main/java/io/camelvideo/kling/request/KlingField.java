package io.camelvideo.kling.request;

import io.camelvideo.kling.KlingConfiguration;
import io.camelvideo.kling.KlingConstants;
import io.camelvideo.kling.KlingKind;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.camelvideo.kling.KlingKind.addSound;
import static io.camelvideo.kling.KlingKind.aiMultiShot;
import static io.camelvideo.kling.KlingKind.advancedLipSync;
import static io.camelvideo.kling.KlingKind.avatar;
import static io.camelvideo.kling.KlingKind.effects;
import static io.camelvideo.kling.KlingKind.element;
import static io.camelvideo.kling.KlingKind.extend;
import static io.camelvideo.kling.KlingKind.identifyFace;
import static io.camelvideo.kling.KlingKind.image;
import static io.camelvideo.kling.KlingKind.image2video;
import static io.camelvideo.kling.KlingKind.imageExpand;
import static io.camelvideo.kling.KlingKind.imageRecognize;
import static io.camelvideo.kling.KlingKind.lipSync;
import static io.camelvideo.kling.KlingKind.motionControl;
import static io.camelvideo.kling.KlingKind.multiElements;
import static io.camelvideo.kling.KlingKind.multiElementsSelection;
import static io.camelvideo.kling.KlingKind.multiImage2image;
import static io.camelvideo.kling.KlingKind.multiImage2video;
import static io.camelvideo.kling.KlingKind.omniImage;
import static io.camelvideo.kling.KlingKind.omniVideo;
import static io.camelvideo.kling.KlingKind.text2audio;
import static io.camelvideo.kling.KlingKind.text2video;
import static io.camelvideo.kling.KlingKind.tts;
import static io.camelvideo.kling.KlingKind.virtualTryOn;
import static io.camelvideo.kling.KlingKind.voice;

/**
 * The create request fields, each declared once: the option name users write, the API's field name,
 * the header that sets it, its type, the endpoint option that sets it, and the kinds that send it
 * (other kinds ignore it). Values come from the body first, then the header, then the option;
 * {@link KlingRequestValidator} checks their limits. A body field not declared here is sent on
 * unchanged when written as the API writes its fields.
 */
public enum KlingField {
    PROMPT("prompt", "prompt", KlingConstants.PROMPT, Type.PROSE, KlingConfiguration::getPrompt,
            EnumSet.of(text2video, image2video, multiImage2video, extend, text2audio, omniVideo, motionControl, avatar, image, omniImage,
                    multiImage2image, imageExpand, multiElements)),
    NEGATIVE_PROMPT("negativePrompt", "negative_prompt", KlingConstants.NEGATIVE_PROMPT, Type.PROSE, KlingConfiguration::getNegativePrompt,
            EnumSet.of(text2video, image2video, multiImage2video, extend, image, multiElements)),
    MODEL("model", "model_name", KlingConstants.MODEL, Type.TEXT, KlingConfiguration::getModel, EnumSet.of(text2video, image2video, multiImage2video, omniVideo, motionControl, image, omniImage, virtualTryOn,
            multiImage2image, multiElements)),
    MODE("mode", "mode", KlingConstants.MODE, Type.TEXT, KlingConfiguration::getMode, EnumSet.of(text2video, image2video, multiImage2video, omniVideo, motionControl, avatar,
            multiElements)),
    DURATION("duration", "duration", KlingConstants.DURATION, Type.TEXT, KlingConfiguration::getDuration,
            EnumSet.of(text2video, image2video, multiImage2video, text2audio, omniVideo, multiElements)),
    ASPECT_RATIO("aspectRatio", "aspect_ratio", KlingConstants.ASPECT_RATIO, Type.TEXT, KlingConfiguration::getAspectRatio,
            EnumSet.of(text2video, multiImage2video, omniVideo, image, omniImage, multiImage2image)),
    CFG_SCALE("cfgScale", "cfg_scale", KlingConstants.CFG_SCALE, Type.NUMBER, KlingConfiguration::getCfgScale, EnumSet.of(text2video, image2video, extend)),
    CAMERA_CONTROL("cameraControl", "camera_control", KlingConstants.CAMERA_CONTROL, Type.JSON, KlingConfiguration::getCameraControl, EnumSet.of(text2video, image2video)),
    IMAGE("image", "image", KlingConstants.IMAGE, Type.IMAGE, KlingConfiguration::getImage, EnumSet.of(image2video, avatar, image, imageExpand,
            imageRecognize)),
    IMAGE_TAIL("imageTail", "image_tail", KlingConstants.IMAGE_TAIL, Type.IMAGE, KlingConfiguration::getImageTail, EnumSet.of(image2video)),
    IMAGE_LIST("imageList", "image_list", KlingConstants.IMAGE_LIST, Type.IMAGE_LIST, null, EnumSet.of(multiImage2video, omniImage,
            multiElements)),
    /** motionControl's character image: the same option and header as {@link #IMAGE}, sent as {@code image_url}. */
    CHARACTER_IMAGE("image", "image_url", KlingConstants.IMAGE, Type.IMAGE, KlingConfiguration::getImage, EnumSet.of(motionControl)),
    /** virtualTryOn's person: the same option and header as {@link #IMAGE} (a binary body too), sent as {@code human_image}. */
    HUMAN_IMAGE("image", "human_image", KlingConstants.IMAGE, Type.IMAGE, KlingConfiguration::getImage, EnumSet.of(virtualTryOn)),
    /** aiMultiShot's front view: the same option and header as {@link #IMAGE} (a binary body too), sent as {@code element_frontal_image}. */
    FRONTAL_IMAGE("image", "element_frontal_image", KlingConstants.IMAGE, Type.IMAGE, KlingConfiguration::getImage,
            EnumSet.of(aiMultiShot)),
    CLOTH_IMAGE("clothImage", "cloth_image", KlingConstants.CLOTH_IMAGE, Type.IMAGE, KlingConfiguration::getClothImage,
            EnumSet.of(virtualTryOn)),
    CHARACTER_ORIENTATION("characterOrientation", "character_orientation", KlingConstants.CHARACTER_ORIENTATION, Type.TEXT,
            KlingConfiguration::getCharacterOrientation, EnumSet.of(motionControl)),
    AUDIO_ID("audioId", "audio_id", KlingConstants.AUDIO_ID, Type.TEXT, KlingConfiguration::getAudioId, EnumSet.of(avatar)),
    SOUND_FILE("soundFile", "sound_file", KlingConstants.SOUND_FILE, Type.TEXT, KlingConfiguration::getSoundFile,
            EnumSet.of(avatar)),
    EFFECT_SCENE("effectScene", "effect_scene", KlingConstants.EFFECT_SCENE, Type.TEXT, KlingConfiguration::getEffectScene,
            EnumSet.of(effects)),
    /** effects' single image: the same option and header as {@link #IMAGE}, sent inside the request's {@code input}. */
    EFFECT_IMAGE("image", "input.image", KlingConstants.IMAGE, Type.IMAGE, KlingConfiguration::getImage, EnumSet.of(effects)),
    /** tts' text: the same option and header as {@link #PROMPT} (a String body too), sent as {@code text}. */
    TTS_TEXT("prompt", "text", KlingConstants.PROMPT, Type.PROSE, KlingConfiguration::getPrompt, EnumSet.of(tts)),
    VOICE_ID("voiceId", "voice_id", KlingConstants.VOICE_ID, Type.TEXT, KlingConfiguration::getVoiceId, EnumSet.of(tts)),
    VOICE_LANGUAGE("voiceLanguage", "voice_language", KlingConstants.VOICE_LANGUAGE, Type.TEXT,
            KlingConfiguration::getVoiceLanguage, EnumSet.of(tts)),
    VOICE_SPEED("voiceSpeed", "voice_speed", KlingConstants.VOICE_SPEED, Type.NUMBER, KlingConfiguration::getVoiceSpeed,
            EnumSet.of(tts)),
    LIP_SYNC_VIDEO_ID("videoId", "input.video_id", KlingConstants.VIDEO_ID, Type.TEXT, KlingConfiguration::getVideoId,
            EnumSet.of(lipSync)),
    LIP_SYNC_VIDEO_URL("videoUrl", "input.video_url", KlingConstants.VIDEO_URL, Type.TEXT, KlingConfiguration::getVideoUrl,
            EnumSet.of(lipSync)),
    /** lipSync's text, read by {@link #LIP_SYNC_VOICE_ID}: the same option and header as {@link #PROMPT} (a String body too). */
    LIP_SYNC_TEXT("prompt", "input.text", KlingConstants.PROMPT, Type.PROSE, KlingConfiguration::getPrompt, EnumSet.of(lipSync)),
    LIP_SYNC_VOICE_ID("voiceId", "input.voice_id", KlingConstants.VOICE_ID, Type.TEXT, KlingConfiguration::getVoiceId,
            EnumSet.of(lipSync)),
    LIP_SYNC_VOICE_LANGUAGE("voiceLanguage", "input.voice_language", KlingConstants.VOICE_LANGUAGE, Type.TEXT,
            KlingConfiguration::getVoiceLanguage, EnumSet.of(lipSync)),
    LIP_SYNC_VOICE_SPEED("voiceSpeed", "input.voice_speed", KlingConstants.VOICE_SPEED, Type.NUMBER,
            KlingConfiguration::getVoiceSpeed, EnumSet.of(lipSync)),
    /** lipSync's sound instead of a text: a URL ({@code audio_url}) or Base64 (sent as {@code audio_file}). */
    LIP_SYNC_SOUND("soundFile", "input.audio_url", KlingConstants.SOUND_FILE, Type.TEXT, KlingConfiguration::getSoundFile,
            EnumSet.of(lipSync)),
    SESSION_ID("sessionId", "session_id", KlingConstants.SESSION_ID, Type.TEXT, KlingConfiguration::getSessionId,
            EnumSet.of(advancedLipSync, multiElements, multiElementsSelection)),
    IMAGE_COUNT("imageCount", "n", KlingConstants.IMAGE_COUNT, Type.INTEGER, KlingConfiguration::getImageCount,
            EnumSet.of(image, omniImage, multiImage2image, imageExpand)),
    /** multiImage2image's one to four subjects (a list body too), sent as {@code subject_image_list[{subject_image}]}. */
    SUBJECT_IMAGES("subjectImages", "subject_image_list", null, Type.IMAGE_LIST, null, EnumSet.of(multiImage2image)),
    SCENE_IMAGE("sceneImage", "scene_image", null, Type.IMAGE, KlingConfiguration::getSceneImage, EnumSet.of(multiImage2image)),
    STYLE_IMAGE("styleImage", "style_image", null, Type.IMAGE, KlingConfiguration::getStyleImage, EnumSet.of(multiImage2image)),
    UP_EXPANSION("upExpansionRatio", "up_expansion_ratio", null, Type.NUMBER, KlingConfiguration::getUpExpansionRatio,
            EnumSet.of(imageExpand)),
    DOWN_EXPANSION("downExpansionRatio", "down_expansion_ratio", null, Type.NUMBER, KlingConfiguration::getDownExpansionRatio,
            EnumSet.of(imageExpand)),
    LEFT_EXPANSION("leftExpansionRatio", "left_expansion_ratio", null, Type.NUMBER, KlingConfiguration::getLeftExpansionRatio,
            EnumSet.of(imageExpand)),
    RIGHT_EXPANSION("rightExpansionRatio", "right_expansion_ratio", null, Type.NUMBER, KlingConfiguration::getRightExpansionRatio,
            EnumSet.of(imageExpand)),
    RESOLUTION("resolution", "resolution", null, Type.TEXT, KlingConfiguration::getResolution, EnumSet.of(image, omniImage)),
    IMAGE_REFERENCE("imageReference", "image_reference", null, Type.TEXT, KlingConfiguration::getImageReference,
            EnumSet.of(image)),
    IMAGE_FIDELITY("imageFidelity", "image_fidelity", null, Type.NUMBER, KlingConfiguration::getImageFidelity, EnumSet.of(image)),
    HUMAN_FIDELITY("humanFidelity", "human_fidelity", null, Type.NUMBER, KlingConfiguration::getHumanFidelity, EnumSet.of(image)),
    EDIT_MODE("editMode", "edit_mode", null, Type.TEXT, KlingConfiguration::getEditMode, EnumSet.of(multiElements)),
    FRAME_INDEX("frameIndex", "frame_index", null, Type.INTEGER, KlingConfiguration::getFrameIndex,
            EnumSet.of(multiElementsSelection)),
    ELEMENT_NAME("elementName", "element_name", null, Type.PROSE, KlingConfiguration::getElementName, EnumSet.of(element)),
    ELEMENT_DESCRIPTION("elementDescription", "element_description", null, Type.PROSE,
            KlingConfiguration::getElementDescription, EnumSet.of(element)),
    REFERENCE_TYPE("referenceType", "reference_type", null, Type.TEXT, KlingConfiguration::getReferenceType, EnumSet.of(element)),
    VOICE_NAME("voiceName", "voice_name", null, Type.PROSE, KlingConfiguration::getVoiceName, EnumSet.of(voice)),
    VOICE_URL("voiceUrl", "voice_url", null, Type.TEXT, KlingConfiguration::getVoiceUrl, EnumSet.of(voice)),
    /** omniVideo's image list: URLs, or objects {@code {image_url, type: first_frame|end_frame}} as the API takes them. */
    IMAGE_REFERENCES("imageList", "image_list", KlingConstants.IMAGE_LIST, Type.IMAGE_REFERENCES, null, EnumSet.of(omniVideo)),
    VIDEO_ID("videoId", "video_id", KlingConstants.VIDEO_ID, Type.TEXT, KlingConfiguration::getVideoId, EnumSet.of(extend, addSound, identifyFace, voice,
            multiElementsSelection)),
    VIDEO_URL("videoUrl", "video_url", KlingConstants.VIDEO_URL, Type.TEXT, KlingConfiguration::getVideoUrl, EnumSet.of(addSound, motionControl, identifyFace,
            multiElementsSelection)),
    SOUND_EFFECT_PROMPT("soundEffectPrompt", "sound_effect_prompt", KlingConstants.SOUND_EFFECT_PROMPT, Type.PROSE, KlingConfiguration::getSoundEffectPrompt, EnumSet.of(addSound)),
    BGM_PROMPT("bgmPrompt", "bgm_prompt", KlingConstants.BGM_PROMPT, Type.PROSE, KlingConfiguration::getBgmPrompt, EnumSet.of(addSound)),
    ASMR_MODE("asmrMode", "asmr_mode", KlingConstants.ASMR_MODE, Type.BOOLEAN, KlingConfiguration::getAsmrMode, EnumSet.of(addSound)),
    WATERMARK("watermark", "watermark_info", KlingConstants.WATERMARK, Type.BOOLEAN, KlingConfiguration::getWatermark,
            EnumSet.of(text2video, image2video, multiImage2video, extend, omniVideo, motionControl, avatar, advancedLipSync, image, omniImage,
                    multiImage2image, imageExpand, multiElements)),
    CALLBACK_URL("callbackUrl", "callback_url", KlingConstants.CALLBACK_URL, Type.TEXT, KlingConfiguration::getCallbackUrl,
            taskKinds()),
    EXTERNAL_TASK_ID("externalTaskId", "external_task_id", KlingConstants.EXTERNAL_TASK_ID, Type.TEXT,
            KlingConfiguration::getExternalTaskId, taskKinds()),
    SOUND("sound", "sound", KlingConstants.SOUND, Type.TEXT, KlingConfiguration::getSound, EnumSet.of(text2video, image2video, omniVideo)),
    MULTI_SHOT("multiShot", "multi_shot", KlingConstants.MULTI_SHOT, Type.BOOLEAN, KlingConfiguration::getMultiShot,
            EnumSet.of(text2video, image2video, omniVideo)),
    SHOT_TYPE("shotType", "shot_type", KlingConstants.SHOT_TYPE, Type.TEXT, KlingConfiguration::getShotType,
            EnumSet.of(text2video, image2video, omniVideo));

    /** How a value is converted and sent: PROSE is text a person writes (a prompt), TEXT a short value. */
    public enum Type { PROSE, TEXT, NUMBER, INTEGER, BOOLEAN, JSON, IMAGE, IMAGE_LIST, IMAGE_REFERENCES }

    private final String option;
    private final String apiName;
    private final String header;
    private final Type type;
    private final Function<KlingConfiguration, Object> endpointOption;
    private final Set<KlingKind> kinds;

    KlingField(String option, String apiName, String header, Type type, Function<KlingConfiguration, Object> endpointOption,
               Set<KlingKind> kinds) {
        this.option = option;
        this.apiName = apiName;
        this.header = header;
        this.type = type;
        this.endpointOption = endpointOption;
        this.kinds = kinds;
    }

    /** The kinds that make a task (every one but the synchronous ones): they take a callback URL and an external id. */
    private static Set<KlingKind> taskKinds() {
        Set<KlingKind> kinds = EnumSet.noneOf(KlingKind.class);
        for (KlingKind kind : KlingKind.values()) {
            if (!kind.synchronous()) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The value the endpoint's option gives this field, or null (unset, or a field set only by header or body). */
    Object endpointValue(KlingConfiguration configuration) {
        return endpointOption == null ? null : endpointOption.apply(configuration);
    }

    public String option() {
        return option;
    }

    public String apiName() {
        return apiName;
    }

    public String header() {
        return header;
    }

    public Type type() {
        return type;
    }

    public boolean appliesTo(KlingKind kind) {
        return kinds.contains(kind);
    }

    /** The fields {@code kind} sends, in declaration order (made once per kind). */
    public static List<KlingField> of(KlingKind kind) {
        return ByKind.FIELDS.get(kind);
    }

    /** The fields of each kind, made once (a holder: an enum's constants are made before its static fields). */
    private static final class ByKind {
        static final Map<KlingKind, List<KlingField>> FIELDS = new EnumMap<>(KlingKind.class);

        static {
            for (KlingKind kind : KlingKind.values()) {
                FIELDS.put(kind, java.util.Arrays.stream(values()).filter(field -> field.appliesTo(kind)).toList());
            }
        }
    }

    /** The field named by an option name or an API field name, or null. */
    public static KlingField named(String name) {
        return named(name, null);
    }

    /** The field of that name that {@code kind} sends (two kinds may give one name different shapes), else any, or null. */
    public static KlingField named(String name, KlingKind kind) {
        KlingField any = null;
        for (KlingField field : values()) {
            if (field.option.equals(name) || field.apiName.equals(name)) {
                if (kind == null || field.appliesTo(kind)) {
                    return field;
                }
                any = any == null ? field : any;
            }
        }
        return any;
    }

    /** Whether {@code name} is an object that fields of {@code kind} are written into ({@code input}). */
    public static boolean isParent(String name, KlingKind kind) {
        for (KlingField field : values()) {
            if (field.appliesTo(kind) && name.equals(field.parent())) {
                return true;
            }
        }
        return false;
    }

    /** The object the field is written into ({@code input} for {@code input.image}), or null for a top-level field. */
    public String parent() {
        int dot = apiName.indexOf('.');
        return dot < 0 ? null : apiName.substring(0, dot);
    }

    /** The field's name inside its {@link #parent()} (or the API name of a top-level field). */
    public String leafName() {
        return apiName.substring(apiName.indexOf('.') + 1);
    }

    /** The key of each object of an image list: {@code image_list} holds {@code {image}}, {@code subject_image_list} {@code {subject_image}}. */
    public String itemKey() {
        return leafName().endsWith("_list") ? leafName().substring(0, leafName().length() - "_list".length()) : leafName();
    }

    /** How error messages name the field: {@code cfgScale (cfg_scale)}. */
    public String label() {
        return option.equals(apiName) ? option : option + " (" + apiName + ")";
    }
}
