package io.camelvideo.task.submit;

import io.camelvideo.task.ledger.TaskLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * An account's daily spending limit (Kling's {@code maxUnitsPerDay}, Legnext's {@code maxPointsPerDay}),
 * counted from what the API reports each finished task cost. The count lives in the task ledger, per
 * account and UTC day, so it survives restarts and instances sharing a PostgreSQL ledger share it.
 *
 * <p>A create is refused before the paid call when the day's recorded spend plus what this instance's
 * unfinished creates are expected to cost reaches the limit, or the next create would pass it. A
 * create is expected to cost what the account's last finished task cost (nothing before the first).
 * A task is counted on the day it ends, once, by the instance that sees it end.
 */
public final class SpendingBudget {

    private static final Logger LOG = LoggerFactory.getLogger(SpendingBudget.class);
    private static final long DAY_MILLIS = 86_400_000L;

    /** No limit: nothing is checked or counted. */
    public static final SpendingBudget NONE = new SpendingBudget(null, null, 0, null, null, System::currentTimeMillis);

    private final Supplier<TaskLedger> ledger;
    private final String account;
    private final double maxPerDay;
    private final String unit;
    private final String option;
    private final LongSupplier clock;
    private final Map<String, Double> unfinished = new ConcurrentHashMap<>();
    private final Map<String, String> keysOfTasks = new ConcurrentHashMap<>();
    private volatile double lastCost;

    /**
     * @param account   what the count is kept by (the API account: instances with the same one share it)
     * @param maxPerDay the limit per UTC day, in the API's unit; 0 or less: none
     * @param unit      how messages name the unit ({@code units}, {@code points})
     * @param option    the option that sets the limit, for messages
     */
    public SpendingBudget(Supplier<TaskLedger> ledger, String account, double maxPerDay, String unit, String option,
                          LongSupplier clock) {
        this.ledger = ledger;
        this.account = account;
        this.maxPerDay = maxPerDay;
        this.unit = unit;
        this.option = option;
        this.clock = clock;
    }

    /** Whether a limit is set. */
    public boolean isLimited() {
        return maxPerDay > 0;
    }

    /**
     * Takes room for the create of {@code key}, or refuses it: {@link SpendingLimitException} when the
     * limit leaves none, an unchecked ledger error when the count cannot be read (nothing is sent either way).
     */
    void admit(String key) {
        if (!isLimited()) {
            return;
        }
        double spent = ledger.get().spent(account, today());
        double next = lastCost;
        synchronized (this) {
            double expectedUnfinished = unfinished.values().stream().mapToDouble(Double::doubleValue).sum();
            if (spent + expectedUnfinished >= maxPerDay || spent + expectedUnfinished + next > maxPerDay) {
                throw new SpendingLimitException(String.format(Locale.ROOT, "The daily budget of this account is used up:"
                        + " %s of %s %s spent today (UTC), %s more expected from unfinished tasks, and the next task is"
                        + " expected to cost %s. Nothing was sent. The limit is %s; it resets at 00:00 UTC.",
                        amount(spent), amount(maxPerDay), unit, amount(expectedUnfinished), amount(next), option));
            }
            unfinished.put(key, next);
        }
    }

    /** The create of {@code key} made no task, or its outcome stays unknown: its room is free again. */
    void released(String key) {
        unfinished.remove(key);
    }

    /** The create of {@code key} made task {@code taskId}: its room is held until the task is seen ended. */
    void created(String key, String taskId) {
        if (isLimited() && unfinished.containsKey(key)) {
            keysOfTasks.put(taskId, key);
        }
    }

    /** Task {@code taskId} ended having cost {@code cost} (0 when the API said nothing): counted once, today. */
    void ended(String taskId, double cost) {
        String key = keysOfTasks.remove(taskId);
        if (key != null) {
            unfinished.remove(key);
        }
        if (!isLimited() || !(cost > 0)) {
            return;
        }
        lastCost = cost;
        try {
            if (ledger.get().recordSpend(account, taskId, today(), cost)) {
                LOG.debug("Task {} cost {} {}; counted against {}", taskId, amount(cost), unit, option);
            }
        } catch (RuntimeException e) {
            LOG.warn("Task {} cost {} {}, but the ledger could not count it ({}); {} may let more through today",
                    taskId, amount(cost), unit, e.getMessage(), option);
        }
    }

    private long today() {
        return Math.floorDiv(clock.getAsLong(), DAY_MILLIS);
    }

    private static String amount(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
