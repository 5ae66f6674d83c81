package dev.billing.invoicing.domain.webhook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * RSA keys in the text forms operators and Lago use: PEM PKCS#8 ({@code BEGIN PRIVATE KEY}), PEM
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}, what {@code openssl genrsa} writes), or either of them
 * Base64-encoded once more, as Lago's {@code LAGO_RSA_PRIVATE_KEY} holds it, so a Lago instance's
 * key can be reused and its receivers keep verifying.
 */
public final class RsaKeys {

  private static final byte[] RSA_ALGORITHM_IDENTIFIER = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private RsaKeys() {}

  /** A new 2048-bit key pair. */
  public static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is missing from this JVM", e);
    }
  }

  /** Reads a private key; throws {@link IllegalArgumentException} naming what is wrong. */
  public static PrivateKey parsePrivateKey(String text) {
    String pem = text.trim();
    if (!pem.startsWith("-----BEGIN")) {
      try {
        pem = new String(Base64.getMimeDecoder().decode(pem), StandardCharsets.US_ASCII).trim();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the private key is neither PEM nor Base64 of a PEM");
      }
    }
    boolean pkcs1 = pem.startsWith("-----BEGIN RSA PRIVATE KEY-----");
    if (!pkcs1 && !pem.startsWith("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException("the private key is not an RSA private key PEM");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? pkcs1ToPkcs8(der) : der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the private key cannot be read: " + e.getMessage());
    }
  }

  /** The public half of an RSA private key (its modulus and public exponent). */
  public static PublicKey publicKeyOf(PrivateKey privateKey) {
    if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
      throw new IllegalArgumentException("not an RSA private key with its CRT parameters");
    }
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is missing from this JVM", e);
    }
  }

  /** PKCS#8 PEM of a private key. */
  public static String privateKeyPem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** X.509 SubjectPublicKeyInfo PEM ({@code BEGIN PUBLIC KEY}) of a public key. */
  public static String publicKeyPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  private static String pem(String label, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, which the JDK reads. */
  static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM_IDENTIFIER);
    body.write(0x04);
    body.writeBytes(derLength(pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(derLength(body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] derLength(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    if (length <= 0xff) {
      return new byte[] {(byte) 0x81, (byte) length};
    }
    if (length <= 0xffff) {
      return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }
    return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
  }
}
