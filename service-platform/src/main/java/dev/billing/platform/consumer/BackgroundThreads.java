package dev.billing.platform.consumer;

/**
 * Background threads (Kafka consumers and the event loops of their database pool) run at the lowest
 * Java priority, so that on a machine whose cores a backlog saturates, the operating system runs a
 * thread answering an API request first. Java maps priorities to Linux nice values only with {@code
 * -XX:ThreadPriorityPolicy=1} (the lowest priority is nice 4; lowering needs no privilege), which
 * the deploy scripts pass; without it this changes nothing.
 */
final class BackgroundThreads {

  private BackgroundThreads() {}

  static void lower(Thread thread) {
    thread.setPriority(Thread.MIN_PRIORITY);
  }

  static void lowerCurrent() {
    lower(Thread.currentThread());
  }
}
