package io.camelvideo.legnext;

import io.camelvideo.emulator.faults.Fault;
import io.camelvideo.legnext.api.LegnextApiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** legnext-api.md §6 as a route sees it: one exception type, fail-fast where the contract says so, no blind resubmits. */
class LegnextErrorsTest extends LegnextTestSupport {

    private static final String DIFFUSION = "/api/v1/diffusion";

    private LegnextApiException apiError(Exchange out) {
        assertThat(out.getException()).isInstanceOf(LegnextApiException.class);
        return (LegnextApiException) out.getException();
    }

    @Test
    void badKeyIs401AndTheKeyIsNotInTheMessage() {
        Exchange out = send("legnext:diffusion?apiKey=RAW(sk-do-not-print-me)", "a cat");

        LegnextApiException error = apiError(out);
        assertThat(error.getHttpStatus()).isEqualTo(401);
        assertThat(error.getMessage()).contains("Failed to verify api key").doesNotContain("sk-do-not-print-me");
        assertThat(emulator.journal().count("POST", DIFFUSION)).isEqualTo(1);
    }

    @Test
    void pointsRunningOutMidRunFailFastWith402() {
        Exchange first = send("legnext:diffusion", "one");
        emulator.legnext().points("emulator-legnext-api-key", 100);
        Exchange second = send("legnext:diffusion", "two");
        Exchange third = send("legnext:diffusion", "three");

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        LegnextApiException error = apiError(third);
        assertThat(error.getHttpStatus()).isEqualTo(402);
        assertThat(error.isRetryable()).isFalse();
        assertThat(error.getRawMessage()).contains("80");
        assertThat(emulator.journal().count("POST", DIFFUSION)).isEqualTo(3);
    }

    @Test
    void bannedPromptIs403AndNotRetried() {
        LegnextApiException error = apiError(send("legnext:diffusion", "a [blocked] cat"));

        assertThat(error.getHttpStatus()).isEqualTo(403);
        assertThat(error.getMessage()).contains("Sensitive");
        assertThat(emulator.journal().count("POST", DIFFUSION)).isEqualTo(1);
    }

    @Test
    void a429IsRetriedUntilTheSubmitGoesThrough() {
        emulator.inject(Fault.status(429, null).on("POST", DIFFUSION).times(2).build());

        Exchange out = send("legnext:diffusion", "a cat");

        assertThat(out.getException()).isNull();
        assertThat(emulator.journal().count("POST", DIFFUSION)).isEqualTo(3);
    }

    @Test
    void queriesRideOutServerErrors() {
        emulator.inject(Fault.status(503, null).on("GET", "/api/v1/job/").times(3).build());

        Exchange out = send("legnext:diffusion?waitForCompletion=true", "a cat");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(LegnextConstants.JOB_STATUS)).isEqualTo("completed");
    }

    @Test
    void aSubmitWhoseAnswerIsLostIsNotRepeatedAndSaysTheJobMayExist() {
        emulator.inject(Fault.of(Fault.Type.DROP).on("POST", DIFFUSION).afterProcessing().build());

        LegnextApiException error = apiError(send("legnext:diffusion", "a cat"));

        assertThat(error.getMessage()).contains("may exist").contains("not submitted again");
        assertThat(error.getCause()).isInstanceOf(IOException.class);
        assertThat(emulator.journal().count("POST", DIFFUSION)).isEqualTo(1);
    }

    @Test
    void anAmbiguousSubmitRedeliveredThreeTimesStaysOneJob() {
        emulator.inject(Fault.status(503, null).on("POST", DIFFUSION).afterProcessing().build());
        Object[] sameFile = {Exchange.FILE_NAME, "cat.txt", "CamelFileAbsolutePath", "/in/cat.txt",
                Exchange.FILE_LAST_MODIFIED, 1_764_000_000_000L, Exchange.FILE_LENGTH, 5L};

        LegnextApiException first = apiError(send("legnext:diffusion", "a cat", sameFile));
        List<LegnextApiException> redeliveries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            redeliveries.add(apiError(send("legnext:diffusion", "a cat", sameFile)));
        }

        assertThat(first.getMessage()).contains("may exist");
        assertThat(redeliveries).allSatisfy(error -> assertThat(error.getMessage())
                .contains("earlier attempt").contains("will not submit it either").contains(LegnextConstants.RESUBMIT));
        assertThat(emulator.journal().count("POST", DIFFUSION)).as("one job, however often the input came back").isEqualTo(1);
    }

    @Test
    void resubmitHeaderSendsAnAmbiguousSubmitAgainOnPurpose() {
        emulator.inject(Fault.of(Fault.Type.DROP).on("POST", DIFFUSION).build()); // dropped before processing: no job
        Object[] input = {"Idempotency-Key", "cat-42"};

        apiError(send("legnext:diffusion", "a cat", input));
        Exchange forced = send("legnext:diffusion", "a cat", "Idempotency-Key", "cat-42", LegnextConstants.RESUBMIT, true);

        assertThat(forced.getException()).isNull();
        assertThat(forced.getMessage().getHeader(LegnextConstants.JOB_ID)).isNotNull();
        assertThat(emulator.journal().count("POST", DIFFUSION)).isEqualTo(2);
    }

    @Test
    void theSameInputAfterASuccessfulSubmitGetsTheSameJobNotANewOne() {
        Exchange first = send("legnext:diffusion", "a cat", "Idempotency-Key", "cat-7");
        Exchange again = send("legnext:diffusion", "a cat", "Idempotency-Key", "cat-7");

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(LegnextConstants.JOB_ID)).isEqualTo(first.getMessage().getHeader(LegnextConstants.JOB_ID));
        assertThat(emulator.journal().count("POST", DIFFUSION)).isEqualTo(1);
    }

    @Test
    void aServerErrorOnSubmitIsNotRepeatedEither() {
        emulator.inject(Fault.status(500, null).on("POST", DIFFUSION).build());

        LegnextApiException error = apiError(send("legnext:diffusion", "a cat"));

        assertThat(error.getMessage()).contains("may exist");
        assertThat(emulator.journal().count("POST", DIFFUSION)).isEqualTo(1);
    }

    @Test
    void unknownStatusesKeepThePollerGoing() {
        emulator.inject(Fault.of(Fault.Type.UNKNOWN_STATUS).on("GET", "/api/v1/job/").times(3).build());

        Exchange out = send("legnext:diffusion?waitForCompletion=true", "a cat");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(LegnextConstants.JOB_STATUS)).isEqualTo("completed");
    }

    @Test
    void aSlowSubmitIsNotRepeatedAndSaysTheJobMayExist() {
        emulator.inject(Fault.of(Fault.Type.DELAY).on("POST", DIFFUSION).delayMillis(1_500).build());

        LegnextApiException error = apiError(send("legnext:diffusion?requestTimeout=300", "a cat"));

        assertThat(error.getMessage()).contains("may exist");
        assertThat(emulator.journal().matching(r -> r.method().equals("POST"))).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aFailedJobRaisesLegnextJobFailedExceptionWithItsError() {
        Exchange out = send("legnext:diffusion?waitForCompletion=true", "a [fail] cat");

        assertThat(out.getException()).isInstanceOf(LegnextJobFailedException.class).hasMessageContaining("moderation");
        assertThat(out.getMessage().getHeader(LegnextConstants.ERROR_CODE, Integer.class)).isNotZero();
        assertThat(out.getMessage().getHeader(LegnextConstants.JOB_STATUS)).isEqualTo("failed");
    }
}
