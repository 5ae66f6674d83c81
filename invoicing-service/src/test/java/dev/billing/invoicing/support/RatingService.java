package dev.billing.invoicing.support;

import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.ServiceProcess;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The real rating-service, started once per test JVM from its packaged jar (the build packages
 * rating-service before invoicing-service's tests), for tests whose invoices price usage.
 */
public final class RatingService {

  // separate runs (worktrees, their own DB_NAME) need their own port and consumer groups
  public static final int PORT =
      Integer.parseInt(System.getenv().getOrDefault("TEST_RATING_PORT", "18182"));
  private static final String GROUP_PREFIX =
      "rating-for-" + System.getenv().getOrDefault("BILLING_KAFKA_GROUP_PREFIX", "invoicing-tests");
  private static final String JAR = "../rating-service/target/quarkus-app/quarkus-run.jar";
  private static ServiceProcess process;

  private RatingService() {}

  public static synchronized String baseUrl() {
    if (process == null) {
      try {
        process =
            ServiceProcess.start(
                new File(JAR).getAbsolutePath(),
                PORT,
                Map.of(
                    "BILLING_ADMIN_TOKEN",
                    OperatorApi.adminToken(),
                    "BILLING_KAFKA_GROUP_PREFIX",
                    GROUP_PREFIX,
                    // the invoicing-service under test owns what rating's read models miss
                    "INVOICING_URL",
                    "http://127.0.0.1:"
                        + ConfigProvider.getConfig()
                            .getOptionalValue("quarkus.http.test-port", Integer.class)
                            .orElse(18083)),
                "rating-for-invoicing-tests.log");
      } catch (Exception e) {
        throw new IllegalStateException("rating-service did not start", e);
      }
      ServiceProcess started = process;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    return process.baseUrl();
  }

  /** Stops it (SIGKILL); the next {@link #baseUrl} starts it again. */
  public static synchronized void kill() {
    if (process != null) {
      try {
        process.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** A request to rating-service's public API with an organization's key. */
  public static RequestSpecification api(String apiKey) {
    return RestAssured.given()
        .baseUri(baseUrl())
        .header("Authorization", "Bearer " + apiKey)
        .contentType("application/json");
  }

  /** A request to rating-service's internal API (the operator's token). */
  public static RequestSpecification internal() {
    return RestAssured.given()
        .baseUri(baseUrl())
        .header("Authorization", "Bearer " + OperatorApi.adminToken());
  }

  /**
   * Waits until rating-service has the subscription (it arrives on billing.subscriptions): a
   * billing run before that reports it in {@code failures} and leaves it to the next run.
   */
  public static void awaitSubscription(String lagoId) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(
            () ->
                internal()
                        .queryParam("from", "2026-11-01T00:00:00Z")
                        .get("/internal/v1/subscriptions/" + lagoId + "/fees")
                        .statusCode()
                    == 200);
  }
}
