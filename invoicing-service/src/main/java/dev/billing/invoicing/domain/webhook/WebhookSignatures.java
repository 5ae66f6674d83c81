package dev.billing.invoicing.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lago's two signatures of a webhook body, computed with the JDK's own crypto.
 *
 * <ul>
 *   <li>hmac: {@code Base64(HMAC-SHA256(key, body))}, standard alphabet with padding; the key is
 *       the organization's HMAC key as UTF-8 bytes.
 *   <li>jwt: a compact RS256 JWS with header {@code {"alg":"RS256"}} and claims {@code
 *       {"data":"<body>","iss":"<issuer>"}}: the receiver verifies it with the public key of {@code
 *       GET /api/v1/webhooks/public_key} and compares {@code data} with the body.
 * </ul>
 */
public final class WebhookSignatures {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String JWT_HEADER = "{\"alg\":\"RS256\"}";

  private WebhookSignatures() {}

  public static String hmac(String key, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  public static String jwt(String body, String issuer, PrivateKey key) {
    String claims = "{\"data\":" + jsonString(body) + ",\"iss\":" + jsonString(issuer) + "}";
    String signingInput = base64Url(JWT_HEADER) + "." + base64Url(claims);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a webhook with RS256", e);
    }
  }

  private static String base64Url(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON string literal (RFC 8259 escaping). */
  static String jsonString(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
