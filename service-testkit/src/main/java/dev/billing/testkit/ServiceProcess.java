package dev.billing.testkit;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A service's packaged jar run as its own OS process, so a test can kill it with SIGKILL exactly
 * like a crash. Output goes to a log file beside the jar.
 */
public final class ServiceProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private ServiceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar of system property {@code service.jar} and waits until it is ready. */
  public static ServiceProcess start(int port, Map<String, String> env, String logName)
      throws IOException, InterruptedException {
    return start(System.getProperty("service.jar"), port, env, logName);
  }

  /** Starts a packaged service jar (e.g. another module's) and waits until it is ready. */
  public static ServiceProcess start(String jar, int port, Map<String, String> env, String logName)
      throws IOException, InterruptedException {
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("no packaged service at " + jar + "; package it first");
    }
    Map<String, String> environment = new HashMap<>(env);
    environment.put("HTTP_PORT", String.valueOf(port));
    // the test run's own database (a worktree's DB_NAME), not another run's
    environment.putIfAbsent("DB_NAME", System.getenv().getOrDefault("DB_NAME", "billing_test"));
    environment.putIfAbsent("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
    File log = new File(new File(jar).getParentFile().getParentFile(), logName);
    ProcessBuilder builder =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-jar", jar)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().putAll(environment);
    ServiceProcess service = new ServiceProcess(builder.start(), port);
    service.awaitReady(Duration.ofSeconds(60), log);
    return service;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: no shutdown hook, no flush, like a power cut of the process. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

  private void awaitReady(Duration timeout, File log) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("service exited during start-up, see " + log);
      }
      try {
        HttpResponse<Void> response =
            client.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("service not ready after " + timeout + ", see " + log);
  }
}
