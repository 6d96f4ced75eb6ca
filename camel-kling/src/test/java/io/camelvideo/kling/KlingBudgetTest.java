package io.camelvideo.kling;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.testing.EmulatorExtension;
import io.camelvideo.task.ledger.LedgerType;
import io.camelvideo.task.submit.SpendingLimitException;
import io.camelvideo.task.testing.PostgresSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * maxUnitsPerDay: counted from the final_unit_deduction of finished tasks (a 5 s std text2video costs
 * 1 unit on the emulator), kept in the ledger, refused before any create once used up.
 */
class KlingBudgetTest {

    private static Emulator emulator;
    private CamelContext first;
    private CamelContext second;
    private com.zaxxer.hikari.HikariDataSource pool;

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(started -> emulator = started);

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    @AfterEach
    void stop() {
        for (CamelContext context : new CamelContext[] {first, second}) {
            if (context != null) {
                context.stop();
            }
        }
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void theThirdOfThreeTasksIsRefusedBeforeAnyCreateWhenTheBudgetAllowsTwo() throws Exception {
        first = context(kling -> { });

        Exchange one = create(first, "a fox");
        Exchange two = create(first, "a cat");
        Exchange three = create(first, "a heron");

        assertThat(one.getException()).isNull();
        assertThat(two.getException()).isNull();
        assertThat(three.getException()).isInstanceOf(SpendingLimitException.class)
                .hasMessageContaining("2 of 2 units").hasMessageContaining("maxUnitsPerDay").hasMessageContaining("Nothing was sent");
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void theCountSurvivesARestartOnTheFileLedger(@TempDir Path ledger) throws Exception {
        Consumer<KlingComponent> fileLedger = kling -> {
            kling.setLedger(LedgerType.file);
            kling.setLedgerDirectory(ledger.toString());
        };
        first = context(fileLedger);
        assertThat(create(first, "a fox").getException()).isNull();
        assertThat(create(first, "a cat").getException()).isNull();
        first.stop();
        first = null;

        second = context(fileLedger);
        assertThat(create(second, "a heron").getException()).isInstanceOf(SpendingLimitException.class);
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void twoInstancesOnPostgresShareTheCount() throws Exception {
        PostgresSupport.requirePostgres();
        pool = PostgresSupport.pooledDataSource();
        PostgresSupport.clear(pool);
        Consumer<KlingComponent> shared = kling -> {
            kling.setLedger(LedgerType.jdbc);
            kling.setLedgerDataSource(pool);
        };
        first = context(shared);
        second = context(shared);

        assertThat(create(first, "a fox").getException()).isNull();
        assertThat(create(first, "a cat").getException()).isNull();
        Exchange refused = create(second, "a heron");

        assertThat(refused.getException()).isInstanceOf(SpendingLimitException.class).hasMessageContaining("2 of 2 units");
        assertThat(posts()).isEqualTo(2);
    }

    private static CamelContext context(Consumer<KlingComponent> ledger) throws Exception {
        CamelContext context = new DefaultCamelContext();
        KlingComponent kling = KlingTestSupport.emulatorKling(emulator.baseUrl());
        kling.setMaxUnitsPerDay(2);
        ledger.accept(kling);
        context.addComponent("kling", kling);
        context.start();
        return context;
    }

    private static Exchange create(CamelContext context, String prompt) {
        return context.createProducerTemplate().request("kling:text2video?waitForCompletion=true",
                exchange -> exchange.getMessage().setBody(prompt));
    }

    private static long posts() {
        return emulator.journal().matching(r -> r.method().equals("POST")).size();
    }
}
