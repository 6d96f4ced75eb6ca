package io.camelvideo.cli;

import io.camelvideo.kling.KlingKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/** {@code kling voice create|list|presets|delete}: custom voices for voice_list and elements. */
@Command(name = "voice", mixinStandardHelpOptions = true, description = "Custom voices: create, list, presets, delete.",
         subcommands = {VoiceCommand.Create.class, LibraryCommand.ListOwn.class, LibraryCommand.Presets.class,
                        LibraryCommand.Delete.class})
final class VoiceCommand extends LibraryCommand {

    @Override
    KlingKind kind() {
        return KlingKind.voice;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
             description = "Make a custom voice from an audio or video URL (5-30 s, one clean voice) or a Kling video with sound.")
    static final class Create extends LibraryTask {
        @Option(names = "--name", required = true, description = "The voice's name (at most 20 characters).")
        String name;
        @Option(names = "--url", description = "An audio or video URL of the voice.")
        String url;
        @Option(names = "--video-id", description = "A Kling video made with sound.")
        String videoId;
        @Option(names = "--wait", description = "Wait for the voice (progress on stderr); the answer then has voice_id.")
        boolean waitForIt;

        @Override
        Object execute(KlingSession session) throws Exception {
            Map<String, Object> fields = new HashMap<>();
            fields.put("voiceName", name);
            putIf(fields, "voiceUrl", url);
            putIf(fields, "videoId", videoId);
            return submitted(session, "kling:voice?trackTasks=false", fields, waitForIt);
        }
    }
}
