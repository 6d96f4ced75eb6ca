package io.camelvideo.kling;

import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that is malformed by type rather than by value — what an upstream system sends by mistake —
 * is refused before any request, naming the field: never coerced with {@code toString()} into a paid
 * task. (Value limits are in {@link KlingValidationTest}.)
 */
class KlingBadInputTest extends KlingTestSupport {

    static Stream<Arguments> bodies() {
        return Stream.of(
                bad("prompt as a number", "text2video", Map.of("prompt", 123), "prompt", "must be text"),
                bad("prompt as a decimal", "text2video", Map.of("prompt", 1.5), "prompt", "must be text"),
                bad("prompt as a boolean", "text2video", Map.of("prompt", true), "prompt", "must be text"),
                bad("prompt as a list", "text2video", Map.of("prompt", List.of("a", "b")), "prompt", "must be text"),
                bad("prompt as an object", "text2video", Map.of("prompt", Map.of("text", "a")), "prompt", "must be text"),
                bad("prompt of zero-width spaces", "text2video", Map.of("prompt", "\u200B\u200B\u200B"), "prompt", "no visible"),
                bad("prompt of a byte-order mark", "text2video", Map.of("prompt", "\uFEFF"), "prompt", "no visible"),
                bad("prompt of word joiners and spaces", "text2video", Map.of("prompt", " \u2060 \u2060 "), "prompt", "no visible"),
                bad("prompt of control characters", "text2video", Map.of("prompt", "\u0000\u0001\u0007"), "prompt", "no visible"),
                bad("prompt of hangul fillers", "text2video", Map.of("prompt", "\u3164\u3164"), "prompt", "no visible"),
                bad("prompt of braille blanks", "text2video", Map.of("prompt", "\u2800\u2800"), "prompt", "no visible"),
                bad("prompt with a lone high surrogate", "text2video", Map.of("prompt", "fox \uD83E"), "prompt", "surrogate"),
                bad("prompt with a lone low surrogate", "text2video", Map.of("prompt", "\uDD8A fox"), "prompt", "surrogate"),
                bad("prompt with a right-to-left override", "text2video", Map.of("prompt", "a fox \u202Exof a"), "prompt", "bidirectional"),
                bad("prompt with a left-to-right embedding", "text2video", Map.of("prompt", "\u202Aa fox"), "prompt", "bidirectional"),
                bad("prompt with a first-strong isolate", "text2video", Map.of("prompt", "a \u2068fox\u2069"), "prompt", "bidirectional"),
                bad("negative prompt as a number", "text2video", Map.of("prompt", "fox", "negativePrompt", 7), "negativePrompt", "must be text"),
                bad("negative prompt invisible", "text2video", Map.of("prompt", "fox", "negative_prompt", "\u200C"), "negativePrompt", "no visible"),
                bad("sound prompt as a list", "addSound", Map.of("videoId", "1", "soundEffectPrompt", List.of("rain")), "soundEffectPrompt", "must be text"),
                bad("bgm prompt invisible", "addSound", Map.of("videoId", "1", "bgm_prompt", "\u200B"), "bgmPrompt", "no visible"),
                bad("model as a list", "text2video", Map.of("prompt", "fox", "model", List.of("kling-v1")), "model", "was a list"),
                bad("mode as an object", "text2video", Map.of("prompt", "fox", "mode", Map.of("x", 1)), "mode", "was an object"),
                bad("duration NaN (audio)", "text2audio", Map.of("prompt", "rain", "duration", "NaN"), "duration", "3.0 to 10.0"),
                bad("duration NaN number (audio)", "text2audio", Map.of("prompt", "rain", "duration", Double.NaN), "duration", "finite"),
                bad("duration Infinity (audio)", "text2audio", Map.of("prompt", "rain", "duration", "Infinity"), "duration", "3.0 to 10.0"),
                bad("try-on without a person", "virtualTryOn", Map.of("clothImage", "https://x/c.png"), "image", "virtualTryOn"),
                bad("try-on with a video model", "virtualTryOn", Map.of("image", "https://x/h.png", "clothImage", "https://x/c.png",
                        "model", "kling-v2"), "model", "kolors-virtual-try-on-v1"),
                bad("try-on garment not an image", "virtualTryOn", Map.of("image", "https://x/h.png", "cloth_image", "red suit!"),
                        "clothImage", "http(s) URL or Base64"),
                bad("multiImage2image without subjects", "multiImage2image", Map.of("prompt", "a cafe"), "subjectImages", "1 to 4"),
                bad("multiImage2image with five subjects", "multiImage2image", Map.of("subject_image_list",
                        List.of("https://x/1.png", "https://x/2.png", "https://x/3.png", "https://x/4.png", "https://x/5.png")),
                        "subjectImages", "had 5"),
                bad("multiImage2image subjects as objects with the wrong key", "multiImage2image", Map.of("subject_image_list",
                        List.of(Map.of("url", "https://x/1.png"))), "subjectImages", "image URL"),
                bad("imageExpand without a ratio", "imageExpand", Map.of("image", "https://x/a.png", "upExpansionRatio", 0.1,
                        "downExpansionRatio", 0.1, "leftExpansionRatio", 0.1), "rightExpansionRatio", "required"),
                bad("imageExpand ratio above 2", "imageExpand", Map.of("image", "https://x/a.png", "upExpansionRatio", 2.5,
                        "downExpansionRatio", 0, "leftExpansionRatio", 0, "rightExpansionRatio", 0), "upExpansionRatio", "0 to 2"),
                bad("imageExpand beyond three times the area", "imageExpand", Map.of("image", "https://x/a.png", "up_expansion_ratio", 1,
                        "down_expansion_ratio", 1, "left_expansion_ratio", 0.5, "right_expansion_ratio", 0), "upExpansionRatio", "at most 3"),
                bad("imageExpand without an image", "imageExpand", Map.of("upExpansionRatio", 0.1, "downExpansionRatio", 0.1,
                        "leftExpansionRatio", 0.1, "rightExpansionRatio", 0.1), "image", "required"),
                bad("lipSync with a text and a sound", "lipSync", Map.of("videoUrl", "https://x/v.mp4", "prompt", "hi",
                        "voiceId", "v", "soundFile", "https://x/a.mp3"), "prompt", "exactly one"),
                bad("lipSync text over 120", "lipSync", Map.of("videoUrl", "https://x/v.mp4", "prompt", "x".repeat(121),
                        "voiceId", "v"), "prompt", "120"),
                bad("lipSync without a video", "lipSync", Map.of("input", Map.of("text", "hi", "voice_id", "v")), "videoId",
                        "exactly one"),
                bad("lipSync text without a voice", "lipSync", Map.of("input", Map.of("video_id", "123", "text", "hi")),
                        "voiceId", "required"),
                bad("imageFidelity above 1", "image", Map.of("prompt", "mug", "imageFidelity", 1.5), "imageFidelity", "between 0 and 1"),
                bad("human_fidelity negative", "image", Map.of("prompt", "mug", "human_fidelity", -0.1), "humanFidelity", "between 0 and 1"),
                bad("cfgScale NaN", "text2video", Map.of("prompt", "fox", "cfgScale", "NaN"), "cfgScale", "finite"),
                bad("cfgScale Infinity", "text2video", Map.of("prompt", "fox", "cfgScale", Double.POSITIVE_INFINITY), "cfgScale", "finite"),
                bad("cfgScale as a list", "text2video", Map.of("prompt", "fox", "cfgScale", List.of(0.5)), "cfgScale", "was a list"),
                bad("image list with a null", "multiImage2video", Map.of("prompt", "fox", "imageList",
                        Arrays.asList("https://x/a.png", null)), "imageList", "item 1 is null"),
                bad("video id as a list", "extend", Map.of("videoId", List.of("1", "2")), "videoId", "was a list"),
                bad("external id as an object", "text2video", Map.of("prompt", "fox", "externalTaskId", Map.of()), "externalTaskId", "was an object"),
                bad("external id with a slash", "text2video", Map.of("prompt", "fox", "externalTaskId", "order/7"), "externalTaskId", "128"),
                bad("external id with a space", "text2video", Map.of("prompt", "fox", "externalTaskId", "order 7"), "externalTaskId", "128"),
                bad("callback url as a list", "text2video", Map.of("prompt", "fox", "callbackUrl", List.of("https://x")), "callbackUrl", "was a list"),
                bad("callback url as a number", "text2video", Map.of("prompt", "fox", "callbackUrl", 8080), "callbackUrl", "http(s) URL"),
                bad("prompt of tabs and newlines", "text2video", Map.of("prompt", " \t\n\r "), "prompt", "no visible"),
                bad("prompt with a pop directional formatting", "text2video", Map.of("prompt", "fox\u202C"), "prompt", "bidirectional"),
                bad("prompt with a right-to-left isolate", "text2video", Map.of("prompt", "\u2067fox"), "prompt", "bidirectional"),
                bad("image2video prompt as a number", "image2video", Map.of("image", "https://x/a.png", "prompt", 5), "prompt", "must be text"),
                bad("image2video negative prompt as a list", "image2video", Map.of("image", "https://x/a.png", "negativePrompt",
                        List.of("blur")), "negativePrompt", "must be text"),
                bad("image as a number", "image2video", Map.of("image", 42), "image", "was a number"),
                bad("image tail as a list", "image2video", Map.of("image", "https://x/a.png", "imageTail", List.of("https://x/b.png")),
                        "imageTail", "must be an image URL"),
                bad("multi-image prompt invisible", "multiImage2video", Map.of("prompt", "\u200B", "imageList",
                        List.of("https://x/a.png")), "prompt", "no visible"),
                bad("image list with a number", "multiImage2video", Map.of("prompt", "fox", "imageList", List.of("https://x/a.png", 5)),
                        "imageList", "must be an image URL"),
                bad("image list with an object", "multiImage2video", Map.of("prompt", "fox", "imageList",
                        List.of("https://x/a.png", Map.of())), "imageList", "must be an image URL"),
                bad("duration as a list", "text2video", Map.of("prompt", "fox", "duration", List.of(5)), "duration", "was a list"),
                bad("duration as an object", "text2video", Map.of("prompt", "fox", "duration", Map.of("s", 5)), "duration", "was an object"),
                bad("mode as a list", "text2video", Map.of("prompt", "fox", "mode", List.of("pro")), "mode", "was a list"),
                bad("aspect ratio as an object", "text2video", Map.of("prompt", "fox", "aspectRatio", Map.of("w", 16)), "aspectRatio",
                        "was an object"),
                bad("video id as an object", "addSound", Map.of("videoId", Map.of("id", 1)), "videoId", "was an object"),
                bad("sound prompt as a number", "addSound", Map.of("videoId", "1", "soundEffectPrompt", 3), "soundEffectPrompt",
                        "must be text"),
                bad("audio prompt as a list", "text2audio", Map.of("prompt", List.of("rain"), "duration", 5), "prompt", "must be text"),
                bad("audio prompt invisible", "text2audio", Map.of("prompt", "\u200B\u200C", "duration", 5), "prompt", "no visible"),
                bad("audio prompt with a lone surrogate", "text2audio", Map.of("prompt", "rain \uDBFF", "duration", 5), "prompt",
                        "surrogate"),
                bad("audio duration as a list", "text2audio", Map.of("prompt", "rain", "duration", List.of(5)), "duration", "was a list"),
                bad("extend prompt as a number", "extend", Map.of("videoId", "1", "prompt", 9), "prompt", "must be text"),
                bad("extend negative prompt with an override", "extend", Map.of("videoId", "1", "negativePrompt", "\u202Dblur"),
                        "negativePrompt", "bidirectional"),
                bad("cfgScale minus Infinity", "text2video", Map.of("prompt", "fox", "cfgScale", Double.NEGATIVE_INFINITY), "cfgScale",
                        "finite"),
                bad("cfgScale as an object", "text2video", Map.of("prompt", "fox", "cfgScale", Map.of()), "cfgScale", "was an object"),
                bad("external id of 129 characters", "text2video", Map.of("prompt", "fox", "externalTaskId", "e".repeat(129)),
                        "externalTaskId", "128"),
                bad("external id with unicode", "text2video", Map.of("prompt", "fox", "externalTaskId", "bestellung-\u00fc"),
                        "externalTaskId", "128"),
                bad("external id as a list", "text2video", Map.of("prompt", "fox", "externalTaskId", List.of("order-7")),
                        "externalTaskId", "was a list"));
    }

    private static Arguments bad(String name, String kind, Map<String, Object> body, String field, String problem) {
        return Arguments.of(name, kind, new HashMap<>(body), field, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void refusedBeforeAnyRequest(String name, String kind, Map<String, Object> body, String field, String problem) {
        Exchange out = send("kling:" + kind, body);

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class)
                .hasMessageContaining(field).hasMessageContaining(problem);
        assertThat(emulator.journal().all()).isEmpty();
    }

    static Stream<Arguments> taskReferences() {
        return Stream.of(
                Arguments.of("dot segment", KlingConstants.TASK_ID, ".."),
                Arguments.of("single dot", KlingConstants.TASK_ID, "."),
                Arguments.of("slash", KlingConstants.TASK_ID, "a/b"),
                Arguments.of("encoded traversal", KlingConstants.TASK_ID, "%2e%2e"),
                Arguments.of("query injection", KlingConstants.TASK_ID, "1?pageSize=500"),
                Arguments.of("space", KlingConstants.TASK_ID, "12 34"),
                Arguments.of("100,000 characters", KlingConstants.TASK_ID, "9".repeat(100_000)),
                Arguments.of("129 characters", KlingConstants.TASK_ID, "9".repeat(129)),
                Arguments.of("newline", KlingConstants.TASK_ID, "1\r\nX-Injected: yes"),
                Arguments.of("external id with a slash", KlingConstants.EXTERNAL_TASK_ID, "order/7"),
                Arguments.of("external id with unicode", KlingConstants.EXTERNAL_TASK_ID, "bestellung-\u00fc"));
    }

    @ParameterizedTest(name = "status with {0}")
    @MethodSource("taskReferences")
    void taskIdsOutsideTheApisSetAreRefusedBeforeAQuery(String name, String header, String id) {
        Exchange status = send("kling:text2video?operation=status", null, header, id);
        Exchange download = send("kling:text2video?operation=download", null, header, id);

        assertThat(status.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("askId")
                .hasMessageContaining("128");
        assertThat(download.getException()).isInstanceOf(KlingValidationException.class);
        assertThat(status.getException().getMessage().length()).as("the message quotes the id, shortened").isLessThan(300);
        assertThat(emulator.journal().all()).isEmpty();
    }

    static Stream<Arguments> paging() {
        return Stream.of(Arguments.of(KlingConstants.PAGE_SIZE, "abc", "pageSize"), Arguments.of(KlingConstants.PAGE_NUM, "1.5", "pageNum"),
                Arguments.of(KlingConstants.PAGE_SIZE, List.of(10), "pageSize"));
    }

    @ParameterizedTest(name = "{2} = {1}")
    @MethodSource("paging")
    void pagingHeadersThatAreNotWholeNumbersNameTheField(String header, Object value, String field) {
        Exchange out = send("kling:text2video?operation=list", null, header, value);

        assertThat(out.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining(field)
                .hasMessageContaining("whole number");
        assertThat(emulator.journal().all()).isEmpty();
    }
}
