package io.camelvideo.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The emulated Legnext API against legnext-api.md §1–§8 and seed 002, on a hand-moved clock. */
class LegnextEmulatorTest {

    private static final String KEY = EmulatorSettings.DEFAULT_LEGNEXT_API_KEY;
    private static final long LONG_ENOUGH = 3_600_000;

    private final ManualClock clock = new ManualClock();
    private Emulator emulator;
    private TestHttp http;

    @BeforeEach
    void start() {
        emulator = Emulator.start(new EmulatorSettings().clock(clock).legnextInitialPoints(10_000));
        http = new TestHttp(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private TestHttp.Reply submit(String operation, String body) throws Exception {
        return http.post("/api/v1/" + operation, body, "x-api-key", KEY);
    }

    private JsonNode job(String id) throws Exception {
        return http.get("/api/v1/job/" + id, "x-api-key", KEY).json();
    }

    @Test
    void missingOrWrongKeyGetsTheDocumented401Body() throws Exception {
        TestHttp.Reply none = http.post("/api/v1/diffusion", "{\"text\":\"cat\"}");
        TestHttp.Reply wrong = http.get("/api/account/balance", "x-api-key", "nope");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.text()).isEqualTo("{\"code\":401,\"message\":\"Failed to verify api key\",\"raw_message\":\"\",\"detail\":null}");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void diffusionReturnsTheBareJobAndMovesThroughEveryStatus() throws Exception {
        JsonNode pending = submit("diffusion", "{\"text\":\"a lighthouse --v 7\"}").json();

        assertThat(pending.has("code")).isFalse();
        assertThat(pending.get("job_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(pending.get("model").asText()).isEqualTo("midjourney");
        assertThat(pending.get("task_type").asText()).isEqualTo("diffusion");
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.at("/output/image_url").asText()).isEmpty();
        assertThat(pending.at("/output/image_urls").isNull()).isTrue();
        assertThat(pending.at("/meta/started_at").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(pending.at("/meta/usage/frozen").asInt()).isEqualTo(80);
        assertThat(pending.at("/meta/usage/consume").asInt()).isZero();
        assertThat(pending.at("/config/webhook_config/secret").asText()).isEmpty();
        assertThat(pending.get("logs").isArray()).isTrue();
        assertThat(pending.at("/error/code").asInt()).isZero();
        String id = pending.get("job_id").asText();

        clock.advance(3_000);
        assertThat(job(id).get("status").asText()).isEqualTo("staged");
        clock.advance(2_000);
        assertThat(job(id).get("status").asText()).isEqualTo("processing");
        clock.advance(40_000);
        JsonNode done = job(id);

        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.at("/output/image_urls")).hasSize(4);
        assertThat(done.at("/output/image_url").asText()).endsWith("_grid.png");
        assertThat(done.at("/output/seed").asText()).matches("\\d+");
        assertThat(done.at("/output/available_actions/upscale")).hasSize(4);
        assertThat(done.at("/meta/usage/consume").asInt()).isEqualTo(80);
        assertThat(done.at("/meta/ended_at").asText()).endsWith("Z").doesNotStartWith("0001");
        byte[] png = http.get(done.at("/output/image_urls/0").asText()).bytes();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void theOperationsOfLegnextApiCurrentFollowTheirSections() throws Exception {
        String source = submit("diffusion", "{\"text\":\"a lighthouse --v 7 --draft\"}").json().get("job_id").asText();
        clock.advance(60_000);
        String box = "\"canvas\":{\"width\":1024,\"height\":1024},\"imgPos\":{\"width\":512,\"height\":512,\"x\":256,\"y\":256}";
        String mask = "\"mask\":{\"areas\":[{\"width\":500,\"height\":500,\"points\":[10,10,10,100,100,100,100,10]}]}";
        JsonNode retexture = submit("retexture", "{\"imgUrl\":\"https://example.com/a.jpg\",\"remixPrompt\":\"oil painting\"}").json();
        JsonNode background = submit("remove-background", "{\"imgUrl\":\"https://example.com/a.jpg\"}").json();
        JsonNode enhance = submit("enhance", "{\"jobId\":\"" + source + "\",\"imageNo\":0}").json();
        JsonNode upscale = submit("enhance-upscale", "{\"image_url\":\"https://example.com/photo.jpg\",\"target_resolution\":\"4K\"}").json();
        JsonNode edit = submit("edit", "{\"jobId\":\"" + source + "\",\"imageNo\":1," + box + ",\"remixPrompt\":\"mountains\"}").json();
        JsonNode paint = submit("upload-paint", "{\"imgUrl\":\"https://example.com/a.png\"," + box + "," + mask
                + ",\"remixPrompt\":\"a red balloon\"}").json();

        assertThat(retexture.get("task_type").asText()).isEqualTo("retexture");
        assertThat(retexture.at("/meta/usage/frozen").asInt()).isEqualTo(120);
        assertThat(background.get("task_type").asText()).isEqualTo("remove_background");
        assertThat(enhance.get("task_type").asText()).isEqualTo("enhance");
        assertThat(upscale.get("task_type").asText()).isEqualTo("enhance_upscale");
        assertThat(edit.get("task_type").asText()).isEqualTo("edit");
        assertThat(paint.get("task_type").asText()).isEqualTo("upload_paint");
        clock.advance(200_000);
        assertThat(job(background.get("job_id").asText()).at("/output/image_urls")).hasSize(1);
        assertThat(job(edit.get("job_id").asText()).at("/output/image_urls")).hasSize(4);

        assertThat(submit("enhance-upscale", "{\"image_url\":\"ftp://x/a.jpg\"}").json().get("message").asText())
                .contains("image_url must start with http");
        assertThat(submit("enhance-upscale", "{\"image_url\":\"https://x/a.jpg\",\"target_resolution\":\"16K\"}").status())
                .isEqualTo(400);
        assertThat(submit("upload-paint", "{\"imgUrl\":\"https://example.com/a.png\"," + box + ",\"remixPrompt\":\"x\"}").text())
                .as("upload-paint needs a mask").contains("mask");
        assertThat(submit("edit", "{\"jobId\":\"" + source + "\",\"imageNo\":1,\"remixPrompt\":\"x\"}").text()).contains("canvas");
    }

    @Test
    void accountInfoAndActiveTasksFollowSections9And10() throws Exception {
        submit("diffusion", "{\"text\":\"one\"}");
        JsonNode info = http.get("/api/account/info", "x-api-key", KEY).json();
        JsonNode active = http.get("/api/account/active_tasks", "x-api-key", KEY).json();

        assertThat(info.get("code").asInt()).isEqualTo(200);
        assertThat(info.at("/data/max_concurrent_task_count").asInt()).isEqualTo(6);
        assertThat(info.at("/data/wallet/point_remain").asLong()).isEqualTo(10_000 - 80);
        assertThat(info.at("/data/wallet/point_frozen").asLong()).isEqualTo(80);
        assertThat(info.at("/data/api_keys/0/value").asText()).as("the live shape carries keys").isEqualTo(KEY);
        assertThat(active.at("/data/total_active").asInt()).isEqualTo(1);
        assertThat(active.at("/data/tasks/0/task_type").asText()).isEqualTo("diffusion");
    }

    @Test
    void aTextOnlyVideoPromptIsAcceptedUnlessTheSettingRefusesIt() throws Exception {
        String textOnly = "{\"prompt\":\"a flowing river through mountains --motion high\",\"videoType\":1}";
        assertThat(submit("video-diffusion", textOnly).status()).isEqualTo(200);
        emulator.settings().legnextTextOnlyVideo(false);
        TestHttp.Reply refused = submit("video-diffusion", textOnly);
        emulator.settings().legnextTextOnlyVideo(true);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("image URL");
    }

    @Test
    void pointsAreFrozenPerJobAndRunningOutGives402() throws Exception {
        submit("diffusion", "{\"text\":\"one\"}");
        JsonNode balance = http.get("/api/account/balance", "x-api-key", KEY).json();
        assertThat(balance.get("code").asInt()).isEqualTo(200);
        assertThat(balance.at("/data/available_points").asLong()).isEqualTo(10_000 - 80);
        assertThat(balance.at("/data/balance_usd").asDouble()).isEqualTo(9.92);

        emulator.legnext().points(KEY, 50);
        TestHttp.Reply refused = submit("diffusion", "{\"text\":\"two\"}");

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.json().get("code").asInt()).isEqualTo(402);
        assertThat(refused.json().get("raw_message").asText()).contains("80").contains("50");
    }

    @Test
    void failedJobCarriesTheErrorAndGivesItsPointsBack() throws Exception {
        String id = submit("diffusion", "{\"text\":\"a [fail] cat\"}").json().get("job_id").asText();
        clock.advance(LONG_ENOUGH);
        JsonNode failed = job(id);

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.at("/error/code").asInt()).isNotZero();
        assertThat(failed.at("/error/message").asText()).isNotEmpty();
        assertThat(failed.at("/meta/usage/consume").asInt()).isZero();
        assertThat(http.get("/api/account/balance", "x-api-key", KEY).json().at("/data/available_points").asLong())
                .isEqualTo(10_000);
    }

    @Test
    void bannedPromptIs403AndUnknownJobIs404() throws Exception {
        TestHttp.Reply banned = submit("diffusion", "{\"text\":\"[blocked] thing\"}");
        TestHttp.Reply unknown = http.get("/api/v1/job/3c90c3cc-0d44-4b50-8888-8dd25736052a", "x-api-key", KEY);

        assertThat(banned.status()).isEqualTo(403);
        assertThat(banned.json().get("message").asText()).contains("Sensitive");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asInt()).isEqualTo(404);
    }

    @Test
    void concurrencyLimitGives429() throws Exception {
        emulator.settings().legnextConcurrency(1);
        submit("diffusion", "{\"text\":\"one\"}");

        TestHttp.Reply second = submit("diffusion", "{\"text\":\"two\"}");

        assertThat(second.status()).isEqualTo(429);
        assertThat(second.json().get("code").asInt()).isEqualTo(429);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "diffusion|{}|text",
            "diffusion|{\"text\":\"\"}|text",
            "diffusion|{\"text\":TOO_LONG}|text",
            "shorten|{\"text\":\"x\"}|prompt",
            "variation|{\"jobId\":\"not-a-uuid\",\"imageNo\":0,\"type\":0}|jobId",
            "variation|{\"jobId\":\"SOURCE\",\"imageNo\":4,\"type\":0}|imageNo",
            "variation|{\"jobId\":\"SOURCE\",\"imageNo\":0,\"type\":2}|type",
            "upscale|{\"jobId\":\"SOURCE\",\"imageNo\":\"1\",\"type\":0}|imageNo",
            "pan|{\"jobId\":\"SOURCE\",\"imageNo\":0,\"direction\":\"left\",\"scale\":1.5}|direction",
            "pan|{\"jobId\":\"SOURCE\",\"imageNo\":0,\"direction\":1}|scale",
            "pan|{\"jobId\":\"SOURCE\",\"imageNo\":0,\"direction\":1,\"scale\":3.5}|scale",
            "outpaint|{\"jobId\":\"SOURCE\",\"imageNo\":0,\"scale\":2.5}|scale",
            "inpaint|{\"jobId\":\"SOURCE\",\"imageNo\":0}|mask",
            "remix|{\"jobId\":\"SOURCE\",\"imageNo\":0}|remixPrompt",
            "blend|{\"imgUrls\":[\"https://a/1.png\"],\"aspect_ratio\":\"1:1\"}|imgUrls",
            "blend|{\"imgUrls\":[\"https://a/1.png\",\"https://a/2.png\"],\"aspect_ratio\":\"16:9\"}|aspect_ratio",
            "describe|{\"imgUrl\":\"ftp://a/1.png\"}|imgUrl",
            "video-diffusion|{\"videoType\":1}|prompt",
            "video-diffusion|{\"jobId\":\"SOURCE\",\"imageNo\":0,\"videoType\":2}|videoType",
            "extend-video|{\"jobId\":\"SOURCE\",\"videoNo\":0}|jobId",
            "video-upscale|{\"jobId\":\"SOURCE\"}|jobId"})
    void invalidSubmitsAre400WithTheFieldNamedAndCostNothing(String operation, String body, String field) throws Exception {
        String source = submit("diffusion", "{\"text\":\"source\"}").json().get("job_id").asText();
        clock.advance(LONG_ENOUGH);
        long before = points();

        TestHttp.Reply reply = submit(operation, body.replace("SOURCE", source).replace("TOO_LONG",
                "\"" + "x".repeat(8193) + "\""));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).isEqualTo("Invalid request parameters");
        assertThat(reply.json().get("raw_message").asText()).startsWith(field);
        assertThat(points()).isEqualTo(before);
    }

    @Test
    void imageToVideoToFourExtensionsMakesATwentyOneSecondVideo() throws Exception {
        String image = submit("diffusion", "{\"text\":\"a lighthouse\"}").json().get("job_id").asText();
        clock.advance(LONG_ENOUGH);
        JsonNode video = submit("video-diffusion", "{\"jobId\":\"" + image + "\",\"imageNo\":2,\"videoType\":1}").json();
        assertThat(video.get("task_type").asText()).isEqualTo("video_diffusion");
        assertThat(video.at("/output/video_urls").isNull()).isTrue();
        clock.advance(LONG_ENOUGH);
        String current = video.get("job_id").asText();
        for (int i = 0; i < 4; i++) {
            JsonNode extend = submit("extend-video", "{\"jobId\":\"" + current + "\",\"videoNo\":1,\"prompt\":\"on\"}").json();
            assertThat(extend.get("task_type").asText()).isEqualTo("extend_video");
            assertThat(extend.at("/meta/usage/frozen").asInt()).isEqualTo(480);
            current = extend.get("job_id").asText();
            clock.advance(LONG_ENOUGH);
        }
        JsonNode last = job(current);
        TestHttp.Reply fifth = submit("extend-video", "{\"jobId\":\"" + current + "\",\"videoNo\":0}");

        assertThat(last.get("status").asText()).isEqualTo("completed");
        assertThat(last.at("/output/video_urls")).hasSize(4);
        byte[] mp4 = http.get(last.at("/output/video_urls/1").asText()).bytes();
        assertThat(new String(mp4, 4, 4)).isEqualTo("ftyp");
        assertThat(Mp4.durationMillis(mp4)).isEqualTo(21_000);
        assertThat(fifth.status()).isEqualTo(400);
        assertThat(fifth.json().get("raw_message").asText()).contains("4 times");
    }

    @Test
    void videoUpscaleHasOneOutputAndDescribeHasPrompts() throws Exception {
        String image = submit("diffusion", "{\"text\":\"a lighthouse\"}").json().get("job_id").asText();
        clock.advance(LONG_ENOUGH);
        String video = submit("video-diffusion", "{\"jobId\":\"" + image + "\",\"imageNo\":0}").json().get("job_id").asText();
        clock.advance(LONG_ENOUGH);
        String upscale = submit("video-upscale", "{\"jobId\":\"" + video + "\",\"videoNo\":3}").json().get("job_id").asText();
        String describe = submit("describe", "{\"imgUrl\":\"https://example.com/a.png\"}").json().get("job_id").asText();
        String single = submit("upscale", "{\"jobId\":\"" + image + "\",\"imageNo\":1,\"type\":0}").json().get("job_id").asText();
        clock.advance(LONG_ENOUGH);

        assertThat(job(upscale).at("/output/video_urls")).hasSize(1);
        assertThat(job(upscale).get("task_type").asText()).isEqualTo("video_upscale");
        assertThat(job(describe).at("/output/prompts")).hasSize(4);
        assertThat(job(describe).at("/output/promptEn").asText()).contains("\n\n");
        assertThat(job(single).at("/output/image_url").asText()).endsWith(".png");
        assertThat(job(single).at("/output/image_urls").isNull()).isTrue();
    }

    @Test
    void callbackIsPostedOnceAtTheEndAsTimestampAndData() throws Exception {
        emulator.close();
        emulator = Emulator.start(new EmulatorSettings().speed(1000));
        http = new TestHttp(emulator.baseUrl());
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = FaultInjectionTest.receiver(received);
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/legnext";
            String id = submit("diffusion", "{\"text\":\"cat\",\"callback\":\"" + url + "\"}").json().get("job_id").asText();

            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !received.isEmpty());
            JsonNode notification = FaultInjectionTest.json(received.get(0));

            assertThat(notification.get("timestamp").isNumber()).isTrue();
            assertThat(notification.at("/data/job_id").asText()).isEqualTo(id);
            assertThat(notification.at("/data/status").asText()).isEqualTo("completed");
            assertThat(notification.at("/data/config/webhook_config/endpoint").asText()).isEqualTo(url);
            await().atMost(java.time.Duration.ofSeconds(10)).until(() -> emulator.callbacks().pending() == 0);
            assertThat(received).hasSize(1);
        } finally {
            receiver.stop(0);
        }
    }

    private long points() throws Exception {
        return http.get("/api/account/balance", "x-api-key", KEY).json().at("/data/available_points").asLong();
    }

    /** Reads the mvhd duration of an mp4. */
    static final class Mp4 {
        static long durationMillis(byte[] mp4) {
            ByteBuffer buffer = ByteBuffer.wrap(mp4);
            for (int i = 0; i + 8 < mp4.length; i++) {
                if (mp4[i] == 'm' && mp4[i + 1] == 'v' && mp4[i + 2] == 'h' && mp4[i + 3] == 'd') {
                    long timescale = buffer.getInt(i + 16) & 0xFFFFFFFFL;
                    long duration = buffer.getInt(i + 20) & 0xFFFFFFFFL;
                    return duration * 1000 / timescale;
                }
            }
            throw new AssertionError("no mvhd box");
        }
    }
}
