package io.camelvideo.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's run command, as a test: the sample prompts become videos named after them, offline. */
class VideoFactoryTest {

    @Test
    void everyPromptFileBecomesAVideoNamedAfterIt(@TempDir Path work) throws Exception {
        Path prompts = Files.createDirectories(work.resolve("prompts"));
        Files.writeString(prompts.resolve("fox.txt"), "A red fox in the snow");
        Files.writeString(prompts.resolve("storm.txt"), "duration: 10\n---\nA lighthouse in a storm");
        Files.writeString(prompts.resolve("notes.md"), "not a prompt");
        Path videos = work.resolve("videos");

        List<Path> made = VideoFactory.run(prompts, videos, Map.of()).made();

        assertThat(made).extracting(p -> p.getFileName().toString()).containsExactly("fox.mp4", "storm.mp4");
        for (Path video : made) {
            assertThat(new String(Files.readAllBytes(video), 4, 4)).isEqualTo("ftyp");
        }
        assertThat(mvhdSeconds(Files.readAllBytes(videos.resolve("storm.mp4")))).isEqualTo(10.1);
        assertThat(prompts.resolve("fox.txt")).exists();
    }

    @Test
    void aReRunMakesOnlyTheMissingVideosAndAFailedPromptIsReported(@TempDir Path work) throws Exception {
        Path prompts = Files.createDirectories(work.resolve("prompts"));
        Files.writeString(prompts.resolve("fox.txt"), "A red fox in the snow");
        Path videos = work.resolve("videos");
        VideoFactory.run(prompts, videos, Map.of());
        java.nio.file.attribute.FileTime foxMade = Files.getLastModifiedTime(videos.resolve("fox.mp4"));
        Files.writeString(prompts.resolve("heron.txt"), "A heron at dawn");
        Files.writeString(prompts.resolve("blocked.txt"), "a [fail] prompt the service refuses");

        VideoFactory.Run again = VideoFactory.run(prompts, videos, Map.of());

        assertThat(again.skipped()).extracting(p -> p.getFileName().toString()).containsExactly("fox.txt");
        assertThat(again.made()).extracting(p -> p.getFileName().toString()).containsExactly("heron.mp4");
        assertThat(again.failed()).extracting(p -> p.getFileName().toString()).containsExactly("blocked.txt");
        assertThat(Files.getLastModifiedTime(videos.resolve("fox.mp4"))).as("not made again").isEqualTo(foxMade);
        assertThat(VideoFactory.run(prompts, videos, Map.of()).made()).as("only the failed one was tried again").isEmpty();
    }

    @Test
    void theSamplePromptsShipWithTheExample() throws Exception {
        try (var files = Files.list(Path.of("prompts"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".txt")).count()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void promptFileHeaderAndSiblingJsonSetOptions(@TempDir Path dir) throws Exception {
        Path prompt = dir.resolve("boat.txt");
        Files.writeString(dir.resolve("boat.json"), "{\"aspectRatio\":\"9:16\",\"mode\":\"std\"}");

        Map<String, Object> fields = new PromptFile().fields("mode: pro\nduration: 10\n---\nA paper boat\n", prompt.toString());

        assertThat(fields).containsEntry("prompt", "A paper boat").containsEntry("mode", "pro")
                .containsEntry("duration", "10").containsEntry("aspectRatio", "9:16");
        assertThat(new PromptFile().fields("just a prompt", null)).containsExactly(Map.entry("prompt", "just a prompt"));
    }

    static double mvhdSeconds(byte[] mp4) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(mp4);
        for (int i = 0; i + 24 < mp4.length; i++) {
            if (mp4[i] == 'm' && mp4[i + 1] == 'v' && mp4[i + 2] == 'h' && mp4[i + 3] == 'd') {
                return (buffer.getInt(i + 20) & 0xFFFFFFFFL) / (double) (buffer.getInt(i + 16) & 0xFFFFFFFFL);
            }
        }
        throw new AssertionError("no mvhd box");
    }
}
