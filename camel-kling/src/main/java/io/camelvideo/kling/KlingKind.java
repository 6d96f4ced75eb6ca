package io.camelvideo.kling;

/** The Kling task families: the {@code kind} of a {@code kling:<kind>} URI and its API path. */
public enum KlingKind {
    /** One to nine images from a prompt (and a reference image): {@code /images/generations}. */
    image("/images/generations", true, false),
    /**
     * An element (a character or object made from images, or a video character) for omni-video, image2video and
     * image generation to refer to: {@code /general/advanced-custom-elements}.
     */
    element("/general/advanced-custom-elements", false, false),
    /** Images from a prompt that refers to images and elements by position, one set or a series (kling-image-o1, kling-v3-omni): {@code /images/omni-image}. */
    omniImage("/images/omni-image", false, false),
    /** Images of one to four subjects in a scene and a style: {@code /images/multi-image2image}. */
    multiImage2image("/images/multi-image2image", false, false),
    /** An image expanded beyond its borders (outpainting), by ratios of its height and width: {@code /images/editing/expand}. */
    imageExpand("/images/editing/expand", true, false),
    /** A person dressed in a garment: a photo of the person and one of the clothes (Kolors): {@code /images/kolors-virtual-try-on}. */
    virtualTryOn("/images/kolors-virtual-try-on", true, false),
    /** A custom voice from an audio or video URL, or a Kling video with sound: {@code /general/custom-voices}. */
    voice("/general/custom-voices", false, false),
    /** Text to video: {@code /videos/text2video}. */
    text2video("/videos/text2video", false, false),
    /** Image (first and/or last frame) to video: {@code /videos/image2video}. */
    image2video("/videos/image2video", true, false),
    /** One to four reference images to video: {@code /videos/multi-image2video}. */
    multiImage2video("/videos/multi-image2video", true, false),
    /** Extend a generated video by 4–5 s: {@code /videos/video-extend}. */
    extend("/videos/video-extend", false, false),
    /** Add generated sound to a video ("video to audio"): {@code /audio/video-to-audio}. */
    addSound("/audio/video-to-audio", false, false),
    /** Sound from a text prompt (at most 200 characters, 3.0 to 10.0 s): {@code /audio/text-to-audio}. */
    text2audio("/audio/text-to-audio", false, false),
    /**
     * Omni-video (kling-video-o1, kling-v3-omni): one prompt that refers to images, elements and a video
     * by list position ({@code <<<image_1>>>}, {@code <<<element_1>>>}, {@code <<<video_1>>>}): {@code /videos/omni-video}.
     */
    omniVideo("/videos/omni-video", false, false),
    /** A character image moved like the person in a reference video (kling-v2-6, kling-v3): {@code /videos/motion-control}. */
    motionControl("/videos/motion-control", true, false),
    /** A talking avatar from a photo and a voice (an audio id from TTS, or a sound file): {@code /videos/avatar/image2video}. */
    avatar("/videos/avatar/image2video", true, false),
    /**
     * An element added to, swapped in or removed from a video selected by {@link #multiElementsSelection}
     * (kling-v1-6; {@code editMode}, a prompt naming {@code <<<video_1>>>}): {@code /videos/multi-elements}.
     */
    multiElements("/videos/multi-elements", false, false),
    /** The selection steps before {@link #multiElements} ({@code selectionAction}), answered at once: {@code /videos/multi-elements/<action>-selection}. */
    multiElementsSelection("/videos/multi-elements", false, true),
    /** A video effect scene (e.g. {@code bullet_time}) applied to one image, or to two for the dual scenes: {@code /videos/effects}. */
    effects("/videos/effects", true, false),
    /** Lip sync of one face of an {@link #identifyFace} session to a voice (body {@code face_choose}): {@code /videos/advanced-lip-sync}. */
    advancedLipSync("/videos/advanced-lip-sync", false, false),
    /**
     * The legacy lip sync, still served by gateways: a video ({@code videoId} or {@code videoUrl}) speaking a text in a
     * voice, or a sound, all sent inside {@code input}: {@code /videos/lip-sync}.
     */
    lipSync("/videos/lip-sync", false, false),
    /** Three more views (for an element) of one frontal image ({@code image} or a binary body): {@code /general/ai-multi-shot}. */
    aiMultiShot("/general/ai-multi-shot", true, false),
    /** The subject, head, face and clothing found in an image, answered at once with cut-outs: {@code /videos/image-recognize}. */
    imageRecognize("/videos/image-recognize", true, true),
    /** Text to speech, answered at once with the audio (no task to track): {@code /audio/tts}. */
    tts("/audio/tts", false, true),
    /** The faces of a video and a 24-hour session for advancedLipSync, answered at once: {@code /videos/identify-face}. */
    identifyFace("/videos/identify-face", false, true),
    /** The account's resource packs and what remains of them, answered at once: {@code GET /account/costs} (not below {@code /v1}). */
    accountCosts("/account/costs", false, true);

    private final String path;
    private final boolean takesImage;
    private final boolean synchronous;

    KlingKind(String path, boolean takesImage, boolean synchronous) {
        this.path = path;
        this.takesImage = takesImage;
        this.synchronous = synchronous;
    }

    /**
     * Whether the API answers the result at once: no task to query, list, wait for or track (and no
     * lookup, so a repeated create is a new call: see docs/kling.md).
     */
    public boolean synchronous() {
        return synchronous;
    }

    /** The path below the API prefix ({@code /v1}). */
    public String path() {
        return path;
    }

    /** Where Kling lists its own voices or elements ({@code operation=presets}), or null for other kinds. */
    public String presetsPath() {
        return switch (this) {
            case voice -> "/general/presets-voices";
            case element -> "/general/advanced-presets-elements";
            default -> null;
        };
    }

    /** Where a custom voice or element is deleted ({@code operation=delete}), or null for other kinds. */
    public String deletePath() {
        return switch (this) {
            case voice -> "/general/delete-voices";
            case element -> "/general/delete-elements";
            default -> null;
        };
    }

    /** Whether a binary body (byte[], InputStream, File) is the input image. */
    public boolean takesImage() {
        return takesImage;
    }

    /** Parses a kind case-insensitively, naming the allowed values when it is unknown. */
    public static KlingKind parse(String value) {
        for (KlingKind kind : values()) {
            if (kind.name().equalsIgnoreCase(value.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown Kling kind '" + value + "'; use one of "
                + java.util.Arrays.stream(values()).map(Enum::name).toList());
    }
}
