package io.camelvideo.task.ledger;

/** What one task cost, counted against its account's daily budget: a journal entry of its own in the file ledger. */
record Spend(String account, String taskId, long day, double amount) {
}
