package dev.billing.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API keys: 32 random bytes, URL-safe; stored and published only as their SHA-256. A key has 256
 * bits of entropy, so an unsalted fast hash is enough: there is nothing to brute-force.
 */
public final class ApiKeys {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "bk_";

  private ApiKeys() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Lowercase hex SHA-256 of the key. */
  public static String hash(String apiKey) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(apiKey.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The token of an {@code Authorization: Bearer <token>} header, or null. */
  public static String bearerToken(String authorizationHeader) {
    if (authorizationHeader == null) {
      return null;
    }
    String[] words = authorizationHeader.trim().split("\\s+");
    if (words.length != 2 || !"bearer".equalsIgnoreCase(words[0]) || words[1].isEmpty()) {
      return null;
    }
    return words[1];
  }

  /** Compares secrets in time independent of where they differ. */
  public static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
