package dev.wasdk.webhooks;

import java.util.Objects;

/**
 * When {@link WebhookEndpoint} acknowledges a delivery: after its handlers ran, or after its events
 * were handed off.
 *
 * <ul>
 *   <li>{@link #synchronous()} (the default): handlers run on the request thread through the
 *       endpoint's {@link WebhookRouter}; the endpoint answers 200 only when all of them succeeded,
 *       and 500 otherwise, so Meta retries. <b>A crash loses nothing</b>: an unacknowledged
 *       delivery is delivered again. Handlers must be quick, because Meta expects an answer within
 *       seconds; on a failure, events of the same delivery without a dedupe key run again on the
 *       retry.
 *   <li>{@link #asynchronous(WebhookHandoff)}: the endpoint answers 200 once the {@link
 *       WebhookHandoff} accepts the events, and 503 when it refuses them. <b>A crash loses</b> what
 *       the hand-off held but had not handled: with {@link QueuedHandoff}, the queued and running
 *       events; with a durable hand-off (a queue or table written before returning, such as {@code
 *       RedisStreamHandoff} in {@code whatsapp-sdk-redis}), nothing.
 * </ul>
 *
 * <pre>{@code
 * .dispatch(DispatchMode.synchronous())
 * .dispatch(DispatchMode.asynchronous(QueuedHandoff.builder(router).capacity(10_000).build()))
 * }</pre>
 */
public sealed interface DispatchMode {

  /** Returns the synchronous mode: acknowledge after the handlers succeeded. */
  static DispatchMode synchronous() {
    return Synchronous.INSTANCE;
  }

  /**
   * Returns the asynchronous mode: acknowledge after the hand-off accepted the events.
   *
   * @param handoff where the events go
   */
  static DispatchMode asynchronous(WebhookHandoff handoff) {
    return new Asynchronous(handoff);
  }

  /** Acknowledges a delivery after its handlers succeeded. */
  final class Synchronous implements DispatchMode {
    static final Synchronous INSTANCE = new Synchronous();

    private Synchronous() {}

    @Override
    public String toString() {
      return "synchronous";
    }
  }

  /**
   * Acknowledges a delivery after its events were handed off.
   *
   * @param handoff where the events go
   */
  record Asynchronous(WebhookHandoff handoff) implements DispatchMode {
    /** Checks that the hand-off is not null. */
    public Asynchronous {
      Objects.requireNonNull(handoff, "handoff");
    }

    @Override
    public String toString() {
      return "asynchronous";
    }
  }
}
