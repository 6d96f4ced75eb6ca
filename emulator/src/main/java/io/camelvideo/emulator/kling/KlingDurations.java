package io.camelvideo.emulator.kling;

import java.math.BigDecimal;

/** Kling writes durations as strings of seconds ({@code "5.1"}); this formats and parses them. */
final class KlingDurations {

    private KlingDurations() {
    }

    static String format(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
