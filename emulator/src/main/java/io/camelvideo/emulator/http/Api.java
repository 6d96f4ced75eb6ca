package io.camelvideo.emulator.http;

/** One emulated API (Kling, Legnext, the media CDN, the admin API) behind the shared HTTP server. */
public interface Api {

    /** Whether this API owns the request's path. */
    boolean serves(ApiRequest request);

    /**
     * Whether this API's requests are subject to injected faults and latency and recorded in the
     * journal (false only for the emulator's own control API).
     */
    default boolean observed() {
        return true;
    }

    ApiResponse handle(ApiRequest request);

    /** The error this API answers when a fault injects HTTP {@code status} (and business {@code code}, if any). */
    default ApiResponse faultResponse(ApiRequest request, int status, Integer code) {
        return ApiResponse.text(status, "injected fault: HTTP " + status);
    }
}
