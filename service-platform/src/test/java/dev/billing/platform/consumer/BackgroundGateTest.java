package dev.billing.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundGateTest {

  private final ForegroundRequests foreground = new ForegroundRequests();

  @Test
  void batchesRunSideBySideWhenNoRequestIsBeingAnswered() throws Exception {
    BackgroundGate gate = new BackgroundGate(foreground, true);
    try (BackgroundGate.Pass first = gate.enter()) {
      assertThat(enterFromAnotherThread(gate)).succeedsWithin(1, TimeUnit.SECONDS);
    }
  }

  @Test
  void batchesTakeTurnsWhileARequestIsInFlight() throws Exception {
    BackgroundGate gate = new BackgroundGate(foreground, true);
    foreground.started();
    CompletableFuture<Void> second;
    try (BackgroundGate.Pass first = gate.enter()) {
      second = enterFromAnotherThread(gate);
      Thread.sleep(200);
      assertThat(second).isNotDone();
    }
    assertThat(second).succeedsWithin(1, TimeUnit.SECONDS);
  }

  @Test
  void aJustAnsweredRequestStillCountsThenNoLonger() throws Exception {
    foreground.started();
    foreground.ended();
    assertThat(foreground.busy()).isTrue();
    Thread.sleep(100);
    assertThat(foreground.busy()).isFalse();
  }

  @Test
  void switchedOffBatchesNeverWait() throws Exception {
    BackgroundGate gate = new BackgroundGate(foreground, false);
    foreground.started();
    try (BackgroundGate.Pass first = gate.enter()) {
      assertThat(enterFromAnotherThread(gate)).succeedsWithin(1, TimeUnit.SECONDS);
    }
  }

  private static CompletableFuture<Void> enterFromAnotherThread(BackgroundGate gate) {
    return CompletableFuture.runAsync(
        () -> {
          try (BackgroundGate.Pass pass = gate.enter()) {
            // entered
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }
}
