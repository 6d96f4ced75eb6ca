package io.camelvideo.kling;

import io.camelvideo.task.camel.TaskDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/** The kling dev console: accounts, waiting tasks, throttling pauses and ledger counts. */
@DevConsole(name = "kling", displayName = "Kling", description = "Kling AI tasks: accounts, waits, throttling, ledger counts")
public class KlingDevConsole extends TaskDevConsole {

    public KlingDevConsole() {
        super("kling", "Kling", "Kling AI tasks: accounts, waits, throttling, ledger counts");
    }
}
