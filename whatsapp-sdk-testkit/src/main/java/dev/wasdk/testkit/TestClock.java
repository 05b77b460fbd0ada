package dev.wasdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still until a test moves it, for testing time windows without waiting.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-01-15T10:00:00Z"));
 * WhatsAppSimulator sim = WhatsAppSimulator.builder().clock(clock).start();
 * sim.userSends("+16505551234", "hi");        // opens the 24-hour window
 * clock.advance(Duration.ofHours(25));        // and now it is closed
 * }</pre>
 *
 * <p>Thread-safe: the time is one volatile value.
 */
public final class TestClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  private TestClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * Returns a clock standing at an instant, in UTC.
   *
   * @param start the instant
   * @return the clock
   */
  public static TestClock at(Instant start) {
    return new TestClock(Objects.requireNonNull(start, "start"), ZoneOffset.UTC);
  }

  /** Returns a clock standing at the current instant, in UTC. */
  public static TestClock now() {
    return at(Instant.now());
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far, not negative
   */
  public synchronized void advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    now = now.plus(duration);
  }

  /**
   * Sets the clock to an instant, forward or back.
   *
   * @param instant the new time
   */
  public void set(Instant instant) {
    now = Objects.requireNonNull(instant, "instant");
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    TestClock shared = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return shared.instant();
      }

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId z) {
        return shared.withZone(z);
      }
    };
  }

  @Override
  public String toString() {
    return "TestClock[" + now + "]";
  }
}
