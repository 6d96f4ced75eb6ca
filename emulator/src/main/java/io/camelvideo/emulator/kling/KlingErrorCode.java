package io.camelvideo.emulator.kling;

/** Kling's business error codes with their HTTP status and message (kling-api.md §5). */
public enum KlingErrorCode {
    AUTHENTICATION_FAILED(1000, 401, "Authentication failed"),
    AUTHORIZATION_EMPTY(1001, 401, "Authorization is empty"),
    AUTHORIZATION_INVALID(1002, 401, "Authorization is invalid"),
    TOKEN_NOT_YET_VALID(1003, 401, "Authorization is not yet valid"),
    TOKEN_EXPIRED(1004, 401, "Authorization has expired"),
    ACCOUNT_EXCEPTION(1100, 429, "Account exception"),
    ACCOUNT_IN_ARREARS(1101, 429, "Account in arrears (postpaid)"),
    RESOURCE_PACK_DEPLETED(1102, 429, "Resource pack depleted or expired (prepaid)"),
    NO_ACCESS(1103, 403, "Unauthorized access to requested resource, such as API/model"),
    INVALID_REQUEST(1200, 400, "Invalid request parameters"),
    INVALID_PARAMETER(1201, 400, "Invalid parameters, such as incorrect key or illegal value"),
    INVALID_METHOD(1202, 404, "The requested method is invalid"),
    NOT_FOUND(1203, 404, "The requested resource does not exist"),
    PLATFORM_POLICY(1300, 400, "Trigger platform strategy"),
    CONTENT_SECURITY(1301, 400, "Trigger the content security policy of the platform"),
    RATE_LIMITED(1302, 429, "The API request is too fast, exceeding the platform's rate limit"),
    CONCURRENCY_LIMITED(1303, 429, "parallel task over resource pack limit"),
    IP_WHITELIST(1304, 429, "Trigger the platform's IP whitelisting policy"),
    INTERNAL_ERROR(5000, 500, "Server internal error"),
    UNAVAILABLE(5001, 503, "Server temporarily unavailable, usually due to maintenance"),
    INTERNAL_TIMEOUT(5002, 504, "Server internal timeout, usually due to a backlog");

    private final int code;
    private final int httpStatus;
    private final String message;

    KlingErrorCode(int code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }

    /** The code's entry, or null for a code the table does not know. */
    public static KlingErrorCode of(int code) {
        for (KlingErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }

    /** The usual code for an HTTP status (used by injected faults that name only a status). */
    public static KlingErrorCode forStatus(int httpStatus) {
        return switch (httpStatus) {
            case 401 -> AUTHENTICATION_FAILED;
            case 403 -> NO_ACCESS;
            case 404 -> NOT_FOUND;
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            case 504 -> INTERNAL_TIMEOUT;
            case 400 -> INVALID_REQUEST;
            default -> INTERNAL_ERROR;
        };
    }
}
