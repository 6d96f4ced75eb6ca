package io.camelvideo.legnext;

import io.camelvideo.task.submit.SpendingLimitException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** maxPointsPerDay: counted from meta.usage.consume of finished jobs; refused before any submit once used up. */
class LegnextBudgetTest extends LegnextTestSupport {

    /** What the emulator charges a diffusion job. */
    private static final int DIFFUSION_POINTS = 80;

    @Override
    void configure(LegnextComponent legnext) {
        legnext.setMaxPointsPerDay(2 * DIFFUSION_POINTS);
    }

    @Test
    void theThirdDiffusionIsRefusedBeforeAnySubmitWhenThePointsAllowTwo() {
        Exchange one = send("legnext:diffusion?waitForCompletion=true", "a lighthouse");
        Exchange two = send("legnext:diffusion?waitForCompletion=true", "a harbour");
        Exchange three = send("legnext:diffusion?waitForCompletion=true", "a storm");

        assertThat(one.getException()).isNull();
        assertThat(two.getException()).isNull();
        assertThat(three.getException()).isInstanceOf(SpendingLimitException.class)
                .hasMessageContaining("160 of 160 points").hasMessageContaining("maxPointsPerDay");
        assertThat(emulator.journal().matching(r -> r.method().equals("POST"))).hasSize(2);
    }
}
