package io.camelvideo.kling.api;

/** What goes into the {@code Authorization} header. Implementations never print their secrets. */
public interface KlingCredentials {

    /** The header value, e.g. {@code Bearer eyJ...}. */
    String authorization();

    /**
     * Drops any cached token so the next {@link #authorization()} makes a fresh one.
     *
     * @return whether a fresh value may differ (false for a static key)
     */
    boolean renew();

    /** A plain gateway key sent as {@code Bearer <key>}. */
    static KlingCredentials apiKey(String apiKey) {
        return new KlingCredentials() {
            @Override
            public String authorization() {
                return "Bearer " + apiKey;
            }

            @Override
            public boolean renew() {
                return false;
            }

            @Override
            public String toString() {
                return "ApiKey[****]";
            }
        };
    }
}
