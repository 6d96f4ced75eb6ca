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

    /** The scope of {@code <scheme>:<name>}, checked in {@code pollerGroup}. */
    public static TaskScope of(String scheme, String name, String pollerGroup) {
        return new TaskScope(scheme + ":" + name, pollerGroup);
    }
}
