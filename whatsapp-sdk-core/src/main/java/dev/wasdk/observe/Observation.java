package dev.wasdk.observe;

/**
 * Receives the end of one observed piece of work that a {@link WhatsAppObserver} saw start.
 *
 * <p>{@link #end} is called exactly once, on the thread that finished the work: for a webhook
 * delivery the thread that started it; for an asynchronous Graph request possibly another. An
 * implementation must be thread-safe if it shares state, and must not throw (an exception is logged
 * and ignored).
 *
 * <pre>{@code
 * public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart start) {
 *   long t0 = System.nanoTime();
 *   return event -> histogram.record(System.nanoTime() - t0);
 * }
 * }</pre>
 *
 * @param <E> the event that describes the end
 */
@FunctionalInterface
public interface Observation<E> {

  /**
   * Returns the observation that ignores its end.
   *
   * @param <E> the event type
   * @return the shared no-op observation
   */
  @SuppressWarnings("unchecked")
  static <E> Observation<E> none() {
    return (Observation<E>) NoObservation.INSTANCE;
  }

  /**
   * Receives the end of the work.
   *
   * @param event what happened
   */
  void end(E event);
}

/** The no-op observation. */
enum NoObservation implements Observation<Object> {
  INSTANCE;

  @Override
  public void end(Object event) {}
}
