package io.camelvideo.kling;

import io.camelvideo.emulator.faults.Fault;
import io.camelvideo.kling.api.KlingApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The faults of docs/reliability.md not covered by KlingReliabilityTest: odd answers, slowness, storms, expiry, size. */
class KlingFaultSuiteTest extends KlingTestSupport {

    private static final String T2V = "/v1/videos/text2video";

    @Test
    void unknownStatusesAndUnexpectedFieldsKeepThePollerGoing() {
        emulator.inject(Fault.of(Fault.Type.UNKNOWN_STATUS).on("GET", T2V + "/").times(4).build());

        Exchange out = send("kling:text2video?waitForCompletion=true", "a fox");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        assertThat(emulator.journal().matching(r -> r.method().equals("GET") && r.fault() != null)).hasSize(4);
    }

    @Test
    void aStatusQuerySlowerThanTheTimeoutIsRepeated() {
        String id = send("kling:text2video", "a fox").getMessage().getHeader(KlingConstants.TASK_ID, String.class);
        emulator.inject(Fault.of(Fault.Type.DELAY).on("GET", T2V + "/").delayMillis(1_500).build());

        Exchange out = send("kling:text2video?operation=status&requestTimeout=300", null, KlingConstants.TASK_ID, id);

        assertThat(out.getException()).isNull();
        // the slow request is journaled when its late answer goes out; another GET answered the query
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.journal().matching(r -> r.path().equals(T2V + "/" + id)
                && r.fault() != null && r.fault().startsWith("DELAY")).size() == 1);
        assertThat(emulator.journal().count("GET", T2V + "/" + id)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aCreateSlowerThanTheTimeoutIsLookedUpNotSubmittedAgain() throws Exception {
        emulator.inject(Fault.of(Fault.Type.DELAY).on("POST", T2V).delayMillis(1_500).build());

        Exchange out = send("kling:text2video?requestTimeout=300&externalTaskId=slow-1", "a fox");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID)).isEqualTo("slow-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.journal().count("POST", T2V) == 1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> emulator.journal().count("POST", T2V) == 1);
        assertThat(emulator.journal().matching(r -> r.method().equals("GET") && r.path().endsWith("/slow-1"))).isNotEmpty();
    }

    @Test
    void aThrottlingStormWithoutRetryAfterIsRiddenOutByEveryWait() throws Exception {
        emulator.inject(Fault.status(429, 1302).on("GET", T2V).times(8).build());

        List<CompletableFuture<Exchange>> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String prompt = "fox " + i;
            waits.add(template.asyncSend("kling:text2video?waitForCompletion=true", e -> e.getMessage().setBody(prompt)));
        }

        for (CompletableFuture<Exchange> wait : waits) {
            assertThat(wait.get().getException()).isNull();
            assertThat(wait.get().getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        }
        assertThat(emulator.journal().matching(r -> r.responseStatus() == 429)).hasSize(8);
    }

    @Test
    void anExpiredResultSaysWhichTaskAndCanBeQueriedAgain() {
        Exchange done = send("kling:text2video?waitForCompletion=true", "a fox");
        String id = done.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
        emulator.media().expire(id);

        Exchange download = send("kling:text2video?operation=download", null, KlingConstants.TASK_ID, id);
        Exchange requery = send("kling:text2video?operation=status", null, KlingConstants.TASK_ID, id);

        assertThat(download.getException()).isInstanceOf(KlingApiException.class)
                .hasMessageContaining(id).hasMessageContaining("404").hasMessageContaining("30 days");
        assertThat(requery.getException()).isNull();
        assertThat(requery.getMessage().getHeader(KlingConstants.VIDEO_URL, String.class)).endsWith(".mp4");
    }

    @Test
    void aDownloadLargerThanTheCapFailsAndLeavesNothingBehind() throws Exception {
        emulator.settings().videoPaddingBytes(200_000);
        java.nio.file.Path spool = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "camel-kling");
        long before = java.nio.file.Files.exists(spool) ? java.nio.file.Files.list(spool).count() : 0;

        Exchange out = send("kling:text2video?waitForCompletion=true&download=true&maxDownloadSize=100000", "a long fox");

        assertThat(out.getException()).hasMessageContaining("maxDownloadSize").hasMessageContaining("100000");
        long after = java.nio.file.Files.exists(spool) ? java.nio.file.Files.list(spool).count() : 0;
        assertThat(after).isEqualTo(before);
    }
}
