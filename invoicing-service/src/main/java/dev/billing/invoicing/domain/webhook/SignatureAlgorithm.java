package dev.billing.invoicing.domain.webhook;

import java.util.Optional;

/** How deliveries to an endpoint are signed (Lago's {@code signature_algo}). */
public enum SignatureAlgorithm {
  /** RS256 JWT with the instance's RSA key; Lago's default. */
  JWT("jwt"),
  /** Base64 HMAC-SHA256 of the body with the organization's HMAC key. */
  HMAC("hmac");

  private final String code;

  SignatureAlgorithm(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<SignatureAlgorithm> fromCode(String code) {
    for (SignatureAlgorithm algorithm : values()) {
      if (algorithm.code.equals(code)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
