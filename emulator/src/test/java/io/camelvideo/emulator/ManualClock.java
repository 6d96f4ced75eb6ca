package io.camelvideo.emulator;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A clock the test moves by hand, so status changes happen exactly when the test says. */
final class ManualClock implements LongSupplier {

    private final AtomicLong now = new AtomicLong(1_760_000_000_000L);

    @Override
    public long getAsLong() {
        return now.get();
    }

    void advance(long millis) {
        now.addAndGet(millis);
    }
}
