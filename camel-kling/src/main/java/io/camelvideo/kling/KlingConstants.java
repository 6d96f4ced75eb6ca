package io.camelvideo.kling;

import org.apache.camel.spi.Metadata;

/** The headers of the {@code kling:} component. */
public final class KlingConstants {

    @Metadata(description = "The operation to perform, overriding the endpoint's `operation`.", javaType = "String",
              enums = "create,status,list,download")
    public static final String OPERATION = "CamelKlingOperation";
    @Metadata(description = "The task id. Input of status and download; set by every operation that returns a task.",
              javaType = "String")
    public static final String TASK_ID = "CamelKlingTaskId";
    @Metadata(description = "The caller's external task id. Input of status and download (instead of the task id), and of "
                            + "create while the message carries no `CamelKlingTaskId` yet; set on every returned task.",
              javaType = "String")
    public static final String EXTERNAL_TASK_ID = "CamelKlingExternalTaskId";
    @Metadata(description = "The task status: `submitted`, `processing`, `succeed` or `failed`.", javaType = "String")
    public static final String TASK_STATUS = "CamelKlingTaskStatus";
    @Metadata(description = "The status message; the failure reason of a failed task.", javaType = "String")
    public static final String TASK_STATUS_MESSAGE = "CamelKlingTaskStatusMessage";
    @Metadata(description = "The id of the generated video (set when the task succeeded); also the input video of "
                            + "`extend` and `addSound`, so a route can chain them.", javaType = "String")
    public static final String VIDEO_ID = "CamelKlingVideoId";
    @Metadata(description = "The URL of the generated video (valid for 30 days); also the input video of `addSound` "
                            + "when no video id is given.", javaType = "String")
    public static final String VIDEO_URL = "CamelKlingVideoUrl";
    @Metadata(description = "The generated video's duration in seconds, as the API writes it (e.g. `5.1`).",
              javaType = "String")
    public static final String VIDEO_DURATION = "CamelKlingVideoDuration";
    @Metadata(description = "The URL of the watermarked copy, when requested with `watermark=true`.", javaType = "String")
    public static final String WATERMARK_URL = "CamelKlingWatermarkUrl";
    @Metadata(description = "The URL of the generated soundtrack as mp3 (addSound).", javaType = "String")
    public static final String AUDIO_MP3_URL = "CamelKlingAudioMp3Url";
    @Metadata(description = "The URL of the generated soundtrack as wav (addSound).", javaType = "String")
    public static final String AUDIO_WAV_URL = "CamelKlingAudioWavUrl";
    @Metadata(description = "Units the task was charged (`final_unit_deduction`), when finished.", javaType = "String")
    public static final String UNIT_DEDUCTION = "CamelKlingUnitDeduction";
    @Metadata(description = "How far the task is, e.g. `45%`, where the API reports it (gateways with the new-api wrapper).",
              javaType = "String")
    public static final String PROGRESS = "CamelKlingProgress";
    @Metadata(description = "The number of tasks in the body of a `list`.", javaType = "Integer")
    public static final String TASK_COUNT = "CamelKlingTaskCount";

    @Metadata(description = "Create: the prompt (a String body takes precedence).", javaType = "String")
    public static final String PROMPT = "CamelKlingPrompt";
    @Metadata(description = "Create: the negative prompt.", javaType = "String")
    public static final String NEGATIVE_PROMPT = "CamelKlingNegativePrompt";
    @Metadata(description = "Create: the model name, e.g. `kling-v1-6`.", javaType = "String")
    public static final String MODEL = "CamelKlingModel";
    @Metadata(description = "Create: `std`, `pro` or `4k` (kling-v3).", javaType = "String")
    public static final String MODE = "CamelKlingMode";
    @Metadata(description = "Create: the clip length in seconds, e.g. `5` or `10`.", javaType = "String")
    public static final String DURATION = "CamelKlingDuration";
    @Metadata(description = "Create: `16:9`, `9:16` or `1:1`.", javaType = "String")
    public static final String ASPECT_RATIO = "CamelKlingAspectRatio";
    @Metadata(description = "Create: prompt adherence, 0 to 1.", javaType = "Double")
    public static final String CFG_SCALE = "CamelKlingCfgScale";
    @Metadata(description = "Create: camera control as JSON text.", javaType = "String")
    public static final String CAMERA_CONTROL = "CamelKlingCameraControl";
    @Metadata(description = "Create (image2video): the first frame, an image URL or Base64.", javaType = "String")
    public static final String IMAGE = "CamelKlingImage";
    @Metadata(description = "Create (image2video): the last frame, an image URL or Base64.", javaType = "String")
    public static final String IMAGE_TAIL = "CamelKlingImageTail";
    @Metadata(description = "Create (virtualTryOn): the garment, an image URL or Base64.", javaType = "String")
    public static final String CLOTH_IMAGE = "CamelKlingClothImage";
    @Metadata(description = "Create (multiImage2video): one to four image URLs or Base64 texts.",
              javaType = "java.util.List<String>")
    public static final String IMAGE_LIST = "CamelKlingImageList";
    @Metadata(description = "Create (text2video, image2video): `on` generates sound with the video (kling-v2-6 pro, kling-v3).",
              javaType = "String")
    public static final String SOUND = "CamelKlingSound";
    @Metadata(description = "Create (text2video, image2video): several shots in one video (kling-v3).", javaType = "Boolean")
    public static final String MULTI_SHOT = "CamelKlingMultiShot";
    @Metadata(description = "Create with multi-shot: `customize` (shots from the body's `multi_prompt`) or `intelligence`.",
              javaType = "String")
    public static final String SHOT_TYPE = "CamelKlingShotType";
    @Metadata(description = "Create (motionControl): `image` or `video`, whose orientation the character follows.",
              javaType = "String")
    public static final String CHARACTER_ORIENTATION = "CamelKlingCharacterOrientation";
    @Metadata(description = "A finished image task: the URLs of its images, in index order (the first is also set as"
                            + " `CamelKlingImage`, the input image of a next image2video step).", javaType = "java.util.List<String>")
    public static final String IMAGE_URLS = "CamelKlingImageUrls";
    @Metadata(description = "A finished voice task: the custom voice's id, for `voice_list` and `element_voice_id` (not a TTS"
                            + " voice id).", javaType = "String")
    public static final String CUSTOM_VOICE_ID = "CamelKlingCustomVoiceId";
    @Metadata(description = "A finished element task: the element's id, for the next step's `element_list`.", javaType = "Long")
    public static final String ELEMENT_ID = "CamelKlingElementId";
    @Metadata(description = "Create (image): how many images, 1 to 9.", javaType = "Integer")
    public static final String IMAGE_COUNT = "CamelKlingImageCount";
    @Metadata(description = "accountCosts: the units that remain in the account's online resource packs.", javaType = "Double")
    public static final String REMAINING_UNITS = "CamelKlingRemainingUnits";
    @Metadata(description = "Create (tts): an official voice id, e.g. `oversea_male1`.", javaType = "String")
    public static final String VOICE_ID = "CamelKlingVoiceId";
    @Metadata(description = "Create (tts): `zh` or `en`.", javaType = "String")
    public static final String VOICE_LANGUAGE = "CamelKlingVoiceLanguage";
    @Metadata(description = "Create (tts): the speed, 0.8 to 2.0.", javaType = "Double")
    public static final String VOICE_SPEED = "CamelKlingVoiceSpeed";
    @Metadata(description = "identifyFace sets it; advancedLipSync reads it: the face session (valid 24 hours).", javaType = "String")
    public static final String SESSION_ID = "CamelKlingSessionId";
    @Metadata(description = "Create (effects): the effect scene, e.g. `bullet_time`.", javaType = "String")
    public static final String EFFECT_SCENE = "CamelKlingEffectScene";
    @Metadata(description = "Create (avatar): the id of an audio made by TTS, the avatar's voice; tts sets it.", javaType = "String")
    public static final String AUDIO_ID = "CamelKlingAudioId";
    @Metadata(description = "Create (avatar): the voice as an audio URL or Base64 (instead of an audio id).", javaType = "String")
    public static final String SOUND_FILE = "CamelKlingSoundFile";
    @Metadata(description = "Create (addSound): the sound effect prompt, at most 200 characters.", javaType = "String")
    public static final String SOUND_EFFECT_PROMPT = "CamelKlingSoundEffectPrompt";
    @Metadata(description = "Create (addSound): the background music prompt, at most 200 characters.", javaType = "String")
    public static final String BGM_PROMPT = "CamelKlingBgmPrompt";
    @Metadata(description = "Create (addSound): enhanced detailed sound effects.", javaType = "Boolean")
    public static final String ASMR_MODE = "CamelKlingAsmrMode";
    @Metadata(description = "Create: also produce a watermarked copy.", javaType = "Boolean")
    public static final String WATERMARK = "CamelKlingWatermark";
    @Metadata(description = "Create: the URL Kling notifies on each status change.", javaType = "String")
    public static final String CALLBACK_URL = "CamelKlingCallbackUrl";
    @Metadata(description = "List: the page number, 1 to 1000.", javaType = "Integer")
    public static final String PAGE_NUM = "CamelKlingPageNum";
    @Metadata(description = "List: the page size, 1 to 500.", javaType = "Integer")
    public static final String PAGE_SIZE = "CamelKlingPageSize";
    @Metadata(description = "Download: which file, overriding the endpoint's `format`.", javaType = "String",
              enums = "video,watermarked,mp3,wav")
    public static final String FORMAT = "CamelKlingFormat";

    private KlingConstants() {
    }
}
