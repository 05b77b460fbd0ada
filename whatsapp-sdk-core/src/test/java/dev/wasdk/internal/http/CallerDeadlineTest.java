package dev.wasdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deadline of a blocking call whose body the JDK buffers: the sweep interrupts the caller, and
 * the caller's {@code end()} settles the race so that no interrupt of the deadline's outlives the
 * call. Driven with explicit times on the sweep's clock.
 */
class CallerDeadlineTest {
  private static final long DEADLINE = 1_000;

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void expireIfDue_beforeTheDeadline_leavesTheCallerAlone() {
    CallerDeadline d = new CallerDeadline(DEADLINE);
    assertThat(d.expireIfDue(DEADLINE - 1)).isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(d.end()).isFalse();
  }

  @Test
  void expireIfDue_atTheDeadline_interruptsTheCallerAndEndClearsIt() {
    CallerDeadline d = new CallerDeadline(DEADLINE);
    assertThat(d.expireIfDue(DEADLINE)).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(d.end()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    // idempotent: a second end changes nothing and says the same
    assertThat(d.end()).isTrue();
  }

  @Test
  void expireIfDue_afterEnd_neverInterrupts() {
    CallerDeadline d = new CallerDeadline(DEADLINE);
    assertThat(d.end()).isFalse();
    assertThat(d.expireIfDue(DEADLINE + 5)).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(d.end()).isFalse();
  }

  @Test
  void expireIfDue_twice_interruptsOnce() {
    CallerDeadline d = new CallerDeadline(DEADLINE);
    d.expireIfDue(DEADLINE);
    assertThat(d.end()).isTrue();
    d.expireIfDue(DEADLINE + 1);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void end_withoutTheDeadline_leavesTheApplicationsOwnInterrupt() {
    CallerDeadline d = new CallerDeadline(DEADLINE);
    Thread.currentThread().interrupt();
    assertThat(d.end()).isFalse();
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void expireIfDue_fromTheSweepThread_wakesACallerThatWaits() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    AtomicReference<CallerDeadline> deadline = new AtomicReference<>();
    AtomicBoolean woken = new AtomicBoolean();
    AtomicBoolean ended = new AtomicBoolean();
    AtomicBoolean flagAfterEnd = new AtomicBoolean(true);
    Thread caller =
        new Thread(
            () -> {
              CallerDeadline d = new CallerDeadline(DEADLINE);
              deadline.set(d);
              waiting.countDown();
              try {
                // stands in for the client's blocking send waiting for the body
                new CountDownLatch(1).await();
              } catch (InterruptedException e) {
                woken.set(true);
              }
              ended.set(d.end());
              flagAfterEnd.set(Thread.currentThread().isInterrupted());
            });
    caller.start();
    assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(deadline.get().expireIfDue(DEADLINE + 1)).isTrue();
    caller.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(caller.isAlive()).isFalse();
    assertThat(woken).isTrue();
    assertThat(ended).isTrue();
    assertThat(flagAfterEnd).isFalse();
  }
}
