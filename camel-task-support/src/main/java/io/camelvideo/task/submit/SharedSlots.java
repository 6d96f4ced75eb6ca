package io.camelvideo.task.submit;

import io.camelvideo.task.ledger.TaskLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The places of one account's parallel-task window in a ledger shared by several instances, so the
 * instances together keep to the window instead of each assuming the whole pack. Places are leased:
 * the owning instance renews them ({@link TaskLedger#renewSlots}); those of an instance that died
 * are free again when the lease runs out. A ledger that cannot be reached grants nothing (the create
 * waits and tries again).
 */
public final class SharedSlots {

    private static final Logger LOG = LoggerFactory.getLogger(SharedSlots.class);

    private final Supplier<TaskLedger> ledger;
    private final String account;
    private final String owner;
    private final long leaseMillis;
    private final LongSupplier clock;

    public SharedSlots(Supplier<TaskLedger> ledger, String account, String owner, long leaseMillis, LongSupplier clock) {
        this.ledger = ledger;
        this.account = account;
        this.owner = owner;
        this.leaseMillis = leaseMillis;
        this.clock = clock;
    }

    /** Takes a place for {@code holder} if fewer than {@code limit} are taken across the instances. */
    boolean take(String holder, int limit) {
        try {
            long now = clock.getAsLong();
            return ledger.get().takeSlot(account, holder, owner, limit, now, now + leaseMillis);
        } catch (RuntimeException e) {
            LOG.debug("Cannot take a parallel-task place in the ledger: {}", e.getMessage());
            return false;
        }
    }

    void release(String holder) {
        try {
            ledger.get().releaseSlot(account, holder);
        } catch (RuntimeException e) {
            LOG.debug("Cannot give a parallel-task place back (its lease will run out): {}", e.getMessage());
        }
    }
}
