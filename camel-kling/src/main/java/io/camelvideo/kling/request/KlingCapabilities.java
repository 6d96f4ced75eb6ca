package io.camelvideo.kling.request;

import io.camelvideo.kling.KlingKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.camelvideo.kling.request.KlingField.CFG_SCALE;
import static io.camelvideo.kling.request.KlingField.DURATION;
import static io.camelvideo.kling.request.KlingField.IMAGE_TAIL;
import static io.camelvideo.kling.request.KlingField.MODE;
import static io.camelvideo.kling.request.KlingField.MODEL;
import static io.camelvideo.kling.request.KlingField.MULTI_SHOT;
import static io.camelvideo.kling.request.KlingField.SOUND;

/**
 * The model capability map of kling-api-current.md §1 and §2.4 as pre-submit rules: which models a
 * kind takes, and which models can do 4K, sound, multi-shot, durations other than 5 and 10 s, an end
 * frame, a mode or {@code cfg_scale}. The API stays authoritative: these rules only warn or refuse
 * early (option {@code capabilityCheck}); they change with model releases, so they are data here.
 */
final class KlingCapabilities {

    private static final String V3 = "kling-v3";
    private static final String V3_OMNI = "kling-v3-omni";
    private static final String O1 = "kling-video-o1";

    private static final Map<KlingKind, List<String>> MODELS = Map.of(
            KlingKind.text2video, List.of("kling-v1", "kling-v1-6", "kling-v2-master", "kling-v2-1-master", "kling-v2-5-turbo",
                    "kling-v2-6", V3),
            KlingKind.image2video, List.of("kling-v1", "kling-v1-5", "kling-v1-6", "kling-v2-master", "kling-v2-1",
                    "kling-v2-1-master", "kling-v2-5-turbo", "kling-v2-6", V3),
            KlingKind.multiImage2video, List.of("kling-v1-6"),
            KlingKind.omniVideo, List.of(O1, V3_OMNI),
            KlingKind.motionControl, List.of("kling-v2-6", V3),
            KlingKind.image, List.of("kling-v1", "kling-v1-5", "kling-v2", "kling-v2-new", "kling-v2-1", V3));
    /** The API's default model of each kind (what it uses when none is sent). */
    private static final Map<KlingKind, String> DEFAULTS = Map.of(KlingKind.text2video, "kling-v1", KlingKind.image2video, "kling-v1",
            KlingKind.multiImage2video, "kling-v1-6", KlingKind.omniVideo, O1, KlingKind.motionControl, "kling-v2-6",
            KlingKind.image, "kling-v1");
    private static final Set<String> FOUR_K = Set.of(V3, V3_OMNI);
    private static final Set<String> MULTI_SHOT_MODELS = Set.of(V3, V3_OMNI);
    private static final Set<String> ANY_DURATION = Set.of(V3, V3_OMNI, O1);
    private static final Set<String> NO_MODE = Set.of("kling-v2-master", "kling-v2-1-master");
    private static final Set<String> NO_END_FRAME = Set.of("kling-v2-master", "kling-v2-1-master");

    private KlingCapabilities() {
    }

    /** What the capability map says the request's model cannot do; empty when nothing (or the kind has no model). */
    static List<String> problems(KlingKind kind, Map<KlingField, Object> values) {
        List<String> problems = new ArrayList<>();
        List<String> known = MODELS.get(kind);
        if (known == null) {
            return problems;
        }
        String model = values.get(MODEL) != null ? (String) values.get(MODEL) : DEFAULTS.get(kind);
        if (!known.contains(model)) {
            problems.add(kind + " does not list model " + model + " (the capability map has " + String.join(", ", known) + ")");
            return problems;
        }
        String mode = (String) values.get(MODE);
        if ("4k".equals(mode) && !FOUR_K.contains(model)) {
            problems.add("mode 4k needs kling-v3 or kling-v3-omni, not " + model);
        }
        if (mode != null && NO_MODE.contains(model)) {
            problems.add(model + " has no mode (it renders at one resolution)");
        }
        if ("on".equals(values.get(SOUND)) && !(FOUR_K.contains(model) || "kling-v2-6".equals(model) && "pro".equals(mode))) {
            problems.add("sound on needs kling-v3, kling-v3-omni, or kling-v2-6 in pro mode (model " + model
                    + (mode == null ? "" : ", mode " + mode) + ")");
        }
        if (Boolean.TRUE.equals(values.get(MULTI_SHOT)) && !MULTI_SHOT_MODELS.contains(model)) {
            problems.add("multiShot needs kling-v3 or kling-v3-omni, not " + model);
        }
        String duration = (String) values.get(DURATION);
        if (duration != null && !duration.equals("5") && !duration.equals("10") && !ANY_DURATION.contains(model)) {
            problems.add("a duration of " + duration + " s needs kling-v3, kling-v3-omni or kling-video-o1; " + model
                    + " takes 5 or 10");
        }
        if (values.get(CFG_SCALE) != null && model.startsWith("kling-v2")) {
            problems.add("the kling-v2 models take no cfgScale (" + model + ")");
        }
        if (values.get(IMAGE_TAIL) != null && NO_END_FRAME.contains(model)) {
            problems.add(model + " takes no end frame (imageTail)");
        }
        return problems;
    }
}
