package io.camelvideo.task.submit;

/** A create refused before the paid call because the account's daily budget has no room for it. Nothing was sent. */
public class SpendingLimitException extends RuntimeException {

    public SpendingLimitException(String message) {
        super(message);
    }
}
