package io.camelvideo.kling;

import io.camelvideo.emulator.faults.Fault;
import io.camelvideo.emulator.journal.RecordedRequest;
import io.camelvideo.kling.api.KlingApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Faults from the contract's error table: what is retried, what is not, and that no task is submitted twice. */
class KlingReliabilityTest extends KlingTestSupport {

    private static final String T2V = "/v1/videos/text2video";

    @Test
    void connectionDroppedAfterAcceptedCreatesNeverDoubleSubmits() {
        emulator.inject(Fault.of(Fault.Type.DROP).on("POST", T2V).afterProcessing().times(10).build());

        for (int i = 0; i < 10; i++) {
            Exchange out = send("kling:text2video?externalTaskId=drop-" + i, "fox " + i);
            assertThat(out.getException()).as("exchange %d", i).isNull();
            assertThat(out.getMessage().getHeader(KlingConstants.EXTERNAL_TASK_ID)).isEqualTo("drop-" + i);
        }

        Map<String, Long> postsPerId = posts().stream().collect(Collectors.groupingBy(
                r -> r.bodyText().replaceAll(".*\"external_task_id\":\"([^\"]+)\".*", "$1"), Collectors.counting()));
        assertThat(postsPerId).hasSize(10).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
        Exchange list = send("kling:text2video?operation=list&pageSize=100", null);
        assertThat(list.getMessage().getHeader(KlingConstants.TASK_COUNT)).isEqualTo(10);
    }

    @Test
    void serverErrorOnCreateIsLookedUpThenResubmittedOnce() {
        emulator.inject(Fault.status(503, 5001).on("POST", T2V).build());

        Exchange out = send("kling:text2video?externalTaskId=after-503", "fox");

        assertThat(out.getException()).isNull();
        assertThat(posts()).hasSize(2);
        // looked up (and again within the settle window) before the one resubmit; every lookup found nothing
        assertThat(emulator.journal().matching(r -> r.method().equals("GET") && r.path().endsWith("/after-503")))
                .isNotEmpty().allSatisfy(r -> assertThat(r.responseStatus()).isEqualTo(404));
        Exchange list = send("kling:text2video?operation=list", null);
        assertThat(list.getMessage().getHeader(KlingConstants.TASK_COUNT)).isEqualTo(1);
    }

    @Test
    void unknownOutcomeThatCannotBeCheckedSaysTheTaskMayExist() {
        emulator.inject(Fault.of(Fault.Type.DROP).on("POST", T2V).afterProcessing().build());
        emulator.inject(Fault.status(503, 5001).on("GET", T2V).times(100).build());

        Exchange out = send("kling:text2video?externalTaskId=unknown-1&maxRetries=2&submitRecoveryTimeout=300", "fox");

        assertThat(out.getException()).isInstanceOf(KlingApiException.class)
                .hasMessageContaining("may exist").hasMessageContaining("unknown-1");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void concurrencyRefusalIsRetriedAfterItsRetryAfter() {
        emulator.inject(Fault.status(429, 1303).on("POST", T2V).retryAfter(1).times(2).build());

        Exchange out = send("kling:text2video", "fox");

        assertThat(out.getException()).isNull();
        assertThat(posts()).hasSize(3);
    }

    @Test
    void billingRefusalSentAs429FailsAtOnce() {
        emulator.inject(Fault.status(429, 1102).on("POST", T2V).times(5).build());

        Exchange out = send("kling:text2video", "fox");

        assertThat(out.getException()).isInstanceOf(KlingApiException.class);
        KlingApiException error = (KlingApiException) out.getException();
        assertThat(error.getCode()).isEqualTo("1102");
        assertThat(error.isRetryable()).isFalse();
        assertThat(posts()).hasSize(1);
    }

    @Test
    void expiredTokenIsRenewedOnceAndTheCallSucceeds() {
        emulator.inject(Fault.status(401, 1004).on("POST", T2V).build());

        Exchange out = send("kling:text2video", "fox");

        assertThat(out.getException()).isNull();
        assertThat(posts()).hasSize(2);
    }

    @Test
    void waitingRidesOutServerErrorsAndMalformedAnswers() {
        emulator.inject(Fault.status(500, 5000).on("GET", T2V).times(3).build());
        emulator.inject(Fault.of(Fault.Type.MALFORMED_JSON).on("GET", T2V).build());
        emulator.inject(Fault.of(Fault.Type.TRUNCATED_JSON).on("GET", T2V).build());

        Exchange out = send("kling:text2video?waitForCompletion=true", "fox");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
    }

    @Test
    void authenticationFailureIsNotRetried() {
        Exchange out = send("kling:text2video?secretKey=wrong-secret", "fox");

        assertThat(out.getException()).isInstanceOf(KlingApiException.class).hasMessageContaining("1000");
        assertThat(posts()).hasSize(1);
        assertThat(out.getException().getMessage()).doesNotContain("wrong-secret");
        assertThat(out.getException()).isInstanceOfSatisfying(org.apache.camel.spi.HttpResponseAware.class, aware -> {
            assertThat(aware.getHttpResponseCode()).as("what Camel's HTTP components answer with").isEqualTo(401);
            assertThat(aware.getHttpResponseStatus()).isEqualTo("1000");
        });
    }

    private List<RecordedRequest> posts() {
        return emulator.journal().matching(r -> r.method().equals("POST") && r.path().equals(T2V));
    }
}
