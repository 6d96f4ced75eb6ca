package io.camelvideo.emulator.legnext;

import java.util.PriorityQueue;

/**
 * The points of one Legnext key: a submit freezes the job's cost at once (402 when not enough is
 * left); a job that fails gives its points back when it fails.
 */
final class PointsAccount {

    private record Refund(long atMillis, long points) {
    }

    private final PriorityQueue<Refund> refunds = new PriorityQueue<>((a, b) -> Long.compare(a.atMillis, b.atMillis));
    private long available;
    private long updatedAt;

    PointsAccount(long initialPoints, long now) {
        this.available = initialPoints;
        this.updatedAt = now;
    }

    /** Takes {@code points} if available; false otherwise. */
    synchronized boolean freeze(long points, long now) {
        settle(now);
        if (available < points) {
            return false;
        }
        available -= points;
        updatedAt = now;
        return true;
    }

    synchronized void refundAt(long atMillis, long points) {
        refunds.add(new Refund(atMillis, points));
    }

    synchronized long available(long now) {
        settle(now);
        return available;
    }

    synchronized long updatedAt(long now) {
        settle(now);
        return updatedAt;
    }

    /** Overrides the balance (admin API: to play "points run out mid-run"). */
    synchronized void set(long points, long now) {
        available = points;
        updatedAt = now;
    }

    private void settle(long now) {
        while (!refunds.isEmpty() && refunds.peek().atMillis <= now) {
            Refund refund = refunds.poll();
            available += refund.points;
            updatedAt = refund.atMillis;
        }
    }
}
