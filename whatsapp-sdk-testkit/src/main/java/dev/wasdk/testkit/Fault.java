package dev.wasdk.testkit;

import dev.wasdk.testkit.internal.FaultQueue;
import java.time.Duration;
import java.util.Objects;

/**
 * A failure the simulator injects on demand, for the next requests or a fraction of them.
 *
 * <pre>{@code
 * simulator.injectFault(Fault.serverError().times(2));              // next two requests: HTTP 500
 * simulator.injectFault(Fault.connectionReset().onlyMessages());    // next send: reset after accept
 * simulator.injectFault(Fault.latency(Duration.ofMillis(300)).fraction(0.1));
 * simulator.clearFaults();
 * }</pre>
 *
 * <p>What each kind means for the request:
 *
 * <ul>
 *   <li>{@link #serverError()}, {@link #serviceUnavailable()} and {@link #error(int, int)} answer
 *       with Meta's error envelope; the request is not handled, so no message is accepted.
 *   <li>{@link #connectionReset()} and {@link #malformedBody()} handle the request first (a message
 *       is accepted, recorded and gets its webhooks) and then lose the answer: the connection is
 *       reset, or the body is cut off. This is the case a client must not retry blindly.
 *   <li>{@link #latency(Duration)} handles the request and answers late.
 * </ul>
 *
 * <p>A fault applies to the next request by default; {@link #times(int)} and {@link
 * #fraction(double)} change that. Instances are immutable and thread-safe.
 */
public final class Fault {
  private final FaultQueue.Spec spec;
  private final int times;
  private final double fraction;
  private final boolean onlyMessages;

  private Fault(FaultQueue.Spec spec, int times, double fraction, boolean onlyMessages) {
    this.spec = spec;
    this.times = times;
    this.fraction = fraction;
    this.onlyMessages = onlyMessages;
  }

  private static Fault of(FaultQueue.Kind kind, long delayMillis, int status, int code) {
    return new Fault(new FaultQueue.Spec(kind, delayMillis, status, code), 1, 0, false);
  }

  /**
   * Returns a fault that delays the answer; the request is handled normally.
   *
   * @param delay the added latency, positive
   * @return the fault
   */
  public static Fault latency(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("delay must be positive, was " + delay);
    }
    return of(FaultQueue.Kind.LATENCY, delay.toMillis(), 0, 0);
  }

  /** Returns HTTP 500 with error 131000 ("Something went wrong"). */
  public static Fault serverError() {
    return error(500, 131000);
  }

  /** Returns HTTP 503 with error 2 ("Service temporarily unavailable"). */
  public static Fault serviceUnavailable() {
    return error(503, 2);
  }

  /**
   * Returns an answer with Meta's error envelope for any code, such as {@code error(403, 368)} for
   * a temporarily blocked account or {@code error(400, 131048)} for the spam rate limit.
   *
   * @param httpStatus the HTTP status, 400 to 599
   * @param code the Graph error code
   * @return the fault
   */
  public static Fault error(int httpStatus, int code) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("httpStatus must be 400 to 599, was " + httpStatus);
    }
    return of(FaultQueue.Kind.ERROR, 0, httpStatus, code);
  }

  /** Returns a fault that handles the request and then resets the connection without answering. */
  public static Fault connectionReset() {
    return of(FaultQueue.Kind.CONNECTION_RESET, 0, 0, 0);
  }

  /** Returns a fault that handles the request and then answers 200 with a cut-off JSON body. */
  public static Fault malformedBody() {
    return of(FaultQueue.Kind.MALFORMED_BODY, 0, 0, 0);
  }

  /**
   * Returns this fault for the next {@code n} requests.
   *
   * @param n how many, at least 1
   * @return the fault
   */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    return new Fault(spec, n, 0, onlyMessages);
  }

  /**
   * Returns this fault for each request with a probability, until {@link
   * WhatsAppSimulator#clearFaults()}. The draws follow {@link
   * WhatsAppSimulator.Builder#randomSeed}.
   *
   * @param probability from 0 (exclusive) to 1 (inclusive)
   * @return the fault
   */
  public Fault fraction(double probability) {
    if (!(probability > 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1], was " + probability);
    }
    return new Fault(spec, 0, probability, onlyMessages);
  }

  /** Returns this fault for {@code POST /{phone-number-id}/messages} requests only. */
  public Fault onlyMessages() {
    return new Fault(spec, times, fraction, true);
  }

  void addTo(FaultQueue queue) {
    queue.add(spec, times, fraction, onlyMessages);
  }

  @Override
  public String toString() {
    return "Fault["
        + spec.kind()
        + (spec.kind() == FaultQueue.Kind.ERROR
            ? " " + spec.httpStatus() + " (#" + spec.code() + ")"
            : "")
        + (spec.kind() == FaultQueue.Kind.LATENCY ? " " + spec.delayMillis() + " ms" : "")
        + (fraction > 0 ? ", fraction=" + fraction : ", times=" + times)
        + (onlyMessages ? ", messages only" : "")
        + "]";
  }
}
