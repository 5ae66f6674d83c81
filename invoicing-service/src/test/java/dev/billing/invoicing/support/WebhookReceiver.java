package dev.billing.invoicing.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.billing.testkit.OperatorApi.TestOrganization;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP endpoint for webhooks (the JDK's server on a random port): records every request, and
 * answers each path with a chosen status after a chosen delay.
 */
public final class WebhookReceiver implements AutoCloseable {

  /**
   * One request as it arrived.
   *
   * @param path the path
   * @param body the exact body
   * @param headers lower-case names to the first value
   * @param at when it arrived
   */
  public record Received(String path, String body, Map<String, String> headers, Instant at) {
    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  public static WebhookReceiver start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext("/", receiver::handle);
    server.setExecutor(receiver.threads);
    server.start();
    return receiver;
  }

  /** A URL nothing listens on: connections are refused. */
  public static String deadUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return "http://127.0.0.1:" + port + "/dead";
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Registers {@code path} of this receiver as an HMAC-signed webhook endpoint of {@code org}. */
  public void registerWith(TestOrganization org, String path) {
    org.api()
        .body(
            Map.of("webhook_endpoint", Map.of("webhook_url", url(path), "signature_algo", "hmac")))
        .post("/api/v1/webhook_endpoints")
        .then()
        .statusCode(200);
  }

  public void answer(String path, int status) {
    statuses.put(path, status);
  }

  public void delay(String path, Duration delay) {
    delays.put(path, delay);
  }

  public List<Received> at(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    received.add(
        new Received(path, new String(body, StandardCharsets.UTF_8), headers, Instant.now()));
    Duration delay = delays.get(path);
    if (delay != null) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(statuses.getOrDefault(path, 200), answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
