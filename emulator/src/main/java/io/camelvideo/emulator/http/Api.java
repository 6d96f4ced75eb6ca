package io.camelvideo.emulator.http;

/** One emulated API (Kling, Legnext, the media CDN, the admin API) behind the shared HTTP server. */
public interface Api {

    /** Whether this API owns the request's path. */
    boolean serves(ApiRequest request);

    /** Whether faults injected through the admin API may apply to this API's requests. */
    default boolean faultable() {
        return true;
    }

    ApiResponse handle(ApiRequest request);

    /** The error this API answers when a fault injects HTTP {@code status} (and business {@code code}, if any). */
    default ApiResponse faultResponse(ApiRequest request, int status, Integer code) {
        return ApiResponse.text(status, "injected fault: HTTP " + status);
    }
}
