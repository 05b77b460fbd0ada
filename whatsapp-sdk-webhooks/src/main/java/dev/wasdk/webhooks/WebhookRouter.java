package dev.wasdk.webhooks;

import dev.wasdk.webhooks.event.WebhookEvent;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each webhook event to the handler registered for its type.
 *
 * <p><b>Which handler runs.</b> Exactly one handler runs per event: the one registered for the most
 * specific type the event is an instance of. A handler for a supertype, such as {@code
 * WebhookEvent} itself, receives the events that no more specific handler claims. If an event type
 * matches two registered types and neither is a subtype of the other (two unrelated interfaces),
 * {@link Builder#build()} fails, naming them, rather than guess. When no registered type matches,
 * the {@linkplain Builder#onUnhandled unhandled hook} runs; by default it logs at DEBUG and drops
 * the event, so register {@code UnknownEvent} or an unhandled hook to keep changes this version
 * does not model.
 *
 * <p><b>Failures are isolated.</b> A handler that throws does not stop the others: {@link
 * #dispatch} logs a WARN line (the event type and field, the exception class; never payload
 * content), passes the exception to the {@linkplain Builder#onError error hook} and returns false.
 * {@link WebhookEndpoint} in synchronous mode turns that into a 500, so Meta delivers the event
 * again. Only {@link VirtualMachineError}s, such as {@link OutOfMemoryError}, propagate.
 *
 * <p>Routers are immutable and thread-safe; handlers run on the caller's thread and must be
 * thread-safe themselves when events are dispatched concurrently.
 *
 * <pre>{@code
 * WebhookRouter router = WebhookRouter.builder()
 *     .on(MessageReceived.class, message -> inbox.store(message))
 *     .on(MessageStatusChanged.class, status -> tracker.update(status))
 *     .on(UnknownEvent.class, unknown -> archive.keep(unknown.rawJson()))
 *     .onError((event, error) -> metrics.handlerFailed(event, error))
 *     .build();
 * }</pre>
 */
public final class WebhookRouter {
  private static final Logger log = LoggerFactory.getLogger(WebhookRouter.class);

  private final Map<Class<?>, Consumer<WebhookEvent>> handlers;
  private final Consumer<WebhookEvent> unhandled;
  private final BiConsumer<WebhookEvent, Throwable> onError;
  private final List<Consumer<WebhookEvent>> observers;
  private final ClassValue<Route> routes =
      new ClassValue<>() {
        @Override
        protected Route computeValue(Class<?> type) {
          return route(type);
        }
      };

  private record Route(Class<?> registeredType, Consumer<WebhookEvent> handler) {
    String name() {
      return registeredType == null ? "unhandled" : registeredType.getSimpleName();
    }
  }

  private WebhookRouter(Builder b) {
    this.handlers = new LinkedHashMap<>(b.handlers);
    this.unhandled = b.unhandled;
    this.onError = b.onError;
    this.observers = List.copyOf(b.observers);
  }

  /** Returns a builder with no handlers. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the handler for one event, or the unhandled hook when no handler matches.
   *
   * @param event the event
   * @return true if the handler returned normally; false if it threw, after logging and calling the
   *     error hook
   */
  public boolean dispatch(WebhookEvent event) {
    Objects.requireNonNull(event, "event");
    boolean ok = true;
    for (Consumer<WebhookEvent> observer : observers) {
      ok &= run("observer", observer, event);
    }
    Route route = routes.get(event.getClass());
    return run(route.name(), route.handler(), event) && ok;
  }

  private boolean run(String name, Consumer<WebhookEvent> handler, WebhookEvent event) {
    try {
      handler.accept(event);
      return true;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable failure) {
      log.warn(
          "Webhook handler {} failed for {} (field {}): {}",
          name,
          event.getClass().getSimpleName(),
          event.context().field(),
          failure.getClass().getName());
      log.debug("Webhook handler failure", failure);
      notifyError(event, failure);
      return false;
    }
  }

  private void notifyError(WebhookEvent event, Throwable failure) {
    try {
      onError.accept(event, failure);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable hookFailure) {
      log.warn("Webhook onError hook failed: {}", hookFailure.getClass().getName());
    }
  }

  private Route route(Class<?> type) {
    List<Class<?>> matches = mostSpecific(type, handlers.keySet());
    if (matches.isEmpty()) {
      return new Route(null, unhandled);
    }
    if (matches.size() > 1) {
      // Unreachable for the sealed event types, which build() checks; a type outside the sealed
      // hierarchy gets the earliest registered match.
      log.warn("Webhook event type {} matches several handlers: {}", type.getName(), matches);
    }
    Class<?> chosen = matches.get(0);
    return new Route(chosen, handlers.get(chosen));
  }

  /**
   * Returns the registered types that {@code type} is an instance of and that have no registered
   * subtype also matching, in registration order.
   */
  static List<Class<?>> mostSpecific(Class<?> type, Collection<Class<?>> registered) {
    List<Class<?>> candidates = new ArrayList<>();
    for (Class<?> r : registered) {
      if (r.isAssignableFrom(type)) {
        candidates.add(r);
      }
    }
    List<Class<?>> minimal = new ArrayList<>();
    for (Class<?> c : candidates) {
      boolean hasMoreSpecific = false;
      for (Class<?> other : candidates) {
        if (other != c && c.isAssignableFrom(other)) {
          hasMoreSpecific = true;
          break;
        }
      }
      if (!hasMoreSpecific) {
        minimal.add(c);
      }
    }
    return minimal;
  }

  /** Returns every type in a sealed hierarchy that can have instances. */
  static Set<Class<?>> instantiableTypes(Class<?> root) {
    Set<Class<?>> out = new LinkedHashSet<>();
    collect(root, out);
    return out;
  }

  private static void collect(Class<?> type, Set<Class<?>> out) {
    Class<?>[] permitted = type.isSealed() ? type.getPermittedSubclasses() : null;
    if (permitted == null || (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()))) {
      out.add(type);
    }
    if (permitted != null) {
      for (Class<?> sub : permitted) {
        collect(sub, out);
      }
    }
  }

  /** Builds a {@link WebhookRouter}. Not thread-safe. */
  public static final class Builder {
    private final Map<Class<?>, Consumer<WebhookEvent>> handlers = new LinkedHashMap<>();
    private Consumer<WebhookEvent> unhandled =
        event -> log.debug("No webhook handler for {}", event.getClass().getSimpleName());
    private BiConsumer<WebhookEvent, Throwable> onError = (event, failure) -> {};
    private final List<Consumer<WebhookEvent>> observers = new ArrayList<>();

    private Builder() {}

    /**
     * Adds an observer that sees every event, whatever handler it is routed to, before that handler
     * runs. Observers do not take part in routing, so they never hide an event from a handler;
     * {@link SenderFeed} is one. An observer that throws is isolated like a handler, and the event
     * counts as failed.
     *
     * @param observer what to do with every event
     * @return this builder
     */
    public Builder observe(Consumer<? super WebhookEvent> observer) {
      Objects.requireNonNull(observer, "observer");
      observers.add(observer::accept);
      return this;
    }

    /**
     * Registers the handler for an event type and, unless they have their own, its subtypes.
     *
     * @param type the event class or interface, such as {@code MessageReceived.class}
     * @param handler what to do with each such event
     * @param <E> the event type
     * @throws IllegalArgumentException if a handler is already registered for exactly this type
     */
    public <E extends WebhookEvent> Builder on(Class<E> type, Consumer<? super E> handler) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(handler, "handler");
      if (handlers.containsKey(type)) {
        throw new IllegalArgumentException(
            "a handler for " + type.getName() + " is already registered");
      }
      handlers.put(type, event -> handler.accept(type.cast(event)));
      return this;
    }

    /**
     * Sets what happens to events no registered type matches. Default: log at DEBUG and drop. A
     * hook that throws counts as a failed handler.
     *
     * @param hook receives each unmatched event
     */
    public Builder onUnhandled(Consumer<? super WebhookEvent> hook) {
      Objects.requireNonNull(hook, "hook");
      this.unhandled = hook::accept;
      return this;
    }

    /**
     * Sets a hook that receives each handler failure after it is logged, for metrics or your own
     * logging. The exception may carry whatever your handler put in its message. Default: none.
     * Exceptions from the hook itself are logged and ignored.
     *
     * @param hook receives the event and what the handler threw
     */
    public Builder onError(BiConsumer<? super WebhookEvent, ? super Throwable> hook) {
      Objects.requireNonNull(hook, "hook");
      this.onError = hook::accept;
      return this;
    }

    /**
     * Returns the router.
     *
     * @throws IllegalStateException if some event type matches two registered types of which
     *     neither is more specific
     */
    public WebhookRouter build() {
      List<String> ambiguous = new ArrayList<>();
      for (Class<?> type : instantiableTypes(WebhookEvent.class)) {
        List<Class<?>> matches = mostSpecific(type, handlers.keySet());
        if (matches.size() > 1) {
          ambiguous.add(type.getSimpleName() + " matches " + names(matches));
        }
      }
      if (!ambiguous.isEmpty()) {
        throw new IllegalStateException(
            "ambiguous webhook handlers: "
                + String.join("; ", ambiguous)
                + "; register a handler for the event type itself to choose");
      }
      return new WebhookRouter(this);
    }

    private static String names(List<Class<?>> types) {
      List<String> names = new ArrayList<>();
      types.forEach(t -> names.add(t.getSimpleName()));
      return names.toString();
    }
  }
}
