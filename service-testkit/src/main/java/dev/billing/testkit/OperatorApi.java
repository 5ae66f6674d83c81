package dev.billing.testkit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Creates what a test needs through the operator API of invoicing-service: each test makes its own
 * organization, so tests never see each other's data.
 */
public final class OperatorApi {

  /**
   * An organization made for a test.
   *
   * @param id its lago_id
   * @param apiKey its API key, in plain text
   */
  public record TestOrganization(UUID id, String apiKey) {

    /** The same organization, authenticating with another of its keys. */
    public TestOrganization withKey(String otherKey) {
      return new TestOrganization(id, otherKey);
    }

    /** A request authenticated with this organization's API key. */
    public RequestSpecification api() {
      return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }
  }

  private OperatorApi() {}

  public static String adminToken() {
    return ConfigProvider.getConfig().getValue("billing.auth.admin-token", String.class);
  }

  public static RequestSpecification operator() {
    return given().header("Authorization", "Bearer " + adminToken()).contentType(ContentType.JSON);
  }

  /** Creates an organization (not waiting for its key to propagate). */
  public static TestOrganization createOrganization(String name) {
    var body =
        operator()
            .body(Map.of("organization", Map.of("name", name)))
            .post("/admin/v1/organizations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return new TestOrganization(
        UUID.fromString(body.getString("organization.lago_id")),
        body.getString("organization.api_key"));
  }

  /** Creates an organization and waits until its key authenticates on this service. */
  public static TestOrganization createAuthenticatedOrganization(String name) {
    TestOrganization organization = createOrganization(name + " " + UUID.randomUUID());
    awaitAuthenticates(organization.apiKey(), "/api/v1/organizations");
    return organization;
  }

  /** Waits until {@code GET path} with the key is no longer a 401. */
  public static void awaitAuthenticates(String apiKey, String path) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                given().header("Authorization", "Bearer " + apiKey).get(path).statusCode() != 401);
  }

  /** Waits until {@code POST path} with the key and an empty object is no longer a 401. */
  public static void awaitAuthenticatesPost(String apiKey, String path) {
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                given()
                        .header("Authorization", "Bearer " + apiKey)
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .post(path)
                        .statusCode()
                    != 401);
  }
}
