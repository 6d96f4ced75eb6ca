package io.camelvideo.cli;

/** A failure the CLI reports as {@code {"success":false,"error":{"code":...,"message":...}}}. */
final class CliException extends RuntimeException {

    private final String code;

    CliException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
