package io.camelvideo.kling;

import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.emulator.faults.Fault;
import io.camelvideo.emulator.journal.RecordedRequest;
import io.camelvideo.kling.api.KlingApiException;
import io.camelvideo.task.submit.InputIdentity;
import io.camelvideo.task.submit.LedgerUnavailableException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The submit protocol under the faults of issue #11, in one JVM against the emulator: per fault,
 * paid creates = inputs, no orphan, no lost input. (Kills and a real PostgreSQL outage are in
 * {@link KlingKillDuringSubmitTest} and {@link KlingPostgresOutageTest}.)
 */
class KlingSubmitProtocolTest extends KlingTestSupport {

    private static final String T2V = "/v1/videos/text2video";

    @TempDir
    Path dir;

    private final FlakyLedger ledger = new FlakyLedger();
    private final Map<String, AtomicInteger> deliveredByFile = new ConcurrentHashMap<>();

    @Override
    void configure(KlingComponent kling) {
        kling.setTaskLedger(ledger);
    }

    @Override
    RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a file that fails stays in place and is read again on the next poll (the file component's rollback)
                from("file:" + dir.resolve("in") + "?delay=50&initialDelay=0&readLock=none")
                        .routeId("files").autoStartup(false)
                        .to("kling:text2video?submitRecoveryTimeout=200");
                from("kling:text2video?delay=20").routeId("deliver").autoStartup(false)
                        .process(e -> deliveredByFile.computeIfAbsent(e.getMessage().getHeader(Exchange.FILE_NAME, String.class),
                                f -> new AtomicInteger()).incrementAndGet());
            }
        };
    }

    @Test
    void gatewayAnswering503AfterEveryCreateForAWhileCostsOneTaskPerInput() throws Exception {
        emulator.inject(Fault.status(503, 5001).on("POST", T2V).afterProcessing().forMillis(2_500).build());
        emulator.inject(Fault.status(503, 5001).on("GET", T2V).forMillis(2_500).build());
        int inputs = 5;
        writePrompts(inputs);

        startRoutes();

        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredByFile.size() == inputs);
        assertThat(posts()).as("one create per input, however often the input was redelivered").hasSize(inputs);
        assertThat(taskCount()).as("paid tasks").isEqualTo(inputs);
        assertThat(deliveredByFile.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(inputsLeft()).as("every input consumed").isZero();
    }

    @Test
    void ledgerThatCannotRecordTheIntentSendsNothing() {
        ledger.intentsDown = true;

        Exchange out = send("kling:text2video", "fox");

        assertThat(out.getException()).isInstanceOf(LedgerUnavailableException.class)
                .hasMessageContaining("Nothing was sent").hasMessageContaining("retried safely");
        assertThat(posts()).isEmpty();
    }

    @Test
    void ledgerDownAfterTheCreateIsAdoptedOnRedeliveryNotCreatedAgain() {
        ledger.recordsDown = true;

        Exchange failed = send("kling:text2video", "fox", InputIdentity.IDEMPOTENCY_KEY_HEADER, "order-7");
        ledger.recordsDown = false;
        Exchange redelivered = send("kling:text2video", "fox", InputIdentity.IDEMPOTENCY_KEY_HEADER, "order-7");

        assertThat(failed.getException()).isInstanceOf(LedgerUnavailableException.class).hasMessageContaining("was created")
                .hasMessageContaining("adopts");
        String taskId = ((LedgerUnavailableException) failed.getException()).getTaskId();
        assertThat(redelivered.getException()).isNull();
        assertThat(redelivered.getMessage().getHeader(KlingConstants.TASK_ID)).isEqualTo(taskId);
        assertThat(posts()).hasSize(1);
        assertThat(ledger.counts("kling:text2video").values().stream().mapToLong(Long::longValue).sum())
                .as("tracked once the ledger is back").isEqualTo(1);
    }

    @Test
    void stableExternalTaskIdAfterARestartWithoutLedgerAdoptsTheTask() throws Exception {
        Exchange first = send("kling:text2video", "fox", KlingConstants.EXTERNAL_TASK_ID, "order-4711");
        Exchange afterRestart;
        try (CamelContext fresh = new DefaultCamelContext()) { // a new process: empty memory ledger
            KlingComponent kling = new KlingComponent();
            kling.getConfiguration().setBaseUrl(emulator.baseUrl());
            kling.getConfiguration().setAccessKey(EmulatorSettings.DEFAULT_ACCESS_KEY);
            kling.getConfiguration().setSecretKey(EmulatorSettings.DEFAULT_SECRET_KEY);
            fresh.addComponent("kling", kling);
            fresh.start();
            afterRestart = fresh.createProducerTemplate().send("kling:text2video", e -> {
                e.getMessage().setBody("fox");
                e.getMessage().setHeader(KlingConstants.EXTERNAL_TASK_ID, "order-4711");
            });
        }

        assertThat(first.getException()).isNull();
        assertThat(afterRestart.getException()).as("1201 'already used' is adopted, not an error").isNull();
        assertThat(afterRestart.getMessage().getHeader(KlingConstants.TASK_ID))
                .isEqualTo(first.getMessage().getHeader(KlingConstants.TASK_ID));
        assertThat(posts()).hasSize(2);
        assertThat(posts().get(1).responseStatus()).isEqualTo(400);
        assertThat(taskCount()).isEqualTo(1);
    }

    @Test
    void createsLandingAfterTheClientTimeoutAreAdoptedNotDuplicated() {
        int inputs = 6;
        emulator.inject(Fault.of(Fault.Type.LATE).on("POST", T2V).delayMillis(1_200).times(inputs).build());
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            int n = i;
            sent.add(template.asyncSend("kling:text2video?requestTimeout=400&submitSettleTime=100", e -> {
                e.getMessage().setBody("fox " + n);
                e.getMessage().setHeader(InputIdentity.IDEMPOTENCY_KEY_HEADER, "late-" + n);
            }));
        }

        List<Exchange> results = sent.stream().map(CompletableFuture::join).toList();

        assertThat(results).allSatisfy(out -> assertThat(out.getException()).isNull());
        assertThat(results.stream().map(out -> out.getMessage().getHeader(KlingConstants.TASK_ID)).distinct()).hasSize(inputs);
        await().atMost(Duration.ofSeconds(5)).until(() -> posts().size() >= 2 * inputs); // the late originals landed too
        assertThat(taskCount()).as("paid tasks").isEqualTo(inputs);
    }

    @Test
    void lookupThatMeetsOneServerErrorStillFindsTheTask() {
        int inputs = 12;
        for (int i = 0; i < inputs; i++) {
            emulator.inject(Fault.of(Fault.Type.DROP).on("POST", T2V).afterProcessing().build());
            emulator.inject(Fault.status(500, 5000).on("GET", T2V).build());

            Exchange out = send("kling:text2video", "fox " + i);

            assertThat(out.getException()).as("input %d", i).isNull();
            assertThat(out.getMessage().getHeader(KlingConstants.TASK_ID)).isNotNull();
        }
        assertThat(posts()).hasSize(inputs);
        assertThat(taskCount()).isEqualTo(inputs);
    }

    @Test
    void statusQueryRidesOutAServerError() {
        String taskId = send("kling:text2video", "fox").getMessage().getHeader(KlingConstants.TASK_ID, String.class);
        emulator.inject(Fault.status(500, 5000).on("GET", T2V).times(2).build());

        Exchange status = send("kling:text2video?operation=status", null, KlingConstants.TASK_ID, taskId);

        assertThat(status.getException()).isNull();
        assertThat(status.getMessage().getHeader(KlingConstants.TASK_ID)).isEqualTo(taskId);
    }

    @Test
    void theSameFileReadAgainAfterAFailureIsNotPaidTwice() throws Exception {
        emulator.inject(Fault.of(Fault.Type.DROP).on("POST", T2V).afterProcessing().build());
        emulator.inject(Fault.status(503, 5001).on("GET", T2V).times(40).build());
        writePrompts(1);

        startRoutes();

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveredByFile.size() == 1);
        assertThat(posts()).hasSize(1);
        assertThat(taskCount()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsNotAnUnknownOutcomeAndIsTriedOnceMoreOnlyWithAWarning() {
        Exchange out;
        String log;
        try (LogCapture capture = new LogCapture(org.apache.logging.log4j.Level.WARN,
                event -> event.getLoggerName().endsWith("ApiHttpClient"))) {
            out = send("kling:text2video?baseUrl=http://127.0.0.1:1&retryDelay=10", "fox"); // maxRetries: the default 4
            log = capture.text();
        }

        assertThat(out.getException()).isInstanceOf(java.net.ConnectException.class)
                .hasMessageContaining("http://127.0.0.1:1").hasMessageContaining("the request was not sent")
                .hasMessageContaining("baseUrl").hasMessageNotContaining("may exist")
                .hasMessageNotContaining(EmulatorSettings.DEFAULT_SECRET_KEY);
        assertThat(log.lines()).as("one quick second try, logged (not the four backing-off retries of maxRetries)").singleElement()
                .satisfies(line -> assertThat(line).contains("Cannot connect to http://127.0.0.1:1").matches(".*trying once more in \\d{1,2} ms"));
        assertThat(ledger.submitRecord("kling:text2video", "x")).isNull();
    }

    @Test
    void idempotencyKeyExpressionNamesTheInput() {
        String uri = "kling:text2video?idempotencyKey=${header.order}";

        Exchange first = send(uri, "fox", "order", "A-1");
        Exchange again = send(uri, "fox", "order", "A-1");
        Exchange other = send(uri, "fox", "order", "A-2");

        assertThat(again.getMessage().getHeader(KlingConstants.TASK_ID)).isEqualTo(first.getMessage().getHeader(KlingConstants.TASK_ID));
        assertThat(other.getMessage().getHeader(KlingConstants.TASK_ID)).isNotEqualTo(first.getMessage().getHeader(KlingConstants.TASK_ID));
        assertThat(posts()).hasSize(2);
    }

    @Test
    void billingRefusalFreesTheKeySoTheInputCanBeRetriedLater() {
        emulator.inject(Fault.status(429, 1102).on("POST", T2V).build());

        Exchange refused = send("kling:text2video", "fox", InputIdentity.IDEMPOTENCY_KEY_HEADER, "order-9");
        Exchange retried = send("kling:text2video", "fox", InputIdentity.IDEMPOTENCY_KEY_HEADER, "order-9");

        assertThat(refused.getException()).isInstanceOf(KlingApiException.class).hasMessageContaining("1102");
        assertThat(retried.getException()).isNull();
        assertThat(posts()).hasSize(2);
        assertThat(posts().get(0).bodyText()).isEqualTo(posts().get(1).bodyText()); // same external_task_id
        assertThat(taskCount()).isEqualTo(1);
    }

    private void startRoutes() throws Exception {
        context.getRouteController().startRoute("deliver");
        context.getRouteController().startRoute("files");
    }

    private void writePrompts(int count) throws Exception {
        Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < count; i++) {
            Files.writeString(dir.resolve("in").resolve("prompt-" + i + ".txt"), "a fox number " + i);
        }
    }

    private long inputsLeft() throws Exception {
        try (var files = Files.list(dir.resolve("in"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private int taskCount() {
        Exchange list = send("kling:text2video?operation=list&pageSize=500", null);
        return list.getMessage().getHeader(KlingConstants.TASK_COUNT, Integer.class);
    }

    private List<RecordedRequest> posts() {
        return emulator.journal().matching(r -> r.method().equals("POST") && r.path().equals(T2V));
    }
}
