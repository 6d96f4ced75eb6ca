package io.camelvideo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kling CLI end to end on the emulator: the commands, flags, JSON answers and exit codes of seed 001. */
class KlingCliTest {

    private static Emulator emulator;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Result(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return MAPPER.readTree(out);
        }
    }

    @BeforeAll
    static void start() {
        emulator = Emulator.start(new EmulatorSettings().speed(1000));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("KLING_ACCESS_KEY", EmulatorSettings.DEFAULT_ACCESS_KEY);
        env.put("KLING_SECRET_KEY", EmulatorSettings.DEFAULT_SECRET_KEY);
        env.put("KLING_BASE_URL", emulator.baseUrl());
        env.put("KLING_POLL_INTERVAL", "20ms");
        return env;
    }

    private static Result kling(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KlingCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result kling(String... args) {
        return kling(env(), args);
    }

    @Test
    void createWaitStatusAndDownloadAVideo(@TempDir Path dir) throws Exception {
        Result created = kling("video", "create-from-text", "a fox in the snow", "--duration", "10", "--watermark", "--wait");
        JsonNode task = created.json();
        assertThat(created.exitCode()).as(created.out() + created.err()).isZero();
        assertThat(task.get("success").asBoolean()).isTrue();
        assertThat(task.get("status").asText()).isEqualTo("succeed");
        assertThat(task.get("duration").asText()).isEqualTo("10.1");
        assertThat(task.get("video_url").asText()).endsWith(".mp4");
        String taskId = task.get("task_id").asText();

        Result status = kling("video", "status", taskId);
        Result verbose = kling("video", "status", taskId, "-v");
        Path file = dir.resolve("fox.mp4");
        Result download = kling("video", "download", taskId, "-o", file.toString(), "--watermark");

        assertThat(status.json().get("video_id").asText()).isEqualTo(task.get("video_id").asText());
        assertThat(status.json().has("video_url")).isFalse();
        assertThat(verbose.json().get("watermark_url").asText()).endsWith("_watermarked.mp4");
        assertThat(download.exitCode()).isZero();
        assertThat(download.json().get("file").asText()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(new String(Files.readAllBytes(file), 4, 4)).isEqualTo("ftyp");
    }

    @Test
    void ttsGivesTheAudioIdThatCreateAvatarTakesAndMotionControlReadsAnImageFile(@TempDir Path dir) throws Exception {
        Path speech = dir.resolve("hello.mp3");
        Result tts = kling("audio", "tts", "Hello from the command line", "--voice", "oversea_male1", "--language", "en",
                "-o", speech.toString());
        assertThat(tts.exitCode()).as(tts.out() + tts.err()).isZero();
        String audioId = tts.json().get("audio_id").asText();
        assertThat(audioId).isNotBlank();
        assertThat(tts.json().get("audio_url").asText()).endsWith(".mp3");
        assertThat(Files.size(speech)).isPositive();

        Result avatar = kling("video", "create-avatar", "https://example.com/presenter.png", "--audio-id", audioId, "--wait");
        assertThat(avatar.exitCode()).as(avatar.out() + avatar.err()).isZero();
        assertThat(avatar.json().get("status").asText()).isEqualTo("succeed");
        assertThat(emulator.journal().matching(r -> r.path().equals("/v1/videos/avatar/image2video")).get(0).bodyText())
                .contains("\"audio_id\":\"" + audioId + "\"");

        Path character = dir.resolve("character.png");
        Files.write(character, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        Result motion = kling("video", "create-motion-control", character.toString(), "--video-url",
                "https://example.com/dance.mp4", "--mode", "pro");
        assertThat(motion.exitCode()).as(motion.out() + motion.err()).isZero();
        assertThat(motion.json().get("status").asText()).isEqualTo("submitted");
        assertThat(emulator.journal().matching(r -> r.path().equals("/v1/videos/motion-control")).get(0).bodyText())
                .contains("\"character_orientation\":\"image\"").contains("\"mode\":\"pro\"");

        Result noVoice = kling("audio", "tts", "Hello");
        assertThat(noVoice.exitCode()).isEqualTo(2);
    }

    @Test
    void voicesAndElementsAreCreatedListedAndDeletedAndPresetsListed() throws Exception {
        Result voice = kling("voice", "create", "--name", "Narrator", "--url", "https://example.com/narration.mp3", "--wait");
        assertThat(voice.exitCode()).as(voice.out() + voice.err()).isZero();
        String voiceId = voice.json().get("voice_id").asText();
        Result voices = kling("voice", "list");
        Result presets = kling("voice", "presets", "-l", "2");
        Result deleted = kling("voice", "delete", voiceId);
        Result again = kling("voice", "delete", voiceId);

        assertThat(voices.json().get("voices")).singleElement()
                .satisfies(v -> assertThat(v.get("voice_id").asText()).isEqualTo(voiceId));
        assertThat(presets.json().get("count").asInt()).isEqualTo(2);
        assertThat(presets.json().at("/voices/0/owned_by").asText()).isEqualTo("kling");
        assertThat(deleted.json().get("voice_id").asText()).isEqualTo(voiceId);
        assertThat(deleted.json().get("status").asText()).isEqualTo("succeed");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.json().get("success").asBoolean()).isFalse();

        Result element = kling("element", "create", "--name", "Mia", "--description", "Young woman, red coat",
                "--front", "https://example.com/mia-front.png", "--refer", "https://example.com/mia-side.png", "--wait");
        assertThat(element.exitCode()).as(element.out() + element.err()).isZero();
        String elementId = element.json().get("element_id").asText();
        assertThat(kling("element", "list").json().at("/elements/0/element_id").asText()).isEqualTo(elementId);
        assertThat(kling("element", "presets").json().get("count").asInt()).isEqualTo(3);
        assertThat(kling("element", "delete", elementId).exitCode()).isZero();
    }

    @Test
    void downloadWaitsWhenAskedAndAMissingFolderIsAFileErrorBeforeAnyCall(@TempDir Path dir) throws Exception {
        String taskId = kling("video", "create-from-text", "a slow fox").json().get("task_id").asText();
        Path file = dir.resolve("slow.mp4");

        Result waited = kling("video", "download", taskId, "-t", "text2video", "-o", file.toString(), "--wait");
        int before = emulator.journal().size();
        Result noFolder = kling("video", "download", taskId, "-o", dir.resolve("sub/dir/x.mp4").toString());

        assertThat(waited.exitCode()).as(waited.out() + waited.err()).isZero();
        assertThat(new String(Files.readAllBytes(file), 4, 4)).isEqualTo("ftyp");
        assertThat(noFolder.exitCode()).isEqualTo(1);
        assertThat(noFolder.json().at("/error/code").asText()).isEqualTo("file_error");
        assertThat(noFolder.json().at("/error/message").asText()).contains("does not exist");
        assertThat(emulator.journal().size()).as("no call").isEqualTo(before);
    }

    @Test
    void extendAndAddSoundThenDownloadTheMp3(@TempDir Path dir) throws Exception {
        String videoId = kling("video", "create-from-text", "surf", "--wait").json().get("video_id").asText();

        Result extend = kling("video", "extend", videoId, "--prompt", "more waves", "--wait");
        Result sound = kling("video", "add-sound", videoId, "-s", "waves", "-b", "calm piano", "--asmr", "--wait");
        String soundTask = sound.json().get("task_id").asText();
        Path mp3 = dir.resolve("waves.mp3");
        Result download = kling("video", "download", soundTask, "--type", "add-sound", "--format", "mp3", "-o", mp3.toString());

        assertThat(extend.json().get("duration").asText()).isEqualTo("9.6");
        assertThat(extend.err()).contains("waiting for the task to finish");
        assertThat(sound.json().get("audio_mp3_url").asText()).endsWith(".mp3");
        assertThat(download.exitCode()).isZero();
        assertThat(Files.readAllBytes(mp3)[0] & 0xFF).isEqualTo(0xFF);
    }

    @Test
    void createIsOmniVideoAndStatusListAndDownloadFindItWithTheDefaultType(@TempDir Path dir) throws Exception {
        Result created = kling("video", "create", "a fox in <<<image_1>>>", "-i", "https://example.com/snow.png", "--wait");
        String taskId = created.json().get("task_id").asText();
        Result status = kling("video", "status", taskId);
        Result list = kling("video", "list", "--limit", "5");
        Path file = dir.resolve("omni.mp4");
        Result download = kling("video", "download", taskId, "-o", file.toString());

        assertThat(created.json().get("status").asText()).isEqualTo("succeed");
        assertThat(status.json().get("status").asText()).isEqualTo("succeed");
        assertThat(list.json().get("tasks").get(0).get("task_id").asText()).isEqualTo(taskId);
        assertThat(download.exitCode()).isZero();
        assertThat(new String(Files.readAllBytes(file), 4, 4)).isEqualTo("ftyp");
        assertThat(emulator.journal().matching(r -> r.method().equals("POST")).get(0).path()).isEqualTo("/v1/videos/omni-video");
    }

    @Test
    void createWithoutWaitAnswersSubmittedAndListShowsIt() throws Exception {
        Result created = kling("video", "create-from-text", "a cat");
        Result list = kling("video", "list", "--limit", "5", "--type", "text2video");

        assertThat(created.json().get("status").asText()).isEqualTo("submitted");
        assertThat(created.err()).isEmpty();
        assertThat(list.json().get("count").asInt()).isBetween(1, 5);
        assertThat(list.json().get("tasks").get(0).get("task_id").asText()).isEqualTo(created.json().get("task_id").asText());
    }

    @Test
    void errorsAreJsonWithACodeAndANonZeroExit() throws Exception {
        Result unknown = kling("video", "status", "860000000000000000");
        Result invalid = kling("video", "list", "--limit", "501");
        Result failed = kling("video", "create-from-text", "a [fail] fox", "--wait");
        Map<String, String> noKeys = new HashMap<>();
        Result missing = kling(noKeys, "video", "list");
        Map<String, String> badKey = env();
        badKey.put("KLING_SECRET_KEY", "wrong-secret-123");
        Result unauthorized = kling(badKey, "video", "list");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.json().get("success").asBoolean()).isFalse();
        assertThat(unknown.json().at("/error/code").asText()).isEqualTo("task_not_found");
        assertThat(invalid.json().at("/error/code").asText()).isEqualTo("invalid_argument");
        assertThat(invalid.json().at("/error/message").asText()).contains("pageSize").contains("500");
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("content_policy");
        assertThat(missing.json().at("/error/code").asText()).isEqualTo("missing_credentials");
        assertThat(unauthorized.json().at("/error/code").asText()).isEqualTo("auth_error");
        assertThat(unauthorized.out()).doesNotContain("wrong-secret-123");
    }

    @Test
    void pipedWaitWritesALinePerStatusChangeWithTheGatewaysProgress() throws Exception {
        Map<String, String> gateway = new HashMap<>();
        gateway.put("KLING_API_KEY", EmulatorSettings.DEFAULT_KLING_API_KEY);
        gateway.put("KLING_BASE_URL", emulator.baseUrl());
        gateway.put("KLING_POLL_INTERVAL", "20ms");
        emulator.settings().speed(50); // a task runs ~1.3 s: the backing-off checks see it move
        Result waited;
        try {
            waited = kling(gateway, "video", "create-from-text", "a fox in the snow", "--wait");
        } finally {
            emulator.settings().speed(1000);
        }

        assertThat(waited.exitCode()).as(waited.out() + waited.err()).isZero();
        String taskId = waited.json().get("task_id").asText();
        List<String> lines = waited.err().lines().toList();
        assertThat(lines.get(0)).isEqualTo("waiting for the task to finish...");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().doesNotHaveDuplicates()
                .allSatisfy(line -> assertThat(line).matches("task " + taskId + ": (submitted|processing) \\d+% after \\d+ s"))
                .anySatisfy(line -> assertThat(line).contains(": processing "));
        assertThat(waited.err()).doesNotContain("\r");
    }

    @Test
    void aBadPollIntervalIsRefusedBeforeAnyCall() throws Exception {
        Map<String, String> env = env();
        env.put("KLING_POLL_INTERVAL", "abc");
        long posts = emulator.journal().count("POST", "/v1/videos/text2video");

        Result refused = kling(env, "video", "create-from-text", "a fox", "--wait");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("invalid_argument");
        assertThat(refused.json().at("/error/message").asText()).contains("KLING_POLL_INTERVAL", "'abc'");
        assertThat(emulator.journal().count("POST", "/v1/videos/text2video")).isEqualTo(posts);
    }

    @Test
    void helpAndUsageErrors() {
        Result help = kling("video", "download", "--help");
        Result usage = kling("video", "download", "123");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--output", "--format", "--watermark", "--type");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--output");
    }
}
