package io.camelvideo.kling;

import io.camelvideo.task.testing.PostgresSupport;
import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.emulator.journal.RecordedRequest;
import io.camelvideo.task.ledger.LedgerType;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL ledger submit 100 prompts each to one account that allows 3
 * unfinished tasks: they share the window through the ledger, so together they never have more
 * than 3 unfinished tasks, every prompt is delivered once, and no input fails.
 */
class KlingParallelLimitSharedTest {

    private static final int PER_INSTANCE = 100;
    private static final int LIMIT = 3;

    @TempDir
    Path dir;

    private Emulator emulator;
    private final List<CamelContext> instances = new ArrayList<>();
    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final AtomicInteger failedInputs = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        PostgresSupport.requirePostgres();
        PostgresSupport.clear(PostgresSupport.dataSource());
        emulator = Emulator.start(new EmulatorSettings().speed(1000).klingConcurrency(LIMIT));
    }

    private com.zaxxer.hikari.HikariDataSource pool;

    @AfterEach
    void stop() {
        instances.forEach(CamelContext::stop);
        if (pool != null) {
            pool.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @ParameterizedTest(name = "maxParallelTasks={0}")
    @ValueSource(ints = {0, LIMIT})
    void twoInstancesShareTheAccountsWindow(int maxParallelTasks) throws Exception {
        pool = PostgresSupport.pooledDataSource();
        DataSource ledger = pool;
        for (String name : List.of("a", "b")) {
            Path in = Files.createDirectories(dir.resolve("in-" + name));
            for (int i = 0; i < PER_INSTANCE; i++) {
                Files.writeString(in.resolve(name + "-" + i + ".txt"), "a fox, take " + name + i);
            }
            instances.add(instance(in, ledger, maxParallelTasks));
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> delivered.size() == 2 * PER_INSTANCE);

        List<RecordedRequest> creates = emulator.journal().matching(r -> r.method().equals("POST"));
        long refused = creates.stream().filter(r -> r.responseStatus() == 429).count();
        org.slf4j.LoggerFactory.getLogger(KlingParallelLimitSharedTest.class).info(
                "two instances, maxParallelTasks={}: {} prompts, {} creates, {} refused with 1303, at most {} unfinished",
                maxParallelTasks, 2 * PER_INSTANCE, creates.size(), refused, emulator.kling().mostUnfinished());
        assertThat(delivered.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(failedInputs).hasValue(0);
        assertThat(emulator.kling().taskCount()).isEqualTo(2 * PER_INSTANCE);
        assertThat(emulator.kling().mostUnfinished()).isLessThanOrEqualTo(LIMIT);
        // two instances learn the limit independently: each finds it and probes it now and then (refusals cost
        // no task and no failed input, only a request): at most one create in ten
        assertThat(refused).as("creates refused with 1303, of %d", creates.size()).isLessThanOrEqualTo(2 * PER_INSTANCE / 10);
    }

    private CamelContext instance(Path in, DataSource ledger, int maxParallelTasks) throws Exception {
        CamelContext context = new DefaultCamelContext();
        KlingComponent kling = KlingTestSupport.emulatorKling(emulator.baseUrl());
        kling.setLedger(LedgerType.jdbc);
        kling.setLedgerDataSource(ledger);
        kling.setLedgerLease(10_000);
        kling.setMaxParallelTasks(maxParallelTasks);
        context.addComponent("kling", kling);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + in + "?delay=50&initialDelay=0&readLock=none&maxMessagesPerPoll=500&idempotent=true")
                        .onCompletion().onFailureOnly().process(e -> failedInputs.incrementAndGet()).end()
                        .to("kling:text2video");
                from("kling:text2video?delay=20").process(e -> delivered.computeIfAbsent(
                        e.getMessage().getHeader(Exchange.FILE_NAME, String.class), f -> new AtomicInteger()).incrementAndGet());
            }
        });
        context.start();
        return context;
    }
}
