package io.camelvideo.emulator.kling;

/** The Kling task families the emulator serves, with their path below {@code /v1}. */
public enum KlingKind {
    TEXT2VIDEO("/videos/text2video", "textGenerate"),
    IMAGE2VIDEO("/videos/image2video", "generate"),
    MULTI_IMAGE2VIDEO("/videos/multi-image2video", "multiImageGenerate"),
    VIDEO_EXTEND("/videos/video-extend", "extend"),
    VIDEO_TO_AUDIO("/audio/video-to-audio", "videoToAudio"),
    TEXT_TO_AUDIO("/audio/text-to-audio", "textToAudio"),
    /** kling-api-current.md §3. */
    OMNI_VIDEO("/videos/omni-video", "omniVideo"),
    /** kling-api-current.md §4. */
    MOTION_CONTROL("/videos/motion-control", "motionControl"),
    /** kling-api-current.md §5. */
    AVATAR("/videos/avatar/image2video", "avatar"),
    /** kling-api-current.md §7. */
    EFFECTS("/videos/effects", "effects"),
    /** kling-api-current.md §6.2 (the session comes from the synchronous identify-face). */
    ADVANCED_LIP_SYNC("/videos/advanced-lip-sync", "advancedLipSync"),
    /** kling-api-current.md §12. */
    IMAGE_GENERATION("/images/generations", "imageGenerate"),
    /** kling-api-current.md §11.1. */
    ELEMENT("/general/advanced-custom-elements", "element"),
    /** kling-api-current.md §10. */
    CUSTOM_VOICE("/general/custom-voices", "customVoice"),
    /** kling-api-current.md §13. */
    OMNI_IMAGE("/images/omni-image", "omniImage"),
    /** kling-api-current.md §16. */
    VIRTUAL_TRY_ON("/images/kolors-virtual-try-on", "virtualTryOn"),
    /** kling-api-current.md §14. */
    MULTI_IMAGE2IMAGE("/images/multi-image2image", "multiImage2image"),
    /** kling-api-current.md §15. */
    IMAGE_EXPAND("/images/editing/expand", "imageExpand"),
    /** kling-api-current.md §6.3 (the legacy lip sync, still served by gateways). */
    LIP_SYNC("/videos/lip-sync", "lipSync"),
    /** kling-api-current.md §18: three more views of an element's frontal image. */
    AI_MULTI_SHOT("/general/ai-multi-shot", "aiMultiShot"),
    /** kling-api-current.md §8: an element added to, swapped in or removed from a selected video (kling-v1-6). */
    MULTI_ELEMENTS("/videos/multi-elements", "multiElements");

    private final String path;
    private final String newApiAction;

    KlingKind(String path, String newApiAction) {
        this.path = path;
        this.newApiAction = newApiAction;
    }

    public String path() {
        return path;
    }

    /** The {@code action} value the new-api gateway reports for this kind. */
    public String newApiAction() {
        return newApiAction;
    }

    /** The kind whose path is {@code subPath} (below {@code /v1}), or null. */
    public static KlingKind ofPath(String subPath) {
        for (KlingKind kind : values()) {
            if (kind.path.equals(subPath)) {
                return kind;
            }
        }
        return null;
    }
}
