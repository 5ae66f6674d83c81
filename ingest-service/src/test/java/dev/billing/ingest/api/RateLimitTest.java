package dev.billing.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.billing.testkit.OperatorApi;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestOrganizations;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the per-organization limit on, the request over it gets 429 and Lago's headers. */
@QuarkusTest
@TestProfile(RateLimitTest.LimitedTo5PerSecond.class)
class RateLimitTest {

  /** The limit switched on, at 5 requests per second. */
  public static class LimitedTo5PerSecond implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "ingest.rate-limit.enabled", "true", "ingest.rate-limit.requests-per-second", "5");
    }
  }

  private static final String EVENT =
      "{\"event\":{\"transaction_id\":\"r\",\"code\":\"c\",\"external_subscription_id\":\"s\"}}";

  @Test
  void shouldAnswer429WithRateLimitHeadersOverTheLimitAndSpareOtherOrganizations() {
    TestOrganization busy = TestOrganizations.publish("Busy " + System.nanoTime());
    TestOrganization quiet = TestOrganizations.publish("Quiet " + System.nanoTime());
    OperatorApi.awaitAuthenticatesPost(busy.apiKey(), "/api/v1/events");
    OperatorApi.awaitAuthenticatesPost(quiet.apiKey(), "/api/v1/events");
    waitForTheStartOfASecond();

    List<Response> responses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      responses.add(busy.api().body(EVENT).post("/api/v1/events"));
    }

    List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
    assertThat(statuses.subList(0, 5)).containsOnly(200);
    assertThat(statuses).contains(429);
    Response limited =
        responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
    assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("5");
    assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(Long.parseLong(limited.header("X-RateLimit-Reset")))
        .isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 2);
    limited.then().body("status", equalTo(429)).body("code", equalTo("too_many_requests"));
    quiet.api().body(EVENT).post("/api/v1/events").then().statusCode(200);
  }

  private static void waitForTheStartOfASecond() {
    long millis = System.currentTimeMillis() % 1000;
    if (millis > 100) {
      try {
        Thread.sleep(1000 - millis + 5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
