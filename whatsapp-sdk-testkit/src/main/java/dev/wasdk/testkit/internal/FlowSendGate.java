package dev.wasdk.testkit.internal;

import dev.wasdk.message.FlowMessage;
import dev.wasdk.message.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Refuses Flow messages as Meta does for a Flow's health status: a {@code BLOCKED} Flow cannot be
 * sent (132068), and a {@code THROTTLED} one only 10 times in any hour (132069). Every accepted
 * send of a known Flow counts toward the hour, whatever its status then. Flows the simulator does
 * not hold (sent by an id or name never created here) pass. Thread-safe: each Flow's sends are
 * counted under its own lock.
 */
final class FlowSendGate {
  static final int THROTTLED_PER_HOUR = 10;
  private static final Duration HOUR = Duration.ofHours(1);

  private FlowSendGate() {}

  /**
   * Checks a message about to be sent and, if it is a Flow message of a Flow held here, counts it.
   *
   * @throws GraphErrorException 132068 or 132069
   */
  static void admit(FlowStore store, Message message, Instant now) {
    if (!(message instanceof FlowMessage m)) {
      return;
    }
    FlowStore.Flow f =
        m.flowId().map(store::byId).orElseGet(() -> m.flowName().map(store::byName).orElse(null));
    if (f == null) {
      return;
    }
    synchronized (f) {
      Deque<Instant> sends = f.sends;
      while (!sends.isEmpty() && !sends.peekFirst().isAfter(now.minus(HOUR))) {
        sends.removeFirst();
      }
      switch (f.status) {
        case "BLOCKED" ->
            throw error(132068, "Flow is in blocked state", "Flow " + f.id + " is blocked.");
        case "THROTTLED" -> {
          if (sends.size() >= THROTTLED_PER_HOUR) {
            throw error(
                132069,
                "Flow is in throttled state",
                "Flow "
                    + f.id
                    + " is throttled and "
                    + THROTTLED_PER_HOUR
                    + " messages using it were already sent in the last hour.");
          }
        }
        default -> {}
      }
      sends.addLast(now);
    }
  }

  static Deque<Instant> newLog() {
    return new ArrayDeque<>();
  }

  private static GraphErrorException error(int code, String title, String details) {
    return new GraphErrorException(
        400, code, null, "OAuthException", "(#" + code + ") " + title, details);
  }
}
