package io.camelvideo.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelvideo.kling.KlingComponent;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.ledger.LedgerType;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N tracked tasks on a PostgreSQL ledger, delivered by one consumer instance, then by two sharing the
 * ledger (two Camel contexts, each with its own component and connection pool, in this JVM): SQL
 * statements per delivered task on the consumers' side (the submissions' own statements apart), how
 * the deliveries split between the instances, the time from a task's end (the emulator's
 * {@code updated_at}) to its delivery, and that every task is delivered exactly once.
 */
final class SharedLedgerBenchmark {

    private final EmulatorProcess emulator;
    private final String url;
    private final String user;
    private final String password;

    SharedLedgerBenchmark(EmulatorProcess emulator, String url, String user, String password) {
        this.emulator = emulator;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void run(int tasks) throws Exception {
        System.out.println();
        System.out.println("| instances | tasks | delivered per instance | SQL statements per delivered task (consumers) | "
                + "SQL statements per submit | completion → delivery p50 / p99 / max | wall time |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int instances = 1; instances <= 2; instances++) {
            once(tasks, instances);
        }
    }

    private void once(int tasks, int instances) throws Exception {
        emulator.reset();
        try (HikariDataSource admin = pool(1)) {
            dropTables(admin);
        }
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        int[] perInstance = new int[instances];
        List<CamelContext> contexts = new ArrayList<>();
        List<HikariDataSource> pools = new ArrayList<>();
        List<CountingDataSource> consumerCounts = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                int instance = i;
                HikariDataSource pool = pool(8);
                pools.add(pool);
                CountingDataSource counting = new CountingDataSource(pool);
                consumerCounts.add(counting);
                CamelContext context = context(counting);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("kling:text2video?delay=200&greedy=true&claimBatchSize=100&maxMessagesPerPoll=500").process(e -> {
                            long now = System.currentTimeMillis();
                            KlingTask task = e.getMessage().getBody(KlingTask.class);
                            deliveries.computeIfAbsent(task.taskId(), id -> new AtomicInteger()).incrementAndGet();
                            latencies.add(now - task.updatedAt());
                            synchronized (perInstance) {
                                perInstance[instance]++;
                            }
                        });
                    }
                });
                contexts.add(context);
            }
            HikariDataSource submitPool = pool(8);
            pools.add(submitPool);
            CountingDataSource submitCount = new CountingDataSource(submitPool);
            CamelContext submitter = context(submitCount);
            contexts.add(submitter);
            long start = System.nanoTime();
            ProducerTemplate template = submitter.createProducerTemplate();
            List<CompletableFuture<Exchange>> creates = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                int index = i;
                creates.add(template.asyncSend("kling:text2video", e -> e.getMessage().setBody("fox " + index)));
            }
            CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            for (CompletableFuture<Exchange> create : creates) {
                if (create.get().getException() != null) {
                    throw new IllegalStateException("a create failed", create.get().getException());
                }
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (deliveries.size() < tasks && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(2_000); // a duplicate would show up in this time
            long consumerStatements = consumerCounts.stream().mapToLong(CountingDataSource::statements).sum();
            int total = deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
            if (deliveries.size() != tasks || total != tasks || emulator.posts() != tasks) {
                throw new IllegalStateException(tasks + " tracked tasks on " + instances + " instance(s): " + emulator.posts()
                        + " creates, " + total + " deliveries of " + deliveries.size() + " distinct tasks (each must be exactly "
                        + tasks + ")");
            }
            List<Long> sorted = new ArrayList<>(latencies);
            StringBuilder split = new StringBuilder();
            for (int count : perInstance) {
                split.append(split.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%,d (%.0f%%)", count, 100.0 * count / tasks));
            }
            System.out.printf(Locale.ROOT, "| %d | %,d | %s | %.2f | %.2f | %,d / %,d / %,d ms | %.1f s |%n", instances, tasks, split,
                    (double) consumerStatements / tasks, (double) submitCount.statements() / tasks,
                    KlingBenchmark.percentile(sorted, 50), KlingBenchmark.percentile(sorted, 99), KlingBenchmark.percentile(sorted, 100),
                    seconds);
        } finally {
            for (CamelContext context : contexts) {
                context.stop();
            }
            pools.forEach(HikariDataSource::close);
        }
    }

    private CamelContext context(CountingDataSource ledger) throws Exception {
        CamelContext context = new DefaultCamelContext();
        KlingComponent kling = KlingBenchmark.kling(emulator, KlingBenchmark.POLL_MILLIS, 2 * KlingBenchmark.POLL_MILLIS);
        kling.setLedger(LedgerType.jdbc);
        kling.setLedgerDataSource(ledger.dataSource());
        context.addComponent("kling", kling);
        context.start();
        return context;
    }

    private HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private static void dropTables(HikariDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : new String[] {"", "_watermark", "_submit", "_slot", "_spend"}) {
                statement.execute("DROP TABLE IF EXISTS camel_task_ledger" + table);
            }
        }
    }
}
