package dev.wasdk.flows;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FlowHandler} that picks a handler by the request's action and, for {@code data_exchange}
 * and {@code BACK}, by its screen. Pings and error notifications are answered without a handler
 * ({@link FlowResponse#ping()}, {@link FlowResponse#acknowledgeError()}); an error-notification
 * observer may be added.
 *
 * <p>A handler for a screen wins over the catch-all handler of the same action. Registering the
 * same action and screen twice fails at {@link Builder#build()}. A request no handler takes makes
 * {@link #handle} throw {@link IllegalStateException}, which the endpoint answers with an error on
 * the current screen. An error-notification observer that throws is logged and the notification is
 * still acknowledged.
 *
 * <p>Immutable and thread-safe once built; the handlers must be thread-safe too.
 *
 * <pre>{@code
 * FlowRouter router = FlowRouter.builder()
 *     .onInit(init -> FlowResponse.nextScreen("BOOKING").put("slots", slots()).build())
 *     .onDataExchange("BOOKING", x -> FlowResponse.nextScreen("CONFIRM")
 *         .put("date", x.data().string("date").orElse("")).build())
 *     .onDataExchange("CONFIRM", x -> FlowResponse.close(x.flowToken().orElse("")).build())
 *     .onErrorNotification(e -> log.warn("flow client error {}", e.error()))
 *     .build();
 * }</pre>
 */
public final class FlowRouter implements FlowHandler {
  private static final Logger log = LoggerFactory.getLogger(FlowRouter.class);
  private static final String ANY = "\u0000any";

  private final Map<Key, FlowHandler> routes;
  private final Consumer<FlowRequest.ErrorNotification> errorObserver;

  private FlowRouter(Builder b) {
    this.routes = Map.copyOf(b.routes);
    this.errorObserver = b.errorObserver;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  private record Key(Class<? extends FlowRequest> type, String screen) {}

  @Override
  public FlowResponse handle(FlowRequest request) {
    Objects.requireNonNull(request, "request");
    if (request instanceof FlowRequest.Ping) {
      return FlowResponse.ping();
    }
    if (request instanceof FlowRequest.ErrorNotification notification) {
      if (errorObserver != null) {
        try {
          errorObserver.accept(notification);
        } catch (RuntimeException e) {
          log.warn(
              "Flow error-notification observer failed; acknowledging anyway: {}",
              e.getClass().getName());
        }
      }
      return FlowResponse.acknowledgeError();
    }
    FlowHandler handler = null;
    if (request.screen().isPresent()) {
      handler = routes.get(new Key(request.getClass(), request.screen().get()));
    }
    if (handler == null) {
      handler = routes.get(new Key(request.getClass(), ANY));
    }
    if (handler == null) {
      throw new IllegalStateException(
          "no Flow handler for action "
              + request.action()
              + (request.screen().isPresent() ? " on screen " + request.screen().get() : ""));
    }
    return handler.handle(request);
  }

  @Override
  public String toString() {
    return "FlowRouter[routes=" + routes.size() + "]";
  }

  /** Builds a {@link FlowRouter}. Not thread-safe. */
  public static final class Builder {
    private final Map<Key, FlowHandler> routes = new HashMap<>();
    private final Map<Key, Integer> counts = new HashMap<>();
    private Consumer<FlowRequest.ErrorNotification> errorObserver;

    private Builder() {}

    private <R extends FlowRequest> Builder route(
        Class<R> type, String screen, Function<? super R, FlowResponse> handler) {
      Objects.requireNonNull(handler, "handler");
      Key key = new Key(type, screen);
      counts.merge(key, 1, Integer::sum);
      routes.put(key, request -> handler.apply(type.cast(request)));
      return this;
    }

    private static String screen(String screen) {
      Objects.requireNonNull(screen, "screen");
      if (screen.isBlank()) {
        throw new IllegalArgumentException("screen must not be blank");
      }
      return screen;
    }

    /**
     * Handles {@code INIT}: the Flow was opened; answer with the first screen.
     *
     * @param handler returns the answer
     */
    public Builder onInit(Function<FlowRequest.Init, FlowResponse> handler) {
      return route(FlowRequest.Init.class, ANY, handler);
    }

    /**
     * Handles {@code data_exchange} from one screen.
     *
     * @param screen the screen id that submits
     * @param handler returns the answer
     */
    public Builder onDataExchange(
        String screen, Function<FlowRequest.DataExchange, FlowResponse> handler) {
      return route(FlowRequest.DataExchange.class, screen(screen), handler);
    }

    /**
     * Handles {@code data_exchange} from any screen without a handler of its own.
     *
     * @param handler returns the answer
     */
    public Builder onDataExchange(Function<FlowRequest.DataExchange, FlowResponse> handler) {
      return route(FlowRequest.DataExchange.class, ANY, handler);
    }

    /**
     * Handles {@code BACK} to one screen.
     *
     * @param screen the screen id
     * @param handler returns the answer
     */
    public Builder onBack(String screen, Function<FlowRequest.Back, FlowResponse> handler) {
      return route(FlowRequest.Back.class, screen(screen), handler);
    }

    /**
     * Handles {@code BACK} to any screen without a handler of its own.
     *
     * @param handler returns the answer
     */
    public Builder onBack(Function<FlowRequest.Back, FlowResponse> handler) {
      return route(FlowRequest.Back.class, ANY, handler);
    }

    /**
     * Handles {@code navigate} requests.
     *
     * @param handler returns the answer
     */
    public Builder onNavigate(Function<FlowRequest.Navigate, FlowResponse> handler) {
      return route(FlowRequest.Navigate.class, ANY, handler);
    }

    /**
     * Handles actions this version does not know.
     *
     * @param handler returns the answer
     */
    public Builder onUnknown(Function<FlowRequest.Unknown, FlowResponse> handler) {
      return route(FlowRequest.Unknown.class, ANY, handler);
    }

    /**
     * Observes error notifications; they are acknowledged either way.
     *
     * @param observer called with each notification; must not block
     */
    public Builder onErrorNotification(Consumer<FlowRequest.ErrorNotification> observer) {
      if (errorObserver != null) {
        throw new IllegalStateException("an error-notification observer is already set");
      }
      this.errorObserver = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /**
     * Returns the router.
     *
     * @throws IllegalStateException if an action and screen were registered twice
     */
    public FlowRouter build() {
      for (Map.Entry<Key, Integer> e : counts.entrySet()) {
        if (e.getValue() > 1) {
          Key k = e.getKey();
          throw new IllegalStateException(
              k.type().getSimpleName()
                  + (ANY.equals(k.screen()) ? " (any screen)" : " on screen " + k.screen())
                  + " has "
                  + e.getValue()
                  + " handlers; register one");
        }
      }
      return new FlowRouter(this);
    }
  }
}
