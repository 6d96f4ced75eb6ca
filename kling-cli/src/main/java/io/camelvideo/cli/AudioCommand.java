package io.camelvideo.cli;

import io.camelvideo.kling.KlingConstants;
import org.apache.camel.Exchange;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code kling audio tts}: speech from text, answered at once (the audio id is what avatar and lip sync take). */
@Command(name = "audio", mixinStandardHelpOptions = true, description = "Audio: text to speech.",
         subcommands = AudioCommand.Tts.class)
final class AudioCommand implements Runnable {

    @ParentCommand
    KlingCli cli;

    @Override
    public void run() {
        new CommandLine(this).usage(cli.out);
    }

    @Command(name = "tts", mixinStandardHelpOptions = true, description = "Speak a text (at most 1000 characters) in a voice.")
    static final class Tts extends TaskCommand {
        @ParentCommand
        AudioCommand audio;
        @Parameters(index = "0", paramLabel = "<text>")
        String text;
        @Option(names = "--voice", required = true, description = "An official voice id, e.g. oversea_male1.")
        String voice;
        @Option(names = "--language", description = "zh or en.")
        String language;
        @Option(names = "--speed", description = "0.8 to 2.0.")
        Double speed;
        @Option(names = {"-o", "--output"}, description = "Also save the speech as this mp3 file.")
        Path output;

        @Override
        KlingCli cli() {
            return audio.cli;
        }

        @Override
        Object execute(KlingSession session) throws Exception {
            Map<String, Object> headers = new HashMap<>();
            headers.put(KlingConstants.PROMPT, text);
            headers.put(KlingConstants.VOICE_ID, voice);
            putIf(headers, KlingConstants.VOICE_LANGUAGE, language);
            putIf(headers, KlingConstants.VOICE_SPEED, speed);
            Exchange exchange = checked(output == null ? session.request("kling:tts", null, headers, null)
                    : session.download("kling:tts?download=true&format=mp3", headers, output, null));
            Map<String, Object> json = JsonOutput.success();
            json.put("audio_id", exchange.getMessage().getHeader(KlingConstants.AUDIO_ID));
            json.put("audio_url", exchange.getMessage().getHeader(KlingConstants.AUDIO_MP3_URL));
            if (output != null) {
                json.put("file", output.toAbsolutePath().toString());
            }
            return json;
        }
    }
}
