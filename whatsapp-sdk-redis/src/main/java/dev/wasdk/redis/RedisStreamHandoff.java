package dev.wasdk.redis;

import dev.wasdk.internal.redis.LimiterScripts.Script;
import dev.wasdk.internal.redis.StreamCarrier;
import dev.wasdk.internal.redis.StreamCodec;
import dev.wasdk.internal.redis.StreamScripts;
import dev.wasdk.webhooks.DeliveryContext;
import dev.wasdk.webhooks.WebhookHandoff;
import dev.wasdk.webhooks.event.WebhookEvent;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link WebhookHandoff} on Redis Streams: accepting a delivery adds each of its events,
 * as its raw JSON and its context, to a stream, and only once Redis has taken the add does the
 * endpoint answer Meta 200. {@link RedisStreamWorker}s in any number of app instances then handle
 * the events as one consumer group.
 *
 * <pre>{@code
 * RedisStreamHandoff handoff = RedisStreamHandoff.builder().redisUri("redis://localhost:6379").build();
 * WebhookEndpoint endpoint = WebhookEndpoint.builder()
 *     .appSecret(appSecret).verifyToken(verifyToken)
 *     .dispatch(DispatchMode.asynchronous(handoff))
 *     .deduplicator(RedisDeduplicator.builder().redisUri("redis://localhost:6379").build())
 *     .build();
 * RedisStreamWorker worker = RedisStreamWorker.builder(router).redisUri("redis://localhost:6379").start();
 * }</pre>
 *
 * <p><b>What is durable.</b> The events of one delivery are added at once by one script, all or
 * none, so a refused delivery (503) leaves nothing behind for Meta's retry to double. An accepted
 * event survives a crash of every app instance. It survives a crash or restart of Redis as far as
 * Redis persists it: with {@code appendonly yes} and {@code appendfsync always}, every accepted
 * event is on disk before the 200 (a test restarts such a Redis between the add and the handling);
 * with the default {@code everysec}, up to a second of accepted events can be lost with the Redis
 * host.
 *
 * <p><b>Bounds.</b> Each add trims the stream to about {@link Builder#maxLength} entries and drops
 * entries older than {@link Builder#maxAge}. Trimming drops the oldest entries whether or not they
 * were handled, so set both well above your worst backlog; a worker counts and logs the pending
 * entries it finds trimmed.
 *
 * <p><b>Traces.</b> With an observer on the endpoint (tracing), each entry also holds the
 * delivery's trace context as the observer's propagation fields ({@link DeliveryContext#carrier()},
 * such as the W3C {@code traceparent}), under names prefixed {@code ctx.}, and a worker given the
 * same observer ({@link RedisStreamWorker.Builder#observer}) runs the handler inside it, in
 * whichever instance: the handler and the reply it sends join the delivery's trace. The fields stay
 * with the entry when it is delivered again, buried and replayed. Nothing is added when nothing
 * observes; a carrier over 32 fields or 4,096 characters is dropped with a warning, and the events
 * are still accepted.
 *
 * <p><b>Dead letters.</b> An event whose handling failed {@link
 * RedisStreamWorker.Builder#maxDeliveries} times is moved to the dead-letter stream ({@code
 * <stream>:dead}), listed by {@link #deadLetters} and put back by {@link #replay}.
 *
 * <p>When Redis cannot be reached, {@code accept} throws and the endpoint answers 503: Meta
 * delivers again later. Thread-safe; close it when done.
 */
public final class RedisStreamHandoff implements WebhookHandoff, AutoCloseable {
  /** The default stream key. */
  public static final String DEFAULT_STREAM = "wasdk:webhooks";

  /** The default consumer group. */
  public static final String DEFAULT_GROUP = "wasdk-webhooks";

  /** The default length bound of the stream, and of the dead-letter stream. */
  public static final long DEFAULT_MAX_LENGTH = 1_000_000;

  /** The default age bound of the stream: Meta's retry period. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

  private static final Logger log = LoggerFactory.getLogger(RedisStreamHandoff.class);

  private final RedisClient client;
  private final boolean ownsClient;
  private final StatefulRedisConnection<String, String> connection;
  private final String stream;
  private final String dead;
  private final long maxLength;
  private final Duration maxAge;
  private final Clock clock;

  private RedisStreamHandoff(Builder b) {
    this.ownsClient = b.client == null;
    this.client = ownsClient ? RedisClient.create(b.redisUri) : b.client;
    try {
      this.connection = client.connect();
    } catch (RedisException e) {
      if (ownsClient) {
        client.shutdown();
      }
      throw new IllegalStateException("Redis hand-off cannot reach Redis: " + e.getMessage(), e);
    }
    connection.setTimeout(b.commandTimeout);
    this.stream = b.stream;
    this.dead = deadLetterStream(b.stream);
    this.maxLength = b.maxLength;
    this.maxAge = b.maxAge;
    this.clock = b.clock;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  static String deadLetterStream(String stream) {
    return stream + ":dead";
  }

  /**
   * Adds the events to the stream, all or none.
   *
   * @return true once Redis has taken them
   * @throws IllegalStateException if Redis cannot be reached or refuses the add
   */
  @Override
  public boolean accept(List<WebhookEvent> events) {
    return accept(events, DeliveryContext.none());
  }

  /**
   * Adds the events to the stream, all or none, each with the delivery's trace context when it has
   * one (see <b>Traces</b> above): what {@link dev.wasdk.webhooks.WebhookEndpoint} calls.
   *
   * @return true once Redis has taken them
   * @throws IllegalStateException if Redis cannot be reached or refuses the add
   */
  @Override
  public boolean accept(List<WebhookEvent> events, DeliveryContext context) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(context, "context");
    if (events.isEmpty()) {
      return true;
    }
    List<String> carrier = carrierFields(context);
    List<String> args = new ArrayList<>(2 + events.size() * (16 + carrier.size()));
    args.add(Long.toString(maxLength));
    long minId = clock.millis() - maxAge.toMillis();
    args.add(minId > 0 ? Long.toString(minId) : "0");
    for (WebhookEvent e : events) {
      List<String> kv = StreamCodec.encode(e);
      args.add(Integer.toString(kv.size() + carrier.size()));
      args.addAll(kv);
      args.addAll(carrier);
    }
    eval(StreamScripts.ADD_ALL, ScriptOutputType.MULTI, new String[] {stream}, args);
    return true;
  }

  /** The delivery's trace context as entry fields; never fails the delivery. */
  private static List<String> carrierFields(DeliveryContext context) {
    if (context == DeliveryContext.none()) {
      return List.of();
    }
    try {
      return StreamCarrier.encode(context.carrier());
    } catch (RuntimeException e) {
      log.warn(
          "A webhook delivery's trace context could not be taken; its events are handed off"
              + " without it: {}",
          e.getClass().getName());
      return List.of();
    }
  }

  /**
   * Returns up to {@code max} dead letters, oldest first.
   *
   * @param max at least 1
   */
  public List<DeadLetter> deadLetters(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, was " + max);
    }
    List<StreamMessage<String, String>> entries;
    try {
      entries = connection.sync().xrange(dead, Range.create("-", "+"), Limit.from(max));
    } catch (RedisException e) {
      throw new IllegalStateException("Redis hand-off failed: " + e.getMessage(), e);
    }
    List<DeadLetter> out = new ArrayList<>(entries.size());
    for (StreamMessage<String, String> m : entries) {
      Map<String, String> f = m.getBody();
      out.add(
          new DeadLetter(
              m.getId(),
              f.getOrDefault("dead_source_id", ""),
              f.getOrDefault(StreamCodec.TYPE, ""),
              f.getOrDefault("dead_reason", ""),
              Long.parseLong(f.getOrDefault("dead_deliveries", "0")),
              f.getOrDefault(StreamCodec.RAW, "")));
    }
    return out;
  }

  /**
   * Puts a dead letter back on the stream, to be handled again, and removes it from the dead-letter
   * stream.
   *
   * @param deadLetterId the {@link DeadLetter#id()}
   * @return the new entry id, or empty if there is no such dead letter
   */
  public Optional<String> replay(String deadLetterId) {
    Objects.requireNonNull(deadLetterId, "deadLetterId");
    Object id =
        eval(
            StreamScripts.REPLAY,
            ScriptOutputType.VALUE,
            new String[] {stream, dead},
            List.of(deadLetterId, Long.toString(maxLength)));
    return Optional.ofNullable((String) id);
  }

  /** Returns the number of entries in the stream, handled or not. */
  public long length() {
    try {
      return connection.sync().xlen(stream);
    } catch (RedisException e) {
      throw new IllegalStateException("Redis hand-off failed: " + e.getMessage(), e);
    }
  }

  private <T> T eval(Script script, ScriptOutputType type, String[] keys, List<String> args) {
    RedisCommands<String, String> c = connection.sync();
    String[] a = args.toArray(String[]::new);
    try {
      try {
        return c.evalsha(script.sha(), type, keys, a);
      } catch (RedisNoScriptException e) {
        return c.eval(script.body(), type, keys, a);
      }
    } catch (RedisException e) {
      throw new IllegalStateException("Redis hand-off failed: " + e.getMessage(), e);
    }
  }

  /** Closes the connection, and the client when this hand-off created it. */
  @Override
  public void close() {
    connection.close();
    if (ownsClient) {
      client.shutdown();
    }
  }

  @Override
  public String toString() {
    return "RedisStreamHandoff[stream=" + stream + ", maxLength=" + maxLength + "]";
  }

  /**
   * An event that failed too often, as kept in the dead-letter stream.
   *
   * @param id its id in the dead-letter stream, for {@link #replay}
   * @param sourceId its id in the stream it came from
   * @param eventType the simple name of the event's type
   * @param reason why it was buried: the last failure, or that it could not be rebuilt
   * @param deliveries how often it was delivered to a handler
   * @param rawJson the event's raw JSON
   */
  public record DeadLetter(
      String id,
      String sourceId,
      String eventType,
      String reason,
      long deliveries,
      String rawJson) {
    /** Returns a summary without the raw JSON, which may hold personal data. */
    @Override
    public String toString() {
      return "DeadLetter[id="
          + id
          + ", sourceId="
          + sourceId
          + ", eventType="
          + eventType
          + ", reason="
          + reason
          + ", deliveries="
          + deliveries
          + "]";
    }
  }

  /** Builds a {@link RedisStreamHandoff}. Not thread-safe. */
  public static final class Builder {
    private RedisURI redisUri;
    private RedisClient client;
    private String stream = DEFAULT_STREAM;
    private long maxLength = DEFAULT_MAX_LENGTH;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private Duration commandTimeout = Duration.ofSeconds(2);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Sets the Redis to connect to. This or {@link #client} is required. */
    public Builder redisUri(String uri) {
      this.redisUri = RedisURI.create(Objects.requireNonNull(uri, "uri"));
      return this;
    }

    /** Uses an existing Lettuce client; it stays open when the hand-off closes. */
    public Builder client(RedisClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the stream key. Default {@value RedisStreamHandoff#DEFAULT_STREAM}; the workers must use
     * the same.
     */
    public Builder stream(String stream) {
      this.stream = Objects.requireNonNull(stream, "stream");
      return this;
    }

    /**
     * Sets the length bound: each add trims the stream to about this many entries, handled or not.
     * Default {@value RedisStreamHandoff#DEFAULT_MAX_LENGTH}.
     *
     * @param maxLength at least 1
     */
    public Builder maxLength(long maxLength) {
      if (maxLength < 1) {
        throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
      }
      this.maxLength = maxLength;
      return this;
    }

    /**
     * Sets the age bound: each add drops entries older than this, handled or not. Default 7 days.
     *
     * @param maxAge positive
     */
    public Builder maxAge(Duration maxAge) {
      Objects.requireNonNull(maxAge, "maxAge");
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("maxAge must be positive");
      }
      this.maxAge = maxAge;
      return this;
    }

    /**
     * Sets how long an add may take before it fails and the delivery gets 503. Default 2 seconds.
     */
    public Builder commandTimeout(Duration commandTimeout) {
      Objects.requireNonNull(commandTimeout, "commandTimeout");
      if (commandTimeout.isNegative() || commandTimeout.isZero()) {
        throw new IllegalArgumentException("commandTimeout must be positive");
      }
      this.commandTimeout = commandTimeout;
      return this;
    }

    /** Sets the clock the age bound is measured with. Default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Connects and returns the hand-off. */
    public RedisStreamHandoff build() {
      if (redisUri == null && client == null) {
        throw new IllegalStateException("redisUri or client is required");
      }
      return new RedisStreamHandoff(this);
    }
  }
}
