package dev.wasdk.observe;

import dev.wasdk.internal.observe.SafeObserver;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Receives what the SDK does, for metrics and traces: Graph requests, send outcomes, limiter
 * decisions, webhook deliveries and store calls. Every method has an empty default, so implement
 * only what you need; {@link #none()} observes nothing and costs nothing.
 *
 * <p><b>Thread-safety.</b> Methods are called on the SDK's threads (the caller's, an HTTP
 * completion thread, the sender's scheduler), never while the SDK holds a lock, and often
 * concurrently: an implementation must be thread-safe and quick. An exception it throws is logged
 * and ignored; it never fails a send or a webhook delivery.
 *
 * <p><b>Start and end.</b> A Graph request attempt and a webhook delivery are observed at both
 * ends: the start method runs on the thread that starts the work, before any I/O, and returns an
 * {@link Observation} whose {@link Observation#end} receives the facts. For a webhook delivery the
 * handlers run between the two on the same thread, so a tracer can make its span current there.
 *
 * <pre>{@code
 * WhatsAppObserver countFailures = new WhatsAppObserver() {
 *   public void onSendOutcome(SendOutcomeEvent e) {
 *     if (e.kind() == SendOutcomeEvent.Kind.REJECTED) rejected.increment();
 *   }
 * };
 * WhatsAppClient wa = WhatsAppClient.builder()....observer(countFailures).build();
 * }</pre>
 */
public interface WhatsAppObserver {

  /**
   * Returns the observer that observes nothing. The SDK checks for it and then skips even the clock
   * reads.
   *
   * @return the shared no-op observer
   */
  static WhatsAppObserver none() {
    return SafeObserver.NONE;
  }

  /**
   * Returns one observer that passes every call to each of {@code observers} in order, isolating
   * them: one that throws is logged and the others still run. Null-free; an empty list gives {@link
   * #none()}.
   *
   * @param observers the observers
   * @return the combined observer
   */
  static WhatsAppObserver of(List<? extends WhatsAppObserver> observers) {
    return SafeObserver.of(List.copyOf(observers));
  }

  /**
   * Returns {@code observer} with its failures isolated, as {@link #of(List)} does for one.
   *
   * @param observer the observer
   * @return the isolated observer ({@link #none()} stays as it is)
   */
  static WhatsAppObserver of(WhatsAppObserver observer) {
    return SafeObserver.of(List.of(Objects.requireNonNull(observer, "observer")));
  }

  /**
   * Called as one HTTP attempt of a Graph request starts, on the thread that starts it.
   *
   * @param start the method, path template, server and attempt number
   * @return what receives the attempt's end; {@link Observation#none()} by default
   */
  default Observation<GraphCallEvent> onGraphCallStart(GraphCallStart start) {
    return Observation.none();
  }

  /**
   * Called once for every message a sender ends, just before its future completes.
   *
   * @param event the outcome's kind, reason and error code
   */
  default void onSendOutcome(SendOutcomeEvent event) {}

  /**
   * Called each time a sender's limits decide about a message: send it now, put its user to sleep,
   * make every user wait, or end it.
   *
   * @param event the decision
   */
  default void onLimiterDecision(LimiterDecisionEvent event) {}

  /**
   * Called as a webhook POST starts, before its signature is checked, on the thread that handles
   * the request; the handlers of a synchronous endpoint run before the returned observation ends.
   *
   * @return what receives the delivery's end; {@link Observation#none()} by default
   */
  default Observation<WebhookDeliveryEvent> onWebhookStart() {
    return Observation.none();
  }

  /**
   * Called as a webhook handler starts that runs after its delivery was answered: an event the
   * endpoint handed off ({@code DispatchMode.asynchronous}) that a hand-off worker now handles. It
   * runs on the worker's thread, inside the context {@link #capture()} took on the request thread
   * while the delivery was observed, so a tracer's handler span joins the delivery's trace, and
   * whatever the handler sends joins it too. The returned observation ends on the same thread when
   * the handler returns.
   *
   * <p>Handlers of a synchronous endpoint run inside {@link #onWebhookStart()}'s observation and
   * are not reported here. A hand-off that keeps its events outside this JVM (a Redis stream, say)
   * carries the context as propagation fields instead ({@link #inject()}), and its worker, maybe in
   * another app instance, runs each handler inside the context {@link #extract} rebuilt from them;
   * that handler is reported here too.
   *
   * @param start the event's type
   * @return what receives the handler's end; {@link Observation#none()} by default
   */
  default Observation<HandlerEvent> onHandlerStart(HandlerStart start) {
    return Observation.none();
  }

  /**
   * Called after each call a sender makes to one of its stores (limiter, consent, service window,
   * recipient ids), whether it answered, failed or ran over its budget.
   *
   * @param event the store, the operation, the result and the time taken
   */
  default void onStoreCall(StoreCallEvent event) {}

  /**
   * Takes the caller's context, to carry work begun on this thread to another: called on the thread
   * that submits a message to a {@link dev.wasdk.sender.MessageSender}, which makes it current
   * around the message's requests and the handling of their answers, and on the request thread of a
   * webhook delivery that hands its events off, whose worker makes it current around each handler
   * ({@link #onHandlerStart}).
   *
   * <p>Must be quick and must not block: it runs on the submitting thread.
   *
   * @return the captured context; {@link CapturedContext#none()} by default
   */
  default CapturedContext capture() {
    return CapturedContext.none();
  }

  /**
   * Writes the context current on the calling thread as propagation fields, to carry it out of this
   * JVM: a durable webhook hand-off (a Redis stream) calls it inside the context {@link #capture()}
   * took on the delivery's request thread and stores the fields with each event, and its worker, in
   * whichever app instance, gives them to {@link #extract}. A tracer writes what its propagator
   * writes, such as the W3C {@code traceparent} and {@code tracestate}.
   *
   * <p>The fields are names and values of a few dozen characters: they must hold only what the
   * propagator writes, never a token, a phone number or message content, since they are stored
   * beside the event. An observer that writes fields also captures ({@link #capture()}): a hand-off
   * takes no fields from a delivery whose captured context is {@link CapturedContext#none()}. Must
   * be quick and must not block.
   *
   * <pre>{@code
   * public Map<String, String> inject() {
   *   Map<String, String> fields = new HashMap<>();
   *   propagator.inject(Context.current(), fields, Map::put);
   *   return fields;
   * }
   * }</pre>
   *
   * @return the fields, never null; an empty map by default, and when nothing is current
   */
  default Map<String, String> inject() {
    return Map.of();
  }

  /**
   * Rebuilds a context from fields that {@link #inject()} wrote, maybe in another app instance: a
   * hand-off worker calls it with the fields stored beside an event and makes the result current
   * around that event's handler ({@link #onHandlerStart}), so that the handler joins the delivery's
   * trace. Fields this observer did not write (another observer's) are ignored; fields it cannot
   * read give {@link CapturedContext#none()}, never an exception.
   *
   * <pre>{@code
   * public CapturedContext extract(Map<String, String> fields) {
   *   Context remote = propagator.extract(Context.root(), fields, getter);
   *   return () -> remote.makeCurrent()::close;
   * }
   * }</pre>
   *
   * @param fields the propagation fields, unmodifiable; maybe empty
   * @return the rebuilt context; {@link CapturedContext#none()} by default
   */
  default CapturedContext extract(Map<String, String> fields) {
    return CapturedContext.none();
  }
}
