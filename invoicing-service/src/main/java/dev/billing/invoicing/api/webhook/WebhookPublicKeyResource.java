package dev.billing.invoicing.api.webhook;

import dev.billing.invoicing.messaging.webhook.WebhookSigningKey;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Lago's {@code /api/v1/webhooks/public_key} (plain text) and {@code json_public_key}: Base64 of
 * the PEM of the public key that verifies JWT-signed webhooks. (Lago's Ruby {@code encode64} breaks
 * the text every 60 characters; ours is one line, which every Base64 decoder reads.)
 */
@Path("/api/v1/webhooks")
public class WebhookPublicKeyResource {

  private final WebhookSigningKey signingKey;

  public WebhookPublicKeyResource(WebhookSigningKey signingKey) {
    this.signingKey = signingKey;
  }

  /**
   * @param webhook the key
   */
  public record JsonPublicKey(PublicKey webhook) {}

  /**
   * @param publicKey Base64 of the PEM
   */
  public record PublicKey(String publicKey) {}

  @GET
  @Path("/public_key")
  @Produces(MediaType.TEXT_PLAIN)
  public Uni<String> publicKey() {
    return signingKey.publicKeyBase64();
  }

  @GET
  @Path("/json_public_key")
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<JsonPublicKey> jsonPublicKey() {
    return signingKey.publicKeyBase64().map(key -> new JsonPublicKey(new PublicKey(key)));
  }
}
