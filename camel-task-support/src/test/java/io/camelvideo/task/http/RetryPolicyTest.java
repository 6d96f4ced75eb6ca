package io.camelvideo.task.http;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @RepeatedTest(20)
    void delaysDoubleWithJitterAndStayUnderTheCap() {
        assertThat(policy.delayAfter(1, null)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(policy.delayAfter(3, null)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(policy.delayAfter(10, null)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Test
    void retryAfterWinsButIsCapped() {
        assertThat(policy.delayAfter(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delayAfter(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void needsAtLeastOneAttempt() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
