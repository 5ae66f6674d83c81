package dev.billing.bench.soak;

import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The indices of the events an API acknowledged (HTTP 200, or Kafka's ack to the producer): what
 * must be billed, exactly once. Thread-safe.
 */
final class Acks {

  private final BitSet acknowledged = new BitSet();

  synchronized void add(long index) {
    acknowledged.set(Math.toIntExact(index));
  }

  synchronized boolean contains(long index) {
    return acknowledged.get(Math.toIntExact(index));
  }

  synchronized int count() {
    return acknowledged.cardinality();
  }

  /** A random acknowledged index (for a deliberate re-send), or -1 when there is none yet. */
  synchronized long random(SplittableRandom random) {
    int top = acknowledged.length();
    if (top == 0) {
      return -1;
    }
    int from = random.nextInt(top);
    int found = acknowledged.nextSetBit(from);
    return found >= 0 ? found : acknowledged.previousSetBit(from);
  }

  /** A copy of the set, to recount from. */
  synchronized BitSet snapshot() {
    return (BitSet) acknowledged.clone();
  }
}
