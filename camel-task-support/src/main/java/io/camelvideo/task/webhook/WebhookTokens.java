package io.camelvideo.task.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The unguessable last path segment of a callback URL: {@code <group>.<account>.<submitKey>.<signature>},
 * the account a short hash naming the account the task was created on, the signature an HMAC-SHA256
 * of the rest under a secret only this application knows.
 * Neither API signs its callbacks, so a callback is only looked at when its URL carries a token this
 * application issued, and a token is good for one task only: the one its submit key created (the
 * ledger knows which). The same input gets the same token, so a create that is repeated after an
 * unknown outcome sends the same body.
 */
public final class WebhookTokens {

    /** What a valid token was issued for. */
    public record Issued(String group, String account, String submitKey) {
    }

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

    /**
     * The token for the task that the submit under {@code submitKey} creates in {@code group} (e.g. the
     * Kling kind) on {@code account} (a short tag without dots).
     */
    public String issue(String group, String account, String submitKey) {
        String body = group + "." + account + "." + submitKey;
        return body + "." + sign(body);
    }

    /** What a token this application issued is for, or empty for anything else. */
    public Optional<Issued> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second <= first || last <= second + 1) {
            return Optional.empty();
        }
        String body = token.substring(0, last);
        byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = sign(body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected)
                ? Optional.of(new Issued(token.substring(0, first), token.substring(first + 1, second),
                        token.substring(second + 1, last)))
                : Optional.empty();
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
