package io.camelvideo.legnext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.emulator.journal.RecordedRequest;
import io.camelvideo.legnext.model.LegnextBalance;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.legnext.request.LegnextRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each operation sends what the contract says (camelCase fields, blend's aspect_ratio), as the emulator recorded it. */
class LegnextRequestsTest extends LegnextTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNode lastSubmit(String path) throws Exception {
        List<RecordedRequest> posts = emulator.journal().matching(r -> r.method().equals("POST") && r.path().equals("/api/v1/" + path));
        assertThat(posts).isNotEmpty();
        RecordedRequest post = posts.get(posts.size() - 1);
        assertThat(post.header("x-api-key")).isEqualTo("emulator-legnext-api-key");
        assertThat(post.responseStatus()).isEqualTo(200);
        return MAPPER.readTree(post.bodyText());
    }

    @Test
    void imageOperationsSendTheDocumentedFields() throws Exception {
        String job = completedImageJob();
        assertThat(lastSubmit("diffusion")).isEqualTo(MAPPER.readTree("{\"text\":\"a lighthouse at dusk\"}"));

        send("legnext:variation?imageNo=2&type=1", "at night", LegnextConstants.JOB_ID, job);
        assertThat(lastSubmit("variation")).isEqualTo(MAPPER.readTree(
                "{\"remixPrompt\":\"at night\",\"jobId\":\"" + job + "\",\"imageNo\":2,\"type\":1}"));
        send("legnext:upscale?imageNo=1", null, LegnextConstants.JOB_ID, job);
        assertThat(lastSubmit("upscale")).isEqualTo(MAPPER.readTree("{\"jobId\":\"" + job + "\",\"imageNo\":1,\"type\":0}"));
        send("legnext:reroll", null, LegnextConstants.JOB_ID, job);
        assertThat(lastSubmit("reroll")).isEqualTo(MAPPER.readTree("{\"jobId\":\"" + job + "\"}"));
        send("legnext:blend?imgUrls=https://a/1.png,https://a/2.png&aspectRatio=3:2", null);
        assertThat(lastSubmit("blend")).isEqualTo(MAPPER.readTree(
                "{\"imgUrls\":[\"https://a/1.png\",\"https://a/2.png\"],\"aspect_ratio\":\"3:2\"}"));
        send("legnext:describe", "https://example.com/a.png");
        assertThat(lastSubmit("describe")).isEqualTo(MAPPER.readTree("{\"imgUrl\":\"https://example.com/a.png\"}"));
        send("legnext:shorten", "a very long prompt about a lighthouse");
        assertThat(lastSubmit("shorten")).isEqualTo(MAPPER.readTree("{\"prompt\":\"a very long prompt about a lighthouse\"}"));
        send("legnext:pan?imageNo=0&direction=3&scale=1.5", null, LegnextConstants.JOB_ID, job);
        assertThat(lastSubmit("pan")).isEqualTo(MAPPER.readTree(
                "{\"jobId\":\"" + job + "\",\"imageNo\":0,\"direction\":3,\"scale\":1.5}"));
        send("legnext:outpaint?imageNo=3&scale=2.0", null, LegnextConstants.JOB_ID, job);
        assertThat(lastSubmit("outpaint")).isEqualTo(MAPPER.readTree("{\"jobId\":\"" + job + "\",\"imageNo\":3,\"scale\":2.0}"));
        send("legnext:inpaint", new LegnextRequest().jobId(job).imageNo(0).remixPrompt("a boat")
                .mask(Map.of("url", "https://example.com/mask.png")));
        assertThat(lastSubmit("inpaint")).isEqualTo(MAPPER.readTree("{\"remixPrompt\":\"a boat\",\"jobId\":\"" + job
                + "\",\"imageNo\":0,\"mask\":{\"url\":\"https://example.com/mask.png\"}}"));
        send("legnext:remix", Map.of("jobId", job, "imageNo", 1, "remixPrompt", "in winter", "mode", 1));
        assertThat(lastSubmit("remix")).isEqualTo(MAPPER.readTree(
                "{\"remixPrompt\":\"in winter\",\"jobId\":\"" + job + "\",\"imageNo\":1,\"mode\":1}"));
    }

    @Test
    void bodyFieldsTheComponentDoesNotKnowAreSentOnUnchanged() throws Exception {
        send("legnext:diffusion", java.util.Map.of("text", "a lighthouse", "callbackData", java.util.Map.of("order", 7)));
        assertThat(lastSubmit("diffusion")).isEqualTo(MAPPER.readTree(
                "{\"text\":\"a lighthouse\",\"callbackData\":{\"order\":7}}"));

        org.apache.camel.Exchange refused = send("legnext:diffusion", java.util.Map.of("text", "a cat", "Image-Weight", 2));
        assertThat(refused.getException()).isInstanceOf(LegnextValidationException.class).hasMessageContaining("Image-Weight");
    }

    @Test
    void theNewerOperationsSendTheDocumentedFieldsAndCheckTheirInputs() throws Exception {
        String job = completedImageJob();
        String box = "{\"width\":1024,\"height\":1024}";
        String pos = "{\"width\":512,\"height\":512,\"x\":256,\"y\":256}";

        send("legnext:retexture?imgUrl=https://example.com/a.jpg", "oil painting");
        assertThat(lastSubmit("retexture")).isEqualTo(MAPPER.readTree(
                "{\"imgUrl\":\"https://example.com/a.jpg\",\"remixPrompt\":\"oil painting\"}"));
        Exchange cutOut = send("legnext:removeBackground?waitForCompletion=true&download=true", "https://example.com/a.jpg");
        assertThat(lastSubmit("remove-background")).isEqualTo(MAPPER.readTree("{\"imgUrl\":\"https://example.com/a.jpg\"}"));
        assertThat(cutOut.getMessage().getHeader(Exchange.FILE_NAME, String.class)).endsWith("_0.png");
        send("legnext:enhance?imageNo=0", null, LegnextConstants.JOB_ID, job);
        assertThat(lastSubmit("enhance")).isEqualTo(MAPPER.readTree("{\"jobId\":\"" + job + "\",\"imageNo\":0}"));
        send("legnext:enhanceUpscale?imgUrl=https://example.com/photo.jpg", Map.of("target_resolution", "4K", "content_type", "photo"));
        assertThat(lastSubmit("enhance-upscale")).isEqualTo(MAPPER.readTree(
                "{\"image_url\":\"https://example.com/photo.jpg\",\"target_resolution\":\"4K\",\"content_type\":\"photo\"}"));
        send("legnext:edit?imageNo=1&canvas=" + box + "&imgPos=" + pos, "mountains around it", LegnextConstants.JOB_ID, job);
        assertThat(lastSubmit("edit")).isEqualTo(MAPPER.readTree("{\"jobId\":\"" + job + "\",\"imageNo\":1,\"canvas\":" + box
                + ",\"imgPos\":" + pos + ",\"remixPrompt\":\"mountains around it\"}"));
        Exchange paint = send("legnext:uploadPaint", Map.of("imgUrl", "https://example.com/a.png", "canvas", Map.of("width", 1024,
                "height", 1024), "imgPos", Map.of("width", 512, "height", 512, "x", 256, "y", 256), "mask", Map.of("url",
                "https://example.com/mask.png"), "remixPrompt", "a red balloon"));
        assertThat(paint.getException()).isNull();

        long before = emulator.journal().all().size();
        Exchange twoSources = send("legnext:enhanceUpscale?imgUrl=https://example.com/photo.jpg", null, LegnextConstants.JOB_ID, job);
        Exchange noMask = send("legnext:uploadPaint?imgUrl=https://example.com/a.png&canvas=" + box + "&imgPos=" + pos, "x");
        Exchange badCanvas = send("legnext:edit?imageNo=1&canvas={\"width\":\"big\"}&imgPos=" + pos, "x", LegnextConstants.JOB_ID, job);
        assertThat(twoSources.getException()).isInstanceOf(LegnextValidationException.class).hasMessageContaining("exactly one");
        assertThat(noMask.getException()).isInstanceOf(LegnextValidationException.class).hasMessageContaining("mask");
        assertThat(badCanvas.getException()).isInstanceOf(LegnextValidationException.class).hasMessageContaining("canvas");
        assertThat(emulator.journal().all()).hasSize((int) before);
    }

    @Test
    void accountInfoLeavesTheKeysOutAndDescribeTakesAnImageInEachForm() throws Exception {
        send("legnext:diffusion", "a cat");
        Exchange info = send("legnext:accountInfo", null);
        Exchange active = send("legnext:activeTasks", null);

        assertThat(info.getException()).isNull();
        assertThat(info.getMessage().getBody(Map.class)).containsKey("wallet").doesNotContainKey("api_keys");
        assertThat(info.getMessage().getBody(String.class)).doesNotContain("emulator-legnext-api-key");
        assertThat(info.getMessage().getHeader(LegnextConstants.AVAILABLE_POINTS, Long.class)).isPositive()
                .isEqualTo(send("legnext:balance", null).getMessage().getHeader(LegnextConstants.AVAILABLE_POINTS, Long.class));
        assertThat(active.getMessage().getBody(Map.class)).containsKeys("total_active", "concurrent_limit", "tasks");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        send("legnext:describe", png);
        assertThat(lastSubmit("describe").get("imageBase64").asText()).isEqualTo("data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(png));
        send("legnext:describe", Map.of("imageLink", "https://example.com/cat.png"));
        assertThat(lastSubmit("describe")).isEqualTo(MAPPER.readTree("{\"imageLink\":\"https://example.com/cat.png\"}"));
        Exchange both = send("legnext:describe?imgUrl=https://example.com/a.png", Map.of("imageLink", "https://example.com/b.png"));
        assertThat(both.getException()).isInstanceOf(LegnextValidationException.class).hasMessageContaining("exactly one");
    }

    @Test
    void videoOperationsSendTheDocumentedFields() throws Exception {
        String image = completedImageJob();

        Exchange video = send("legnext:videoDiffusion?imageNo=2&videoType=1&waitForCompletion=true", null,
                LegnextConstants.JOB_ID, image);
        String videoJob = video.getMessage().getHeader(LegnextConstants.JOB_ID, String.class);
        assertThat(lastSubmit("video-diffusion")).isEqualTo(MAPPER.readTree(
                "{\"jobId\":\"" + image + "\",\"imageNo\":2,\"videoType\":1}"));
        send("legnext:videoDiffusion", "https://example.com/cat.png the cat dances");
        assertThat(lastSubmit("video-diffusion")).isEqualTo(MAPPER.readTree("{\"prompt\":\"https://example.com/cat.png the cat dances\"}"));
        send("legnext:extendVideo?videoNo=1", "keep dancing", LegnextConstants.JOB_ID, videoJob);
        assertThat(lastSubmit("extend-video")).isEqualTo(MAPPER.readTree(
                "{\"prompt\":\"keep dancing\",\"jobId\":\"" + videoJob + "\",\"videoNo\":1}"));
        send("legnext:videoUpscale?videoNo=0&callback=http://127.0.0.1:9/hook", null, LegnextConstants.JOB_ID, videoJob);
        assertThat(lastSubmit("video-upscale")).isEqualTo(MAPPER.readTree(
                "{\"jobId\":\"" + videoJob + "\",\"videoNo\":0,\"callback\":\"http://127.0.0.1:9/hook\"}"));
    }

    @Test
    void jobQueryAndBalance() {
        Exchange submitted = send("legnext:diffusion", "a cat");
        String id = submitted.getMessage().getHeader(LegnextConstants.JOB_ID, String.class);

        Exchange queried = send("legnext:job", null, LegnextConstants.JOB_ID, id);
        Exchange balance = send("legnext:balance", null);

        assertThat(submitted.getMessage().getHeader(LegnextConstants.JOB_STATUS)).isEqualTo("pending");
        assertThat(submitted.getMessage().getHeader(LegnextConstants.POINTS_FROZEN)).isEqualTo(80L);
        assertThat(queried.getMessage().getBody(LegnextJob.class).jobId()).isEqualTo(id);
        assertThat(balance.getMessage().getBody(LegnextBalance.class).availablePoints()).isEqualTo(100_000 - 80);
        assertThat(balance.getMessage().getHeader(LegnextConstants.AVAILABLE_POINTS)).isEqualTo(100_000L - 80);
    }

    @Test
    void waitingSetsTheResultHeaders() {
        Exchange out = send("legnext:diffusion?waitForCompletion=true", "a cat");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(LegnextConstants.JOB_STATUS)).isEqualTo("completed");
        assertThat(out.getMessage().getHeader(LegnextConstants.TASK_TYPE)).isEqualTo("diffusion");
        assertThat(out.getMessage().getHeader(LegnextConstants.IMAGE_URLS, List.class)).hasSize(4);
        assertThat(out.getMessage().getHeader(LegnextConstants.IMAGE_URL, String.class)).endsWith("_grid.png");
        assertThat(out.getMessage().getHeader(LegnextConstants.SEED, String.class)).matches("\\d+");
        assertThat(out.getMessage().getHeader(LegnextConstants.POINTS_CONSUMED)).isEqualTo(80L);
    }
}
