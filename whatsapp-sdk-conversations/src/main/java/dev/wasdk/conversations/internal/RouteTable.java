package dev.wasdk.conversations.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Routes in a fixed order, looked up by event class: the routes whose type an event class is an
 * instance of are computed once per class, so a dispatch walks only those and tests their filters.
 *
 * @param <H> the handler type
 */
public final class RouteTable<H> {

  /** One route: a type, a filter over that type, a handler, a priority and a position. */
  public record Route<H>(
      Class<?> type, Predicate<Object> filter, H handler, int priority, int position) {
    /** Checks that no component is null. */
    public Route {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(filter, "filter");
      Objects.requireNonNull(handler, "handler");
    }

    /** Returns the route's name for log lines: its type and position, never event content. */
    public String name() {
      return type.getSimpleName() + "#" + position;
    }
  }

  private final List<Route<H>> routes;
  private final ClassValue<List<Route<H>>> byClass =
      new ClassValue<>() {
        @Override
        protected List<Route<H>> computeValue(Class<?> type) {
          List<Route<H>> out = new ArrayList<>();
          for (Route<H> r : routes) {
            if (r.type().isAssignableFrom(type)) {
              out.add(r);
            }
          }
          return List.copyOf(out);
        }
      };

  /** Orders the routes by priority (higher first), then by position. */
  public RouteTable(List<Route<H>> routes) {
    List<Route<H>> sorted = new ArrayList<>(routes);
    sorted.sort(
        Comparator.comparingInt((Route<H> r) -> -r.priority()).thenComparingInt(Route::position));
    this.routes = List.copyOf(sorted);
  }

  /** Returns the routes that may take events of the given class, in order. */
  public List<Route<H>> candidates(Class<?> eventClass) {
    return byClass.get(eventClass);
  }

  /** Returns the number of routes. */
  public int size() {
    return routes.size();
  }
}
