package io.camelvideo.examples;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import org.apache.camel.main.Main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The main example: a folder of prompt files becomes a folder of videos. Camel Main runs the YAML
 * route {@code video-factory/routes.yaml} (prompt file → {@code kling:text2video} → wait → download →
 * {@code <prompt name>.mp4}) and stops by itself once every prompt file was turned into a video.
 *
 * <p>Backend: {@code KLING_ACCESS_KEY} + {@code KLING_SECRET_KEY} (official API), or
 * {@code KLING_API_KEY} + {@code KLING_BASE_URL} (+ {@code KLING_PATH_PREFIX}, default
 * {@code /kling/v1}) for a gateway. With none of them, the emulator starts in-process and the run
 * costs nothing.
 *
 * <p>Usage: {@code java -jar examples/target/video-factory.jar [--prompts DIR] [--videos DIR] [--help]}
 * (defaults: {@code examples/prompts} and {@code examples/videos}). A prompt whose video exists is
 * skipped, so a re-run costs nothing for it; a prompt that got no video makes the exit code 1.
 */
public final class VideoFactory {

    private VideoFactory() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println("""
                    Usage: java -jar examples/target/video-factory.jar [--prompts DIR] [--videos DIR]
                      --prompts DIR  the prompt files (*.txt), default examples/prompts
                      --videos DIR   where <prompt name>.mp4 go, default examples/videos
                    Prompts whose video exists already are skipped. Without KLING_* keys the built-in
                    emulator is used (nothing is billed). Exit code 1 when a prompt got no video.""");
            return;
        }
        Path prompts = Path.of(option(args, "--prompts", "examples/prompts")).toAbsolutePath();
        Path videos = Path.of(option(args, "--videos", "examples/videos")).toAbsolutePath();
        Run run = run(prompts, videos, System.getenv());
        System.out.println();
        System.out.println(run.made().size() + " video(s) made, " + run.skipped().size() + " already there, in " + videos + ":");
        run.made().forEach(video -> System.out.println("  " + video.getFileName()));
        run.failed().forEach(prompt -> System.out.println("  FAILED, no video for " + prompt.getFileName()
                + " (see the log above)"));
        if (!run.failed().isEmpty()) {
            System.exit(1);
        }
    }

    /** What a run did: the videos it made, the prompts skipped because their video existed, the prompts that got none. */
    public record Run(List<Path> made, List<Path> skipped, List<Path> failed) {
    }

    /**
     * Turns every {@code *.txt} in {@code prompts} whose {@code videos/<name>.mp4} does not exist yet into
     * that video: a re-run costs nothing for the prompts already done.
     */
    public static Run run(Path prompts, Path videos, Map<String, String> env) throws Exception {
        List<Path> promptFiles = promptFiles(prompts);
        if (promptFiles.isEmpty()) {
            throw new IllegalArgumentException("No prompt files (*.txt) in " + prompts);
        }
        Files.createDirectories(videos);
        List<Path> skipped = promptFiles.stream().filter(prompt -> Files.exists(video(videos, prompt))).toList();
        List<Path> pending = promptFiles.stream().filter(prompt -> !skipped.contains(prompt)).toList();
        if (pending.isEmpty()) {
            System.out.println("Every prompt in " + prompts + " has its video in " + videos + ": nothing to do.");
            return new Run(List.of(), skipped, List.of());
        }
        Emulator emulator = null;
        Main main = new Main(); // no package scan: the routes are the YAML file only
        main.configure().withRoutesIncludePattern("classpath:video-factory/routes.yaml")
                .withDurationMaxMessages(pending.size())
                .withDurationMaxSeconds(1800);
        main.addInitialProperty("video-factory.prompts", prompts.toString());
        main.addInitialProperty("video-factory.videos", videos.toString());
        main.addInitialProperty("video-factory.include", pending.stream() // ant patterns: the file names themselves
                .map(prompt -> prompt.getFileName().toString()).collect(java.util.stream.Collectors.joining(",")));
        try {
            if (env.get("KLING_ACCESS_KEY") != null && env.get("KLING_SECRET_KEY") != null) {
                main.addInitialProperty("camel.component.kling.access-key", env.get("KLING_ACCESS_KEY"));
                main.addInitialProperty("camel.component.kling.secret-key", env.get("KLING_SECRET_KEY"));
                main.addInitialProperty("camel.component.kling.base-url",
                        env.getOrDefault("KLING_BASE_URL", "https://api-singapore.klingai.com"));
                System.out.println("Using the Kling API at " + env.getOrDefault("KLING_BASE_URL", "https://api-singapore.klingai.com")
                        + " (AccessKey/SecretKey): this costs money.");
            } else if (env.get("KLING_API_KEY") != null && env.get("KLING_BASE_URL") != null) {
                main.addInitialProperty("camel.component.kling.api-key", env.get("KLING_API_KEY"));
                main.addInitialProperty("camel.component.kling.base-url", env.get("KLING_BASE_URL"));
                main.addInitialProperty("camel.component.kling.path-prefix", env.getOrDefault("KLING_PATH_PREFIX", "/kling/v1"));
                System.out.println("Using the Kling gateway at " + env.get("KLING_BASE_URL") + " (API key): this costs money.");
            } else {
                emulator = Emulator.start(new EmulatorSettings().speed(30));
                main.addInitialProperty("camel.component.kling.base-url", emulator.baseUrl());
                main.addInitialProperty("camel.component.kling.access-key", EmulatorSettings.DEFAULT_ACCESS_KEY);
                main.addInitialProperty("camel.component.kling.secret-key", EmulatorSettings.DEFAULT_SECRET_KEY);
                main.addInitialProperty("camel.component.kling.poll-interval", "500ms");
                main.addInitialProperty("camel.component.kling.max-poll-interval", "1s");
                System.out.println("""
                        ************************************************************************
                        *  NO KLING KEY CONFIGURED: using the built-in emulator at %s
                        *  The videos are tiny placeholders; nothing is billed. To use Kling,
                        *  set KLING_ACCESS_KEY + KLING_SECRET_KEY, or KLING_API_KEY + KLING_BASE_URL.
                        ************************************************************************"""
                        .formatted(emulator.baseUrl()));
            }
            System.out.println(pending.size() + " prompt file(s) to make in " + prompts + (skipped.isEmpty() ? ""
                    : " (" + skipped.size() + " skipped: their video exists)") + "; videos go to " + videos);
            main.run();
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
        List<Path> made = pending.stream().map(prompt -> video(videos, prompt)).filter(Files::exists).toList();
        List<Path> failed = pending.stream().filter(prompt -> !Files.exists(video(videos, prompt))).toList();
        return new Run(made, skipped, failed);
    }

    private static Path video(Path videos, Path prompt) {
        return videos.resolve(prompt.getFileName().toString().replaceFirst("\\.txt$", ".mp4"));
    }

    private static List<Path> promptFiles(Path prompts) throws IOException {
        if (!Files.isDirectory(prompts)) {
            throw new IllegalArgumentException("Prompt folder not found: " + prompts);
        }
        try (Stream<Path> files = Files.list(prompts)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static String option(String[] args, String name, String defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
