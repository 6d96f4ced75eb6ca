package io.camelvideo.cli;

import java.io.PrintStream;

/**
 * What {@code --wait} shows on stderr while a task runs. On a terminal: one live line, redrawn every
 * second, with a bar when the API reports progress. Piped or redirected: a line per status change
 * (a log keeps them; carriage returns would collapse), e.g. {@code task 8600…: processing 45% after 12 s}.
 */
final class ProgressDisplay {

    private static final int BAR_WIDTH = 20;

    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private String status = "submitted";
    private String progress;

    ProgressDisplay(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    synchronized void started() {
        if (terminal) {
            draw();
        } else {
            out.println("waiting for the task to finish...");
        }
    }

    /** A status update of the waited task (the component's {@code statusUpdateUri}). */
    synchronized void update(String taskId, String newStatus, String newProgress) {
        status = newStatus;
        progress = newProgress;
        if (terminal) {
            draw();
        } else {
            out.println("task " + taskId + ": " + status + (progress != null ? " " + progress : "") + " after " + seconds() + " s");
        }
    }

    /** A second went by: the terminal line shows the time. */
    synchronized void tick() {
        if (terminal) {
            draw();
        }
    }

    synchronized void finished() {
        if (terminal) {
            out.println();
        }
    }

    private void draw() {
        Integer percent = percent();
        String bar = percent == null ? "" : "[" + "#".repeat(percent * BAR_WIDTH / 100)
                + "-".repeat(BAR_WIDTH - percent * BAR_WIDTH / 100) + "] " + percent + "% ";
        out.print("\rwaiting for the task to finish... " + bar + status + ", " + seconds() + " s   ");
        out.flush();
    }

    private Integer percent() {
        if (progress == null) {
            return null;
        }
        try {
            return Math.max(0, Math.min(100, Integer.parseInt(progress.replace("%", "").trim())));
        } catch (NumberFormatException notAPercentage) {
            return null;
        }
    }

    private long seconds() {
        return (System.nanoTime() - start) / 1_000_000_000;
    }
}
