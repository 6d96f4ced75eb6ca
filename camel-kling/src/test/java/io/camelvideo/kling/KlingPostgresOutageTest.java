package io.camelvideo.kling;

import io.camelvideo.task.testing.PostgresSupport;
import io.camelvideo.task.ledger.LedgerType;
import io.camelvideo.task.ledger.TrackedTask;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL ledger goes away for 5 s while a folder of prompts is being submitted (a proxy in
 * front of the real server resets every connection): inputs wait or fail before any paid call, a
 * task created just before the outage is adopted, and in the end every input is one paid task,
 * delivered once.
 */
class KlingPostgresOutageTest extends KlingTestSupport {

    private static final int INPUTS = 40;

    @TempDir
    Path dir;

    private CuttableProxy proxy;
    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();

    @Override
    void configure(KlingComponent kling) {
        PostgresSupport.requirePostgres();
        try {
            PostgresSupport.clear(PostgresSupport.dataSource());
            URI target = URI.create(PostgresSupport.jdbcUrl().substring("jdbc:".length()));
            proxy = new CuttableProxy(target.getHost(), target.getPort());
            PGSimpleDataSource viaProxy = (PGSimpleDataSource) PostgresSupport.dataSource();
            viaProxy.setUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath());
            viaProxy.setConnectTimeout(2);
            viaProxy.setSocketTimeout(5);
            kling.setLedger(LedgerType.jdbc);
            kling.setLedgerDataSource(viaProxy);
            kling.setLedgerLease(3_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("in") + "?delay=100&initialDelay=0&readLock=none").routeId("files")
                        .autoStartup(false).to("kling:text2video");
                from("kling:text2video?delay=50").process(e -> delivered.computeIfAbsent(
                        e.getMessage().getHeader(Exchange.FILE_NAME, String.class), f -> new AtomicInteger()).incrementAndGet());
            }
        };
    }

    @AfterEach
    void closeProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void ledgerOutageDuringSubmissionCostsNoExtraTaskAndLosesNoInput() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < INPUTS; i++) {
            Files.writeString(dir.resolve("in").resolve("prompt-" + i + ".txt"), "a fox, take " + i);
        }
        emulator.settings().latencyMillis(30); // creates take a moment, so the outage meets some in flight

        context.getRouteController().startRoute("files");
        await().atMost(Duration.ofSeconds(20)).until(() -> emulator.kling().taskCount() >= 5);
        proxy.cut();
        Thread.sleep(5_000); // the outage itself: its length is the fault, not a wait for a result
        proxy.restore();

        await().atMost(Duration.ofSeconds(90)).until(() -> delivered.size() == INPUTS);
        assertThat(delivered.values()).as("each input delivered once").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(emulator.kling().taskCount()).as("paid tasks").isEqualTo(INPUTS);
        // an ack that met the outage is retried with backoff: it lands a moment after the delivery
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(context.getComponent("kling", KlingComponent.class).ledger().counts("kling:text2video"))
                        .containsEntry(TrackedTask.State.DELIVERED, (long) INPUTS));
        assertThat(delivered.values()).as("and still once each").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }
}
