package io.camelvideo.kling.api;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.LongSupplier;

/**
 * The official API's auth (kling-api.md §1): an HS256 JWT with {@code iss} = AccessKey,
 * {@code exp} = now + 30 min and {@code nbf} = now − 5 s, signed with the SecretKey. The token is
 * cached and made anew 5 minutes before it expires, or at once after {@link #renew()}.
 */
public final class KlingJwtCredentials implements KlingCredentials {

    static final long TTL_SECONDS = 1800;
    static final long RENEW_BEFORE_SECONDS = 300;

    private final String accessKey;
    private final byte[] secretKey;
    private final LongSupplier epochSeconds;
    private String token;
    private long expiresAt;

    public KlingJwtCredentials(String accessKey, String secretKey) {
        this(accessKey, secretKey, () -> System.currentTimeMillis() / 1000);
    }

    KlingJwtCredentials(String accessKey, String secretKey, LongSupplier epochSeconds) {
        this.accessKey = accessKey;
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
        this.epochSeconds = epochSeconds;
    }

    @Override
    public synchronized String authorization() {
        long now = epochSeconds.getAsLong();
        if (token == null || now >= expiresAt - RENEW_BEFORE_SECONDS) {
            expiresAt = now + TTL_SECONDS;
            token = sign(now);
        }
        return "Bearer " + token;
    }

    @Override
    public synchronized boolean renew() {
        token = null;
        return true;
    }

    private String sign(long now) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(("{\"iss\":\"" + escape(accessKey) + "\",\"exp\":" + (now + TTL_SECONDS)
                + ",\"nbf\":" + (now - 5) + "}").getBytes(StandardCharsets.UTF_8));
        String content = header + "." + claims;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            return content + "." + encoder.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "Jwt[****]";
    }
}
