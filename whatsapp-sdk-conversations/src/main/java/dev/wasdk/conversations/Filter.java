package dev.wasdk.conversations;

import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.Objects;

/**
 * Tests whether a webhook event is one a handler wants. Filters compose with {@link #and}, {@link
 * #or} and {@link #not}; {@link Filters} has the common ones.
 *
 * <p>A filter must be thread-safe, fast and free of side effects: the router calls it on the
 * dispatching thread, possibly for many events at once, and may skip it when an earlier route
 * already matched.
 *
 * <pre>{@code
 * Filter<MessageReceived> orderKeyword =
 *     Filters.keyword("order", "pedido").and(Filter.not(Filters.inGroup()));
 * }</pre>
 *
 * @param <E> the event type the filter reads
 */
@FunctionalInterface
public interface Filter<E extends WebhookEvent> {

  /**
   * Returns whether the event matches.
   *
   * @param event the event, never null
   * @return true if the handler behind this filter should take the event
   */
  boolean test(E event);

  /**
   * Returns a filter that matches when this one and {@code other} both match; {@code other} is not
   * tested when this one fails.
   *
   * @param other the second filter
   * @return the conjunction
   */
  default Filter<E> and(Filter<? super E> other) {
    Objects.requireNonNull(other, "other");
    return event -> test(event) && other.test(event);
  }

  /**
   * Returns a filter that matches when this one or {@code other} matches; {@code other} is not
   * tested when this one matches.
   *
   * @param other the second filter
   * @return the disjunction
   */
  default Filter<E> or(Filter<? super E> other) {
    Objects.requireNonNull(other, "other");
    return event -> test(event) || other.test(event);
  }

  /**
   * Returns a filter that matches exactly when {@code filter} does not.
   *
   * @param filter the filter to negate
   * @param <E> the event type
   * @return the negation
   */
  static <E extends WebhookEvent> Filter<E> not(Filter<E> filter) {
    Objects.requireNonNull(filter, "filter");
    return event -> !filter.test(event);
  }

  /**
   * Returns a filter that matches every event.
   *
   * @param <E> the event type
   * @return the filter
   */
  static <E extends WebhookEvent> Filter<E> any() {
    return event -> true;
  }
}
