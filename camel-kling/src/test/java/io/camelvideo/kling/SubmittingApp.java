package io.camelvideo.kling;

import io.camelvideo.task.testing.PostgresSupport;
import io.camelvideo.task.ledger.LedgerType;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import java.nio.file.Path;

/**
 * The application the kill tests start as a separate JVM (and kill with SIGKILL): prompt files in,
 * {@code kling:text2video} tracked in a durable ledger, and a consumer that appends each delivered
 * task id to {@code <out>/<prompt file>.delivered} (so a file with two lines is a double delivery).
 *
 * <p>Arguments: {@code <emulator base URL> <in dir> <out dir> file <ledger dir>} or {@code ... jdbc}
 * (PostgreSQL from the PG* environment, as {@link PostgresSupport} reads it).
 */
public final class SubmittingApp {

    private SubmittingApp() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        Path in = Path.of(args[1]);
        Path out = Path.of(args[2]);
        CamelContext context = new DefaultCamelContext();
        KlingComponent kling = KlingTestSupport.emulatorKling(baseUrl);
        KlingConfiguration config = kling.getConfiguration();
        config.setPollInterval(100);
        config.setMaxPollInterval(300);
        config.setRetryDelay(50);
        config.setMaxRetryDelay(300);
        config.setSubmitSettleTime(300);
        kling.setLedgerLease(2_000); // the claims of a killed instance come back quickly
        kling.setMaxParallelTasks(100); // a large pack: many creates in flight when the kill comes
        if ("file".equals(args[3])) {
            kling.setLedger(LedgerType.file);
            kling.setLedgerDirectory(args[4]);
        } else {
            kling.setLedger(LedgerType.jdbc);
            kling.setLedgerDataSource(PostgresSupport.dataSource());
        }
        context.addComponent("kling", kling);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + in + "?delay=50&initialDelay=0&readLock=none&maxMessagesPerPoll=100")
                        .to("kling:text2video");
                from("kling:text2video?delay=50")
                        .setBody(simple("${header.CamelKlingTaskId}\n"))
                        .to("file:" + out + "?fileExist=Append&fileName=${header.CamelFileName}.delivered");
            }
        });
        context.start();
        System.out.println("STARTED");
        System.out.flush();
        Thread.currentThread().join(); // runs until killed
    }
}
