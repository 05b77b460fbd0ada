package dev.wasdk.conversations;

import dev.wasdk.conversations.internal.RouteTable;
import dev.wasdk.conversations.internal.RouteTable.Route;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each webhook event to the first route whose type and {@link Filter} match it.
 *
 * <p><b>Order.</b> Routes are tried by priority, highest first, and routes of equal priority in the
 * order they were registered; the first whose type the event is an instance of and whose filter
 * accepts it runs, and no other. When none matches, the {@linkplain Builder#onUnhandled unhandled
 * hook} runs. Where {@link dev.wasdk.webhooks.WebhookRouter} picks one handler per event type, this
 * router picks by content too, so several routes can share a type: put the specific ones first, or
 * give them a higher priority, and a catch-all last.
 *
 * <p><b>Failures are isolated.</b> A handler, filter or hook that throws is logged at WARN (the
 * route's type and position, the exception class; never message content), passed to the {@linkplain
 * Builder#onError error hook}, and makes {@link #dispatch} return false; the next event is routed
 * as usual. A filter that throws stops the routing of that event, so that a catch-all never runs in
 * place of a broken specific route. Only {@link VirtualMachineError}s propagate.
 *
 * <p>Routers are immutable and thread-safe; handlers run on the calling thread. Routing costs one
 * filter test per candidate route; the candidates of each event class are computed once.
 *
 * <pre>{@code
 * ConversationRouter router = ConversationRouter.builder()
 *     .on(MessageReceived.class, Filters.keyword("menu"), m -> bot.sendMenu(m))
 *     .on(MessageReceived.class, Filters.replyId("pizza", "pasta"), m -> bot.pick(m))
 *     .on(10, MessageReceived.class, Filters.keyword("stop"), m -> bot.optOut(m))
 *     .on(MessageReceived.class, m -> bot.didNotUnderstand(m))
 *     .onError((event, error) -> metrics.handlerFailed(event, error))
 *     .build();
 * WebhookRouter webhooks = WebhookRouter.builder().on(WebhookEvent.class, router::dispatch).build();
 * }</pre>
 */
public final class ConversationRouter {
  private static final Logger log = LoggerFactory.getLogger(ConversationRouter.class);

  private final RouteTable<Consumer<Object>> table;
  private final Consumer<WebhookEvent> unhandled;
  private final BiConsumer<WebhookEvent, Throwable> onError;

  private ConversationRouter(Builder b) {
    this.table = new RouteTable<>(b.routes);
    this.unhandled = b.unhandled;
    this.onError = b.onError;
  }

  /** Returns a builder with no routes. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the first matching route's handler for one event, or the unhandled hook.
   *
   * @param event the event
   * @return true if the handler (or the unhandled hook) returned normally; false if a filter,
   *     handler or hook threw, after logging and calling the error hook
   */
  public boolean dispatch(WebhookEvent event) {
    Objects.requireNonNull(event, "event");
    for (Route<Consumer<Object>> route : table.candidates(event.getClass())) {
      boolean matches;
      try {
        matches = route.filter().test(event);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable failure) {
        report("filter of " + route.name(), event, failure);
        return false;
      }
      if (matches) {
        return run(route.name(), route.handler(), event);
      }
    }
    return run("unhandled", e -> unhandled.accept((WebhookEvent) e), event);
  }

  private boolean run(String name, Consumer<Object> handler, WebhookEvent event) {
    try {
      handler.accept(event);
      return true;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable failure) {
      report(name, event, failure);
      return false;
    }
  }

  private void report(String name, WebhookEvent event, Throwable failure) {
    log.warn(
        "Conversation route {} failed for {}: {}",
        name,
        event.getClass().getSimpleName(),
        failure.getClass().getName());
    log.debug("Conversation route failure", failure);
    try {
      onError.accept(event, failure);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable hookFailure) {
      log.warn("Conversation onError hook failed: {}", hookFailure.getClass().getName());
    }
  }

  /** Returns the number of routes. */
  public int size() {
    return table.size();
  }

  /** Builds a {@link ConversationRouter}. Not thread-safe. */
  public static final class Builder {
    private final List<Route<Consumer<Object>>> routes = new ArrayList<>();
    private Consumer<WebhookEvent> unhandled =
        event -> log.debug("No conversation route for {}", event.getClass().getSimpleName());
    private BiConsumer<WebhookEvent, Throwable> onError = (event, failure) -> {};
    private Replier replier;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets where the {@link ReplyContext} of {@link #onMessage} handlers sends. Required before
     * {@code onMessage}; usually {@link Replier#of(dev.wasdk.sender.MessageSender,
     * dev.wasdk.client.WhatsAppClient)}.
     *
     * @param replier the replier
     * @return this builder
     */
    public Builder replier(Replier replier) {
      this.replier = Objects.requireNonNull(replier, "replier");
      return this;
    }

    /**
     * Sets the clock the reply contexts check the service window with. Default: the system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a route at priority 0 whose handler gets the message and a {@link ReplyContext} to
     * answer its sender. A message that names nobody to answer counts as a handler failure.
     *
     * <pre>{@code
     * ConversationRouter router = ConversationRouter.builder()
     *     .replier(Replier.of(sender, wa))
     *     .onMessage(TextReceived.class, Filters.keyword("hi"), (text, ctx) -> ctx.reply("Hello!"))
     *     .build();
     * }</pre>
     *
     * @param type the message class or interface
     * @param filter which messages of that type to take
     * @param handler what to do with the message and its context
     * @param <E> the message type
     * @return this builder
     * @throws IllegalStateException if no {@link #replier} was set
     */
    public <E extends MessageReceived> Builder onMessage(
        Class<E> type, Filter<? super E> filter, BiConsumer<? super E, ReplyContext> handler) {
      return onMessage(0, type, filter, handler);
    }

    /**
     * Adds a route with a priority whose handler gets the message and a {@link ReplyContext}.
     *
     * @param priority the priority (higher first)
     * @param type the message class or interface
     * @param filter which messages of that type to take
     * @param handler what to do with the message and its context
     * @param <E> the message type
     * @return this builder
     * @throws IllegalStateException if no {@link #replier} was set
     */
    public <E extends MessageReceived> Builder onMessage(
        int priority,
        Class<E> type,
        Filter<? super E> filter,
        BiConsumer<? super E, ReplyContext> handler) {
      Objects.requireNonNull(handler, "handler");
      if (replier == null) {
        throw new IllegalStateException("set replier(...) before onMessage(...)");
      }
      Replier r = replier;
      Clock c = clock;
      return on(priority, type, filter, m -> handler.accept(m, ReplyContext.of(m, r, c)));
    }

    /**
     * Adds a route that takes every event of a type, at priority 0.
     *
     * @param type the event class or interface
     * @param handler what to do with the event
     * @param <E> the event type
     * @return this builder
     */
    public <E extends WebhookEvent> Builder on(Class<E> type, Consumer<? super E> handler) {
      return on(0, type, Filter.any(), handler);
    }

    /**
     * Adds a route at priority 0.
     *
     * @param type the event class or interface
     * @param filter which events of that type to take
     * @param handler what to do with the event
     * @param <E> the event type
     * @return this builder
     */
    public <E extends WebhookEvent> Builder on(
        Class<E> type, Filter<? super E> filter, Consumer<? super E> handler) {
      return on(0, type, filter, handler);
    }

    /**
     * Adds a route with a priority: routes with a higher priority are tried first, whenever they
     * were registered.
     *
     * @param priority the priority; 0 is the default, and negative values go after it
     * @param type the event class or interface
     * @param filter which events of that type to take
     * @param handler what to do with the event
     * @param <E> the event type
     * @return this builder
     */
    public <E extends WebhookEvent> Builder on(
        int priority, Class<E> type, Filter<? super E> filter, Consumer<? super E> handler) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(filter, "filter");
      Objects.requireNonNull(handler, "handler");
      Predicate<Object> test = event -> filter.test(type.cast(event));
      Consumer<Object> run = event -> handler.accept(type.cast(event));
      routes.add(new Route<>(type, test, run, priority, routes.size()));
      return this;
    }

    /**
     * Sets what happens to events no route takes. Default: log at DEBUG and drop.
     *
     * @param hook receives each unmatched event
     * @return this builder
     */
    public Builder onUnhandled(Consumer<? super WebhookEvent> hook) {
      Objects.requireNonNull(hook, "hook");
      this.unhandled = hook::accept;
      return this;
    }

    /**
     * Sets a hook that receives each failure after it is logged. Default: none. Exceptions from the
     * hook are logged and ignored.
     *
     * @param hook receives the event and what was thrown
     * @return this builder
     */
    public Builder onError(BiConsumer<? super WebhookEvent, ? super Throwable> hook) {
      Objects.requireNonNull(hook, "hook");
      this.onError = hook::accept;
      return this;
    }

    /** Returns the router. */
    public ConversationRouter build() {
      return new ConversationRouter(this);
    }
  }
}
