package dev.wasdk.redis;

import dev.wasdk.internal.redis.LimiterScripts;
import dev.wasdk.internal.redis.LimiterScripts.Script;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.LimiterUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the pacing sender's limits in Redis, so that every app instance using the same Redis shares
 * them: one throughput bucket per phone number, one pair-rate bucket per user, one messaging-limit
 * window per business portfolio.
 *
 * <pre>{@code
 * try (RedisLimiterStore store = RedisLimiterStore.builder()
 *         .redisUri("redis://localhost:6379")
 *         .build()) {
 *     MessageSender sender = MessageSender.builder(wa).store(store).build();
 *     ...
 * }
 * }</pre>
 *
 * <p><b>How.</b> Each step is one Lua script on one key, run atomically by Redis in one round trip
 * ({@code EVALSHA}, loading the script on first use): a bucket is a hash of its tokens, its last
 * change and its spec; a window is a sorted set of members scored by admission time, from which
 * each admission first removes the expired ones. Times are microseconds since the epoch and token
 * counts exact integers, as in {@link LimiterStore#inMemory()}; both pass the same contract suite.
 * Every key gets a time to live: a bucket until it would be full again, a window for its length,
 * each plus a minute, so nothing grows forever and a forgotten key is the same as a fresh one.
 *
 * <p><b>Clocks.</b> Each call's {@code now} comes from the caller. App instances whose clocks
 * disagree by more than a few milliseconds should build the store with {@link
 * Builder#alignToServerTime(java.time.Clock)}: every time is then moved onto the Redis server's
 * clock ({@code TIME}), so that the instances share one timeline.
 *
 * <p><b>Why not Bucket4j for the buckets.</b> Bucket4j's Lettuce backend does not fit this SPI. It
 * fixes a bucket's configuration when the bucket is first built, and changes it only through an
 * explicit replacement or an ever-increasing configuration version, whereas here the spec comes
 * with every call and the adaptive throughput moves both ways, decided by each app instance on its
 * own, with no shared version. It reads time from one clock per proxy manager rather than the
 * {@code now} of each call. And it works by compare-and-swap: it reads the state, computes in the
 * JVM and writes back only if nothing changed, at least two round trips a take and retries under
 * contention, where one script is one round trip. The unique-member window cannot be expressed in
 * Bucket4j at all.
 *
 * <p><b>When Redis cannot be reached</b> (down, unreachable, or slower than {@link
 * Builder#commandTimeout(Duration)}), the store by default fails closed: each call throws {@link
 * LimiterUnavailableException}, which the sender turns into a clear outcome (not sent, to be tried
 * later), never a send past the limits. With {@link Builder#fallbackToLocal(double)} it falls back
 * instead to limits kept in this JVM, scaled down to a fraction of the real ones, until Redis is
 * back; that fraction should be about one over the number of app instances. A reconnection is tried
 * at most once per {@link Builder#reconnectInterval(Duration)}; calls in between fail, or fall
 * back, at once.
 *
 * <p><b>Thread-safety and lifecycle.</b> Instances are thread-safe and meant to be shared; they
 * multiplex every call over one connection. Close the store when done: it closes its connection,
 * and shuts the Lettuce client down when it created it from a URI. A client passed in stays open.
 */
public final class RedisLimiterStore implements LimiterStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisLimiterStore.class);
  private static final long MAX_EXACT_MICROS = 1L << 53;
  private static final long TTL_MARGIN_MILLIS = 60_000;

  private final RedisClient client;
  private final boolean ownsClient;
  private final String bucketPrefix;
  private final String windowPrefix;
  private final long timeoutNanos;
  private final long reconnectIntervalNanos;
  private final double fallbackFraction; // 0 = fail closed
  private final LimiterStore local;
  private final String description;

  private final ReentrantLock connectLock = new ReentrantLock();
  private volatile StatefulRedisConnection<String, String> connection;
  private long lastConnectAttempt; // guarded by connectLock
  private boolean attempted; // guarded by connectLock
  private RuntimeException lastConnectFailure; // guarded by connectLock
  private volatile boolean degraded;
  private volatile boolean closed;

  // Aligning to the Redis server's clock; see Builder#alignToServerTime.
  private static final long RESYNC_THRESHOLD_MICROS = 1_000_000;
  private final Clock callerClock; // null: times are used as given
  private volatile long offsetMicros;
  private volatile StatefulRedisConnection<String, String> offsetMeasuredOn;

  private RedisLimiterStore(Builder b) {
    if (b.client != null) {
      this.client = b.client;
      this.ownsClient = false;
      this.description = "Redis";
    } else {
      RedisURI uri = b.redisUri;
      this.client = RedisClient.create(uri);
      this.client.setOptions(
          ClientOptions.builder()
              // this store reconnects itself, on demand, so that calls never queue behind a
              // dead connection
              .autoReconnect(false)
              .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
              .socketOptions(SocketOptions.builder().connectTimeout(b.commandTimeout).build())
              .build());
      this.ownsClient = true;
      this.description = "Redis at " + uri.getHost() + ":" + uri.getPort();
    }
    this.bucketPrefix = b.keyPrefix + "b:";
    this.windowPrefix = b.keyPrefix + "w:";
    this.timeoutNanos = b.commandTimeout.toNanos();
    this.reconnectIntervalNanos = b.reconnectInterval.toNanos();
    this.fallbackFraction = b.fallbackFraction;
    this.local = b.fallbackFraction > 0 ? LimiterStore.inMemory() : null;
    this.callerClock = b.callerClock;
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TakeResult tryTake(String key, BucketSpec spec, long tokens, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(now, "now");
    if (tokens < 1 || tokens > spec.capacity()) {
      throw new IllegalArgumentException(
          "tokens must be between 1 and the capacity " + spec.capacity() + ", was " + tokens);
    }
    long t = micros(now);
    try {
      List<Object> r =
          eval(
              LimiterScripts.TAKE,
              ScriptOutputType.MULTI,
              bucketPrefix + key,
              Long.toString(t + serverOffset()),
              Long.toString(tokens),
              Long.toString(spec.capacity()),
              Long.toString(spec.refillTokens()),
              Long.toString(spec.refillPeriodMicros()),
              Long.toString(TTL_MARGIN_MILLIS));
      recovered();
      return new TakeResult(num(r, 0) == 1, num(r, 1), duration(num(r, 2)));
    } catch (LimiterUnavailableException e) {
      return fallback(e).tryTake(key, scaled(spec, tokens), tokens, now);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>One script on the bucket's key, in one round trip, with the arithmetic of {@link
   * LimiterStore#inMemory()}. While Redis cannot be reached, a store that {@link
   * Builder#fallbackToLocal(double) falls back} refunds the local bucket, where the tokens were
   * taken; a store that fails closed throws.
   */
  @Override
  public boolean refund(String key, BucketSpec spec, long tokens, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(now, "now");
    if (tokens < 1 || tokens > spec.capacity()) {
      throw new IllegalArgumentException(
          "tokens must be between 1 and the capacity " + spec.capacity() + ", was " + tokens);
    }
    long t = micros(now);
    try {
      Long r =
          eval(
              LimiterScripts.REFUND,
              ScriptOutputType.INTEGER,
              bucketPrefix + key,
              Long.toString(t + serverOffset()),
              Long.toString(tokens),
              Long.toString(spec.capacity()),
              Long.toString(spec.refillTokens()),
              Long.toString(spec.refillPeriodMicros()),
              Long.toString(TTL_MARGIN_MILLIS));
      recovered();
      return r == 1;
    } catch (LimiterUnavailableException e) {
      return fallback(e).refund(key, scaled(spec, tokens), tokens, now);
    }
  }

  @Override
  public AdmitResult admit(String key, String member, long limit, Duration window, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    long w = windowMicros(window);
    long t = micros(now);
    try {
      List<Object> r =
          eval(
              LimiterScripts.ADMIT,
              ScriptOutputType.MULTI,
              windowPrefix + key,
              member,
              Long.toString(limit),
              Long.toString(w),
              Long.toString(t + serverOffset()),
              Long.toString(w / 1_000 + 1 + TTL_MARGIN_MILLIS));
      recovered();
      return new AdmitResult(num(r, 0) == 1, num(r, 1) == 1, num(r, 2), duration(num(r, 3)));
    } catch (LimiterUnavailableException e) {
      long scaledLimit = Math.max(1, (long) Math.floor(limit * fallbackFraction));
      return fallback(e).admit(key, member, scaledLimit, window, now);
    }
  }

  @Override
  public boolean release(String key, String member, Instant admittedAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(admittedAt, "admittedAt");
    long at = micros(admittedAt);
    // A slot taken while Redis was unreachable lives in the local store.
    boolean releasedLocally = local != null && local.release(key, member, admittedAt);
    try {
      Long r =
          eval(
              LimiterScripts.RELEASE,
              ScriptOutputType.INTEGER,
              windowPrefix + key,
              member,
              Long.toString(at + serverOffset()));
      recovered();
      return r == 1 || releasedLocally;
    } catch (LimiterUnavailableException e) {
      fallback(e);
      return releasedLocally;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>One script deletes the buckets and anonymizes the member in the windows, atomically; the
   * local fallback store, when there is one, is erased too.
   */
  @Override
  public boolean eraseUser(
      java.util.Collection<String> bucketKeys,
      java.util.Collection<String> windowKeys,
      String member) {
    Objects.requireNonNull(member, "member");
    boolean erasedLocally = local != null && local.eraseUser(bucketKeys, windowKeys, member);
    if (bucketKeys.isEmpty() && windowKeys.isEmpty()) {
      return erasedLocally;
    }
    String[] keys = new String[bucketKeys.size() + windowKeys.size()];
    int i = 0;
    for (String k : bucketKeys) {
      keys[i++] = bucketPrefix + k;
    }
    for (String k : windowKeys) {
      keys[i++] = windowPrefix + k;
    }
    Long r =
        evalKeys(
            LimiterScripts.ERASE_USER,
            ScriptOutputType.INTEGER,
            keys,
            Integer.toString(bucketKeys.size()),
            member,
            "erased:" + java.util.UUID.randomUUID() + ":");
    return r > 0 || erasedLocally;
  }

  @Override
  public long windowSize(String key, Duration window, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(now, "now");
    long w = windowMicros(window);
    long t = micros(now);
    try {
      Long r =
          eval(
              LimiterScripts.SIZE,
              ScriptOutputType.INTEGER,
              windowPrefix + key,
              Long.toString(w),
              Long.toString(t + serverOffset()));
      recovered();
      return r;
    } catch (LimiterUnavailableException e) {
      return fallback(e).windowSize(key, window, now);
    }
  }

  /**
   * Closes the connection, and shuts the Lettuce client down if this store created it. Calls after
   * closing throw {@link IllegalStateException}. Closing twice does nothing.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    connectLock.lock();
    try {
      StatefulRedisConnection<String, String> c = connection;
      connection = null;
      if (c != null) {
        c.close();
      }
    } finally {
      connectLock.unlock();
    }
    if (ownsClient) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  @Override
  public String toString() {
    return "RedisLimiterStore["
        + description
        + ", prefix="
        + bucketPrefix.substring(0, bucketPrefix.length() - 2)
        + (fallbackFraction > 0 ? ", fallbackToLocal=" + fallbackFraction : ", failClosed")
        + (callerClock != null ? ", serverTime" : "")
        + "]";
  }

  private <T> T eval(Script script, ScriptOutputType type, String key, String... args) {
    return evalKeys(script, type, new String[] {key}, args);
  }

  private <T> T evalKeys(Script script, ScriptOutputType type, String[] keys, String... args) {
    RedisAsyncCommands<String, String> commands = connection().async();
    try {
      return await(commands.evalsha(script.sha(), type, keys, args));
    } catch (RedisNoScriptException e) {
      // First use on this server, or after SCRIPT FLUSH or a restart: EVAL also caches it.
      return await(commands.eval(script.body(), type, keys, args));
    }
  }

  private <T> T await(RedisFuture<T> future) {
    try {
      return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RedisNoScriptException noScript) {
        throw noScript;
      }
      throw new LimiterUnavailableException(
          description + " failed: " + (cause == null ? e : cause).getMessage(),
          cause == null ? e : cause);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new LimiterUnavailableException(
          description
              + " did not answer within "
              + Duration.ofNanos(timeoutNanos).toMillis()
              + " ms",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LimiterUnavailableException(description + ": interrupted while waiting", e);
    }
  }

  private StatefulRedisConnection<String, String> connection() {
    if (closed) {
      throw new IllegalStateException("this RedisLimiterStore is closed");
    }
    StatefulRedisConnection<String, String> c = connection;
    if (c != null && c.isOpen()) {
      return c;
    }
    // Wait for another thread's connect no longer than for a reply.
    try {
      if (!connectLock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
        throw new LimiterUnavailableException(description + " is not connected yet (connecting)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LimiterUnavailableException(description + ": interrupted while connecting", e);
    }
    try {
      c = connection;
      if (c != null && c.isOpen()) {
        return c;
      }
      long now = System.nanoTime();
      if (attempted && now - lastConnectAttempt < reconnectIntervalNanos) {
        throw new LimiterUnavailableException(
            description + " is not connected; the last attempt failed: " + failureText(),
            lastConnectFailure);
      }
      attempted = true;
      lastConnectAttempt = now;
      connection = null;
      if (c != null) {
        c.closeAsync();
      }
      try {
        c = client.connect(StringCodec.UTF8);
        lastConnectFailure = null;
        connection = c;
        return c;
      } catch (RuntimeException e) {
        lastConnectFailure = e;
        throw new LimiterUnavailableException(
            description + " cannot be reached: " + e.getMessage(), e);
      }
    } finally {
      connectLock.unlock();
    }
  }

  /**
   * Returns what to add to a caller's time, in microseconds, to get the Redis server's time: zero
   * unless aligned. The offset is measured with {@code TIME} on each new connection, outside any
   * lock, and replaced only when it moved by more than a second, so that the slot of an admission
   * is found again by {@link #release} across reconnections to the same server.
   */
  private long serverOffset() {
    if (callerClock == null) {
      return 0;
    }
    StatefulRedisConnection<String, String> c = connection();
    if (offsetMeasuredOn == c) {
      return offsetMicros;
    }
    long before = micros(callerClock.instant());
    List<String> time = await(c.async().time());
    long after = micros(callerClock.instant());
    long server = Long.parseLong(time.get(0)) * 1_000_000L + Long.parseLong(time.get(1));
    long measured = server - (before + (after - before) / 2);
    synchronized (this) {
      if (offsetMeasuredOn == null || Math.abs(measured - offsetMicros) > RESYNC_THRESHOLD_MICROS) {
        offsetMicros = measured;
      }
      offsetMeasuredOn = c;
      return offsetMicros;
    }
  }

  private String failureText() {
    return lastConnectFailure == null ? "connection lost" : lastConnectFailure.getMessage();
  }

  private LimiterStore fallback(LimiterUnavailableException e) {
    if (local == null) {
      throw e;
    }
    if (!degraded) {
      degraded = true;
      LOG.warn(
          "{}; using limits local to this instance at {}% of the shared ones until it is back",
          e.getMessage(), Math.round(fallbackFraction * 100));
    }
    return local;
  }

  private void recovered() {
    if (degraded) {
      degraded = false;
      LOG.warn("{} is reachable again; limits are shared again", description);
    }
  }

  private BucketSpec scaled(BucketSpec spec, long tokens) {
    long capacity = Math.max(tokens, (long) Math.floor(spec.capacity() * fallbackFraction));
    long refill = Math.max(1, (long) Math.floor(spec.refillTokens() * fallbackFraction));
    return new BucketSpec(capacity, refill, spec.refillPeriod());
  }

  private static long num(List<Object> reply, int i) {
    return (Long) reply.get(i);
  }

  private static long micros(Instant instant) {
    long s = instant.getEpochSecond();
    if (Math.abs(s) >= MAX_EXACT_MICROS / 1_000_000L) {
      throw new IllegalArgumentException(
          "instant must be within 285 years of 1970 for the Redis store, was " + instant);
    }
    return s * 1_000_000L + instant.getNano() / 1_000;
  }

  private static long windowMicros(Duration window) {
    if (window.getSeconds() >= MAX_EXACT_MICROS / 1_000_000L) {
      throw new IllegalArgumentException("window too long: " + window);
    }
    long w = window.getSeconds() * 1_000_000L + window.getNano() / 1_000;
    if (w < 1) {
      throw new IllegalArgumentException("window must be at least 1 microsecond, was " + window);
    }
    return w;
  }

  private static Duration duration(long micros) {
    return Duration.ofSeconds(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
  }

  /**
   * Builds a {@link RedisLimiterStore}. Give either {@link #redisUri(String)} or {@link
   * #client(RedisClient)}; everything else has a default.
   *
   * <p>Builders are not thread-safe; build once and share the store.
   */
  public static final class Builder {
    private RedisURI redisUri;
    private RedisClient client;
    private String keyPrefix = "wasdk:limiter:";
    private Duration commandTimeout = Duration.ofSeconds(1);
    private Duration reconnectInterval = Duration.ofSeconds(1);
    private double fallbackFraction;
    private Clock callerClock;

    private Builder() {}

    /**
     * Connects to the Redis at {@code uri}, such as {@code redis://localhost:6379} or {@code
     * rediss://:password@redis.example.com:6380/0}, with a Lettuce client that the store creates,
     * owns and shuts down on {@link RedisLimiterStore#close()}.
     *
     * @param uri a Redis URI in Lettuce's syntax
     * @return this builder
     * @throws IllegalArgumentException if the URI cannot be parsed
     */
    public Builder redisUri(String uri) {
      Objects.requireNonNull(uri, "uri");
      try {
        this.redisUri = RedisURI.create(uri);
      } catch (RuntimeException e) {
        // Lettuce's message may repeat the URI, password included.
        throw new IllegalArgumentException("not a valid Redis URI (details withheld)");
      }
      this.client = null;
      return this;
    }

    /**
     * Uses a Lettuce client of your own, for example one configured for TLS or Sentinel, or shared
     * with the rest of your app. The store opens its own connection from it and closes only that
     * connection. The client's options apply: its connect timeout bounds the first call after Redis
     * became unreachable.
     *
     * @param client the client; it stays yours to shut down
     * @return this builder
     */
    public Builder client(RedisClient client) {
      this.client = Objects.requireNonNull(client, "client");
      this.redisUri = null;
      return this;
    }

    /**
     * Sets the prefix of every key the store writes. Default {@code wasdk:limiter:}. Change it to
     * keep apart the limits of separate deployments that share one Redis.
     *
     * @param keyPrefix the prefix; may be empty
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /**
     * Sets how long a call waits for Redis before it counts as unavailable; with a URI, also the
     * connect timeout. Default 1 second. Lower it when a quick refusal or fallback matters more
     * than riding out a slow Redis.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder commandTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("commandTimeout must be positive, was " + timeout);
      }
      this.commandTimeout = timeout;
      return this;
    }

    /**
     * Sets the least time between two attempts to reconnect after the connection is lost; calls in
     * between fail, or fall back, at once. Default 1 second. Zero tries on every call.
     *
     * @param interval zero or positive
     * @return this builder
     */
    public Builder reconnectInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("reconnectInterval must not be negative");
      }
      this.reconnectInterval = interval;
      return this;
    }

    /**
     * Fails closed when Redis is unavailable: every call throws {@link
     * LimiterUnavailableException}, and nothing is sent past a limit that cannot be checked. This
     * is the default.
     *
     * @return this builder
     */
    public Builder failClosed() {
      this.fallbackFraction = 0;
      return this;
    }

    /**
     * Falls back to limits kept in this JVM while Redis is unavailable, each scaled to {@code
     * fraction} of the shared one (rounded down, at least 1). Sends go on, at a reduced pace, and
     * the instances together stay within the real limits if {@code fraction} is at most one over
     * their number. Counts made locally are not carried over to Redis when it is back.
     *
     * @param fraction greater than 0 and at most 1
     * @return this builder
     */
    public Builder fallbackToLocal(double fraction) {
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException(
            "fraction must be greater than 0 and at most 1, was " + fraction);
      }
      this.fallbackFraction = fraction;
      return this;
    }

    /**
     * Aligns every time to the Redis server's clock, so that app instances whose clocks disagree
     * still share one timeline. Give the clock that the callers' {@code now} comes from (the
     * sender's clock). On each new connection the store reads the server's {@code TIME} and that
     * clock, and from then on adds their difference to every {@code now} it sends; results are
     * durations and need no translation. Without it (the default) each {@code now} is used as
     * given, and an instance whose clock lags waits for tokens the others have long since refilled,
     * while one that leads drops members from the messaging-limit window before their 24 hours.
     *
     * <p>The remaining disagreement between instances is half a round trip to Redis plus the drift
     * of their clocks since the last measurement, so milliseconds with NTP. The offset is measured
     * again on every reconnection and replaced when it moved by more than a second (a failover to a
     * server with another clock), not for smaller moves, so that {@link #release} still finds the
     * slots admitted before. The fallback to local limits, when enabled, uses the times as given.
     *
     * @param callerClock the clock the {@code now} of each call is read from
     * @return this builder
     */
    public Builder alignToServerTime(Clock callerClock) {
      this.callerClock = Objects.requireNonNull(callerClock, "callerClock");
      return this;
    }

    /**
     * Builds the store. It connects on first use, so Redis need not be up yet.
     *
     * @return the store
     * @throws IllegalStateException if neither a URI nor a client was given
     */
    public RedisLimiterStore build() {
      if (redisUri == null && client == null) {
        throw new IllegalStateException("give redisUri(...) or client(...)");
      }
      return new RedisLimiterStore(this);
    }
  }
}
