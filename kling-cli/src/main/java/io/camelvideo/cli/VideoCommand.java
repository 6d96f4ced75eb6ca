package io.camelvideo.cli;

import io.camelvideo.kling.KlingConstants;
import io.camelvideo.kling.KlingKind;
import io.camelvideo.kling.model.KlingTask;
import org.apache.camel.Exchange;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code kling video ...}: the video task commands of seed 001. */
@Command(name = "video", mixinStandardHelpOptions = true, description = "Create, query, list and download video tasks.",
         subcommands = {VideoCommand.Status.class, VideoCommand.Download.class, VideoCommand.ListTasks.class,
                        VideoCommand.Extend.class, VideoCommand.AddSound.class, VideoCommand.Create.class,
                        VideoCommand.CreateFromText.class, VideoCommand.CreateFromImage.class,
                        VideoCommand.CreateMotionControl.class, VideoCommand.CreateAvatar.class})
final class VideoCommand implements Runnable {

    @ParentCommand
    KlingCli cli;

    @Override
    public void run() {
        new CommandLine(this).usage(cli.out);
    }

    /** The task types: seed 001's ({@code create} is omni-video, as in the Kling CLI) and the newer families. */
    static final String TYPES = "create, text2video, image2video, extend, add-sound, motion-control, avatar, effects, lip-sync";

    static KlingKind kind(String type) {
        return switch (type) {
            case "create", "omni-video" -> KlingKind.omniVideo;
            case "text2video" -> KlingKind.text2video;
            case "image2video" -> KlingKind.image2video;
            case "extend" -> KlingKind.extend;
            case "add-sound" -> KlingKind.addSound;
            case "motion-control" -> KlingKind.motionControl;
            case "avatar" -> KlingKind.avatar;
            case "effects" -> KlingKind.effects;
            case "lip-sync" -> KlingKind.advancedLipSync;
            default -> throw new CliException("invalid_argument", "--type must be one of " + TYPES + " (was '" + type + "')");
        };
    }

    /**
     * The kinds to look a task up in: the given type only; without {@code -t}, omni-video (seed 001's
     * default {@code create}) and then every other family, so a task id is found whatever made it.
     */
    static List<KlingKind> kindsToTry(String type) {
        if (type != null) {
            return List.of(kind(type));
        }
        return List.of(KlingKind.omniVideo, KlingKind.text2video, KlingKind.image2video, KlingKind.extend, KlingKind.addSound,
                KlingKind.motionControl, KlingKind.avatar, KlingKind.effects, KlingKind.advancedLipSync,
                KlingKind.multiImage2video, KlingKind.text2audio);
    }

    /** The options every create command shares: model, mode, duration, and whether to wait. */
    static final class GenerationOptions {
        @Option(names = {"-m", "--model"}, description = "The model (default: the API's), e.g. kling-v1-6, kling-v3, kling-v3-omni.")
        String model;
        @Option(names = "--mode", description = "std or pro (4k: kling-v3, kling-v3-omni).")
        String mode;
        @Option(names = {"-d", "--duration"}, description = "Seconds: 5 or 10 (3-15 for kling-v3 and kling-v3-omni).")
        String duration;
        @Option(names = "--wait", description = "Wait for the task to finish (progress on stderr).")
        boolean waitForIt;

        /** The create's fields with these options added where given. */
        Map<String, Object> fields(String firstName, Object firstValue) {
            Map<String, Object> fields = new HashMap<>();
            fields.put(firstName, firstValue);
            TaskCommand.putIf(fields, "model", model);
            TaskCommand.putIf(fields, "mode", mode);
            TaskCommand.putIf(fields, "duration", duration);
            return fields;
        }
    }

    /** One request about a task, as a given kind. */
    @FunctionalInterface
    interface Lookup {
        Exchange in(KlingKind kind) throws Exception;
    }

    /** A video subcommand: the shared plumbing, under {@code kling video}. */
    abstract static class VideoTaskCommand extends TaskCommand {

        @ParentCommand
        VideoCommand video;

        @Override
        KlingCli cli() {
            return video.cli;
        }

        /**
         * Runs {@code lookup} for each kind in turn until one knows the task: a "not found" from one family
         * only means the task is of another. The last "not found" says which types were tried.
         */
        static Exchange inFirstKindThatKnows(List<KlingKind> kinds, Lookup lookup) throws Exception {
            Exception notFound = null;
            for (KlingKind kind : kinds) {
                Exchange exchange = lookup.in(kind);
                if (exchange.getException() == null) {
                    return exchange;
                }
                if (!(exchange.getException() instanceof io.camelvideo.kling.api.KlingApiException api
                        && "task_not_found".equals(JsonOutput.apiCode(api)))) {
                    throw exchange.getException();
                }
                notFound = exchange.getException();
            }
            if (kinds.size() > 1) {
                throw new CliException("task_not_found", "no task with this id in any family (" + TYPES + "): "
                        + notFound.getMessage());
            }
            throw notFound;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Query the status of a video task.")
    static final class Status extends VideoTaskCommand {
        @Parameters(index = "0", paramLabel = "<task_id>", description = "The task id (or external task id).")
        String taskId;
        @Option(names = {"-t", "--type"},
                description = "Task type: " + TYPES + " (default: create; without -t every type is tried until one knows the task).")
        String type;
        @Option(names = {"-v", "--verbose"}, description = "Show full output including URLs.")
        boolean verbose;

        @Override
        Object execute(KlingSession session) throws Exception {
            Exchange exchange = inFirstKindThatKnows(kindsToTry(type), kind -> session.request("kling:" + kind
                    + "?operation=status", null, Map.of(KlingConstants.TASK_ID, taskId), null));
            return JsonOutput.task(exchange.getMessage().getBody(KlingTask.class), verbose);
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true, description = "Download a completed video or audio to a local file.")
    static final class Download extends VideoTaskCommand {
        @Parameters(index = "0", paramLabel = "<task_id>")
        String taskId;
        @Option(names = {"-o", "--output"}, required = true, description = "Output file path.")
        Path output;
        @Option(names = {"-t", "--type"},
                description = "Task type: " + TYPES + " (default: create; without -t every type is tried until one knows the task).")
        String type;
        @Option(names = "--format", defaultValue = "video", description = "video, mp3 or wav (mp3/wav only for add-sound).")
        String format;
        @Option(names = "--watermark", description = "Download the watermarked version.")
        boolean watermark;
        @Option(names = "--wait", description = "Wait for an unfinished task to finish first (progress on stderr).")
        boolean waitForIt;

        @Override
        Object execute(KlingSession session) throws Exception {
            if (!List.of("video", "mp3", "wav").contains(format)) {
                throw new CliException("invalid_argument", "--format must be video, mp3 or wav (was '" + format + "')");
            }
            String chosen = watermark && "video".equals(format) ? "watermarked" : format;
            Path target = output.toAbsolutePath();
            if (target.getParent() != null && !java.nio.file.Files.isDirectory(target.getParent())) {
                throw new CliException("file_error", "cannot write " + target + ": the folder " + target.getParent()
                        + " does not exist");
            }
            inFirstKindThatKnows(kindsToTry(type != null || "video".equals(format) ? type : "add-sound"),
                    kind -> session.download("kling:" + kind + "?operation=download&format=" + chosen
                                    + (waitForIt ? "&waitForCompletion=true" : ""),
                            Map.of(KlingConstants.TASK_ID, taskId), target, waitForIt ? cli().err : null));
            Map<String, Object> json = JsonOutput.success();
            json.put("task_id", taskId);
            json.put("file", target.toString());
            return json;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List video generation tasks, newest first.")
    static final class ListTasks extends VideoTaskCommand {
        @Option(names = {"-l", "--limit"}, defaultValue = "30", description = "Maximum tasks to return (1-500).")
        int limit;
        @Option(names = {"-p", "--page"}, defaultValue = "1", description = "Page number.")
        int page;
        @Option(names = {"-t", "--type"}, defaultValue = "create", description = "Task type: " + TYPES + " (default: ${DEFAULT-VALUE}).")
        String type;

        @Override
        Object execute(KlingSession session) throws Exception {
            Exchange exchange = checked(session.request("kling:" + kind(type) + "?operation=list", null,
                    Map.of(KlingConstants.PAGE_SIZE, limit, KlingConstants.PAGE_NUM, page), null));
            List<Map<String, Object>> tasks = new ArrayList<>();
            for (Object item : exchange.getMessage().getBody(List.class)) {
                KlingTask task = (KlingTask) item;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("task_id", task.taskId());
                row.put("status", task.taskStatus());
                row.put("created_at", task.createdAt());
                tasks.add(row);
            }
            Map<String, Object> json = JsonOutput.success();
            json.put("tasks", tasks);
            json.put("count", tasks.size());
            return json;
        }
    }

    @Command(name = "extend", mixinStandardHelpOptions = true, description = "Extend an existing video by 4-5 seconds.")
    static final class Extend extends VideoTaskCommand {
        @Parameters(index = "0", paramLabel = "<video_id>")
        String videoId;
        @Option(names = "--prompt", description = "Prompt for the extended portion.")
        String prompt;
        @Option(names = "--negative", description = "Negative prompt.")
        String negative;
        @Option(names = "--cfg-scale", defaultValue = "0.5", description = "Prompt adherence (0-1).")
        double cfgScale;
        @Option(names = "--watermark", description = "Include watermark.")
        boolean watermark;
        @Option(names = "--wait", description = "Wait for the task to finish (progress on stderr).")
        boolean waitForIt;

        @Override
        Object execute(KlingSession session) throws Exception {
            Map<String, Object> fields = new HashMap<>();
            fields.put("videoId", videoId);
            fields.put("cfgScale", cfgScale);
            putIf(fields, "prompt", prompt);
            putIf(fields, "negativePrompt", negative);
            if (watermark) {
                fields.put("watermark", true);
            }
            return submitted(session, "kling:extend?trackTasks=false", fields, waitForIt);
        }
    }

    @Command(name = "add-sound", mixinStandardHelpOptions = true, description = "Generate and add sound effects or music to a video.")
    static final class AddSound extends VideoTaskCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<video_id>")
        String videoId;
        @Option(names = "--url", description = "Video URL (alternative to video_id).")
        String url;
        @Option(names = {"-s", "--sound"}, description = "Sound effect prompt (max 200 chars).")
        String sound;
        @Option(names = {"-b", "--bgm"}, description = "Background music prompt (max 200 chars).")
        String bgm;
        @Option(names = "--asmr", description = "Enable ASMR mode (enhanced detail).")
        boolean asmr;
        @Option(names = "--wait", description = "Wait for the task to finish (progress on stderr).")
        boolean waitForIt;

        @Override
        Object execute(KlingSession session) throws Exception {
            Map<String, Object> fields = new HashMap<>();
            putIf(fields, "videoId", videoId);
            putIf(fields, "videoUrl", url);
            putIf(fields, "soundEffectPrompt", sound);
            putIf(fields, "bgmPrompt", bgm);
            if (asmr) {
                fields.put("asmrMode", true);
            }
            return submitted(session, "kling:addSound?trackTasks=false", fields, waitForIt);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
             description = "Create an omni-video (kling-video-o1 or kling-v3-omni) from a prompt and optional reference images.")
    static final class Create extends VideoTaskCommand {
        @Parameters(index = "0", paramLabel = "<prompt>", description = "Refer to images as <<<image_1>>> ... in list order.")
        String prompt;
        @CommandLine.Mixin
        GenerationOptions options;
        @Option(names = {"-r", "--aspect-ratio"}, defaultValue = "16:9", description = "16:9, 9:16 or 1:1 (default: ${DEFAULT-VALUE}).")
        String aspectRatio;
        @Option(names = {"-i", "--image"}, description = "A reference image URL (repeatable).")
        List<String> images;
        @Option(names = "--sound", description = "Generate sound with the video (kling-v3-omni).")
        boolean sound;
        @Option(names = "--watermark", description = "Also produce a watermarked copy.")
        boolean watermark;

        @Override
        Object execute(KlingSession session) throws Exception {
            Map<String, Object> fields = options.fields("prompt", prompt);
            putIf(fields, "aspectRatio", aspectRatio);
            putIf(fields, "imageList", images);
            if (sound) {
                fields.put("sound", "on");
            }
            if (watermark) {
                fields.put("watermark", true);
            }
            return submitted(session, "kling:omniVideo?trackTasks=false", fields, options.waitForIt);
        }
    }

    @Command(name = "create-from-text", mixinStandardHelpOptions = true, description = "Create a video from a text prompt.")
    static final class CreateFromText extends VideoTaskCommand {
        @Parameters(index = "0", paramLabel = "<prompt>")
        String prompt;
        @CommandLine.Mixin
        GenerationOptions options;
        @Option(names = {"-r", "--aspect-ratio"}, description = "16:9, 9:16 or 1:1.")
        String aspectRatio;
        @Option(names = "--negative", description = "Negative prompt.")
        String negative;
        @Option(names = "--cfg-scale", description = "Prompt adherence (0-1).")
        Double cfgScale;
        @Option(names = "--watermark", description = "Also produce a watermarked copy.")
        boolean watermark;

        @Override
        Object execute(KlingSession session) throws Exception {
            Map<String, Object> fields = options.fields("prompt", prompt);
            putIf(fields, "aspectRatio", aspectRatio);
            putIf(fields, "negativePrompt", negative);
            putIf(fields, "cfgScale", cfgScale);
            if (watermark) {
                fields.put("watermark", true);
            }
            return submitted(session, "kling:text2video?trackTasks=false", fields, options.waitForIt);
        }
    }

    @Command(name = "create-from-image", mixinStandardHelpOptions = true, description = "Create a video from an image (file or URL).")
    static final class CreateFromImage extends VideoTaskCommand {
        @Parameters(index = "0", paramLabel = "<image>", description = "An image file or an http(s) URL (first frame).")
        String image;
        @Option(names = "--prompt", description = "What happens in the video.")
        String prompt;
        @Option(names = "--tail", description = "The last frame: an image file or URL.")
        String tail;
        @CommandLine.Mixin
        GenerationOptions options;

        @Override
        Object execute(KlingSession session) throws Exception {
            Map<String, Object> fields = options.fields("image", fileOrUrl("image", image));
            putIf(fields, "imageTail", tail == null ? null : fileOrUrl("tail", tail));
            putIf(fields, "prompt", prompt);
            return submitted(session, "kling:image2video?trackTasks=false", fields, options.waitForIt);
        }
    }

    @Command(name = "create-motion-control", mixinStandardHelpOptions = true,
             description = "Make the character of an image move like the person in a reference video.")
    static final class CreateMotionControl extends VideoTaskCommand {
        @Parameters(index = "0", paramLabel = "<image>", description = "The character: an image file or an http(s) URL.")
        String image;
        @Option(names = "--video-url", required = true, description = "The reference video whose motion the character copies.")
        String videoUrl;
        @Option(names = "--orientation", defaultValue = "image",
                description = "image (video up to 10 s) or video (up to 30 s) (default: ${DEFAULT-VALUE}).")
        String orientation;
        @Option(names = "--prompt", description = "What else happens (clothes, background).")
        String prompt;
        @CommandLine.Mixin
        GenerationOptions options;

        @Override
        Object execute(KlingSession session) throws Exception {
            Map<String, Object> fields = options.fields("image", fileOrUrl("image", image));
            fields.put("videoUrl", videoUrl);
            fields.put("characterOrientation", orientation);
            fields.putIfAbsent("mode", "std");
            putIf(fields, "prompt", prompt);
            return submitted(session, "kling:motionControl?trackTasks=false", fields, options.waitForIt);
        }
    }

    @Command(name = "create-avatar", mixinStandardHelpOptions = true,
             description = "Make a talking avatar from a photo and a voice (an audio id from TTS, or a sound file or URL).")
    static final class CreateAvatar extends VideoTaskCommand {
        @Parameters(index = "0", paramLabel = "<image>", description = "The photo: an image file or an http(s) URL.")
        String image;
        @Option(names = "--audio-id", description = "An audio made by `kling audio tts`.")
        String audioId;
        @Option(names = "--sound", description = "A sound file or an http(s) URL (2-300 s).")
        String sound;
        @Option(names = "--prompt", description = "Actions and emotions.")
        String prompt;
        @Option(names = "--mode", description = "std or pro.")
        String mode;
        @Option(names = "--wait", description = "Wait for the task to finish (progress on stderr).")
        boolean waitForIt;

        @Override
        Object execute(KlingSession session) throws Exception {
            Map<String, Object> fields = new java.util.HashMap<>();
            fields.put("image", fileOrUrl("image", image));
            putIf(fields, "audioId", audioId);
            putIf(fields, "soundFile", sound == null ? null : fileOrUrl("sound", sound));
            putIf(fields, "prompt", prompt);
            putIf(fields, "mode", mode);
            return submitted(session, "kling:avatar?trackTasks=false", fields, waitForIt);
        }
    }
}
