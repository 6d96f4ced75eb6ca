package io.camelvideo.task.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The unguessable last path segment of a callback URL: {@code <group>.<nonce>.<signature>}, the
 * signature an HMAC-SHA256 of group and nonce under a secret only this application knows. Neither
 * API signs its callbacks, so a callback is only looked at when its URL carries a token this
 * application issued; what it says is then confirmed with a GET before it is trusted.
 */
public final class WebhookTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    /** @param secret the signing secret; null or empty = a random one (tokens then do not survive a restart) */
    public WebhookTokens(String secret) {
        if (secret == null || secret.isEmpty()) {
            this.secret = new byte[32];
            RANDOM.nextBytes(this.secret);
        } else {
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A new token for a task of {@code group} (e.g. the Kling kind). */
    public String issue(String group) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String body = group + "." + HexFormat.of().formatHex(nonce);
        return body + "." + sign(body);
    }

    /** The group of a token this application issued, or empty for anything else. */
    public Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) {
            return Optional.empty();
        }
        String body = token.substring(0, last);
        byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(token.substring(0, first)) : Optional.empty();
    }

    private String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
