package dev.wasdk.internal.http;

import java.time.Duration;

/**
 * Bounds the waits a server announces ({@code Retry-After}, {@code
 * estimated_time_to_regain_access}), so that a huge or hostile value can neither overflow a time
 * computation into an exception nor stand for a wait of years. Stateless and thread-safe.
 */
public final class ServerWaits {
  /**
   * The longest wait read from a response: 24 hours. A server asking for more is read as asking for
   * 24 hours, which still ends the client's retries (their limit is far lower) and is further
   * capped by the pacing sender's own pause limit.
   */
  public static final Duration MAX = Duration.ofHours(24);

  private ServerWaits() {}

  /** Returns {@code seconds} as a wait, zero when negative, at most {@link #MAX}. */
  public static Duration ofSeconds(long seconds) {
    if (seconds <= 0) {
      return Duration.ZERO;
    }
    return seconds >= MAX.toSeconds() ? MAX : Duration.ofSeconds(seconds);
  }

  /** Returns {@code minutes} as a wait, zero when negative, at most {@link #MAX}. */
  public static Duration ofMinutes(long minutes) {
    if (minutes <= 0) {
      return Duration.ZERO;
    }
    return minutes >= MAX.toMinutes() ? MAX : Duration.ofMinutes(minutes);
  }

  /** Returns {@code wait}, zero when negative, at most {@link #MAX}. */
  public static Duration clamp(Duration wait) {
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX) > 0 ? MAX : wait;
  }
}
