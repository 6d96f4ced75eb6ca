package io.camelvideo.legnext;

import io.camelvideo.task.camel.TaskDevConsole;
import org.apache.camel.spi.annotations.DevConsole;

/** The legnext dev console: accounts, waiting jobs, throttling pauses and ledger counts. */
@DevConsole(name = "legnext", displayName = "Legnext", description = "Legnext jobs: accounts, waits, throttling, ledger counts")
public class LegnextDevConsole extends TaskDevConsole {

    public LegnextDevConsole() {
        super("legnext", "Legnext", "Legnext jobs: accounts, waits, throttling, ledger counts");
    }
}
