package io.camelvideo.task.ledger;

/**
 * How far discovery of a scope has read the API's task list: tasks created at or before
 * {@code value} (epoch ms) were considered already. A journal entry of its own in the file ledger.
 */
record Watermark(String scope, long value) {
}
