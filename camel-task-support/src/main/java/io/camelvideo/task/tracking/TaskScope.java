package io.camelvideo.task.tracking;

/**
 * Names one endpoint's tasks wherever they are kept: in the ledger ({@code kling:text2video}, the
 * consumer of that URI delivers them) and in the account's poller (the group one status fetch covers:
 * a Kling kind, or all Legnext jobs).
 *
 * @param ledgerScope  the ledger's scope, {@code <scheme>:<kind or operation>}
 * @param pollerGroup  the poller's group
 */
public record TaskScope(String ledgerScope, String pollerGroup) {

    private static final java.util.Map<TaskScope, TaskScope> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The scope of {@code <scheme>:<name>}, checked in {@code pollerGroup}: one instance per scope, so the
     * ledger entries and watches of thousands of tasks share its strings instead of each holding copies.
     */
    public static TaskScope of(String scheme, String name, String pollerGroup) {
        TaskScope scope = new TaskScope(scheme + ":" + name, pollerGroup);
        return MADE.computeIfAbsent(scope, made -> made);
    }
}
