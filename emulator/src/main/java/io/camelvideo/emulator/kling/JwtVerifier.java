package io.camelvideo.emulator.kling;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelvideo.emulator.http.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * Checks {@code Authorization: Bearer <jwt>} the way the official Kling API does: HS256 signed with
 * the SecretKey of the AccessKey named in {@code iss}, {@code nbf} and {@code exp} in epoch seconds.
 * Failures map to 1001 (empty), 1002 (not a well-formed HS256 bearer token), 1000 (unknown key or bad
 * signature), 1003 (not yet valid) and 1004 (expired), all HTTP 401.
 */
public final class JwtVerifier {

    private final Map<String, String> secretsByAccessKey;

    public JwtVerifier(Map<String, String> secretsByAccessKey) {
        this.secretsByAccessKey = secretsByAccessKey;
    }

    /** Returns the AccessKey the token was issued for, or throws a {@link KlingError}. */
    public String verify(String authorization, long nowSeconds) {
        if (authorization == null || authorization.isBlank()) {
            throw new KlingError(KlingErrorCode.AUTHORIZATION_EMPTY);
        }
        if (!authorization.startsWith("Bearer ") || authorization.length() == 7) {
            throw new KlingError(KlingErrorCode.AUTHORIZATION_INVALID);
        }
        String token = authorization.substring(7);
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new KlingError(KlingErrorCode.AUTHORIZATION_INVALID);
        }
        JsonNode header;
        JsonNode claims;
        byte[] signature;
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            header = Json.read(decoder.decode(parts[0]));
            claims = Json.read(decoder.decode(parts[1]));
            signature = decoder.decode(parts[2]);
        } catch (Exception e) {
            throw new KlingError(KlingErrorCode.AUTHORIZATION_INVALID);
        }
        if (!header.isObject() || !"HS256".equals(header.path("alg").asText()) || !claims.isObject()) {
            throw new KlingError(KlingErrorCode.AUTHORIZATION_INVALID);
        }
        String accessKey = claims.path("iss").asText(null);
        String secretKey = accessKey == null ? null : secretsByAccessKey.get(accessKey);
        if (secretKey == null || !MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1], secretKey))) {
            throw new KlingError(KlingErrorCode.AUTHENTICATION_FAILED);
        }
        if (claims.hasNonNull("nbf") && claims.get("nbf").asLong() > nowSeconds) {
            throw new KlingError(KlingErrorCode.TOKEN_NOT_YET_VALID);
        }
        if (!claims.hasNonNull("exp") || claims.get("exp").asLong() <= nowSeconds) {
            throw new KlingError(KlingErrorCode.TOKEN_EXPIRED);
        }
        return accessKey;
    }

    /** Creates a token: what a correct client sends (used by the emulator's own tests and docs). */
    public static String token(String accessKey, String secretKey, long issuedAtSeconds, long ttlSeconds) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(("{\"iss\":\"" + accessKey + "\",\"exp\":" + (issuedAtSeconds + ttlSeconds)
                + ",\"nbf\":" + (issuedAtSeconds - 5) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + encoder.encodeToString(sign(header + "." + claims, secretKey));
    }

    private static byte[] sign(String content, String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
