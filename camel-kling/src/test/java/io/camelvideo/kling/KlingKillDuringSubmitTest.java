package io.camelvideo.kling;

import io.camelvideo.task.testing.PostgresSupport;
import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.emulator.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} while creates are in flight, then a restart on the same ledger: a real separate
 * JVM ({@link SubmittingApp}) killed with SIGKILL, with the file ledger and with PostgreSQL. Every
 * input ends as exactly one paid task, delivered exactly once. Also: a second JVM cannot open a file
 * ledger another one holds.
 */
class KlingKillDuringSubmitTest {

    private static final int INPUTS = 24;

    @TempDir
    Path dir;

    private Emulator emulator;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = Emulator.start(new EmulatorSettings().speed(500));
    }

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        emulator.close();
    }

    @Test
    void killDuringSubmissionWithTheFileLedger() throws Exception {
        killAndRestart("file", dir.resolve("ledger").toString());
    }

    @Test
    void killDuringSubmissionWithThePostgresLedger() throws Exception {
        PostgresSupport.requirePostgres();
        PostgresSupport.clear(PostgresSupport.dataSource());
        killAndRestart("jdbc");
    }

    @Test
    void aSecondJvmOnTheSameFileLedgerFailsAtStartNamingTheHolder() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        String ledgerDir = dir.resolve("ledger").toString();
        Process first = launch("holder", in, out, "file", ledgerDir);

        List<String> command = command(in, out, "file", ledgerDir);
        Process second = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(second);
        String output = new String(second.getInputStream().readAllBytes());

        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isNotZero();
        assertThat(output).contains("in use by another process").contains("pid " + first.pid()).doesNotContain("STARTED");
        assertThat(first.isAlive()).isTrue();
    }

    private void killAndRestart(String... ledger) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = Files.createDirectories(dir.resolve("out"));
        for (int i = 0; i < INPUTS; i++) {
            Files.writeString(in.resolve("prompt-" + i + ".txt"), "a fox, take " + i);
        }
        // every create is accepted at once, but its answer takes 3 s: creates are in flight when the kill comes
        emulator.inject(Fault.of(Fault.Type.DELAY).on("POST", "/v1/videos/text2video").delayMillis(3_000).times(INPUTS).build());

        Process first = launch("first", in, out, ledger);
        await().atMost(Duration.ofSeconds(60)).until(() -> emulator.kling().taskCount() >= INPUTS / 3);
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean stop
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int createdBeforeKill = emulator.kling().taskCount();
        assertThat(delivered(out)).as("the kill came while creates were in flight").isEmpty();
        emulator.faults().clear();

        launch("second", in, out, ledger);
        await().atMost(Duration.ofSeconds(90)).until(() -> delivered(out).size() == INPUTS);

        Map<String, List<String>> deliveries = delivered(out);
        assertThat(deliveries).hasSize(INPUTS);
        assertThat(deliveries.values()).as("each input delivered exactly once").allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(deliveries.values().stream().map(ids -> ids.get(0)).distinct()).hasSize(INPUTS);
        assertThat(emulator.kling().taskCount()).as("paid tasks (%d existed at the kill)", createdBeforeKill).isEqualTo(INPUTS);
    }

    private List<String> command(Path in, Path out, String... ledger) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), SubmittingApp.class.getName(),
                emulator.baseUrl(), in.toString(), out.toString()));
        command.addAll(List.of(ledger));
        return command;
    }

    private Process launch(String name, Path in, Path out, String... ledger) throws IOException {
        List<String> command = command(in, out, ledger);
        File log = dir.resolve(name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        processes.add(process);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(process.isAlive()).as("%s started (log: %s)", name, Files.readString(log.toPath())).isTrue();
            return Files.readString(log.toPath()).contains("STARTED");
        });
        return process;
    }

    /** Prompt file name → the task ids delivered for it (one line per delivery). */
    private static Map<String, List<String>> delivered(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.toString().endsWith(".delivered")).collect(Collectors.toMap(
                    f -> f.getFileName().toString(), f -> {
                        try {
                            return Files.readAllLines(f).stream().filter(l -> !l.isBlank()).toList();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }));
        }
    }
}
