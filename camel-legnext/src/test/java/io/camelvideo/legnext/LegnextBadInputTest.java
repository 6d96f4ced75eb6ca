package io.camelvideo.legnext;

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
 * Input malformed by type (what an upstream system sends by mistake) is refused before any request,
 * naming the field; never coerced into a paid job. (Value limits: {@link LegnextValidationTest}.)
 */
class LegnextBadInputTest extends LegnextTestSupport {

    private static final String JOB = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

    static Stream<Arguments> bodies() {
        return Stream.of(
                bad("text as a number", "diffusion", Map.of("text", 123), "text", "must be text"),
                bad("text as a list", "diffusion", Map.of("text", List.of("a cat", "a dog")), "text", "must be text"),
                bad("text as an object", "diffusion", Map.of("text", Map.of("prompt", "a cat")), "text", "must be text"),
                bad("text of zero-width characters", "diffusion", Map.of("text", "\u200B\u200D"), "text", "no visible"),
                bad("text with a lone surrogate", "diffusion", Map.of("text", "a cat \uD83D"), "text", "surrogate"),
                bad("text with a right-to-left override", "diffusion", Map.of("text", "a \u202Etac"), "text", "bidirectional"),
                bad("video prompt as a boolean", "videoDiffusion", Map.of("jobId", JOB, "imageNo", 0, "prompt", false), "prompt", "must be text"),
                bad("remix prompt invisible", "variation", Map.of("jobId", JOB, "imageNo", 0, "remixPrompt", "\uFEFF"), "remixPrompt", "no visible"),
                bad("job id as a list", "variation", Map.of("jobId", List.of(JOB), "imageNo", 0), "jobId", "was a list"),
                bad("image number as a list", "upscale", Map.of("jobId", JOB, "imageNo", List.of(0)), "imageNo", "whole number"),
                bad("scale NaN", "pan", Map.of("jobId", JOB, "imageNo", 0, "direction", 1, "scale", "NaN"), "scale", "finite"),
                bad("blend urls with a null", "blend", Map.of("imgUrls", Arrays.asList("https://a/1.png", null)), "imgUrls", "item 1 is null"),
                bad("blend urls with an object", "blend", Map.of("imgUrls", List.of("https://a/1.png", Map.of())), "imgUrls", "was an object"),
                bad("blend urls with a list", "blend", Map.of("imgUrls", List.of("https://a/1.png", List.of("https://a/2.png"))),
                        "imgUrls", "was a list"),
                bad("text as a boolean", "diffusion", Map.of("text", false), "text", "must be text"),
                bad("text of control characters", "diffusion", Map.of("text", "\u0000\u0008"), "text", "no visible"),
                bad("text with a left-to-right embedding", "diffusion", Map.of("text", "\u202Aa cat"), "text", "bidirectional"),
                bad("text with a lone low surrogate", "diffusion", Map.of("text", "\uDC00 a cat"), "text", "surrogate"),
                bad("video prompt as a list", "videoDiffusion", Map.of("jobId", JOB, "imageNo", 0, "prompt", List.of("zoom")), "prompt",
                        "must be text"),
                bad("remix prompt as a number", "variation", Map.of("jobId", JOB, "imageNo", 0, "remixPrompt", 12), "remixPrompt",
                        "must be text"),
                bad("job id as an object", "upscale", Map.of("jobId", Map.of("id", JOB), "imageNo", 0), "jobId", "was an object"),
                bad("image number as words", "upscale", Map.of("jobId", JOB, "imageNo", "first"), "imageNo", "whole number"),
                bad("image number NaN", "upscale", Map.of("jobId", JOB, "imageNo", Double.NaN), "imageNo", "whole number"),
                bad("image number as an object", "variation", Map.of("jobId", JOB, "imageNo", Map.of()), "imageNo", "whole number"),
                bad("scale Infinity", "pan", Map.of("jobId", JOB, "imageNo", 0, "direction", 1, "scale", Double.POSITIVE_INFINITY),
                        "scale", "finite"),
                bad("describe url as a list", "describe", Map.of("imgUrl", List.of("https://a/1.png")), "imgUrl", "was a list"),
                bad("describe url as a number", "describe", Map.of("imgUrl", 1), "imgUrl", "http(s) URL"));
    }

    private static Arguments bad(String name, String operation, Map<String, Object> body, String field, String problem) {
        return Arguments.of(name, operation, new HashMap<>(body), field, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void refusedBeforeAnyRequest(String name, String operation, Map<String, Object> body, String field, String problem) {
        Exchange out = send("legnext:" + operation, body);

        assertThat(out.getException()).isInstanceOf(LegnextValidationException.class)
                .hasMessageContaining(field).hasMessageContaining(problem);
        assertThat(emulator.journal().all()).isEmpty();
    }

    @ParameterizedTest(name = "job {0}")
    @MethodSource("jobIds")
    void aJobQueryWithAnIdThatIsNotAJobIdIsRefused(String id) {
        Exchange out = send("legnext:job", null, LegnextConstants.JOB_ID, id);

        assertThat(out.getException()).isInstanceOf(LegnextValidationException.class).hasMessageContaining("jobId")
                .hasMessageContaining("UUID");
        assertThat(emulator.journal().all()).isEmpty();
    }

    static Stream<String> jobIds() {
        return Stream.of("42", "..", "../balance", JOB + "/x", "x".repeat(100_000), " " + JOB, JOB + "0",
                JOB.replace("-", ""), JOB.replace('a', 'g'));
    }
}
