package io.camelvideo.emulator.kling;

/** How a Kling gateway prefix answers. */
public enum GatewayFormat {
    /** The raw Kling envelope {@code {code:0, message, request_id, data}}, as the official API and most gateways. */
    RAW,
    /**
     * The new-api wrapper of seeds 003/004 on task queries:
     * {@code {code:"success", message, data:{task_id, status, progress:"NN%", data:<raw Kling body>}}},
     * errors as {@code {code:"<string>", message, data:null}}.
     */
    NEW_API
}
