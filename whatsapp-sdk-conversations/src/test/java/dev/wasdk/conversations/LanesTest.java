package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.conversations.internal.Lanes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LanesTest {

  @Test
  void submit_taskThrows_failsItsFutureAndTheLaneGoesOn() throws Exception {
    Lanes lanes = new Lanes(Runnable::run);

    CompletableFuture<Integer> bad =
        lanes.submit(
            "a",
            () -> {
              throw new IllegalStateException("boom");
            });
    CompletableFuture<Integer> good = lanes.submit("a", () -> 42);

    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo(42);
    assertThat(lanes.activeKeys()).isZero();
  }

  @Test
  void submit_executorRefuses_failsTheFutureAndLeavesNoLane() {
    Lanes lanes =
        new Lanes(
            task -> {
              throw new RejectedExecutionException("closed");
            });

    CompletableFuture<Integer> f = lanes.submit("a", () -> 1);

    assertThat(f).isCompletedExceptionally();
    assertThatThrownBy(f::join).hasCauseInstanceOf(RejectedExecutionException.class);
    assertThat(lanes.activeKeys()).isZero();
  }
}
