package io.camelvideo.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.emulator.kling.JwtVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.camelvideo.emulator.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** The emulated Kling API against kling-api.md §1–§5 and §8, on a hand-moved clock. */
class KlingEmulatorTest {

    private static final String T2V = "/v1/videos/text2video";

    private final ManualClock clock = new ManualClock();
    private Emulator emulator;
    private TestHttp http;

    @BeforeEach
    void start() {
        emulator = Emulator.start(new EmulatorSettings().clock(clock).klingQueuedMillis(5_000).klingProcessingMillis(60_000));
        http = new TestHttp(emulator.baseUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private String jwt() {
        return JwtVerifier.token(EmulatorSettings.DEFAULT_ACCESS_KEY, EmulatorSettings.DEFAULT_SECRET_KEY,
                clock.getAsLong() / 1000, 1800);
    }

    private TestHttp.Reply create(String path, String body) throws Exception {
        return http.post(path, body, "Authorization", bearer(jwt()));
    }

    private TestHttp.Reply query(String path) throws Exception {
        return http.get(path, "Authorization", bearer(jwt()));
    }

    @Test
    void createAnswersTheRawEnvelopeWithAnEighteenDigitStringId() throws Exception {
        TestHttp.Reply reply = create(T2V, "{\"prompt\":\"a cat surfing\",\"external_task_id\":\"order-1\"}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("code").isInt()).isTrue();
        assertThat(body.get("code").asInt()).isZero();
        assertThat(body.get("message").asText()).isEqualTo("SUCCEED");
        assertThat(body.get("request_id").asText()).matches("[0-9a-f-]{36}");
        JsonNode data = body.get("data");
        assertThat(data.get("task_id").isTextual()).isTrue();
        assertThat(data.get("task_id").asText()).matches("\\d{18}");
        assertThat(data.get("task_status").asText()).isEqualTo("submitted");
        assertThat(data.at("/task_info/external_task_id").asText()).isEqualTo("order-1");
        assertThat(data.get("created_at").asLong()).isEqualTo(clock.getAsLong());
    }

    @Test
    void theV3FieldsFollowKlingApiCurrentSection2() throws Exception {
        // 4K, sound and multi-shot are kling-v3 features (sound on also kling-v2-6 pro)
        assertThat(create(T2V, "{\"prompt\":\"a cat\",\"model_name\":\"kling-v3\",\"mode\":\"4k\",\"sound\":\"on\"}")
                .status()).isEqualTo(200);
        assertThat(create(T2V, "{\"prompt\":\"a cat\",\"model_name\":\"kling-v2-6\",\"mode\":\"pro\",\"sound\":\"on\"}")
                .status()).isEqualTo(200);
        assertThat(create(T2V, "{\"prompt\":\"a cat\",\"model_name\":\"kling-v2-6\",\"mode\":\"std\",\"sound\":\"on\"}")
                .json().at("/message").asText()).contains("sound");
        assertThat(create(T2V, "{\"prompt\":\"a cat\",\"model_name\":\"kling-v1-6\",\"mode\":\"4k\"}").json()
                .at("/message").asText()).contains("4k");
        String shots = "\"multi_prompt\":[{\"index\":1,\"prompt\":\"a cat wakes\",\"duration\":\"2\"},"
                + "{\"index\":2,\"prompt\":\"it jumps\",\"duration\":\"3\"}]";
        assertThat(create(T2V, "{\"model_name\":\"kling-v3\",\"multi_shot\":true,\"shot_type\":\"customize\",\"duration\":\"5\","
                + shots + "}").status()).as("no prompt needed with listed shots").isEqualTo(200);
        assertThat(create(T2V, "{\"model_name\":\"kling-v3\",\"multi_shot\":true,\"shot_type\":\"customize\",\"duration\":\"10\","
                + shots + "}").json().at("/message").asText()).contains("add up");
        assertThat(create(T2V, "{\"prompt\":\"a cat\",\"model_name\":\"kling-v3\",\"multi_shot\":true}").json()
                .at("/message").asText()).contains("shot_type");
        assertThat(create(T2V, "{\"prompt\":\"a cat\",\"model_name\":\"kling-v1\",\"multi_shot\":true,"
                + "\"shot_type\":\"intelligence\"}").json().at("/message").asText()).contains("kling-v3");
    }

    @Test
    void omniVideoFollowsKlingApiCurrentSection3() throws Exception {
        String omni = "/v1/videos/omni-video";
        String example = "{\"model_name\":\"kling-v3-omni\",\"prompt\":\"<<<element_1>>> walks through <<<image_1>>>\","
                + "\"image_list\":[{\"image_url\":\"https://example.com/street.png\"}],"
                + "\"element_list\":[{\"element_id\":829836802793406551}],\"sound\":\"on\",\"mode\":\"pro\","
                + "\"aspect_ratio\":\"16:9\",\"duration\":\"8\",\"external_task_id\":\"omni-1\"}";
        assertThat(create(omni, example).status()).isEqualTo(200);
        clock.advance(70_000);
        JsonNode done = query(omni + "/omni-1").json().get("data");
        assertThat(done.get("task_status").asText()).isEqualTo("succeed");
        assertThat(done.at("/task_result/videos/0/url").asText()).endsWith(".mp4");
        assertThat(done.at("/task_result/videos/0/duration").asText()).isEqualTo("8.1");
        assertThat(query(omni + "?pageNum=1&pageSize=10").json().get("data")).hasSize(1);

        assertThat(create(omni, "{\"prompt\":\"a cat\"}").json().at("/message").asText())
                .as("text only: aspect_ratio is required").contains("aspect_ratio");
        assertThat(create(omni, "{\"prompt\":\"a cat\",\"image_list\":[{\"image_url\":\"https://x/a.png\",\"type\":\"first_frame\"}]}")
                .status()).as("a first frame sets the aspect ratio").isEqualTo(200);
        assertThat(create(omni, "{\"prompt\":\"a cat\",\"image_list\":[{\"image_url\":\"https://x/a.png\",\"type\":\"end_frame\"}]}")
                .json().at("/message").asText()).contains("first_frame");
        assertThat(create(omni, "{\"prompt\":\"edit <<<video_1>>>\",\"sound\":\"on\",\"video_list\":[{\"video_url\":\"https://x/v.mp4\"}]}")
                .json().at("/message").asText()).contains("sound");
        assertThat(create(omni, "{\"prompt\":\"a cat\",\"aspect_ratio\":\"1:1\",\"mode\":\"4k\"}").json().at("/message").asText())
                .contains("kling-v3-omni");
        StringBuilder eight = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            eight.append(i == 0 ? "" : ",").append("{\"image_url\":\"https://x/").append(i).append(".png\"}");
        }
        assertThat(create(omni, "{\"prompt\":\"a cat\",\"aspect_ratio\":\"1:1\",\"image_list\":[" + eight + "]}").json()
                .at("/message").asText()).contains("at most 7");
        assertThat(create(omni, "{\"prompt\":\"a cat\",\"aspect_ratio\":\"1:1\",\"duration\":\"15\"}").json().at("/message")
                .asText()).as("kling-video-o1: up to 10 s").contains("10");
    }

    @Test
    void motionControlAndAvatarFollowKlingApiCurrentSections4And5() throws Exception {
        String motion = "/v1/videos/motion-control";
        String example = "{\"model_name\":\"kling-v2-6\",\"image_url\":\"https://example.com/girl.png\","
                + "\"video_url\":\"https://example.com/dance.mp4\",\"prompt\":\"a gray T-shirt\",\"keep_original_sound\":\"yes\","
                + "\"character_orientation\":\"image\",\"mode\":\"pro\",\"external_task_id\":\"mc-0001\"}";
        assertThat(create(motion, example).status()).isEqualTo(200);
        clock.advance(70_000);
        assertThat(query(motion + "/mc-0001").json().at("/data/task_result/videos/0/duration").asText()).isEqualTo("9.6");
        assertThat(create(motion, example.replace(",\"mode\":\"pro\"", "").replace("mc-0001", "mc-2")).json().at("/message")
                .asText()).contains("mode");
        assertThat(create(motion, example.replace("\"external_task_id\":\"mc-0001\"",
                "\"element_list\":[{\"element_id\":1},{\"element_id\":2}]")).json().at("/message").asText())
                .contains("only 1");
        assertThat(create(motion, example.replace("\"external_task_id\":\"mc-0001\"", "\"element_list\":[{\"element_id\":1}]"))
                .json().at("/message").asText()).as("an element follows the video's orientation").contains("video");

        String avatar = "/v1/videos/avatar/image2video";
        assertThat(create(avatar, "{\"image\":\"https://example.com/boy.png\",\"sound_file\":\"https://example.com/hi.mp3\","
                + "\"prompt\":\"shaking head\",\"mode\":\"std\",\"external_task_id\":\"av-1\"}").status()).isEqualTo(200);
        assertThat(create(avatar, "{\"image\":\"https://example.com/boy.png\"}").json().at("/message").asText())
                .contains("audio_id");
        assertThat(create(avatar, "{\"image\":\"https://example.com/boy.png\",\"audio_id\":\"1\",\"sound_file\":\"https://x/a.mp3\"}")
                .json().at("/message").asText()).contains("exactly one");
        clock.advance(70_000);
        assertThat(query(avatar + "/av-1").json().at("/data/task_result/videos/0/duration").asText()).isEqualTo("6.2");
    }

    @Test
    void videoEffectsFollowKlingApiCurrentSection7() throws Exception {
        String effects = "/v1/videos/effects";
        assertThat(create(effects, "{\"effect_scene\":\"hug_pro\",\"input\":{\"images\":[\"https://example.com/l.jpg\","
                + "\"https://example.com/r.jpg\"],\"duration\":\"5\"},\"external_task_id\":\"fx-77\"}").status()).isEqualTo(200);
        assertThat(create(effects, "{\"effect_scene\":\"bullet_time\",\"input\":{\"image\":\"https://example.com/a.jpg\"}}")
                .status()).as("any scene name; no duration").isEqualTo(200);
        assertThat(create(effects, "{\"effect_scene\":\"hug_pro\",\"input\":{\"images\":[\"https://example.com/l.jpg\"]}}")
                .json().at("/message").asText()).contains("exactly 2");
        assertThat(create(effects, "{\"effect_scene\":\"\",\"input\":{\"image\":\"https://example.com/a.jpg\"}}").json()
                .at("/message").asText()).contains("effect_scene");
        assertThat(create(effects, "{\"effect_scene\":\"hug_pro\",\"input\":{\"images\":[\"https://x/l.jpg\",\"https://x/r.jpg\"],"
                + "\"duration\":\"10\"}}").json().at("/message").asText()).as("dual scenes: 5 s only").contains("duration");
        clock.advance(70_000);
        assertThat(query(effects + "/fx-77").json().at("/data/task_result/videos/0/url").asText()).endsWith(".mp4");
    }

    @Test
    void ttsAndIdentifyFaceAnswerAtOnceAndLipSyncUsesTheSession() throws Exception {
        TestHttp.Reply tts = create("/v1/audio/tts", "{\"text\":\"Throughout my time in college\",\"voice_id\":\"oversea_male1\","
                + "\"voice_language\":\"en\",\"voice_speed\":1}");
        assertThat(tts.status()).isEqualTo(200);
        assertThat(tts.json().at("/data/task_status").asText()).isEqualTo("succeed");
        assertThat(tts.json().at("/data/task_result/audios/0/url").asText()).endsWith(".mp3");
        assertThat(query("/v1/audio/tts/" + tts.json().at("/data/task_id").asText()).json().at("/code").asInt())
                .as("no GET for TTS").isNotZero();
        assertThat(create("/v1/audio/tts", "{\"text\":\"hi\",\"voice_id\":\"x\",\"voice_speed\":3}").json().at("/message").asText())
                .contains("voice_speed");

        TestHttp.Reply face = create("/v1/videos/identify-face", "{\"video_url\":\"https://example.com/talk.mp4\"}");
        String session = face.json().at("/data/session_id").asText();
        assertThat(face.json().at("/data/face_data/0/face_id").asText()).isEqualTo("0");
        String lipSync = "/v1/videos/advanced-lip-sync";
        String choose = "{\"session_id\":\"" + session + "\",\"face_choose\":[{\"face_id\":\"0\",\"sound_file\":\"https://x/a.mp3\","
                + "\"sound_insert_time\":1000,\"sound_start_time\":0,\"sound_end_time\":3000,\"sound_volume\":2}]}";
        String taskId = create(lipSync, choose).json().at("/data/task_id").asText();
        assertThat(create(lipSync, choose.replace(session, "123")).json().at("/message").asText()).contains("session_id");
        assertThat(create(lipSync, choose.replace("\"sound_end_time\":3000", "\"sound_end_time\":1000")).json().at("/message")
                .asText()).contains("2 s");
        clock.advance(70_000);
        JsonNode done = query(lipSync + "/" + taskId).json().get("data");
        assertThat(done.at("/task_info/parent_video/url").asText()).isEqualTo("https://example.com/talk.mp4");
        assertThat(done.at("/task_result/videos/0/duration").asText()).isEqualTo("5.2");
    }

    @Test
    void accountCostsAnswerTheDoubleEnvelopeAndCountWhatTasksCost() throws Exception {
        create(T2V, "{\"prompt\":\"a cat\",\"mode\":\"pro\"}");
        clock.advance(70_000);
        JsonNode costs = query("/account/costs?start_time=1726124664368&end_time=" + clock.getAsLong()).json();

        assertThat(costs.get("code").asInt()).isZero();
        assertThat(costs.at("/data/code").asInt()).isZero();
        assertThat(costs.at("/data/msg").asText()).isEqualTo("success");
        JsonNode pack = costs.at("/data/resource_pack_subscribe_infos/0");
        assertThat(pack.get("status").asText()).isEqualTo("online");
        assertThat(pack.get("remaining_quantity").asDouble()).isEqualTo(10_000 - 3.5);
        assertThat(query("/account/costs").json().get("message").asText()).contains("start_time");
        assertThat(query("/account/costs?start_time=1&end_time=2&resource_pack_name=other").json()
                .at("/data/resource_pack_subscribe_infos")).isEmpty();
    }

    @Test
    void imageGenerationFollowsKlingApiCurrentSection12() throws Exception {
        String images = "/v1/images/generations";
        assertThat(create(images, "{\"model_name\":\"kling-v2-1\",\"prompt\":\"a ceramic mug\",\"resolution\":\"2k\",\"n\":2,"
                + "\"aspect_ratio\":\"1:1\",\"external_task_id\":\"img-42\"}").status()).isEqualTo(200);
        clock.advance(70_000);
        JsonNode done = query(images + "/img-42").json().get("data");
        assertThat(done.at("/task_result/images")).hasSize(2);
        assertThat(done.at("/task_result/images/1/index").asInt()).isEqualTo(1);
        assertThat(done.at("/task_result/images/0/url").asText()).endsWith(".png");
        assertThat(done.at("/task_result/videos").isMissingNode()).isTrue();
        assertThat(done.get("final_unit_deduction").asText()).isEqualTo("2");
        assertThat(http.get(done.at("/task_result/images/0/url").asText()).bytes()).startsWith(0x89, 'P', 'N', 'G');

        assertThat(create(images, "{\"prompt\":\"a mug\",\"n\":10}").json().at("/message").asText()).contains("n");
        assertThat(create(images, "{\"prompt\":\"a mug\",\"image_reference\":\"face\"}").json().at("/message").asText())
                .contains("image");
        assertThat(create(images, "{\"prompt\":\"a mug\",\"image\":\"https://x/a.png\",\"negative_prompt\":\"blur\"}").json()
                .at("/message").asText()).contains("image-to-image");
    }

    @Test
    void elementsFollowKlingApiCurrentSection11() throws Exception {
        String elements = "/v1/general/advanced-custom-elements";
        assertThat(create(elements, "{\"element_name\":\"Mia\",\"element_description\":\"Young woman, red coat\","
                + "\"reference_type\":\"image_refer\",\"element_image_list\":{\"frontal_image\":\"https://example.com/front.png\","
                + "\"refer_images\":[{\"image_url\":\"https://example.com/side.png\"}]},\"external_task_id\":\"el-mia-1\"}").status())
                .isEqualTo(200);
        clock.advance(70_000);
        JsonNode element = query(elements + "/el-mia-1").json().at("/data/task_result/elements/0");
        assertThat(element.get("element_id").isIntegralNumber()).isTrue();
        assertThat(element.get("element_name").asText()).isEqualTo("Mia");
        assertThat(element.get("status").asText()).isEqualTo("succeed");
        assertThat(create(elements, "{\"element_name\":\"Mia\",\"element_description\":\"x\",\"reference_type\":\"image_refer\"}")
                .json().at("/message").asText()).contains("frontal_image");
        assertThat(create(elements, "{\"element_name\":\"a name longer than twenty\",\"element_description\":\"x\","
                + "\"reference_type\":\"video_refer\"}").json().at("/message").asText()).contains("element_name");
    }

    @Test
    void customVoicesFollowKlingApiCurrentSection10() throws Exception {
        String voices = "/v1/general/custom-voices";
        assertThat(create(voices, "{\"voice_url\":\"https://example.com/out.mp3\",\"voice_name\":\"Custom Voice\","
                + "\"external_task_id\":\"v-1\"}").status()).isEqualTo(200);
        clock.advance(70_000);
        JsonNode voice = query(voices + "/v-1").json().at("/data/task_result/voices/0");
        assertThat(voice.get("voice_id").asText()).matches("\\d{18}");
        assertThat(voice.get("voice_name").asText()).isEqualTo("Custom Voice");
        assertThat(voice.get("trial_url").asText()).endsWith(".mp3");
        assertThat(create(voices, "{\"voice_name\":\"x\"}").json().at("/message").asText()).contains("exactly one");
        assertThat(create(voices, "{\"voice_name\":\"x\",\"video_id\":\"123\"}").json().at("/message").asText()).contains("video");

        String id = voice.get("voice_id").asText();
        JsonNode deleted = create("/v1/general/delete-voices", "{\"voice_id\":\"" + id + "\"}").json();
        assertThat(deleted.get("code").asInt()).isZero();
        assertThat(deleted.at("/data/task_status").asText()).isEqualTo("succeed");
        assertThat(deleted.at("/data/task_id").asText()).matches("\\d{18}");
        assertThat(create("/v1/general/delete-voices", "{\"voice_id\":\"" + id + "\"}").json().at("/message").asText())
                .as("deleted once").contains("not a voice of this account");
        assertThat(create("/v1/general/delete-voices", "{}").json().at("/message").asText()).contains("voice_id");
    }

    @Test
    void presetVoicesAndElementsAreKlingsOwnAndPaged() throws Exception {
        JsonNode voices = query("/v1/general/presets-voices?pageNum=1&pageSize=2").json().get("data");
        assertThat(voices).hasSize(2);
        assertThat(voices.get(0).at("/task_result/voices/0/owned_by").asText()).isEqualTo("kling");
        assertThat(voices.get(0).has("task_info")).isFalse();
        JsonNode elements = query("/v1/general/advanced-presets-elements?pageNum=1&pageSize=1000").json().get("data");
        assertThat(elements).hasSize(3);
        assertThat(elements.get(2).at("/task_result/elements/0/element_id").isIntegralNumber()).isTrue();
        assertThat(query("/v1/general/presets-voices?pageSize=1001").json().at("/message").asText()).contains("pageSize");
        assertThat(create("/v1/general/delete-elements", "{\"element_id\":1}").json().at("/message").asText())
                .contains("not an element of this account");
    }

    @Test
    void omniImageFollowsKlingApiCurrentSection13() throws Exception {
        String omni = "/v1/images/omni-image";
        assertThat(create(omni, "{\"model_name\":\"kling-image-o1\",\"prompt\":\"Merge the people into <<<image_1>>>\","
                + "\"element_list\":[{\"element_id\":829836802793406551}],\"image_list\":[{\"image\":\"https://example.com/1.png\"}],"
                + "\"resolution\":\"2k\",\"n\":1,\"aspect_ratio\":\"3:2\",\"external_task_id\":\"oi-1\"}").status()).isEqualTo(200);
        assertThat(create(omni, "{\"model_name\":\"kling-v3-omni\",\"prompt\":\"a comic\",\"result_type\":\"series\","
                + "\"series_amount\":4,\"external_task_id\":\"oi-2\"}").status()).isEqualTo(200);
        clock.advance(70_000);
        assertThat(query(omni + "/oi-1").json().at("/data/task_result/images")).hasSize(1);
        assertThat(query(omni + "/oi-2").json().at("/data/task_result/images")).hasSize(4);
        assertThat(create(omni, "{\"prompt\":\"a comic\",\"result_type\":\"series\"}").json().at("/message").asText())
                .contains("kling-v3-omni");
        assertThat(create(omni, "{\"prompt\":\"x\",\"image_list\":[{\"image_url\":\"https://x/a.png\"}]}").json()
                .at("/message").asText()).as("the key is image").contains("image_list[0].image");
    }

    @Test
    void virtualTryOnFollowsKlingApiCurrentSection16() throws Exception {
        String tryOn = "/v1/images/kolors-virtual-try-on";
        assertThat(create(tryOn, "{\"model_name\":\"kolors-virtual-try-on-v1-5\",\"human_image\":\"https://example.com/h.webp\","
                + "\"cloth_image\":\"https://example.com/suit.webp\",\"external_task_id\":\"try-1\"}").status()).isEqualTo(200);
        clock.advance(70_000);
        JsonNode done = query(tryOn + "/try-1").json().get("data");
        assertThat(done.get("task_status").asText()).isEqualTo("succeed");
        assertThat(done.at("/task_result/images")).singleElement().satisfies(image -> {
            assertThat(image.get("index").asInt()).isZero();
            assertThat(image.get("url").asText()).endsWith(".png");
        });
        assertThat(query(tryOn + "?pageNum=1&pageSize=10").json().at("/data")).hasSize(1);
        assertThat(create(tryOn, "{\"human_image\":\"https://example.com/h.png\"}").json().at("/message").asText())
                .contains("cloth_image");
        assertThat(create(tryOn, "{\"model_name\":\"kling-v2\",\"human_image\":\"https://x/h.png\",\"cloth_image\":\"https://x/c.png\"}")
                .json().at("/message").asText()).contains("model_name");
    }

    @Test
    void multiImage2imageFollowsKlingApiCurrentSection14() throws Exception {
        String path = "/v1/images/multi-image2image";
        assertThat(create(path, "{\"model_name\":\"kling-v2-1\",\"prompt\":\"Both sit in a cafe\","
                + "\"subject_image_list\":[{\"subject_image\":\"https://example.com/a.png\"},{\"subject_image\":\"https://example.com/b.png\"}],"
                + "\"scene_image\":\"https://example.com/cafe.png\",\"n\":2,\"aspect_ratio\":\"16:9\",\"external_task_id\":\"m2i-9\"}")
                .status()).isEqualTo(200);
        clock.advance(70_000);
        assertThat(query(path + "/m2i-9").json().at("/data/task_result/images")).hasSize(2);
        assertThat(create(path, "{\"prompt\":\"x\"}").json().at("/message").asText()).contains("subject_image_list");
        assertThat(create(path, "{\"subject_image_list\":[{\"image\":\"https://x/a.png\"}]}").json().at("/message").asText())
                .as("the key is subject_image").contains("subject_image_list[0].subject_image");
        assertThat(create(path, "{\"model_name\":\"kling-v1\",\"subject_image_list\":[{\"subject_image\":\"https://x/a.png\"}]}")
                .json().at("/message").asText()).contains("model_name");
    }

    @Test
    void imageExpandFollowsKlingApiCurrentSection15() throws Exception {
        String path = "/v1/images/editing/expand";
        assertThat(create(path, "{\"image\":\"https://example.com/raw.jpg\",\"up_expansion_ratio\":0.1,\"down_expansion_ratio\":0.1,"
                + "\"left_expansion_ratio\":0.1,\"right_expansion_ratio\":0.1,\"prompt\":\"focus on the centre\",\"external_task_id\":\"ex-1\"}")
                .status()).isEqualTo(200);
        clock.advance(70_000);
        assertThat(query(path + "/ex-1").json().at("/data/task_result/images")).hasSize(1);
        assertThat(create(path, "{\"image\":\"https://x/r.jpg\",\"up_expansion_ratio\":0.1,\"down_expansion_ratio\":0.1,"
                + "\"left_expansion_ratio\":0.1}").json().at("/message").asText()).contains("right_expansion_ratio");
        assertThat(create(path, "{\"image\":\"https://x/r.jpg\",\"up_expansion_ratio\":1.5,\"down_expansion_ratio\":0.6,"
                + "\"left_expansion_ratio\":0,\"right_expansion_ratio\":0}").json().at("/message").asText()).contains("3 times");
    }

    @Test
    void legacyLipSyncFollowsKlingApiCurrentSection6Point3() throws Exception {
        String path = "/v1/videos/lip-sync";
        TestHttp.Reply made = create(path, "{\"input\":{\"video_url\":\"https://example.com/talk.mp4\",\"mode\":\"text2video\","
                + "\"text\":\"Welcome to our channel!\",\"voice_id\":\"oversea_male1\",\"voice_language\":\"en\",\"voice_speed\":1.0},"
                + "\"callback_url\":\"\"}");
        assertThat(made.json().get("code").asInt()).as(made.json().toString()).isZero();
        clock.advance(70_000);
        JsonNode done = query(path + "/" + made.json().at("/data/task_id").asText()).json().get("data");
        assertThat(done.get("task_status").asText()).isEqualTo("succeed");
        assertThat(done.at("/task_result/videos/0/url").asText()).endsWith(".mp4");
        assertThat(create(path, "{\"input\":{\"video_url\":\"https://x/t.mp4\",\"mode\":\"audio2video\",\"audio_type\":\"url\"}}")
                .json().at("/message").asText()).contains("input.audio_url");
        assertThat(create(path, "{\"input\":{\"video_url\":\"https://x/t.mp4\",\"mode\":\"text2video\",\"voice_id\":\"v\","
                + "\"text\":\"" + "x".repeat(121) + "\"}}").json().at("/message").asText()).contains("text");
        assertThat(create(path, "{\"video_url\":\"https://x/t.mp4\"}").json().at("/message").asText()).contains("input");
    }

    @Test
    void imageRecognizeAnswersAtOnceAndAiMultiShotMakesThreeViews() throws Exception {
        JsonNode recognized = create("/v1/videos/image-recognize", "{\"image\":\"https://example.com/multi-1.png\"}").json();
        assertThat(recognized.get("code").asInt()).isZero();
        JsonNode parts = recognized.at("/data/task_result/images");
        assertThat(parts).extracting(part -> part.get("type").asText())
                .containsExactly("object_seg", "head_seg", "face_seg", "cloth_seg");
        assertThat(parts.get(0).get("is_contain").asBoolean()).isTrue();
        assertThat(http.get(parts.get(0).get("url").asText()).bytes()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(parts.get(3).get("url").asText()).isEmpty();
        assertThat(create("/v1/videos/image-recognize", "{}").json().at("/message").asText()).contains("image");

        String shots = "/v1/general/ai-multi-shot";
        assertThat(create(shots, "{\"element_frontal_image\":\"https://example.com/front.png\",\"external_task_id\":\"ms-1\","
                + "\"callback_url\":\"\"}").status()).isEqualTo(200);
        clock.advance(70_000);
        assertThat(query(shots + "/ms-1").json().at("/data/task_result/images")).hasSize(3);
        assertThat(create(shots, "{}").json().at("/message").asText()).contains("element_frontal_image");
    }

    @Test
    void multiElementsFollowKlingApiCurrentSection8() throws Exception {
        String base = "/v1/videos/multi-elements";
        JsonNode init = create(base + "/init-selection", "{\"video_id\":\"\",\"video_url\":\"https://example.com/animals-5s.mp4\"}")
                .json().get("data");
        assertThat(init.get("status").asInt()).isZero();
        assertThat(init.get("total_frame").asInt()).isEqualTo(150);
        assertThat(init.get("normalized_video").asText()).endsWith(".mp4");
        String session = init.get("session_id").asText();

        JsonNode added = create(base + "/add-selection", "{\"session_id\":\"" + session + "\",\"frame_index\":12,"
                + "\"points\":[{\"x\":0.4,\"y\":0.5},{\"x\":0.45,\"y\":0.55}]}").json().get("data");
        assertThat(added.at("/res/frame_index").asInt()).isEqualTo(12);
        assertThat(added.at("/res/rle_mask_list/0/rle_mask/size")).hasSize(2);
        assertThat(create(base + "/delete-selection", "{\"session_id\":\"" + session + "\",\"frame_index\":12,"
                + "\"points\":[{\"x\":0.9,\"y\":0.9}]}").json().at("/message").asText()).as("points must match").contains("points");
        assertThat(create(base + "/add-selection", "{\"session_id\":\"" + session + "\",\"frame_index\":150,"
                + "\"points\":[{\"x\":0.4,\"y\":0.5}]}").json().at("/message").asText()).contains("frame_index");
        JsonNode preview = create(base + "/preview-selection", "{\"session_id\":\"" + session + "\"}").json().get("data");
        assertThat(preview.at("/res/video").asText()).endsWith(".mp4");
        assertThat(preview.at("/res/video_cover").asText()).endsWith(".png");

        assertThat(create(base, "{\"session_id\":\"" + session + "\",\"edit_mode\":\"removal\",\"image_list\":[],"
                + "\"prompt\":\"Delete the chick from <<<video_1>>>\",\"mode\":\"std\",\"duration\":\"5\","
                + "\"external_task_id\":\"me-1\"}").status()).isEqualTo(200);
        clock.advance(200_000);
        assertThat(query(base + "/me-1").json().at("/data/task_result/videos/0/url").asText()).endsWith(".mp4");
        assertThat(create(base, "{\"session_id\":\"" + session + "\",\"edit_mode\":\"swap\",\"image_list\":[],"
                + "\"prompt\":\"swap it in <<<video_1>>>\"}").json().at("/message").asText()).contains("image_list");
        assertThat(create(base, "{\"session_id\":\"" + session + "\",\"edit_mode\":\"removal\",\"prompt\":\"x\"}")
                .json().at("/message").asText()).contains("<<<video_1>>>");
        assertThat(create(base, "{\"session_id\":\"" + session + "\",\"edit_mode\":\"removal\","
                + "\"prompt\":\"Delete it from <<<video_1>>>\",\"duration\":\"10\"}").json().at("/message").asText())
                .contains("7 to 10");
        create(base + "/clear-selection", "{\"session_id\":\"" + session + "\"}");
        assertThat(create(base + "/preview-selection", "{\"session_id\":\"" + session + "\"}").json().at("/message").asText())
                .contains("nothing is selected");
    }

    @Test
    void theOfficialPathsTakeAPlainApiKeyBesideTheJwt() throws Exception {
        TestHttp.Reply withKey = http.post(T2V, "{\"prompt\":\"a cat\"}", "Authorization",
                "Bearer " + EmulatorSettings.DEFAULT_KLING_API_KEY);

        assertThat(withKey.status()).isEqualTo(200);
        assertThat(withKey.json().at("/data/task_id").asText()).matches("\\d{18}");
    }

    @Test
    void taskGoesFromSubmittedThroughProcessingToSucceedWithAStringDuration() throws Exception {
        String id = create(T2V, "{\"prompt\":\"a cat\",\"duration\":\"5\",\"watermark_info\":{\"enabled\":true}}")
                .json().at("/data/task_id").asText();

        assertThat(query(T2V + "/" + id).json().at("/data/task_status").asText()).isEqualTo("submitted");
        clock.advance(5_000);
        JsonNode processing = query(T2V + "/" + id).json().get("data");
        assertThat(processing.get("task_status").asText()).isEqualTo("processing");
        assertThat(processing.has("task_result")).isFalse();
        clock.advance(60_000);
        JsonNode done = query(T2V + "/" + id).json().get("data");

        assertThat(done.get("task_status").asText()).isEqualTo("succeed");
        JsonNode video = done.at("/task_result/videos/0");
        assertThat(video.get("id").asText()).matches("\\d{18}");
        assertThat(video.get("duration").isTextual()).isTrue();
        assertThat(video.get("duration").asText()).isEqualTo("5.1");
        assertThat(video.get("url").asText()).startsWith(emulator.baseUrl() + "/cdn/").endsWith(".mp4");
        assertThat(video.get("watermark_url").asText()).endsWith("_watermarked.mp4");
        assertThat(done.at("/watermark_info/enabled").asBoolean()).isTrue();
        assertThat(done.get("final_unit_deduction").asText()).isEqualTo("1");
        assertThat(done.get("updated_at").asLong()).isGreaterThan(done.get("created_at").asLong());
    }

    @Test
    void taskCanBeQueriedByExternalTaskIdAndExternalIdsAreUniquePerAccount() throws Exception {
        String id = create(T2V, "{\"prompt\":\"p\",\"external_task_id\":\"batch-7\"}").json().at("/data/task_id").asText();

        assertThat(query(T2V + "/batch-7").json().at("/data/task_id").asText()).isEqualTo(id);
        TestHttp.Reply duplicate = create(T2V, "{\"prompt\":\"p\",\"external_task_id\":\"batch-7\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("code").asInt()).isEqualTo(1201);
        assertThat(duplicate.json().get("message").asText()).contains("external_task_id");
        // another account may use the same external id
        TestHttp.Reply other = http.post("/kling/v1/videos/text2video", "{\"prompt\":\"p\",\"external_task_id\":\"batch-7\"}",
                "Authorization", bearer(EmulatorSettings.DEFAULT_KLING_API_KEY));
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void listPagesNewestFirstWithDataAsAnArray() throws Exception {
        for (int i = 0; i < 5; i++) {
            create(T2V, "{\"prompt\":\"n" + i + "\",\"external_task_id\":\"e" + i + "\"}");
            clock.advance(1);
        }
        JsonNode first = query(T2V + "?pageNum=1&pageSize=2").json().get("data");
        JsonNode last = query(T2V + "?pageNum=3&pageSize=2").json().get("data");

        assertThat(first.isArray()).isTrue();
        assertThat(first).hasSize(2);
        assertThat(first.get(0).at("/task_info/external_task_id").asText()).isEqualTo("e4");
        assertThat(first.get(1).at("/task_info/external_task_id").asText()).isEqualTo("e3");
        assertThat(last).hasSize(1);
        assertThat(last.get(0).at("/task_info/external_task_id").asText()).isEqualTo("e0");
        assertThat(query("/v1/videos/image2video").json().get("data")).isEmpty();
    }

    @ParameterizedTest(name = "pageSize={0} pageNum={1}")
    @CsvSource({"501,1,pageSize", "0,1,pageSize", "30,1001,pageNum", "x,1,pageSize"})
    void listRejectsOutOfRangePaging(String pageSize, String pageNum, String field) throws Exception {
        TestHttp.Reply reply = query(T2V + "?pageSize=" + pageSize + "&pageNum=" + pageNum);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(1201);
        assertThat(reply.json().get("message").asText()).contains(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/v1/videos/text2video|{\"prompt\":\"p\",\"cfg_scale\":1.5}|1201|cfg_scale",
            "/v1/videos/text2video|{\"prompt\":\"p\",\"mode\":\"standard\"}|1201|mode",
            "/v1/videos/text2video|{\"prompt\":\"p\",\"aspect_ratio\":\"4:3\"}|1201|aspect_ratio",
            "/v1/videos/text2video|{\"prompt\":\"p\",\"duration\":\"7\"}|1201|duration",
            "/v1/videos/text2video|{\"prompt\":\"p\",\"model_name\":\"kling-v9\"}|1201|model_name",
            "/v1/videos/text2video|{\"negative_prompt\":\"x\"}|1200|prompt",
            "/v1/videos/text2video|not json|1200|JSON",
            "/v1/videos/text2video|{\"prompt\":\"p\",\"camera_control\":{\"type\":\"simple\",\"config\":{\"pan\":1,\"zoom\":2}}}|1201|camera_control",
            "/v1/videos/image2video|{\"prompt\":\"p\"}|1200|image",
            "/v1/videos/image2video|{\"image\":\"data:image/png;base64,AAAA\"}|1201|image",
            "/v1/videos/image2video|{\"image\":\"https://x/y.png\",\"image_tail\":\"https://x/z.png\",\"camera_control\":{\"type\":\"down_back\"}}|1201|image_tail",
            "/v1/videos/multi-image2video|{\"prompt\":\"p\",\"image_list\":[]}|1201|image_list",
            "/v1/videos/video-extend|{\"prompt\":\"p\"}|1200|video_id",
            "/v1/videos/video-extend|{\"video_id\":\"860000000000000001\"}|1201|video_id",
            "/v1/audio/video-to-audio|{\"video_id\":\"1\",\"video_url\":\"https://x/v.mp4\"}|1201|video_id/video_url",
            "/v1/audio/video-to-audio|{}|1201|video_id/video_url",
            "/v1/audio/video-to-audio|{\"video_url\":\"https://x/v.mp4\",\"bgm_prompt\":\"TOO_LONG\"}|1201|bgm_prompt",
            "/v1/audio/video-to-audio|{\"video_url\":\"https://x/v.mp4\",\"asmr_mode\":\"yes\"}|1201|asmr_mode"})
    void invalidCreatesAreRefusedWithTheFieldNamed(String path, String body, int code, String field) throws Exception {
        TestHttp.Reply reply = create(path, body.replace("TOO_LONG", "b".repeat(201)));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("code").asInt()).isEqualTo(code);
        assertThat(reply.json().get("message").asText()).contains(field);
        assertThat(query(path).json().get("data")).isEmpty();
    }

    @Test
    void promptLongerThan2500CharactersIsRefused() throws Exception {
        TestHttp.Reply reply = create(T2V, "{\"prompt\":\"" + "a".repeat(2501) + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).contains("prompt").contains("2500");
    }

    @Test
    void unknownTaskIs404With1203() throws Exception {
        TestHttp.Reply reply = query(T2V + "/860000000000000000");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("code").asInt()).isEqualTo(1203);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing header||1001",
            "not bearer|Basic abc|1002",
            "not a jwt|Bearer abc.def|1002",
            "wrong secret|WRONG_SECRET|1000",
            "unknown access key|UNKNOWN_AK|1000",
            "not yet valid|FUTURE|1003",
            "expired|EXPIRED|1004"})
    void officialPathsCheckTheJwt(String name, String header, int code) throws Exception {
        long now = clock.getAsLong() / 1000;
        String authorization = switch (header == null ? "" : header) {
            case "WRONG_SECRET" -> bearer(JwtVerifier.token(EmulatorSettings.DEFAULT_ACCESS_KEY, "nope", now, 1800));
            case "UNKNOWN_AK" -> bearer(JwtVerifier.token("someone-else", EmulatorSettings.DEFAULT_SECRET_KEY, now, 1800));
            case "FUTURE" -> bearer(JwtVerifier.token(EmulatorSettings.DEFAULT_ACCESS_KEY, EmulatorSettings.DEFAULT_SECRET_KEY, now + 600, 1800));
            case "EXPIRED" -> bearer(JwtVerifier.token(EmulatorSettings.DEFAULT_ACCESS_KEY, EmulatorSettings.DEFAULT_SECRET_KEY, now - 3600, 1800));
            default -> header;
        };
        TestHttp.Reply reply = authorization == null || authorization.isEmpty()
                ? http.get(T2V + "?pageSize=1")
                : http.get(T2V + "?pageSize=1", "Authorization", authorization);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("code").asInt()).isEqualTo(code);
        assertThat(reply.json().has("request_id")).isTrue();
    }

    @Test
    void officialPathsRefuseAPlainKeyThatIsNoKeyOfTheAccount() throws Exception {
        TestHttp.Reply reply = http.get(T2V, "Authorization", bearer("not-a-key"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("code").asInt()).isEqualTo(1002);
    }

    @Test
    void gatewayTakesAPlainBearerKeyAndWrapsQueriesInTheNewApiFormat() throws Exception {
        String key = bearer(EmulatorSettings.DEFAULT_KLING_API_KEY);
        TestHttp.Reply created = http.post("/kling/v1/videos/text2video", "{\"prompt\":\"p\"}", "Authorization", key);
        String id = created.json().at("/data/task_id").asText();
        assertThat(created.json().get("code").asInt()).isZero();

        JsonNode submitted = http.get("/kling/v1/videos/text2video/" + id, "Authorization", key).json();
        assertThat(submitted.get("code").asText()).isEqualTo("success");
        assertThat(submitted.at("/data/status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.at("/data/progress").asText()).isEqualTo("0%");
        clock.advance(35_000);
        JsonNode running = http.get("/kling/v1/videos/text2video/" + id, "Authorization", key).json();
        assertThat(running.at("/data/status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(running.at("/data/progress").asText()).matches("\\d{1,2}%");
        clock.advance(30_000);
        JsonNode done = http.get("/kling/v1/videos/text2video/" + id, "Authorization", key).json();

        assertThat(done.at("/data/task_id").asText()).isEqualTo(id);
        assertThat(done.at("/data/status").asText()).isEqualTo("SUCCESS");
        assertThat(done.at("/data/progress").asText()).isEqualTo("100%");
        assertThat(done.at("/data/data/code").asInt()).isZero();
        assertThat(done.at("/data/data/data/task_status").asText()).isEqualTo("succeed");
        assertThat(done.at("/data/data/data/task_result/videos/0/duration").asText()).isEqualTo("5.1");
    }

    @Test
    void gatewayRefusesUnknownKeysAndAnswersUnknownTasksTheNewApiWay() throws Exception {
        TestHttp.Reply noKey = http.get("/kling/v1/videos/text2video/1");
        TestHttp.Reply badKey = http.get("/kling/v1/videos/text2video/1", "Authorization", bearer("sk-unknown"));
        TestHttp.Reply unknown = http.get("/kling/v1/videos/text2video/1", "Authorization",
                bearer(EmulatorSettings.DEFAULT_KLING_API_KEY));

        assertThat(noKey.status()).isEqualTo(401);
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.json().get("code").asText()).isEqualTo("invalid_api_key");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("task_not_exist");
    }

    @Test
    void rawGatewayPrefixAnswersRawEnvelopes() throws Exception {
        String key = bearer(EmulatorSettings.DEFAULT_KLING_API_KEY);
        String id = http.post("/raw/kling/v1/videos/text2video", "{\"prompt\":\"p\"}", "Authorization", key)
                .json().at("/data/task_id").asText();

        JsonNode body = http.get("/raw/kling/v1/videos/text2video/" + id, "Authorization", key).json();

        assertThat(body.get("code").asInt()).isZero();
        assertThat(body.at("/data/task_status").asText()).isEqualTo("submitted");
        assertThat(http.get("/raw/kling/v1/videos/text2video/1", "Authorization", bearer("nope")).json().get("code").asInt())
                .isEqualTo(1000);
    }

    @Test
    void extendAddsFourAndAHalfSecondsAndNamesTheParentVideo() throws Exception {
        String videoId = finishedVideoId("{\"prompt\":\"p\",\"model_name\":\"kling-v1-6\"}");

        String extendId = create("/v1/videos/video-extend", "{\"video_id\":\"" + videoId + "\",\"prompt\":\"more\"}")
                .json().at("/data/task_id").asText();
        clock.advance(65_000);
        JsonNode extended = query("/v1/videos/video-extend/" + extendId).json().get("data");

        assertThat(extended.get("task_status").asText()).isEqualTo("succeed");
        assertThat(extended.at("/task_result/videos/0/duration").asText()).isEqualTo("9.6");
        assertThat(extended.at("/task_info/parent_video/id").asText()).isEqualTo(videoId);
        assertThat(extended.at("/task_info/parent_video/duration").asText()).isEqualTo("5.1");
    }

    @Test
    void extendRefusesVideosOfNewerModels() throws Exception {
        String videoId = finishedVideoId("{\"prompt\":\"p\",\"model_name\":\"kling-v2-master\"}");

        TestHttp.Reply reply = create("/v1/videos/video-extend", "{\"video_id\":\"" + videoId + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).contains("video_id").contains("kling-v2-master");
    }

    @Test
    void videoToAudioProducesAVideoAndMp3AndWavAudios() throws Exception {
        String videoId = finishedVideoId("{\"prompt\":\"p\"}");

        String id = create("/v1/audio/video-to-audio", "{\"video_id\":\"" + videoId
                + "\",\"sound_effect_prompt\":\"waves\",\"asmr_mode\":true}").json().at("/data/task_id").asText();
        clock.advance(65_000);
        JsonNode done = query("/v1/audio/video-to-audio/" + id).json().get("data");

        assertThat(done.get("task_status").asText()).isEqualTo("succeed");
        JsonNode audio = done.at("/task_result/audios/0");
        assertThat(audio.get("duration_mp3").asText()).isEqualTo("5.1");
        byte[] mp3 = http.get(audio.get("url_mp3").asText()).bytes();
        byte[] wav = http.get(audio.get("url_wav").asText()).bytes();
        byte[] mp4 = http.get(done.at("/task_result/videos/0/url").asText()).bytes();
        assertThat(mp3[0] & 0xFF).isEqualTo(0xFF);
        assertThat(mp3[1] & 0xE0).isEqualTo(0xE0);
        assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 4)).isEqualTo("WAVE");
        assertThat(new String(mp4, 4, 4)).isEqualTo("ftyp");
        assertThat(done.at("/task_info/parent_video/id").asText()).isEqualTo(videoId);
    }

    @Test
    void textToAudioMakesAnMp3AndAWavOfTheAskedDuration() throws Exception {
        String id = create("/v1/audio/text-to-audio", "{\"prompt\":\"rain on a tin roof\",\"duration\":7.5}")
                .json().at("/data/task_id").asText();
        TestHttp.Reply tooLong = create("/v1/audio/text-to-audio", "{\"prompt\":\"" + "r".repeat(201) + "\"}");
        TestHttp.Reply badDuration = create("/v1/audio/text-to-audio", "{\"prompt\":\"rain\",\"duration\":12}");
        clock.advance(65_000);
        JsonNode done = query("/v1/audio/text-to-audio/" + id).json().get("data");

        assertThat(done.get("task_status").asText()).isEqualTo("succeed");
        assertThat(done.at("/task_result/audios/0/duration_mp3").asText()).isEqualTo("7.5");
        assertThat(done.at("/task_result/videos").isMissingNode()).isTrue();
        assertThat(http.get(done.at("/task_result/audios/0/url_wav").asText()).bytes()).startsWith('R', 'I', 'F', 'F');
        assertThat(tooLong.json().get("message").asText()).contains("prompt").contains("200");
        assertThat(badDuration.json().get("message").asText()).contains("duration").contains("10.0");
    }

    @Test
    void failMarkerFailsTheTaskWithTheRiskControlMessageAndBlockMarkerIsRefused() throws Exception {
        String id = create(T2V, "{\"prompt\":\"a [fail] cat\"}").json().at("/data/task_id").asText();
        clock.advance(5_000);
        JsonNode failed = query(T2V + "/" + id).json().get("data");
        TestHttp.Reply blocked = create(T2V, "{\"prompt\":\"a [blocked] cat\"}");

        assertThat(failed.get("task_status").asText()).isEqualTo("failed");
        assertThat(failed.get("task_status_msg").asText()).isEqualTo("Failure to pass the risk control system");
        assertThat(failed.has("task_result")).isFalse();
        assertThat(blocked.status()).isEqualTo(400);
        assertThat(blocked.json().get("code").asInt()).isEqualTo(1301);
    }

    @Test
    void tasksBeyondTheConcurrencyLimitGet429With1303() throws Exception {
        emulator.settings().klingConcurrency(2);
        create(T2V, "{\"prompt\":\"1\"}");
        create(T2V, "{\"prompt\":\"2\"}");

        TestHttp.Reply third = create(T2V, "{\"prompt\":\"3\"}");
        clock.advance(65_000);
        TestHttp.Reply later = create(T2V, "{\"prompt\":\"4\"}");

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().get("code").asInt()).isEqualTo(1303);
        assertThat(later.status()).isEqualTo(200);
    }

    @Test
    void theParallelLimitHoldsForConcurrentCreates() throws Exception {
        emulator.settings().klingConcurrency(3);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<TestHttp.Reply>> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            replies.add(pool.submit(() -> {
                go.await();
                return create(T2V, "{\"prompt\":\"burst " + n + "\"}");
            }));
        }

        go.countDown();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<TestHttp.Reply> reply : replies) {
            statuses.add(reply.get().status());
        }
        pool.shutdown();

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(3);
        assertThat(statuses.stream().filter(s -> s == 429)).hasSize(47);
        assertThat(emulator.kling().mostUnfinished()).isEqualTo(3);
    }

    @Test
    void expiredResultUrlsAnswer404() throws Exception {
        String id = create(T2V, "{\"prompt\":\"p\"}").json().at("/data/task_id").asText();
        clock.advance(65_000);
        String url = query(T2V + "/" + id).json().at("/data/task_result/videos/0/url").asText();
        assertThat(http.get(url).status()).isEqualTo(200);

        emulator.media().expire(id);

        assertThat(http.get(url).status()).isEqualTo(404);
    }

    private String finishedVideoId(String body) throws Exception {
        String id = create(T2V, body).json().at("/data/task_id").asText();
        clock.advance(65_000);
        return query(T2V + "/" + id).json().at("/data/task_result/videos/0/id").asText();
    }
}
