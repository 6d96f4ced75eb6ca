package io.camelvideo.task.camel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Identifies an API account by its connection settings and a hash of its credentials (never the credentials). */
public final class AccountKey {

    private AccountKey() {
    }

    public static String of(String connection, String... secrets) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String secret : secrets) {
                digest.update(String.valueOf(secret).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return connection + "|" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
