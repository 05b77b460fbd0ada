package dev.wasdk.flows;

/**
 * Receives the outcome of every request to a {@link FlowEndpoint}, for metrics and alerts; {@link
 * FlowCounters} is a ready-made one.
 *
 * <p>Called on the request thread after the answer is ready and before it is written, never while
 * the endpoint holds a lock. Implementations must be thread-safe and quick, and should not throw:
 * an exception is logged and ignored.
 *
 * <pre>{@code
 * FlowListener listener = outcome -> registry
 *     .timer("flow.requests", "flow", outcome.flow(), "kind", outcome.kind().name())
 *     .record(outcome.latency());
 * }</pre>
 */
@FunctionalInterface
public interface FlowListener {
  /**
   * Called once per request.
   *
   * @param outcome what became of it
   */
  void onOutcome(FlowOutcome outcome);
}
