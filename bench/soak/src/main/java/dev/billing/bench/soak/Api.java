package dev.billing.bench.soak;

import dev.billing.platform.contracts.MessageCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON over HTTP: the public API through the edge (a Bearer key) or the operator API. */
final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String baseUrl;
  private final String token;

  Api(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** The answer's status and body; IOException when there was no answer in {@code timeout}. */
  HttpResponse<String> call(String method, String path, String body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A call that must answer 200: its decoded body. */
  Map<?, ?> ok(String method, String path, Object body) throws Exception {
    HttpResponse<String> response =
        call(method, path, body == null ? null : MessageCodec.encode(body), Duration.ofSeconds(60));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return MessageCodec.decode(response.body(), Map.class);
  }

  int status(String method, String path, Object body) {
    try {
      return call(
              method, path, body == null ? null : MessageCodec.encode(body), Duration.ofSeconds(10))
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
