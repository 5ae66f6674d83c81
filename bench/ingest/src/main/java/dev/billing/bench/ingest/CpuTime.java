package dev.billing.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU seconds the service, the broker and this load generator used during a phase, read from /proc
 * (PIDs from env BENCH_SERVICE_PID and BENCH_BROKER_PID): where the two cores went.
 */
final class CpuTime {

  private static final double TICKS_PER_SECOND = 100.0;
  private final Map<String, Long> startTicks = new LinkedHashMap<>();

  static CpuTime start() {
    CpuTime cpu = new CpuTime();
    processes().forEach((name, pid) -> cpu.startTicks.put(name, ticks(pid)));
    return cpu;
  }

  void report(double seconds) {
    Map<String, Long> pids = processes();
    double total = 0;
    for (Map.Entry<String, Long> entry : startTicks.entrySet()) {
      double used = (ticks(pids.get(entry.getKey())) - entry.getValue()) / TICKS_PER_SECOND;
      total += used;
      System.out.printf("BENCH cpu_cores_%s=%.2f%n", entry.getKey(), used / seconds);
    }
    System.out.printf("BENCH cpu_cores_total=%.2f%n", total / seconds);
  }

  private static Map<String, Long> processes() {
    Map<String, Long> pids = new LinkedHashMap<>();
    pid("BENCH_SERVICE_PID").ifPresent(pid -> pids.put("service", pid));
    pid("BENCH_BROKER_PID").ifPresent(pid -> pids.put("broker", pid));
    pids.put("loadgen", ProcessHandle.current().pid());
    return pids;
  }

  private static java.util.Optional<Long> pid(String env) {
    String value = System.getenv(env);
    return value == null || value.isBlank()
        ? java.util.Optional.empty()
        : java.util.Optional.of(Long.parseLong(value.trim()));
  }

  /** utime + stime of a process, in clock ticks. */
  private static long ticks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException e) {
      return 0;
    }
  }
}
