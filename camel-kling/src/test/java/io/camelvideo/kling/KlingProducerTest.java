package io.camelvideo.kling;

import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.kling.request.KlingRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of the producer against the emulator's official API (JWT). */
class KlingProducerTest extends KlingTestSupport {

    private static final String T2V = "/v1/videos/text2video";

    @Test
    void createReturnsTheSubmittedTaskAtOnce() {
        Exchange out = send("kling:text2video?model=kling-v1-6&duration=5", "a fox in the snow");

        assertThat(out.getException()).isNull();
        KlingTask task = out.getMessage().getBody(KlingTask.class);
        assertThat(task.taskStatus()).isEqualTo("submitted");
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_ID, String.class)).isEqualTo(task.taskId()).matches("\\d{18}");
        assertThat(out.getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID, String.class)).startsWith("camel-");
        String sent = emulator.journal().matching(r -> r.method().equals("POST")).get(0).bodyText();
        assertThat(sent).contains("\"prompt\":\"a fox in the snow\"").contains("\"model_name\":\"kling-v1-6\"")
                .contains("\"duration\":\"5\"").contains("\"external_task_id\":\"camel-");
    }

    @Test
    void createAndWaitSetsTheResultHeaders() {
        Exchange out = send("kling:text2video?waitForCompletion=true&watermark=true", "a fox in the snow");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(out.getMessage().getHeader(KlingConstants.VIDEO_ID, String.class)).matches("\\d{18}");
        assertThat(out.getMessage().getHeader(KlingConstants.VIDEO_URL, String.class)).endsWith(".mp4");
        assertThat(out.getMessage().getHeader(KlingConstants.VIDEO_DURATION)).isEqualTo("5.1");
        assertThat(out.getMessage().getHeader(KlingConstants.WATERMARK_URL, String.class)).endsWith("_watermarked.mp4");
        assertThat(out.getMessage().getBody(KlingTask.class).isSucceeded()).isTrue();
    }

    @Test
    void createWaitAndDownloadStreamsTheVideo() throws Exception {
        Exchange out = sendReading("kling:text2video?waitForCompletion=true&download=true", "a fox");

        assertThat(out.getException()).isNull();
        String taskId = out.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
        byte[] bytes = out.getMessage().getBody(byte[].class);
        assertThat(new String(bytes, 4, 4)).isEqualTo("ftyp");
        assertThat(out.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(taskId + ".mp4");
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("video/mp4");
        assertThat(out.getMessage().getHeader(Exchange.CONTENT_LENGTH, Long.class)).isEqualTo(bytes.length);
    }

    @Test
    void aDownloadCanBeReadByEveryBranchOfAMulticastAndIsDeletedAfterwards() throws Exception {
        java.util.List<byte[]> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:fanout").to("kling:text2video?waitForCompletion=true&download=true")
                        .multicast().to("direct:s3", "direct:mail");
                from("direct:s3").process(e -> reads.add(e.getMessage().getBody(byte[].class)));
                from("direct:mail").process(e -> reads.add(e.getMessage().getBody(byte[].class)));
            }
        });
        java.nio.file.Path spool = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "camel-kling");
        long before = java.nio.file.Files.exists(spool) ? java.nio.file.Files.list(spool).count() : 0;

        Exchange out = send("direct:fanout", "a fox");

        assertThat(out.getException()).isNull();
        assertThat(reads).hasSize(2).allSatisfy(bytes -> assertThat(new String(bytes, 4, 4)).isEqualTo("ftyp"));
        assertThat(reads.get(0)).isEqualTo(reads.get(1));
        assertThat(java.nio.file.Files.list(spool).count()).isEqualTo(before);
    }

    @Test
    void statusFindsATaskByIdOrExternalId() {
        send("kling:text2video?externalTaskId=order-1", "a fox");

        Exchange byExternal = send("kling:text2video?operation=status", null, KlingConstants.EXTERNAL_TASK_ID, "order-1");
        String id = byExternal.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
        Exchange waited = send("kling:text2video?operation=status&waitForCompletion=true", null, KlingConstants.TASK_ID, id);

        assertThat(byExternal.getException()).isNull();
        assertThat(id).matches("\\d{18}");
        assertThat(waited.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(waited.getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID)).isEqualTo("order-1");
    }

    @Test
    void operationHeaderOverridesTheEndpoint() {
        send("kling:text2video", "one");
        send("kling:text2video", "two");

        Exchange out = send("kling:text2video", null, KlingConstants.OPERATION, "list", KlingConstants.PAGE_SIZE, 1);

        List<?> tasks = out.getMessage().getBody(List.class);
        assertThat(tasks).hasSize(1);
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_COUNT)).isEqualTo(1);
        assertThat(emulator.journal().matching(r -> r.method().equals("GET") && r.path().equals("/v1/videos/text2video")))
                .singleElement().satisfies(list -> assertThat(list.query()).containsEntry("pageNum", "1")
                        .containsEntry("pageSize", "1"));
    }

    @Test
    void downloadOperationStreamsAudioOfAnAddSoundTask() throws Exception {
        Exchange video = send("kling:text2video?waitForCompletion=true", "surf");
        Exchange sound = template.send("kling:addSound?waitForCompletion=true&soundEffectPrompt=waves", exchange ->
                exchange.getMessage().setHeaders(new java.util.HashMap<>(video.getMessage().getHeaders())));
        assertThat(sound.getException()).isNull();
        String soundTask = sound.getMessage().getHeader(KlingConstants.TASK_ID, String.class);

        Exchange mp3 = sendReading("kling:addSound?operation=download&format=mp3", null, KlingConstants.TASK_ID, soundTask);
        Exchange wav = sendReading("kling:addSound?operation=download", null, KlingConstants.TASK_ID, soundTask,
                KlingConstants.FORMAT, "wav");

        assertThat(sound.getMessage().getHeader(KlingConstants.AUDIO_MP3_URL, String.class)).endsWith(".mp3");
        String sent = emulator.journal().matching(r -> r.path().equals("/v1/audio/video-to-audio") && r.method().equals("POST"))
                .get(0).bodyText();
        assertThat(sent).contains("\"video_id\":\"" + video.getMessage().getHeader(KlingConstants.VIDEO_ID) + "\"")
                .doesNotContain("video_url");
        byte[] mp3Bytes = mp3.getMessage().getBody(byte[].class);
        assertThat(mp3Bytes[0] & 0xFF).isEqualTo(0xFF);
        assertThat(mp3.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(soundTask + ".mp3");
        assertThat(new String(wav.getMessage().getBody(byte[].class), 0, 4)).isEqualTo("RIFF");
        assertThat(wav.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo(soundTask + ".wav");
    }

    @Test
    void text2audioMakesASoundtrackToDownload() {
        Exchange out = sendReading("kling:text2audio?waitForCompletion=true&download=true&format=wav&duration=7.5",
                "rain on a tin roof");

        assertThat(out.getException()).isNull();
        assertThat(new String(out.getMessage().getBody(byte[].class), 0, 4)).isEqualTo("RIFF");
        assertThat(out.getMessage().getHeader(KlingConstants.AUDIO_MP3_URL, String.class)).endsWith(".mp3");
        assertThat(emulator.journal().matching(r -> r.method().equals("POST")).get(0).bodyText())
                .contains("\"duration\":7.5").contains("\"prompt\":\"rain on a tin roof\"");
        Exchange tooLong = send("kling:text2audio", "r".repeat(201));
        assertThat(tooLong.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("200");
    }

    @Test
    void extendChainsOnTheVideoIdHeaderOfTheStepBefore() {
        Exchange first = send("kling:text2video?waitForCompletion=true", "surf");
        Exchange extended = template.send("kling:extend?waitForCompletion=true", exchange ->
                exchange.getMessage().setHeaders(new java.util.HashMap<>(first.getMessage().getHeaders())));

        assertThat(extended.getException()).isNull();
        assertThat(extended.getMessage().getHeader(KlingConstants.VIDEO_DURATION)).isEqualTo("9.6");
        assertThat(extended.getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID, String.class))
                .isNotEqualTo(first.getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID));
    }

    @Test
    void theV3FieldsAreOptionsAndHeadersAndShotsComeFromTheBody() throws Exception {
        Exchange fourK = send("kling:text2video?model=kling-v3&mode=4k&sound=on&waitForCompletion=true", "a fox at dawn");
        Exchange shots = send("kling:text2video?model=kling-v3&duration=5", Map.of("multi_prompt", List.of(
                        Map.of("index", 1, "prompt", "a fox wakes", "duration", "2"),
                        Map.of("index", 2, "prompt", "it runs", "duration", "3"))),
                KlingConstants.MULTI_SHOT, true, KlingConstants.SHOT_TYPE, "customize");

        assertThat(fourK.getException()).isNull();
        assertThat(fourK.getMessage().getBody(KlingTask.class).isSucceeded()).isTrue();
        assertThat(shots.getException()).as("no prompt needed when the shots are listed").isNull();
        List<com.fasterxml.jackson.databind.JsonNode> sent = new java.util.ArrayList<>();
        for (var post : emulator.journal().matching(r -> r.method().equals("POST"))) {
            sent.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(post.bodyText()));
        }
        assertThat(sent.get(0).get("mode").asText()).isEqualTo("4k");
        assertThat(sent.get(0).get("sound").asText()).isEqualTo("on");
        assertThat(sent.get(1).get("multi_shot").asBoolean()).isTrue();
        assertThat(sent.get(1).get("shot_type").asText()).isEqualTo("customize");
        assertThat(sent.get(1).get("multi_prompt")).hasSize(2);

        Exchange loud = send("kling:text2video?sound=loud", "a fox");
        Exchange noShotType = send("kling:text2video?model=kling-v3&multiShot=true", "a fox");
        assertThat(loud.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("sound")
                .hasMessageContaining("on or off");
        assertThat(noShotType.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("shotType")
                .hasMessageContaining("customize");
        assertThat(emulator.journal().matching(r -> r.method().equals("POST"))).hasSize(2);
    }

    @Test
    void omniVideoSendsItsReferencesAsTheApiNamesThem() throws Exception {
        Exchange out = sendReading("kling:omniVideo?model=kling-v3-omni&aspectRatio=16:9&duration=8&sound=on"
                        + "&waitForCompletion=true&download=true",
                Map.of("prompt", "<<<element_1>>> walks through the street of <<<image_1>>>",
                        "image_list", List.of("https://example.com/street.png"),
                        "element_list", List.of(Map.of("element_id", 829836802793406551L))));
        Exchange frames = send("kling:omniVideo", Map.of("prompt", "the cat of <<<image_1>>> jumps", "image_list", List.of(
                Map.of("image_url", "https://example.com/start.png", "type", "first_frame"),
                Map.of("image_url", "https://example.com/end.png", "type", "end_frame"))));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(out.getMessage().getHeader(KlingConstants.VIDEO_DURATION)).isEqualTo("8.1");
        assertThat(new String(out.getMessage().getBody(byte[].class), 4, 4)).isEqualTo("ftyp");
        assertThat(frames.getException()).as("a first frame sets the aspect ratio").isNull();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var posts = emulator.journal().matching(r -> r.method().equals("POST") && r.path().equals("/v1/videos/omni-video"));
        com.fasterxml.jackson.databind.JsonNode sent = json.readTree(posts.get(0).bodyText());
        assertThat(sent.get("image_list")).isEqualTo(json.readTree("[{\"image_url\":\"https://example.com/street.png\"}]"));
        assertThat(sent.at("/element_list/0/element_id").asLong()).isEqualTo(829836802793406551L);
        assertThat(sent.get("model_name").asText()).isEqualTo("kling-v3-omni");
        assertThat(json.readTree(posts.get(1).bodyText()).at("/image_list/1/type").asText()).isEqualTo("end_frame");

        Exchange endOnly = send("kling:omniVideo", Map.of("prompt", "a cat", "image_list",
                List.of(Map.of("image_url", "https://example.com/end.png", "type", "end_frame"))));
        assertThat(endOnly.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("imageList")
                .hasMessageContaining("first_frame");
        assertThat(posts).hasSize(2);
    }

    @Test
    void multiImage2imageTakesAListBodyOfSubjectsAndImageExpandABinaryImage() throws Exception {
        Exchange together = send("kling:multiImage2image?model=kling-v2-1&sceneImage=https://example.com/cafe.png"
                + "&imageCount=2&aspectRatio=21:9&waitForCompletion=true",
                List.of("https://example.com/a.png", "https://example.com/b.png"), KlingConstants.PROMPT, "Both sit in a cafe");
        byte[] photo = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        Exchange wider = send("kling:imageExpand?upExpansionRatio=0&downExpansionRatio=0&leftExpansionRatio=0.5"
                + "&rightExpansionRatio=0.5&waitForCompletion=true", photo);

        assertThat(together.getException()).isNull();
        assertThat(together.getMessage().getHeader(KlingConstants.IMAGE_URLS, List.class)).hasSize(2);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode sent = json.readTree(emulator.journal()
                .matching(r -> r.method().equals("POST") && r.path().equals("/v1/images/multi-image2image")).get(0).bodyText());
        assertThat(sent.at("/subject_image_list/1/subject_image").asText()).isEqualTo("https://example.com/b.png");
        assertThat(sent.get("scene_image").asText()).isEqualTo("https://example.com/cafe.png");
        assertThat(sent.get("prompt").asText()).isEqualTo("Both sit in a cafe");
        assertThat(sent.get("n").asInt()).isEqualTo(2);

        assertThat(wider.getException()).isNull();
        assertThat(wider.getMessage().getHeader(KlingConstants.IMAGE_URLS, List.class)).hasSize(1);
        com.fasterxml.jackson.databind.JsonNode expanded = json.readTree(emulator.journal()
                .matching(r -> r.method().equals("POST") && r.path().equals("/v1/images/editing/expand")).get(0).bodyText());
        assertThat(expanded.get("image").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(photo));
        assertThat(expanded.get("left_expansion_ratio").doubleValue()).isEqualTo(0.5);
        assertThat(expanded.get("up_expansion_ratio").doubleValue()).isZero();
    }

    @Test
    void aVirtualTryOnDressesThePersonOfABinaryBodyAndDownloadsTheResultImage() throws Exception {
        byte[] person = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        Exchange dressed = template.send("direct:read", exchange -> {
            exchange.getMessage().setBody(person);
            exchange.getMessage().setHeader("TestUri", "kling:virtualTryOn?model=kolors-virtual-try-on-v1-5"
                    + "&clothImage=https://example.com/suit.png&waitForCompletion=true&download=true");
        });
        Exchange noGarment = send("kling:virtualTryOn", person);

        assertThat(dressed.getException()).isNull();
        assertThat(dressed.getMessage().getHeader(KlingConstants.IMAGE_URLS, List.class)).hasSize(1);
        assertThat(dressed.getMessage().getHeader(Exchange.FILE_NAME, String.class)).endsWith(".png");
        assertThat(dressed.getMessage().getBody(byte[].class)).isNotEmpty();
        com.fasterxml.jackson.databind.JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(emulator.journal()
                .matching(r -> r.method().equals("POST") && r.path().equals("/v1/images/kolors-virtual-try-on")).get(0).bodyText());
        assertThat(sent.get("human_image").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(person));
        assertThat(sent.get("cloth_image").asText()).isEqualTo("https://example.com/suit.png");
        assertThat(sent.get("model_name").asText()).isEqualTo("kolors-virtual-try-on-v1-5");
        assertThat(sent.has("image")).isFalse();
        assertThat(noGarment.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("clothImage");
        assertThat(emulator.journal().matching(r -> r.method().equals("POST"))).hasSize(1);
    }

    @Test
    void motionControlAndAvatarTakeTheirInputsAsOptionsHeadersOrABinaryImage() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        Exchange motion = send("kling:motionControl?videoUrl=https://example.com/dance.mp4&characterOrientation=image&mode=pro"
                + "&waitForCompletion=true", png, KlingConstants.PROMPT, "a gray T-shirt");
        Exchange talking = send("kling:avatar?image=https://example.com/boy.png&waitForCompletion=true", null,
                KlingConstants.SOUND_FILE, "https://example.com/hello.mp3");

        assertThat(motion.getException()).isNull();
        assertThat(motion.getMessage().getHeader(KlingConstants.VIDEO_DURATION)).isEqualTo("9.6");
        assertThat(talking.getException()).isNull();
        assertThat(talking.getMessage().getHeader(KlingConstants.VIDEO_DURATION)).isEqualTo("6.2");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode sent = json.readTree(emulator.journal()
                .matching(r -> r.method().equals("POST") && r.path().equals("/v1/videos/motion-control")).get(0).bodyText());
        assertThat(sent.get("image_url").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(png));
        assertThat(sent.get("character_orientation").asText()).isEqualTo("image");
        assertThat(sent.has("image")).isFalse();

        Exchange noOrientation = send("kling:motionControl?videoUrl=https://example.com/dance.mp4&mode=pro", png);
        Exchange twoVoices = send("kling:avatar?image=https://example.com/boy.png&audioId=123&soundFile=https://example.com/a.mp3", null);
        assertThat(noOrientation.getException()).isInstanceOf(KlingValidationException.class)
                .hasMessageContaining("characterOrientation");
        assertThat(twoVoices.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("exactly one");
        assertThat(emulator.journal().matching(r -> r.method().equals("POST"))).hasSize(2);
    }

    @Test
    void effectsNestTheImageUnderInputAndTakeDualScenesFromTheBody() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        Exchange single = send("kling:effects?effectScene=bullet_time&waitForCompletion=true", png);
        Exchange dual = send("kling:effects?effectScene=hug_pro", Map.of("input", Map.of("images",
                List.of("https://example.com/left.jpg", "https://example.com/right.jpg"), "duration", "5")));

        assertThat(single.getException()).isNull();
        assertThat(single.getMessage().getBody(KlingTask.class).isSucceeded()).isTrue();
        assertThat(dual.getException()).isNull();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var posts = emulator.journal().matching(r -> r.method().equals("POST") && r.path().equals("/v1/videos/effects"));
        com.fasterxml.jackson.databind.JsonNode sent = json.readTree(posts.get(0).bodyText());
        assertThat(sent.get("effect_scene").asText()).isEqualTo("bullet_time");
        assertThat(sent.at("/input/image").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(png));
        assertThat(sent.has("image")).isFalse();
        assertThat(json.readTree(posts.get(1).bodyText()).at("/input/images")).hasSize(2);

        Exchange noScene = send("kling:effects", png);
        assertThat(noScene.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("effectScene");
        assertThat(posts).hasSize(2);
    }

    @Test
    void ttsAndIdentifyFaceAnswerAtOnceAndChainIntoAvatarAndLipSync() throws Exception {
        Exchange speech = sendReading("kling:tts?voiceId=oversea_male1&voiceLanguage=en&download=true&format=mp3",
                "Welcome to our channel");
        String audioId = speech.getMessage().getHeader(KlingConstants.AUDIO_ID, String.class);
        Exchange talking = template.send("kling:avatar?image=https://example.com/presenter.png&waitForCompletion=true",
                exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(speech.getMessage().getHeaders())));
        Exchange faces = send("kling:identifyFace?videoUrl=https://example.com/talk.mp4", null);
        Exchange lipSync = send("kling:advancedLipSync?waitForCompletion=true", Map.of("face_choose", List.of(Map.of(
                        "face_id", "0", "audio_id", audioId, "sound_start_time", 0, "sound_end_time", 3000, "sound_insert_time", 1000))),
                KlingConstants.SESSION_ID, faces.getMessage().getHeader(KlingConstants.SESSION_ID));

        assertThat(speech.getException()).isNull();
        assertThat(audioId).isNotBlank();
        assertThat(speech.getMessage().getHeader(Exchange.FILE_NAME, String.class)).endsWith(".mp3");
        assertThat(speech.getMessage().getBody(byte[].class)).isNotEmpty();
        assertThat(talking.getException()).isNull();
        assertThat(emulator.journal().matching(r -> r.path().equals("/v1/videos/avatar/image2video")).get(0).bodyText())
                .contains("\"audio_id\":\"" + audioId + "\"");
        assertThat(faces.getException()).isNull();
        assertThat(faces.getMessage().getBody(Map.class)).containsKey("face_data");
        assertThat(lipSync.getException()).isNull();
        assertThat(lipSync.getMessage().getHeader(KlingConstants.VIDEO_DURATION)).isEqualTo("5.2");
        assertThat(emulator.journal().matching(r -> r.method().equals("GET") && r.path().startsWith("/v1/audio/tts")))
                .as("nothing to query for TTS").isEmpty();

        Exchange noVoice = send("kling:tts", "hello");
        Exchange status = send("kling:tts?operation=status", null, KlingConstants.TASK_ID, "123");
        assertThat(noVoice.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("voiceId");
        assertThat(status.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("answers at once");
    }

    @Test
    void accountCostsListThePacksAndWhatRemains() {
        send("kling:text2video?mode=pro&waitForCompletion=true", "a fox");
        Exchange costs = send("kling:accountCosts", null);
        Exchange backwards = send("kling:accountCosts?startTime=2000&endTime=1000", null);

        assertThat(costs.getException()).isNull();
        assertThat(costs.getMessage().getBody(List.class)).singleElement()
                .satisfies(pack -> assertThat(((Map<?, ?>) pack).get("status")).isEqualTo("online"));
        assertThat(costs.getMessage().getHeader(KlingConstants.REMAINING_UNITS, Double.class)).isEqualTo(10_000 - 3.5);
        assertThat(emulator.journal().matching(r -> r.path().equals("/account/costs")).get(0).query())
                .containsKeys("start_time", "end_time");
        assertThat(backwards.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("startTime");
    }

    @Test
    void anImageTaskFeedsImage2videoAndDownloadsEveryImage() throws Exception {
        Exchange images = template.send("direct:read", exchange -> {
            exchange.getMessage().setBody("a ceramic mug on a white table");
            exchange.getMessage().setHeader("TestUri", "kling:image?model=kling-v2-1&imageCount=2&aspectRatio=4:3"
                    + "&waitForCompletion=true&download=true");
        });
        Exchange first = send("kling:image?waitForCompletion=true", "a lighthouse");
        Exchange video = template.send("kling:image2video?waitForCompletion=true", exchange -> exchange.getMessage()
                .setHeaders(new java.util.HashMap<>(first.getMessage().getHeaders())));

        assertThat(images.getException()).isNull();
        assertThat(images.getMessage().getHeader(KlingConstants.IMAGE_URLS, List.class)).hasSize(2);
        assertThat(images.getMessage().getBody(List.class)).as("two images: a list of files").hasSize(2);
        com.fasterxml.jackson.databind.JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(emulator.journal()
                .matching(r -> r.method().equals("POST") && r.path().equals("/v1/images/generations")).get(0).bodyText());
        assertThat(sent.get("n").isInt()).isTrue();
        assertThat(sent.get("aspect_ratio").asText()).isEqualTo("4:3");
        assertThat(video.getException()).isNull();
        assertThat(emulator.journal().matching(r -> r.path().equals("/v1/videos/image2video")).get(0).bodyText())
                .contains(first.getMessage().getHeader(KlingConstants.IMAGE, String.class));

        Exchange second = send("kling:image?imageCount=2&waitForCompletion=true&download=true&imageIndex=1", "a teapot");
        assertThat(second.getMessage().getHeader(Exchange.FILE_NAME, String.class))
                .isEqualTo(second.getMessage().getHeader(KlingConstants.TASK_ID) + "_1.png");
        Exchange beyond = send("kling:image?imageCount=2&waitForCompletion=true&download=true&imageIndex=2", "a teapot");
        assertThat(beyond.getException()).hasMessageContaining("has 2 image(s)").hasMessageContaining("0 to 1");

        Exchange tooMany = send("kling:image?imageCount=10", "a mug");
        assertThat(tooMany.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("imageCount");
    }

    @Test
    void imageFidelityOptionsReachTheApiAsNumbers() throws Exception {
        Exchange made = send("kling:image?model=kling-v1-5&image=https://example.com/face.png&imageReference=subject"
                + "&imageFidelity=0.7&humanFidelity=0.3&waitForCompletion=true", "a portrait in oil");

        assertThat(made.getException()).isNull();
        com.fasterxml.jackson.databind.JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(emulator.journal()
                .matching(r -> r.method().equals("POST") && r.path().equals("/v1/images/generations")).get(0).bodyText());
        assertThat(sent.get("image_fidelity").doubleValue()).isEqualTo(0.7);
        assertThat(sent.get("human_fidelity").doubleValue()).isEqualTo(0.3);
    }

    @Test
    void theCapabilityMapWarnsByDefaultRefusesWhenStrictAndIsSilentWhenOff() {
        String soundOnOldModel = "kling:text2video?model=kling-v1-6&mode=std&sound=on";
        try (LogCapture log = new LogCapture(org.apache.logging.log4j.Level.WARN,
                event -> event.getLoggerName().startsWith("io.camelvideo"))) {
            Exchange warned = send(soundOnOldModel, "a fox");
            Exchange again = send(soundOnOldModel, "another fox");
            Exchange strict = send(soundOnOldModel + "&capabilityCheck=strict", "a third fox");
            Exchange off = send("kling:text2video?model=kling-v1-6&duration=7&capabilityCheck=off", "a fourth fox");

            assertThat(strict.getException()).isInstanceOf(KlingValidationException.class)
                    .hasMessageContaining("sound on needs kling-v3").hasMessageContaining("kling-v1-6");
            assertThat(log.text().lines().filter(line -> line.contains("sound on needs"))).as("once per problem").hasSize(1);
            assertThat(log.text()).doesNotContain("a duration of 7");
            // warn and off leave it to the API: the emulator refuses sound on for kling-v1-6 and 7 s for it
            assertThat(warned.getException()).isInstanceOf(io.camelvideo.kling.api.KlingApiException.class);
            assertThat(again.getException()).isInstanceOf(io.camelvideo.kling.api.KlingApiException.class);
            assertThat(off.getException()).isInstanceOf(io.camelvideo.kling.api.KlingApiException.class);
            assertThat(emulator.journal().matching(r -> r.method().equals("POST"))).hasSize(3);
        }
    }

    @Test
    void aCustomVoiceIsMadeFromAUrlOrTheVideoOfAnEarlierStep() {
        Exchange fromUrl = send("kling:voice?voiceName=Narrator&voiceUrl=https://example.com/narration.mp3&waitForCompletion=true",
                null);
        Exchange video = send("kling:text2video?waitForCompletion=true", "a fox speaks");
        Exchange fromVideo = template.send("kling:voice?voiceName=Fox&waitForCompletion=true",
                exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(video.getMessage().getHeaders())));
        Exchange noSource = send("kling:voice?voiceName=Nobody", null);

        assertThat(fromUrl.getException()).isNull();
        assertThat(fromUrl.getMessage().getHeader(KlingConstants.CUSTOM_VOICE_ID, String.class)).matches("\\d{18}");
        assertThat(fromVideo.getException()).isNull();
        assertThat(emulator.journal().matching(r -> r.path().equals("/v1/general/custom-voices")).get(1).bodyText())
                .contains("\"video_id\":\"" + video.getMessage().getHeader(KlingConstants.VIDEO_ID) + "\"");
        assertThat(noSource.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("exactly one");
    }

    @Test
    void aVoiceMadeInARouteIsDeletedWithTheHeaderItsCreateSetAndPresetsAreListed() {
        Exchange made = send("kling:voice?voiceName=Narrator&voiceUrl=https://example.com/narration.mp3&waitForCompletion=true",
                null);
        Exchange deleted = template.send("kling:voice?operation=delete",
                exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(made.getMessage().getHeaders())));
        Exchange again = template.send("kling:voice?operation=delete",
                exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(made.getMessage().getHeaders())));
        Exchange voices = send("kling:voice?operation=presets&pageSize=2", null);
        Exchange elements = send("kling:element", null, KlingConstants.OPERATION, "presets");

        assertThat(deleted.getException()).isNull();
        assertThat(deleted.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(emulator.journal().matching(r -> r.path().equals("/v1/general/delete-voices")).get(0).bodyText())
                .isEqualTo("{\"voice_id\":\"" + made.getMessage().getHeader(KlingConstants.CUSTOM_VOICE_ID) + "\"}");
        assertThat(again.getException()).isInstanceOf(io.camelvideo.kling.api.KlingApiException.class)
                .hasMessageContaining("not a voice of this account");
        assertThat(voices.getMessage().getBody(List.class)).hasSize(2).allSatisfy(voice -> assertThat(voice)
                .isInstanceOfSatisfying(io.camelvideo.kling.model.KlingTask.Voice.class, v -> assertThat(v.ownedBy()).isEqualTo("kling")));
        assertThat(elements.getMessage().getBody(List.class)).hasSize(3)
                .allSatisfy(element -> assertThat(element).isInstanceOf(io.camelvideo.kling.model.KlingTask.Element.class));
        assertThat(elements.getMessage().getHeader(KlingConstants.TASK_COUNT)).isEqualTo(3);

        int requests = emulator.journal().size();
        Exchange wrongKind = send("kling:text2video?operation=delete", null);
        Exchange noId = send("kling:element?operation=delete", null);
        assertThat(wrongKind.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("voice and element");
        assertThat(noId.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining(KlingConstants.ELEMENT_ID);
        assertThat(emulator.journal().size()).isEqualTo(requests);
    }

    @Test
    void legacyLipSyncSendsEverythingInsideInputAndDerivesModeAndAudioType() throws Exception {
        Exchange spoken = send("kling:lipSync?videoUrl=https://example.com/talk.mp4&voiceId=oversea_male1&voiceLanguage=en"
                + "&waitForCompletion=true", "Welcome to our channel!");
        String base64Sound = java.util.Base64.getEncoder().encodeToString("ID3 sound".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Exchange dubbed = send("kling:lipSync?waitForCompletion=true", Map.of("input", Map.of(
                "video_url", "https://example.com/talk.mp4", "audio_url", base64Sound, "future_field", 7)));

        assertThat(spoken.getException()).isNull();
        assertThat(spoken.getMessage().getHeader(KlingConstants.VIDEO_URL, String.class)).endsWith(".mp4");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> posts = new java.util.ArrayList<>();
        for (var post : emulator.journal().matching(r -> r.method().equals("POST") && r.path().equals("/v1/videos/lip-sync"))) {
            posts.add(json.readTree(post.bodyText()));
        }
        assertThat(posts.get(0).at("/input/text").asText()).isEqualTo("Welcome to our channel!");
        assertThat(posts.get(0).at("/input/mode").asText()).isEqualTo("text2video");
        assertThat(posts.get(0).at("/input/voice_language").asText()).isEqualTo("en");
        assertThat(posts.get(0).has("prompt")).isFalse();
        assertThat(posts.get(0).get("external_task_id").asText()).as("found again after an unknown outcome").startsWith("camel-");

        assertThat(dubbed.getException()).isNull();
        assertThat(posts.get(1).at("/input/mode").asText()).isEqualTo("audio2video");
        assertThat(posts.get(1).at("/input/audio_type").asText()).isEqualTo("file");
        assertThat(posts.get(1).at("/input/audio_file").asText()).isEqualTo(base64Sound);
        assertThat(posts.get(1).at("/input/future_field").asInt()).as("sent on unchanged").isEqualTo(7);
        assertThat(posts.get(1).at("/input").has("audio_url")).isFalse();
    }

    @Test
    void imageRecognizeAnswersTheFoundPartsAtOnceAndAiMultiShotDownloadsThreeViews() {
        byte[] front = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        Exchange parts = send("kling:imageRecognize", front);
        Exchange views = template.send("direct:read", exchange -> {
            exchange.getMessage().setBody(front);
            exchange.getMessage().setHeader("TestUri", "kling:aiMultiShot?waitForCompletion=true&download=true");
        });

        assertThat(parts.getException()).isNull();
        assertThat(parts.getMessage().getHeader(KlingConstants.IMAGE_URLS, List.class)).as("subject, head and face").hasSize(3);
        assertThat(parts.getMessage().getBody(Map.class)).containsKey("task_result");
        assertThat(parts.getMessage().getHeader(KlingConstants.TASK_ID)).as("no task to track").isNull();
        assertThat(emulator.journal().matching(r -> r.path().equals("/v1/videos/image-recognize")).get(0).bodyText())
                .doesNotContain("external_task_id").doesNotContain("callback_url");

        assertThat(views.getException()).isNull();
        assertThat(views.getMessage().getBody(List.class)).as("three views, downloaded").hasSize(3);
        assertThat(emulator.journal().matching(r -> r.path().equals("/v1/general/ai-multi-shot")).get(0).bodyText())
                .contains("\"element_frontal_image\":\"" + java.util.Base64.getEncoder().encodeToString(front) + "\"");

        int requests = emulator.journal().size();
        assertThat(send("kling:imageRecognize", null).getException()).isInstanceOf(KlingValidationException.class)
                .hasMessageContaining("image");
        assertThat(send("kling:aiMultiShot", null).getException()).isInstanceOf(KlingValidationException.class)
                .hasMessageContaining("element_frontal_image");
        assertThat(emulator.journal().size()).isEqualTo(requests);
    }

    @Test
    void multiElementsSelectsAnElementStepByStepThenRemovesIt() {
        Exchange init = send("kling:multiElementsSelection?videoUrl=https://example.com/animals-5s.mp4", null);
        String session = init.getMessage().getHeader(KlingConstants.SESSION_ID, String.class);
        Exchange marked = template.send("kling:multiElementsSelection?selectionAction=add&frameIndex=12", exchange -> {
            exchange.getMessage().setHeaders(new java.util.HashMap<>(init.getMessage().getHeaders()));
            exchange.getMessage().setBody(Map.of("points", List.of(Map.of("x", 0.4, "y", 0.5))));
        });
        Exchange preview = template.send("kling:multiElementsSelection?selectionAction=preview",
                exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(marked.getMessage().getHeaders())));
        Exchange removed = template.send("kling:multiElements?editMode=removal&waitForCompletion=true", exchange -> {
            exchange.getMessage().setHeaders(new java.util.HashMap<>(preview.getMessage().getHeaders()));
            exchange.getMessage().setBody("Delete the chick from <<<video_1>>>");
        });

        assertThat(init.getException()).isNull();
        assertThat(session).matches("\\d{18}");
        assertThat(init.getMessage().getBody(Map.class)).containsEntry("total_frame", 150);
        assertThat(marked.getException()).isNull();
        assertThat(emulator.journal().matching(r -> r.path().endsWith("/add-selection")).get(0).bodyText())
                .contains("\"session_id\":\"" + session + "\"").contains("\"frame_index\":12").contains("\"points\":[{");
        assertThat(((Map<?, ?>) preview.getMessage().getBody(Map.class).get("res")).get("video").toString()).endsWith(".mp4");
        assertThat(removed.getException()).isNull();
        assertThat(removed.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(emulator.journal().matching(r -> r.method().equals("POST") && r.path().equals("/v1/videos/multi-elements"))
                .get(0).bodyText()).contains("\"edit_mode\":\"removal\"").contains("\"session_id\":\"" + session + "\"");

        int requests = emulator.journal().size();
        Exchange noPoints = send("kling:multiElementsSelection?selectionAction=add&frameIndex=3&sessionId=" + session, null);
        Exchange swapWithoutImage = send("kling:multiElements?editMode=swap&sessionId=" + session, "swap it in <<<video_1>>>");
        Exchange noVideo = send("kling:multiElementsSelection", null);
        assertThat(noPoints.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("points");
        assertThat(swapWithoutImage.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("imageList");
        assertThat(noVideo.getException()).isInstanceOf(KlingValidationException.class).hasMessageContaining("videoId");
        assertThat(emulator.journal().size()).isEqualTo(requests);
    }

    @Test
    void omniImageSendsItsImagesAsTheApiNamesThemAndSeriesFromTheBody() throws Exception {
        Exchange single = send("kling:omniImage?resolution=2k&aspectRatio=3:2&waitForCompletion=true", Map.of(
                "prompt", "Merge the people into <<<image_1>>>",
                "image_list", List.of(Map.of("image", "https://example.com/1.png"), "https://example.com/2.png"),
                "element_list", List.of(Map.of("element_id", 829836802793406551L))));
        Exchange series = send("kling:omniImage?model=kling-v3-omni&waitForCompletion=true",
                Map.of("prompt", "a four-panel comic", "result_type", "series", "series_amount", 4));

        assertThat(single.getException()).isNull();
        com.fasterxml.jackson.databind.JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(emulator.journal()
                .matching(r -> r.method().equals("POST") && r.path().equals("/v1/images/omni-image")).get(0).bodyText());
        assertThat(sent.get("image_list")).hasSize(2);
        assertThat(sent.at("/image_list/0/image").asText()).isEqualTo("https://example.com/1.png");
        assertThat(sent.at("/image_list/1/image").asText()).isEqualTo("https://example.com/2.png");
        assertThat(series.getException()).isNull();
        assertThat(series.getMessage().getHeader(KlingConstants.IMAGE_URLS, List.class)).hasSize(4);
    }

    @Test
    void bodyFieldsTheComponentDoesNotKnowAreSentOnUnchanged() throws Exception {
        String body = "{\"prompt\":\"a fox\",\"model_name\":\"kling-v3\",\"static_mask\":\"https://example.com/mask.png\","
                + "\"element_list\":[{\"element_id\":42}]}";

        Exchange out = send("kling:image2video?image=https://example.com/fox.png", body);

        assertThat(out.getException()).isNull();
        com.fasterxml.jackson.databind.JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                emulator.journal().matching(r -> r.method().equals("POST")).get(0).bodyText());
        assertThat(sent.get("static_mask").asText()).isEqualTo("https://example.com/mask.png");
        assertThat(sent.get("element_list").get(0).get("element_id").asInt()).isEqualTo(42);
        assertThat(sent.get("prompt").asText()).isEqualTo("a fox");
    }

    @Test
    void bodyFieldsBeatHeadersWhichBeatEndpointOptions() {
        send("kling:text2video?mode=std&duration=5&aspectRatio=1:1&negativePrompt=blur",
                Map.of("prompt", "from body", "duration", 10),
                KlingConstants.MODE, "pro", KlingConstants.DURATION, "5", KlingConstants.PROMPT, "from header");
        send("kling:text2video?prompt=from-option", new KlingRequest().cfgScale(0.3));

        List<String> bodies = emulator.journal().matching(r -> r.method().equals("POST")).stream()
                .map(r -> r.bodyText()).toList();
        assertThat(bodies.get(0)).contains("\"prompt\":\"from body\"", "\"duration\":\"10\"", "\"mode\":\"pro\"",
                "\"aspect_ratio\":\"1:1\"", "\"negative_prompt\":\"blur\"");
        assertThat(bodies.get(1)).contains("\"prompt\":\"from-option\"", "\"cfg_scale\":0.3");
    }

    @Test
    void imageBodyIsSentAsRawBase64() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        Exchange out = send("kling:image2video", png);

        assertThat(out.getException()).isNull();
        String sent = emulator.journal().matching(r -> r.method().equals("POST")).get(0).bodyText();
        assertThat(sent).contains("\"image\":\"" + java.util.Base64.getEncoder().encodeToString(png) + "\"")
                .doesNotContain("data:");
    }

    @Test
    void failedTaskRaisesKlingTaskFailedExceptionWithTheReason() {
        Exchange out = send("kling:text2video?waitForCompletion=true", "a [fail] fox");

        assertThat(out.getException()).isInstanceOf(KlingTaskFailedException.class)
                .hasMessageContaining("Failure to pass the risk control system");
        assertThat(((KlingTaskFailedException) out.getException()).getTaskId())
                .isEqualTo(out.getMessage().getHeader(KlingConstants.TASK_ID));
    }

    @Test
    void waitingLongerThanTheCompletionTimeoutSaysTheTaskMayStillFinish() {
        emulator.settings().speed(1);

        Exchange out = send("kling:text2video?waitForCompletion=true&completionTimeout=200", "a slow fox");

        assertThat(out.getException()).isInstanceOf(io.camelvideo.task.poll.TaskTimeoutException.class)
                .hasMessageContaining("may still finish and be billed");
    }

    @Test
    void refusedRequestsCarryTheApiCodeAndAreNotRetried() {
        Exchange out = send("kling:text2video", "a [blocked] fox");

        assertThat(out.getException()).isInstanceOf(io.camelvideo.kling.api.KlingApiException.class);
        io.camelvideo.kling.api.KlingApiException error = (io.camelvideo.kling.api.KlingApiException) out.getException();
        assertThat(error.getHttpStatus()).isEqualTo(400);
        assertThat(error.getCode()).isEqualTo("1301");
        assertThat(error.getRequestId()).isNotBlank();
        assertThat(requests("POST", T2V)).isEqualTo(1);
    }
}
