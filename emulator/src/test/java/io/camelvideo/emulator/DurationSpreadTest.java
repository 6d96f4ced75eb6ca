package io.camelvideo.emulator;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** durationSpread: Kling processing times drawn around klingProcessingMillis, the same draws after every reset. */
class DurationSpreadTest {

    @Test
    void withoutASpreadEveryTaskTakesTheSameTime() {
        EmulatorSettings settings = new EmulatorSettings().klingProcessingMillis(60_000);

        assertThat(IntStream.range(0, 100).mapToLong(i -> settings.nextKlingProcessingMillis()).distinct()).containsExactly(60_000L);
    }

    @Test
    void aSpreadDrawsWithinItsBoundsAndAResetRepeatsTheDraws() {
        EmulatorSettings settings = new EmulatorSettings().klingProcessingMillis(60_000).durationSpread(0.5);

        List<Long> first = IntStream.range(0, 1_000).mapToObj(i -> settings.nextKlingProcessingMillis()).toList();
        settings.reseed();
        List<Long> again = IntStream.range(0, 1_000).mapToObj(i -> settings.nextKlingProcessingMillis()).toList();

        assertThat(first).allSatisfy(millis -> assertThat(millis).isBetween(30_000L, 90_000L));
        assertThat(first.stream().distinct().count()).as("spread out, not one value").isGreaterThan(900);
        assertThat(first.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(33_000);
        assertThat(first.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(87_000);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theEmulatorsResetRepeatsTheDrawsAndASpreadOutOfRangeIsRefused() {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000).durationSpread(0.5))) {
            List<Long> draws = IntStream.range(0, 20).mapToObj(i -> emulator.settings().nextKlingProcessingMillis()).toList();
            emulator.reset();

            assertThat(IntStream.range(0, 20).mapToObj(i -> emulator.settings().nextKlingProcessingMillis()).toList())
                    .as("the emulator's reset starts the draws again").isEqualTo(draws);
        }
        assertThatThrownBy(() -> new EmulatorSettings().durationSpread(1.5)).hasMessageContaining("durationSpread");
    }
}
