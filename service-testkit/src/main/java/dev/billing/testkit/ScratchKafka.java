package dev.billing.testkit;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A second, private Kafka broker (deploy/local/kafka.sh on other ports) that a test may stop and
 * start without disturbing the broker every other test uses.
 */
public final class ScratchKafka implements AutoCloseable {

  private final int port;
  private final int controllerPort;
  private final File script;
  private final File log;

  public ScratchKafka(int port, int controllerPort) {
    this.port = port;
    this.controllerPort = controllerPort;
    this.script = findScript();
    this.log = new File("target/scratch-kafka-" + port + ".log");
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public void start() {
    run("start");
  }

  public void stop() {
    run("stop");
  }

  /** Stops the broker and deletes its data. */
  @Override
  public void close() {
    run("reset");
  }

  private void run(String command) {
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.getAbsolutePath(), command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().put("KAFKA_PORT", String.valueOf(port));
    builder.environment().put("KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
    builder.environment().put("KAFKA_HEAP_OPTS", "-Xms128m -Xmx512m");
    try {
      Process process = builder.start();
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "kafka.sh " + command + " failed on port " + port + ", see " + log.getAbsolutePath());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static File findScript() {
    for (File dir = new File(System.getProperty("user.dir")).getAbsoluteFile();
        dir != null;
        dir = dir.getParentFile()) {
      File candidate = new File(dir, "deploy/local/kafka.sh");
      if (candidate.isFile()) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "deploy/local/kafka.sh not found above " + System.getProperty("user.dir"));
  }
}
