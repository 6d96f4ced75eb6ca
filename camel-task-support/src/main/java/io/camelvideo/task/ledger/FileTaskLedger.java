package io.camelvideo.task.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * A durable ledger for one instance: the working set in memory, every change appended to a journal
 * file ({@code tasks.jsonl}, one JSON task, {@code {"submit":...}} record, {@code {"watermark":...}} or
 * {@code {"spend":...}} per line, forced to disk)
 * before the call returns. On open the journal is replayed (a torn last line from a crash is
 * skipped) and compacted (delivered and dead tasks and submit records are remembered for 30 days). Claims are
 * not persisted: after a restart every undelivered task is available again.
 *
 * <p>One process at a time: the ledger holds an exclusive lock on {@code ledger.lock} in its
 * directory while open, and a second process fails at start with a message naming the holder.
 */
public final class FileTaskLedger implements TaskLedger {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUBMIT = "submit";
    private static final String WATERMARK = "watermark";
    private static final String SPEND = "spend";
    /** How long delivered tasks are remembered (so a discovered task is not taken in twice). */
    static final java.time.Duration KEEP_DELIVERED = java.time.Duration.ofDays(30);

    private final Path journal;
    private final InMemoryTaskLedger tasks;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;
    private Writer writer;

    /** Opens (or creates) the ledger in {@code directory}; fails when another process has it open. */
    public FileTaskLedger(Path directory) {
        try {
            Files.createDirectories(directory);
            this.journal = directory.resolve("tasks.jsonl");
            Path lockFile = directory.resolve("ledger.lock");
            this.lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock taken;
            try {
                taken = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                taken = null;
            }
            if (taken == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).trim();
                lockChannel.close();
                throw new IllegalStateException("The task ledger in " + directory + " is in use by another process ("
                        + (holder.isEmpty() ? "unknown holder" : holder) + "). A file ledger serves one instance at a"
                        + " time: stop the other one, or use ledger=jdbc to share tasks between instances.");
            }
            this.lock = taken;
            lockChannel.truncate(0);
            lockChannel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on "
                    + java.net.InetAddress.getLocalHost().getHostName() + " since " + java.time.Instant.now())
                    .getBytes(StandardCharsets.UTF_8)), 0);
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
                    JsonNode entry = MAPPER.readTree(line);
                    if (entry.has(SUBMIT)) {
                        tasks.load(MAPPER.treeToValue(entry.get(SUBMIT), SubmitRecord.class));
                    } else if (entry.has(WATERMARK)) {
                        tasks.load(MAPPER.treeToValue(entry.get(WATERMARK), Watermark.class));
                    } else if (entry.has(SPEND)) {
                        tasks.load(MAPPER.treeToValue(entry.get(SPEND), Spend.class));
                    } else {
                        tasks.load(MAPPER.treeToValue(entry, TrackedTask.class));
                    }
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
            for (Object entry : tasks.snapshot(System.currentTimeMillis() - KEEP_DELIVERED.toMillis())) {
                out.write(line(entry));
                out.write('\n');
            }
        }
        try (FileChannel written = FileChannel.open(fresh, StandardOpenOption.WRITE)) {
            written.force(true); // the new journal is on disk before it replaces the old one
        }
        Files.move(fresh, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
    }

    private static String line(Object entry) throws IOException {
        if (entry instanceof SubmitRecord record) {
            return MAPPER.writeValueAsString(Map.of(SUBMIT, record));
        }
        if (entry instanceof Watermark watermark) {
            return MAPPER.writeValueAsString(Map.of(WATERMARK, watermark));
        }
        if (entry instanceof Spend spend) {
            return MAPPER.writeValueAsString(Map.of(SPEND, spend));
        }
        return MAPPER.writeValueAsString(entry);
    }

    /** Called under the working set's lock, so lines are written in the order of the changes. */
    private void append(Object entry) {
        try {
            writer.write(line(entry));
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
    public SubmitRecord intend(String scope, String key, long now) {
        return tasks.intend(scope, key, now);
    }

    @Override
    public void submitted(String scope, String key, String taskId, long now) {
        tasks.submitted(scope, key, taskId, now);
    }

    @Override
    public void forget(String scope, String key) {
        tasks.forget(scope, key);
    }

    @Override
    public SubmitRecord submitRecord(String scope, String key) {
        return tasks.submitRecord(scope, key);
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
    public boolean markDead(String scope, String taskId, String owner) {
        return tasks.markDead(scope, taskId, owner);
    }

    @Override
    public TrackedTask find(String scope, String taskId) {
        return tasks.find(scope, taskId);
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
    public boolean recordSpend(String account, String taskId, long day, double amount) {
        return tasks.recordSpend(account, taskId, day, amount);
    }

    @Override
    public double spent(String account, long day) {
        return tasks.spent(account, day);
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
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
