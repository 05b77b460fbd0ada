package dev.wasdk.redis;

import dev.wasdk.internal.redis.RedisConnector;
import dev.wasdk.internal.redis.StoreScripts;
import dev.wasdk.sender.ServiceWindowStore;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ServiceWindowStore} on Redis: each user's latest inbound time is a small hash, kept to
 * the nanosecond. Recording keeps the later of the stored and the given time and closing removes
 * the time only when it is not later than the one seen, each in one atomic script; reading is one
 * {@code HMGET}. Every write sets the key to expire 24 hours and 10 minutes later, past the end of
 * any window it could open. Obtained from {@link RedisStores#serviceWindows()}, which documents the
 * keys and the time budget.
 *
 * <pre>{@code
 * ServiceWindowStore windows = stores.serviceWindows();
 * windows.recordInbound(key, inboundTimestamp);
 * boolean open = windows.lastInbound(key)
 *     .map(t -> t.plus(Duration.ofHours(24)).isAfter(Instant.now())).orElse(false);
 * }</pre>
 *
 * <p>Thread-safe. Every call throws {@link dev.wasdk.sender.StoreUnavailableException} when Redis
 * does not answer within the command timeout.
 */
public final class RedisServiceWindowStore implements ServiceWindowStore {
  private final RedisConnector redis;
  private final String prefix;
  private final String ttlMillis;

  RedisServiceWindowStore(RedisConnector redis, String prefix, Duration ttl) {
    this.redis = redis;
    this.prefix = prefix;
    this.ttlMillis = Long.toString(ttl.toMillis());
  }

  @Override
  public void recordInbound(String key, Instant at) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(at, "at");
    redis.eval(
        StoreScripts.WINDOW_RECORD,
        ScriptOutputType.INTEGER,
        new String[] {prefix + key},
        Long.toString(at.getEpochSecond()),
        Integer.toString(at.getNano()),
        ttlMillis);
  }

  /** Returns the Redis key of a user's window, when this store shares {@code redis}; else null. */
  String keyOn(RedisConnector redis, String key) {
    return this.redis == redis ? prefix + key : null;
  }

  /** Returns the inbound time kept in the fields {@code s} and {@code n}, if both are there. */
  static Optional<Instant> instantOf(Object seconds, Object nanos) {
    if (seconds == null || nanos == null) {
      return Optional.empty();
    }
    return Optional.of(
        Instant.ofEpochSecond(
            Long.parseLong(seconds.toString()), Long.parseLong(nanos.toString())));
  }

  @Override
  public Optional<Instant> lastInbound(String key) {
    Objects.requireNonNull(key, "key");
    List<KeyValue<String, String>> fields = redis.call(c -> c.hmget(prefix + key, "s", "n"));
    if (fields.size() < 2 || !fields.get(0).hasValue() || !fields.get(1).hasValue()) {
      return Optional.empty();
    }
    return instantOf(fields.get(0).getValue(), fields.get(1).getValue());
  }

  @Override
  public void markClosed(String key, Instant seen) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(seen, "seen");
    redis.eval(
        StoreScripts.WINDOW_CLOSE,
        ScriptOutputType.INTEGER,
        new String[] {prefix + key},
        Long.toString(seen.getEpochSecond()),
        Integer.toString(seen.getNano()));
  }

  @Override
  public boolean erase(String key) {
    Objects.requireNonNull(key, "key");
    Long removed = redis.call(c -> c.del(prefix + key));
    return removed != null && removed > 0;
  }

  @Override
  public String toString() {
    return "RedisServiceWindowStore[" + redis.description() + "]";
  }
}
