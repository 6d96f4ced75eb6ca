package io.camelvideo.task.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * A durable ledger for one instance: the working set in memory, every change appended to a journal
 * file ({@code tasks.jsonl}, one JSON task per line, forced to disk) before the call returns. On open
 * the journal is replayed (a torn last line from a crash is skipped) and compacted (delivered tasks
 * are remembered for 30 days). Claims are not persisted: after a restart every undelivered task is
 * available again.
 */
public final class FileTaskLedger implements TaskLedger {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** How long delivered tasks are remembered (so a discovered task is not taken in twice). */
    static final java.time.Duration KEEP_DELIVERED = java.time.Duration.ofDays(30);

    private final Path journal;
    private final InMemoryTaskLedger tasks;
    private FileChannel channel;
    private Writer writer;

    /** Opens (or creates) the ledger in {@code directory}. */
    public FileTaskLedger(Path directory) {
        try {
            Files.createDirectories(directory);
            this.journal = directory.resolve("tasks.jsonl");
            this.tasks = new InMemoryTaskLedger(this::append);
            replay();
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the task ledger in " + directory, e);
        }
    }

    private void replay() throws IOException {
        if (!Files.exists(journal)) {
            return;
        }
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    tasks.load(MAPPER.readValue(line, TrackedTask.class));
                } catch (IOException torn) {
                    // the last write of a crashed process; everything before it is intact
                }
            }
        }
    }

    /** Rewrites the journal with the live tasks only, atomically. */
    private void compact() throws IOException {
        Path fresh = journal.resolveSibling("tasks.jsonl.tmp");
        try (Writer out = Files.newBufferedWriter(fresh, StandardCharsets.UTF_8)) {
            for (TrackedTask task : tasks.snapshot(System.currentTimeMillis() - KEEP_DELIVERED.toMillis())) {
                out.write(MAPPER.writeValueAsString(task));
                out.write('\n');
            }
        }
        Files.move(fresh, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
    }

    /** Called under the working set's lock, so lines are written in the order of the changes. */
    private void append(TrackedTask task) {
        try {
            writer.write(MAPPER.writeValueAsString(task));
            writer.write('\n');
            writer.flush();
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the task ledger " + journal, e);
        }
    }

    @Override
    public void record(TrackedTask task) {
        tasks.record(task);
    }

    @Override
    public List<TrackedTask> claimDue(String scope, long now, int max, long leaseMillis, String owner) {
        return tasks.claimDue(scope, now, max, leaseMillis, owner);
    }

    @Override
    public void reschedule(String scope, String taskId, String status, long nextCheckAt) {
        tasks.reschedule(scope, taskId, status, nextCheckAt);
    }

    @Override
    public void finish(String scope, String taskId, String status, String result) {
        tasks.finish(scope, taskId, status, result);
    }

    @Override
    public List<TrackedTask> claimFinished(String scope, long now, int max, long leaseMillis, String owner) {
        return tasks.claimFinished(scope, now, max, leaseMillis, owner);
    }

    @Override
    public boolean markDelivered(String scope, String taskId, String owner) {
        return tasks.markDelivered(scope, taskId, owner);
    }

    @Override
    public void releaseDelivery(String scope, String taskId, long retryAt) {
        tasks.releaseDelivery(scope, taskId, retryAt);
    }

    @Override
    public void releaseClaims(String scope, String owner) {
        tasks.releaseClaims(scope, owner);
    }

    @Override
    public long watermark(String scope, long initial) {
        return tasks.watermark(scope, initial);
    }

    @Override
    public void advanceWatermark(String scope, long value) {
        tasks.advanceWatermark(scope, value);
    }

    @Override
    public Map<TrackedTask.State, Long> counts(String scope) {
        return tasks.counts(scope);
    }

    @Override
    public synchronized void close() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
