package io.camelvideo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The {@code kling} command line tool of seed 001 ({@code kling video status|download|list|extend|add-sound}
 * plus create commands; {@code kling audio tts}, {@code kling voice ...}, {@code kling element ...}), built on the
 * {@code kling:} component. JSON answers go to stdout, progress
 * lines to stderr; the exit code is 0 on success, 1 on an error answer, 2 on a usage error.
 */
@Command(name = "kling", mixinStandardHelpOptions = true, version = "kling 0.1.0",
         description = "Kling AI video tasks from the command line (configured by KLING_* environment variables).",
         subcommands = {VideoCommand.class, AudioCommand.class, VoiceCommand.class, ElementCommand.class})
public final class KlingCli implements Runnable {

    final Map<String, String> env;
    final PrintStream out;
    final PrintStream err;

    KlingCli(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the tool; returns the exit code. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new KlingCli(env, out, err));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }
}
