package dev.billing.invoicing.webhook;

import static dev.billing.testkit.OperatorApi.createAuthenticatedOrganization;
import static dev.billing.testkit.OperatorApi.operator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billing.invoicing.domain.webhook.RsaKeys;
import dev.billing.invoicing.persistence.webhook.WebhookOutbox;
import dev.billing.invoicing.support.WebhookReceiver;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks emitted in a transaction reach a real HTTP endpoint, signed as Lago signs them; failures
 * are retried with backoff, logged and replayable; a slow endpoint holds back nobody. (Test config:
 * attempts 3, first retry after 300 ms, timeout 2 s, polls every 100 ms.)
 */
@QuarkusTest
class WebhookDeliveryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject WebhookOutbox webhooks;
  @Inject Pool pool;

  private WebhookReceiver receiver;
  private TestOrganization org;

  @BeforeEach
  void setUp() throws Exception {
    receiver = WebhookReceiver.start();
    org = createAuthenticatedOrganization("Webhooks");
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  private void addEndpoint(String url, String algo) {
    org.api()
        .body(Map.of("webhook_endpoint", Map.of("webhook_url", url, "signature_algo", algo)))
        .post("/api/v1/webhook_endpoints")
        .then()
        .statusCode(200);
  }

  private int emit(String type, String objectType, Map<String, Object> object) {
    return pool.withTransaction(tx -> webhooks.enqueue(tx, org.id(), type, objectType, object))
        .await()
        .atMost(Duration.ofSeconds(10));
  }

  private List<Map<String, Object>> log(String query) {
    return operator()
        .get("/admin/v1/webhooks?organization_id=" + org.id() + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("webhooks");
  }

  private Map<String, Object> onlyDelivery() {
    List<Map<String, Object>> all = log("");
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void shouldDeliverAnHmacSignedWebhookThatVerifiesWithTheOrganizationsKey() throws Exception {
    addEndpoint(receiver.url("/hmac"), "hmac");
    String customerId = UUID.randomUUID().toString();

    assertThat(
            emit(
                "customer.created",
                "customer",
                Map.of("lago_id", customerId, "external_id", "cus_1")))
        .isEqualTo(1);

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/hmac").size() == 1);
    WebhookReceiver.Received request = receiver.at("/hmac").get(0);
    String hmacKey =
        org.api().get("/api/v1/organizations").then().extract().path("organization.hmac_key");
    assertThat(hmacKey).isNotBlank();
    assertThat(request.header("X-Lago-Signature-Algorithm")).isEqualTo("hmac");
    assertThat(request.header("X-Lago-Signature")).isEqualTo(hmac(hmacKey, request.body()));
    assertThat(request.header("X-Lago-Signature"))
        .isNotEqualTo(hmac(hmacKey, request.body() + " "));
    assertThat(request.header("Content-Type")).startsWith("application/json");

    JsonNode body = JSON.readTree(request.body());
    assertThat(body.get("webhook_type").asText()).isEqualTo("customer.created");
    assertThat(body.get("object_type").asText()).isEqualTo("customer");
    assertThat(body.get("organization_id").asText()).isEqualTo(org.id().toString());
    assertThat(body.get("customer").get("lago_id").asText()).isEqualTo(customerId);
    assertThat(body.get("customer").get("external_id").asText()).isEqualTo("cus_1");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "succeeded".equals(onlyDelivery().get("status")));
    Map<String, Object> delivery = onlyDelivery();
    assertThat(request.header("X-Lago-Unique-Key")).isEqualTo(delivery.get("lago_id"));
    assertThat(delivery.get("attempts")).isEqualTo(1);
    assertThat(delivery.get("last_http_status")).isEqualTo(200);
    assertThat(delivery.get("object_id")).isEqualTo(customerId);
    assertThat(JsonPath.from(JSON.writeValueAsString(delivery)).getString("payload.webhook_type"))
        .isEqualTo("customer.created");
  }

  @Test
  void shouldDeliverAJwtSignedWebhookThatVerifiesWithThePublishedPublicKey() throws Exception {
    addEndpoint(receiver.url("/jwt"), "jwt");
    emit("invoice.created", "invoice", Map.of("lago_id", UUID.randomUUID().toString()));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/jwt").size() == 1);
    WebhookReceiver.Received request = receiver.at("/jwt").get(0);
    assertThat(request.header("X-Lago-Signature-Algorithm")).isEqualTo("jwt");

    String published =
        org.api().get("/api/v1/webhooks/public_key").then().statusCode(200).extract().asString();
    String json =
        org.api()
            .get("/api/v1/webhooks/json_public_key")
            .then()
            .statusCode(200)
            .extract()
            .path("webhook.public_key");
    assertThat(json).isEqualTo(published);
    PublicKey key = publicKey(published);
    List<Map<String, Object>> stored =
        TestDatabase.query("SELECT private_key_pem FROM webhook_signing_keys");
    assertThat(stored).hasSize(1);
    PrivateKey storedKey = RsaKeys.parsePrivateKey((String) stored.get(0).get("private_key_pem"));
    assertThat(RsaKeys.publicKeyOf(storedKey).getEncoded()).isEqualTo(key.getEncoded());

    String[] jwt = request.header("X-Lago-Signature").split("\\.");
    assertThat(jwt).hasSize(3);
    assertThat(verifies(key, jwt[0] + "." + jwt[1], jwt[2])).isTrue();
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
    assertThat(header.get("alg").asText()).isEqualTo("RS256");
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
    assertThat(claims.get("data").asText()).isEqualTo(request.body());
    assertThat(claims.get("iss").asText()).isEqualTo("https://billing.test");

    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ("{\"data\":\"{}\",\"iss\":\"https://billing.test\"}")
                    .getBytes(StandardCharsets.UTF_8));
    assertThat(verifies(key, jwt[0] + "." + forged, jwt[2])).isFalse();
  }

  @Test
  void shouldRetryADeadEndpointWithBackoffLogItFailedAndDeliverOnReplay() {
    addEndpoint(receiver.url("/flaky"), "hmac");
    String refused = "";
    try {
      refused = WebhookReceiver.deadUrl();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    addEndpoint(refused, "jwt");
    receiver.answer("/flaky", 500);

    assertThat(emit("invoice.drafted", "invoice", Map.of("lago_id", "inv_1"))).isEqualTo(2);

    await().atMost(Duration.ofSeconds(15)).until(() -> log("&status=failed").size() == 2);
    List<WebhookReceiver.Received> attempts = receiver.at("/flaky");
    assertThat(attempts).hasSize(3);
    Duration firstWait = Duration.between(attempts.get(0).at(), attempts.get(1).at());
    Duration secondWait = Duration.between(attempts.get(1).at(), attempts.get(2).at());
    assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    assertThat(attempts)
        .extracting(r -> r.header("X-Lago-Unique-Key"))
        .containsOnly(attempts.get(0).header("X-Lago-Unique-Key"));

    Map<String, Object> flaky = byEndpoint(receiver.url("/flaky"));
    assertThat(flaky.get("attempts")).isEqualTo(3);
    assertThat(flaky.get("last_http_status")).isEqualTo(500);
    assertThat((String) flaky.get("last_error")).startsWith("HTTP 500");
    assertThat(flaky.get("next_attempt_at")).isNull();
    Map<String, Object> dead = byEndpoint(refused);
    assertThat(dead.get("attempts")).isEqualTo(3);
    assertThat(dead.get("last_http_status")).isNull();
    assertThat((String) dead.get("last_error")).contains("ConnectException");

    receiver.answer("/flaky", 200);
    operator()
        .post("/admin/v1/webhooks/" + flaky.get("lago_id") + "/replay")
        .then()
        .statusCode(200)
        .body("webhook.status", equalTo("pending"));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> "succeeded".equals(byEndpoint(receiver.url("/flaky")).get("status")));
    assertThat(receiver.at("/flaky")).hasSize(4);
    Map<String, Object> replayed = byEndpoint(receiver.url("/flaky"));
    assertThat(replayed.get("attempts")).isEqualTo(4);
    assertThat(replayed.get("last_http_status")).isEqualTo(200);
    assertThat(replayed.get("last_error")).isNull();
    assertThat(log("&status=failed")).hasSize(1);
    assertThat(log("&status=succeeded&webhook_type=invoice.drafted")).hasSize(1);
    assertThat(log("&status=succeeded&webhook_type=invoice.created")).isEmpty();
  }

  @Test
  void shouldNotLetASlowEndpointDelayAFastOne() {
    receiver.delay("/slow", Duration.ofMillis(1500));
    addEndpoint(receiver.url("/slow"), "hmac");
    addEndpoint(receiver.url("/fast"), "hmac");

    for (int i = 0; i < 5; i++) {
      emit("subscription.started", "subscription", Map.of("lago_id", "sub_" + i));
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/fast").size() == 5);
    // every fast delivery is done while the slow endpoint still sits on its first requests
    await().atMost(Duration.ofSeconds(1)).until(() -> log("&status=succeeded").size() == 5);
    assertThat(log("&status=pending")).hasSize(5);
    assertThat(receiver.at("/slow")).hasSize(5);

    await().atMost(Duration.ofSeconds(10)).until(() -> log("&status=succeeded").size() == 10);
    assertThat(receiver.at("/slow")).hasSize(5);
  }

  @Test
  void shouldSendNothingForARolledBackTransaction() {
    addEndpoint(receiver.url("/tx"), "hmac");

    Uni<Integer> rolledBack =
        pool.withTransaction(
            tx ->
                webhooks
                    .enqueue(tx, org.id(), "invoice.voided", "invoice", Map.of("lago_id", "x"))
                    .chain(
                        written -> {
                          assertThat(written).isEqualTo(1);
                          return Uni.createFrom()
                              .failure(new IllegalStateException("business change failed"));
                        }));
    assertThatThrownBy(() -> rolledBack.await().atMost(Duration.ofSeconds(10)))
        .hasMessageContaining("business change failed");
    emit("invoice.created", "invoice", Map.of("lago_id", "y"));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/tx").size() == 1);
    await().pollDelay(Duration.ofMillis(500)).until(() -> true);
    assertThat(receiver.at("/tx")).hasSize(1);
    assertThat(receiver.at("/tx").get(0).body()).contains("\"invoice.created\"");
    assertThat(log("")).extracting(d -> d.get("webhook_type")).containsExactly("invoice.created");
  }

  @Test
  void shouldOnlySendTheTypesAnEndpointSubscribedTo() {
    org.api()
        .body(
            Map.of(
                "webhook_endpoint",
                Map.of(
                    "webhook_url",
                    receiver.url("/invoices"),
                    "event_types",
                    List.of("invoice.created"))))
        .post("/api/v1/webhook_endpoints")
        .then()
        .statusCode(200);

    assertThat(emit("customer.created", "customer", Map.of("lago_id", "c"))).isZero();
    assertThat(emit("invoice.created", "invoice", Map.of("lago_id", "i"))).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/invoices").size() == 1);
    assertThat(receiver.at("/invoices").get(0).body()).contains("\"invoice.created\"");
  }

  private Map<String, Object> byEndpoint(String url) {
    return log("").stream().filter(d -> url.equals(d.get("endpoint"))).findFirst().orElseThrow();
  }

  private static String hmac(String key, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static PublicKey publicKey(String published) throws Exception {
    String pem =
        new String(Base64.getMimeDecoder().decode(published.trim()), StandardCharsets.US_ASCII);
    assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
  }

  private static boolean verifies(PublicKey key, String signingInput, String signature)
      throws Exception {
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return rsa.verify(Base64.getUrlDecoder().decode(signature));
  }
}
