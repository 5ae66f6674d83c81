package dev.billing.platform.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.PlatformErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reads an owner's internal API ({@code /internal/v1/...}, the operator token): its routes answer a
 * JSON array of the contract messages its topic carries for what was asked, 404 for nothing.
 */
@ApplicationScoped
public class OwnerApi {

  private static final Logger LOG = Logger.getLogger(OwnerApi.class);

  private final HttpClient http;
  private final ObjectMapper json;
  private final String token;
  private final Duration timeout;

  public OwnerApi(ObjectMapper json, PlatformConfig config) {
    this.json = json;
    this.token = config.auth().adminToken().orElse("");
    this.timeout = config.owners().timeout();
    // HTTP/1.1: with HTTP/2 a refused request (a request line over the owner's limit) ended the
    // whole connection (GOAWAY), failing the other lookups in flight on it
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /**
   * The message payloads the owner at {@code baseUrl} answers for {@code path}; none where it has
   * nothing (404), or where it refused the question (400, 414, 422: what was asked cannot exist
   * there). Anything else (its 401, 403 and 429 included: ours to fix, not the client's), or no
   * answer in time, fails with 503 {@code service_unavailable}: a read model never answers "not
   * found" for what it could not check.
   */
  public Uni<List<String>> get(String baseUrl, String path) {
    URI uri = URI.create(baseUrl + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .GET()
            .build();
    return Uni.createFrom()
        .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
        .onFailure()
        .transform(e -> unavailable(uri, e.toString()))
        .map(response -> payloads(uri, response));
  }

  /** {@code value} as one query parameter value. */
  public static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private List<String> payloads(URI uri, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status == 404 || status == 400 || status == 414 || status == 422) {
      return List.of();
    }
    if (status != 200) {
      throw unavailable(uri, "answered " + status);
    }
    try {
      JsonNode array = json.readTree(response.body());
      if (array == null || !array.isArray()) {
        throw unavailable(uri, "answered something else than an array");
      }
      List<String> payloads = new ArrayList<>(array.size());
      for (JsonNode message : array) {
        payloads.add(json.writeValueAsString(message));
      }
      return payloads;
    } catch (IOException e) {
      throw unavailable(uri, "answered unreadable JSON");
    }
  }

  private static ApiException unavailable(URI uri, String why) {
    LOG.warnf("owner %s%s %s", uri.getAuthority(), uri.getPath(), why);
    return new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE);
  }
}
