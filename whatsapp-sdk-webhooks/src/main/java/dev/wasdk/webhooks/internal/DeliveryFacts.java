package dev.wasdk.webhooks.internal;

import dev.wasdk.observe.Observation;
import dev.wasdk.observe.WebhookDeliveryEvent;
import dev.wasdk.observe.WebhookDeliveryEvent.Result;
import java.time.Duration;

/**
 * What one observed webhook POST did, gathered as the endpoint goes and reported once at its end.
 * Used by one request's thread only.
 */
public final class DeliveryFacts {
  private final Observation<WebhookDeliveryEvent> observation;
  private final long start = System.nanoTime();
  private long mark = start;
  private long verifyNanos;
  private long parseNanos;
  private int events;
  private int duplicates;
  private Result result = Result.ERROR;

  /**
   * Starts gathering.
   *
   * @param observation where the end goes
   */
  public DeliveryFacts(Observation<WebhookDeliveryEvent> observation) {
    this.observation = observation;
  }

  /** Records that the signature check ended now. */
  public void verified() {
    long now = System.nanoTime();
    verifyNanos = now - mark;
    mark = now;
  }

  /**
   * Records that parsing ended now.
   *
   * @param events the events parsed
   */
  public void parsed(int events) {
    long now = System.nanoTime();
    parseNanos = now - mark;
    mark = now;
    this.events = events;
  }

  /**
   * Records the duplicates skipped.
   *
   * @param duplicates how many
   */
  public void duplicates(int duplicates) {
    this.duplicates = duplicates;
  }

  /**
   * Records why the delivery ended as it did; the last call wins.
   *
   * @param result the result
   */
  public void result(Result result) {
    this.result = result;
  }

  /**
   * Reports the end.
   *
   * @param status the status answered
   */
  public void end(int status) {
    Result r = status >= 500 && result == Result.ACCEPTED ? Result.ERROR : result;
    observation.end(
        new WebhookDeliveryEvent(
            status,
            r,
            events,
            duplicates,
            Duration.ofNanos(verifyNanos),
            Duration.ofNanos(parseNanos),
            Duration.ofNanos(System.nanoTime() - start)));
  }
}
