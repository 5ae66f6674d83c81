package dev.billing.rating.domain.metric;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mergeable state of a unique count: the last relevant operation of each distinct value. Per
 * value, in timestamp order, an {@code add} counts +1 and a {@code remove} −1, but an operation
 * equal to the previous one counts 0 and a first {@code remove} counts 0 (Lago's window over {@code
 * LAG(operation_type, 'remove')}). The count is the number of values last added.
 */
public final class UniqueCountState {

  /** The {@code operation_type} property of a unique-count event; absent means add. */
  public enum Operation {
    ADD,
    REMOVE;

    public static Optional<Operation> fromWire(String wire) {
      if (wire == null || wire.equals("add")) {
        return Optional.of(ADD);
      }
      return wire.equals("remove") ? Optional.of(REMOVE) : Optional.empty();
    }
  }

  private final Map<String, Operation> lastOperation;

  public UniqueCountState() {
    this(Map.of());
  }

  /** Restores a state saved with {@link #snapshot()} (e.g. carried from a previous period). */
  public UniqueCountState(Map<String, Operation> snapshot) {
    this.lastOperation = new HashMap<>(snapshot);
  }

  /** Applies one event in timestamp order and returns its contribution: +1, −1 or 0. */
  public int apply(String value, Operation operation) {
    Operation previous = lastOperation.getOrDefault(value, Operation.REMOVE);
    if (previous == operation) {
      return 0;
    }
    lastOperation.put(value, operation);
    return operation == Operation.ADD ? 1 : -1;
  }

  public long count() {
    return lastOperation.values().stream().filter(op -> op == Operation.ADD).count();
  }

  public Set<String> presentValues() {
    return lastOperation.entrySet().stream()
        .filter(entry -> entry.getValue() == Operation.ADD)
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  public Map<String, Operation> snapshot() {
    return Map.copyOf(lastOperation);
  }
}
