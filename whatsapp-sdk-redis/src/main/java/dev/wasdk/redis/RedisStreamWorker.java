package dev.wasdk.redis;

import dev.wasdk.internal.redis.LimiterScripts.Script;
import dev.wasdk.internal.redis.StreamCarrier;
import dev.wasdk.internal.redis.StreamCodec;
import dev.wasdk.internal.redis.StreamScripts;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.webhooks.DeliveryContext;
import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.WebhookEvent;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the events a {@link RedisStreamHandoff} accepted, as one consumer of the stream's
 * consumer group: run as many workers, in as many app instances, as the load needs, and each event
 * goes to one of them.
 *
 * <pre>{@code
 * try (RedisStreamWorker worker = RedisStreamWorker.builder(router)
 *     .redisUri("redis://localhost:6379")
 *     .start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Delivery.</b> A worker reads new entries ({@code XREADGROUP}), rebuilds each event with
 * {@link WebhookParser#rebuild}, runs its handler through the {@link WebhookRouter}, and
 * acknowledges it ({@code XACK}) only once the handler succeeded. An entry that was not
 * acknowledged, because its handler failed or its worker crashed, stays pending; once it has been
 * idle for {@link Builder#claimIdle} any worker claims it ({@code XAUTOCLAIM}) and handles it
 * again. An entry delivered more than {@link Builder#maxDeliveries} times, or one that cannot be
 * rebuilt, goes to the dead-letter stream. Handling is at least once: an event whose handler
 * succeeded but whose acknowledgement was lost (Redis down at that moment) is handled again, so
 * handlers should be idempotent.
 *
 * <p><b>Traces.</b> Given the endpoint's observer ({@link Builder#observer}), a worker rebuilds
 * each entry's delivery context from the propagation fields the hand-off stored with it ({@link
 * DeliveryContext#of}) and runs the handler through {@link DeliveryContext#dispatch}: the handler
 * is reported to {@link WhatsAppObserver#onHandlerStart} and, with tracing, runs in the delivery's
 * trace, although it was received by another instance; so does the reply it sends. An entry without
 * such fields is handled the same way, outside any trace.
 *
 * <p><b>Threads.</b> {@link Builder#threads} threads read and handle new entries, each on its own
 * connection; one more claims idle entries. Handlers must be thread-safe. Events of one delivery
 * may be handled by different threads or workers; Meta does not guarantee order either.
 *
 * <p>When Redis cannot be reached the threads log, wait briefly and try again; nothing is lost.
 * Thread-safe; {@link #close()} stops it, letting running handlers finish for the drain timeout.
 * Events it had read but not acknowledged are claimed by another worker after the idle time.
 */
public final class RedisStreamWorker implements AutoCloseable {
  /** The default number of reading threads. */
  public static final int DEFAULT_THREADS = 1;

  /** The default idle time after which a pending entry is claimed again. */
  public static final Duration DEFAULT_CLAIM_IDLE = Duration.ofSeconds(30);

  /** The default number of deliveries after which an entry goes to the dead-letter stream. */
  public static final int DEFAULT_MAX_DELIVERIES = 5;

  private static final Logger log = LoggerFactory.getLogger(RedisStreamWorker.class);
  private static final long BACKOFF_MILLIS = 200;

  private final Builder config;
  private final RedisClient client;
  private final boolean ownsClient;
  private final String dead;
  private final String consumer;
  private final List<StatefulRedisConnection<String, String>> connections =
      new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch stopped;
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong buried = new AtomicLong();
  private final AtomicLong trimmed = new AtomicLong();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile boolean running = true;

  private RedisStreamWorker(Builder b) {
    this.config = b;
    this.ownsClient = b.client == null;
    this.client = ownsClient ? RedisClient.create(b.redisUri) : b.client;
    this.dead = RedisStreamHandoff.deadLetterStream(b.stream);
    this.consumer = b.consumer != null ? b.consumer : "worker-" + UUID.randomUUID();
    this.stopped = new CountDownLatch(b.threads + 1);
  }

  /**
   * Returns a builder.
   *
   * @param router handles the events
   */
  public static Builder builder(WebhookRouter router) {
    return new Builder(router);
  }

  private void startThreads() {
    StatefulRedisConnection<String, String> setup = connect();
    try {
      setup
          .sync()
          .xgroupCreate(
              XReadArgs.StreamOffset.from(config.stream, "0"),
              config.group,
              XGroupCreateArgs.Builder.mkstream(true));
    } catch (RedisBusyException e) {
      // the group exists already
    } catch (RedisException e) {
      if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
        close();
        throw new IllegalStateException(
            "Redis stream worker cannot reach Redis: " + e.getMessage(), e);
      }
    }
    for (int i = 0; i < config.threads; i++) {
      StatefulRedisConnection<String, String> c = i == 0 ? setup : connect();
      threads.add(newThread(() -> readLoop(c), "wasdk-stream-worker-" + i));
    }
    StatefulRedisConnection<String, String> claimer = connect();
    threads.add(newThread(() -> claimLoop(claimer), "wasdk-stream-claimer"));
    threads.forEach(Thread::start);
  }

  private StatefulRedisConnection<String, String> connect() {
    try {
      StatefulRedisConnection<String, String> c = client.connect();
      // A blocking read waits up to a second; the timeout must outlast it.
      c.setTimeout(config.commandTimeout.plusSeconds(1));
      connections.add(c);
      return c;
    } catch (RedisException e) {
      close();
      throw new IllegalStateException(
          "Redis stream worker cannot reach Redis: " + e.getMessage(), e);
    }
  }

  private Thread newThread(Runnable r, String name) {
    Thread t =
        new Thread(
            () -> {
              try {
                r.run();
              } finally {
                stopped.countDown();
              }
            },
            name);
    t.setDaemon(true);
    return t;
  }

  /** Returns how many events this worker handled and acknowledged. */
  public long handledEvents() {
    return handled.get();
  }

  /** Returns how many entries this worker moved to the dead-letter stream. */
  public long deadLetters() {
    return buried.get();
  }

  /** Returns how many pending entries this worker found trimmed away before they were handled. */
  public long trimmedBeforeHandled() {
    return trimmed.get();
  }

  private void readLoop(StatefulRedisConnection<String, String> c) {
    Consumer<String> me = Consumer.from(config.group, consumer);
    XReadArgs args = XReadArgs.Builder.count(config.batch).block(Duration.ofSeconds(1));
    while (running) {
      try {
        List<StreamMessage<String, String>> batch =
            c.sync().xreadgroup(me, args, XReadArgs.StreamOffset.lastConsumed(config.stream));
        for (StreamMessage<String, String> m : batch) {
          if (!running) {
            return;
          }
          handle(c.sync(), m, 1);
        }
      } catch (RedisException e) {
        pause(e);
      }
    }
  }

  private void claimLoop(StatefulRedisConnection<String, String> c) {
    Consumer<String> me = Consumer.from(config.group, consumer);
    String cursor = "0-0";
    long every = Math.max(10, config.claimIdle.toMillis() / 2);
    while (running) {
      try {
        RedisCommands<String, String> cmd = c.sync();
        ClaimedMessages<String, String> claimed =
            cmd.xautoclaim(
                config.stream,
                XAutoClaimArgs.Builder.xautoclaim(me, config.claimIdle, cursor)
                    .count(config.batch));
        cursor = claimed.getId();
        List<StreamMessage<String, String>> messages = claimed.getMessages();
        Map<String, Long> deliveries = deliveries(cmd, me, messages);
        for (StreamMessage<String, String> m : messages) {
          if (!running) {
            return;
          }
          if (m.getBody() == null || m.getBody().isEmpty()) {
            // Trimmed by the length or age bound before anyone handled it.
            cmd.xack(config.stream, config.group, m.getId());
            trimmed.incrementAndGet();
            log.warn("A pending webhook event was trimmed from the stream before it was handled");
            continue;
          }
          long n = deliveries.getOrDefault(m.getId(), 1L);
          if (n > config.maxDeliveries) {
            bury(cmd, m.getId(), "failed " + (n - 1) + " times", n - 1);
          } else {
            handle(cmd, m, n);
          }
        }
        if ("0-0".equals(cursor) && messages.isEmpty()) {
          sleep(every);
        }
      } catch (RedisException e) {
        pause(e);
      }
    }
  }

  private Map<String, Long> deliveries(
      RedisCommands<String, String> cmd,
      Consumer<String> me,
      List<StreamMessage<String, String>> messages) {
    if (messages.isEmpty()) {
      return Map.of();
    }
    List<PendingMessage> pending =
        cmd.xpending(
            config.stream,
            me,
            Range.create(messages.get(0).getId(), messages.get(messages.size() - 1).getId()),
            Limit.from(messages.size() * 2L));
    Map<String, Long> out = new HashMap<>();
    for (PendingMessage p : pending) {
      out.put(p.getId(), p.getRedeliveryCount());
    }
    return out;
  }

  private void handle(RedisCommands<String, String> cmd, StreamMessage<String, String> m, long n) {
    WebhookEvent event;
    try {
      event = StreamCodec.decode(m.getBody(), config.parser);
    } catch (RuntimeException e) {
      bury(cmd, m.getId(), "cannot be rebuilt: " + e.getClass().getSimpleName(), n);
      return;
    }
    boolean ok;
    try {
      ok = deliveryContext(m.getBody()).dispatch(config.router, event);
    } catch (RuntimeException e) {
      ok = false; // the router isolates handler failures; this is a safety net
    }
    if (!ok) {
      log.debug("Webhook event handler failed; it is delivered again after the idle time");
      return;
    }
    cmd.xack(config.stream, config.group, m.getId());
    handled.incrementAndGet();
  }

  /** The entry's delivery context, rebuilt for the observer; never fails the handling. */
  private DeliveryContext deliveryContext(Map<String, String> fields) {
    if (config.observer == WhatsAppObserver.none()) {
      return DeliveryContext.none();
    }
    try {
      return DeliveryContext.of(config.observer, StreamCarrier.decode(fields));
    } catch (RuntimeException e) {
      log.warn(
          "A webhook event's trace context could not be rebuilt; it is handled without it: {}",
          e.getClass().getName());
      return DeliveryContext.of(config.observer, Map.of());
    }
  }

  private void bury(RedisCommands<String, String> cmd, String id, String reason, long deliveries) {
    Script s = StreamScripts.BURY;
    String[] keys = {config.stream, dead};
    String[] args = {
      config.group, id, Long.toString(config.deadLetterMaxLength), reason, Long.toString(deliveries)
    };
    Object r;
    try {
      r = cmd.evalsha(s.sha(), ScriptOutputType.VALUE, keys, args);
    } catch (RedisNoScriptException e) {
      r = cmd.eval(s.body(), ScriptOutputType.VALUE, keys, args);
    }
    if (r != null) {
      buried.incrementAndGet();
      log.warn("A webhook event went to the dead-letter stream: {}", reason);
    }
  }

  private void pause(RedisException e) {
    if (!running) {
      return;
    }
    log.warn("Redis stream worker: Redis call failed, retrying: {}", e.getClass().getName());
    sleep(BACKOFF_MILLIS);
  }

  /** Waits, but returns at once when the worker stops. */
  private void sleep(long millis) {
    try {
      stopping.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops reading, lets running handlers finish for up to the drain timeout, then closes the
   * connections. What was read but not acknowledged is claimed by another worker later.
   */
  @Override
  public void close() {
    running = false;
    stopping.countDown();
    try {
      stopped.await(config.drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill();
  }

  /** Stops at once, as a crash would: no handler is waited for and nothing more is acknowledged. */
  void kill() {
    running = false;
    stopping.countDown();
    for (StatefulRedisConnection<String, String> c : connections) {
      c.close();
    }
    threads.forEach(Thread::interrupt);
    if (ownsClient) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  @Override
  public String toString() {
    return "RedisStreamWorker[stream=" + config.stream + ", group=" + config.group + "]";
  }

  /** Builds and starts a {@link RedisStreamWorker}. Not thread-safe. */
  public static final class Builder {
    private final WebhookRouter router;
    private RedisURI redisUri;
    private RedisClient client;
    private String stream = RedisStreamHandoff.DEFAULT_STREAM;
    private String group = RedisStreamHandoff.DEFAULT_GROUP;
    private String consumer;
    private int threads = DEFAULT_THREADS;
    private int batch = 16;
    private Duration claimIdle = DEFAULT_CLAIM_IDLE;
    private int maxDeliveries = DEFAULT_MAX_DELIVERIES;
    private long deadLetterMaxLength = RedisStreamHandoff.DEFAULT_MAX_LENGTH;
    private Duration commandTimeout = Duration.ofSeconds(2);
    private Duration drainTimeout = Duration.ofSeconds(30);
    private WebhookParser parser = WebhookParser.create();
    private WhatsAppObserver observer = WhatsAppObserver.none();

    private Builder(WebhookRouter router) {
      this.router = Objects.requireNonNull(router, "router");
    }

    /** Sets the Redis to connect to. This or {@link #client} is required. */
    public Builder redisUri(String uri) {
      this.redisUri = RedisURI.create(Objects.requireNonNull(uri, "uri"));
      return this;
    }

    /** Uses an existing Lettuce client; it stays open when the worker closes. */
    public Builder client(RedisClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Sets the stream key; the same as the hand-off's. */
    public Builder stream(String stream) {
      this.stream = Objects.requireNonNull(stream, "stream");
      return this;
    }

    /**
     * Sets the consumer group. Default {@value RedisStreamHandoff#DEFAULT_GROUP}; every worker of
     * one application uses the same.
     */
    public Builder group(String group) {
      this.group = Objects.requireNonNull(group, "group");
      return this;
    }

    /**
     * Sets this worker's consumer name within the group. Default: a random one per worker. A stable
     * name per app instance lets a restarted instance find its own pending entries at once.
     */
    public Builder consumer(String consumer) {
      this.consumer = Objects.requireNonNull(consumer, "consumer");
      return this;
    }

    /**
     * Sets the number of reading threads. Default {@value RedisStreamWorker#DEFAULT_THREADS}.
     *
     * @param threads at least 1
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets how many entries one read or claim takes. Default 16.
     *
     * @param batch at least 1
     */
    public Builder batch(int batch) {
      if (batch < 1) {
        throw new IllegalArgumentException("batch must be at least 1, was " + batch);
      }
      this.batch = batch;
      return this;
    }

    /**
     * Sets how long an entry must be pending, unacknowledged, before any worker claims it again.
     * Default 30 seconds. It is the retry delay after a failure and the takeover delay after a
     * crash; keep it above your slowest handler, or a slow handler's event is handled twice.
     *
     * @param claimIdle positive
     */
    public Builder claimIdle(Duration claimIdle) {
      Objects.requireNonNull(claimIdle, "claimIdle");
      if (claimIdle.isNegative() || claimIdle.isZero()) {
        throw new IllegalArgumentException("claimIdle must be positive");
      }
      this.claimIdle = claimIdle;
      return this;
    }

    /**
     * Sets how many deliveries an entry gets before it goes to the dead-letter stream. Default
     * {@value RedisStreamWorker#DEFAULT_MAX_DELIVERIES}.
     *
     * @param maxDeliveries at least 1
     */
    public Builder maxDeliveries(int maxDeliveries) {
      if (maxDeliveries < 1) {
        throw new IllegalArgumentException(
            "maxDeliveries must be at least 1, was " + maxDeliveries);
      }
      this.maxDeliveries = maxDeliveries;
      return this;
    }

    /**
     * Sets the length bound of the dead-letter stream. Default {@value
     * RedisStreamHandoff#DEFAULT_MAX_LENGTH}.
     */
    public Builder deadLetterMaxLength(long deadLetterMaxLength) {
      if (deadLetterMaxLength < 1) {
        throw new IllegalArgumentException("deadLetterMaxLength must be at least 1");
      }
      this.deadLetterMaxLength = deadLetterMaxLength;
      return this;
    }

    /** Sets how long a Redis call may take. Default 2 seconds. */
    public Builder commandTimeout(Duration commandTimeout) {
      Objects.requireNonNull(commandTimeout, "commandTimeout");
      if (commandTimeout.isNegative() || commandTimeout.isZero()) {
        throw new IllegalArgumentException("commandTimeout must be positive");
      }
      this.commandTimeout = commandTimeout;
      return this;
    }

    /**
     * Sets how long {@link RedisStreamWorker#close()} lets running handlers finish. Default 30 s.
     */
    public Builder drainTimeout(Duration drainTimeout) {
      Objects.requireNonNull(drainTimeout, "drainTimeout");
      if (drainTimeout.isNegative()) {
        throw new IllegalArgumentException("drainTimeout must not be negative");
      }
      this.drainTimeout = drainTimeout;
      return this;
    }

    /** Sets the parser that rebuilds events. Default {@link WebhookParser#create()}. */
    public Builder parser(WebhookParser parser) {
      this.parser = Objects.requireNonNull(parser, "parser");
      return this;
    }

    /**
     * Sets the observer that sees each handler ({@link WhatsAppObserver#onHandlerStart}) and
     * rebuilds the delivery's trace context from each entry ({@link WhatsAppObserver#extract}), so
     * that the handler runs in the trace of the delivery that another instance received. Give it
     * the webhook endpoint's observer (a {@code WhatsAppTracing}, say). Default {@link
     * WhatsAppObserver#none()}: handlers run unobserved and stored contexts are ignored. An
     * observer that throws is logged and ignored.
     *
     * @param observer the observer
     * @return this builder
     */
    public Builder observer(WhatsAppObserver observer) {
      this.observer = WhatsAppObserver.of(Objects.requireNonNull(observer, "observer"));
      return this;
    }

    /**
     * Connects, creates the consumer group if needed, and starts the threads.
     *
     * @throws IllegalStateException if Redis cannot be reached
     */
    public RedisStreamWorker start() {
      if (redisUri == null && client == null) {
        throw new IllegalStateException("redisUri or client is required");
      }
      RedisStreamWorker w = new RedisStreamWorker(this);
      w.startThreads();
      return w;
    }
  }
}
