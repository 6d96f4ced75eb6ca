package io.camelvideo.kling;

/** How the API's answers are wrapped. */
public enum KlingResponseFormat {
    /** Detect per answer: a numeric {@code code} is raw Kling, {@code code:"success"} the new-api wrapper. */
    auto,
    /** The raw Kling envelope {@code {code:0, message, request_id, data}} (official API, most gateways). */
    raw,
    /** The new-api gateway wrapper {@code {code:"success", data:{status, progress, data:<raw body>}}}. */
    wrapped
}
