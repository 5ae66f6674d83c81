package dev.billing.bench.soak;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills one service at a time with SIGKILL (the PID that deploy/local/up.sh recorded) and starts it
 * again with up.sh, which starts whatever is not running.
 */
final class Killer {

  private final Path root;
  private final String[] services;
  private final File upLog;
  final AtomicInteger kills = new AtomicInteger();
  final Map<String, Integer> byService = new ConcurrentHashMap<>();
  private volatile double slowestRestart;

  Killer(Path root, File upLog, String[] services) {
    this.root = root;
    this.services = services;
    this.upLog = upLog;
  }

  /**
   * The next service in turn {@code minGap}–{@code maxGap} seconds after the previous kill (or at
   * once when its restart took longer than that), until {@code stopAt}.
   */
  void run(int minGapSeconds, int maxGapSeconds, long stopAt) throws Exception {
    SplittableRandom random = new SplittableRandom(2026);
    long previous = System.nanoTime();
    for (int n = 0; ; n++) {
      long gap =
          (minGapSeconds + random.nextInt(maxGapSeconds - minGapSeconds + 1)) * 1_000_000_000L;
      long at = Math.max(previous + gap, System.nanoTime());
      if (at >= stopAt) {
        return;
      }
      HttpProducer.sleepUntil(at);
      previous = System.nanoTime();
      killAndRestart(services[n % services.length]);
    }
  }

  void killAndRestart(String service) throws Exception {
    long pid = Long.parseLong(Files.readString(pidFile(service)).trim());
    String command = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
    if (!command.contains("quarkus-run.jar") || !command.contains(service)) {
      throw new IllegalStateException("pid " + pid + " is not " + service + ": " + command);
    }
    long started = System.nanoTime();
    exec("kill", "-KILL", String.valueOf(pid));
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      Thread.sleep(20);
    }
    kills.incrementAndGet();
    byService.merge(service, 1, Integer::sum);
    Soak.log("kill %d: SIGKILL %s (pid %d); restarting it", kills.get(), service, pid);
    restart();
    double seconds = (System.nanoTime() - started) / 1e9;
    slowestRestart = Math.max(slowestRestart, seconds);
    Soak.log("%s is back (ready %.1f s after the kill)", service, seconds);
  }

  /** up.sh without building: starts what is not running and waits until every service is ready. */
  void restart() throws Exception {
    ProcessBuilder up =
        new ProcessBuilder(root.resolve("deploy/local/up.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(upLog));
    up.environment().put("BILLING_SKIP_BUILD", "1");
    up.environment().put("BILLING_DEMO", "0");
    int status = up.start().waitFor();
    if (status != 0) {
      throw new IllegalStateException("up.sh exited " + status + ", see " + upLog);
    }
  }

  double slowestRestartSeconds() {
    return slowestRestart;
  }

  private Path pidFile(String service) {
    String run = System.getenv("SOAK_RUN_DIR");
    return (run != null ? Path.of(run) : root.resolve("deploy/local/.run"))
        .resolve(service + ".pid");
  }

  private static void exec(String... command) throws IOException, InterruptedException {
    int status = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (status != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + status);
    }
  }
}
