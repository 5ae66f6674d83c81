package dev.billing.rating.api.usage;

import static org.hamcrest.Matchers.equalTo;

import dev.billing.rating.support.Catalog;
import dev.billing.testkit.OperatorApi.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Text PostgreSQL cannot store (found by fuzzing the edge) is the client's error, not a 500. */
@QuarkusTest
class UnstorableTextTest {

  @Test
  void shouldAnswerBadRequestForANulByteInAQueryParameter() {
    TestOrganization org = Catalog.organization("Unstorable text");
    org.api()
        .urlEncodingEnabled(false)
        .get("/api/v1/customers/cus_1/current_usage?external_subscription_id=%00")
        .then()
        .statusCode(400)
        .body("status", equalTo(400))
        .body("code", equalTo("bad_request"));
  }
}
