package dev.wasdk.internal.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * A {@link Sleeper} that records every wait and returns at once; delayed tasks run immediately on
 * the calling thread. An optional hook runs before each wait returns (to start a server, say).
 */
public final class FakeSleeper implements Sleeper {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private volatile Runnable onWait = () -> {};

  /** Returns every wait so far, in order. */
  public List<Duration> waits() {
    return List.copyOf(waits);
  }

  /** Runs a task on each wait, before it returns. */
  public FakeSleeper onWait(Runnable task) {
    this.onWait = task;
    return this;
  }

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    onWait.run();
  }

  @Override
  public Executor delayed(Duration duration, Executor executor) {
    return task -> {
      waits.add(duration);
      onWait.run();
      task.run();
    };
  }
}
