package dev.wasdk.examples;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition, polling, with a generous timeout. */
final class ConversationsAwait {
  private ConversationsAwait() {}

  static void until(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(5);
    }
  }
}
