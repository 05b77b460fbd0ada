package dev.wasdk.redis;

import dev.wasdk.internal.redis.ConsentCodec;
import dev.wasdk.internal.redis.RedisConnector;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentStore;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ConsentStore} on Redis: each user's history is one list, appended with {@code RPUSH} and
 * read with {@code LRANGE}, one round trip each, and never expires. Obtained from {@link
 * RedisStores#consent()}, which documents the keys, the time budget and durability.
 *
 * <pre>{@code
 * ConsentStore consent = stores.consent();
 * consent.append(key, ConsentRecord.optOut(ConsentSource.KEYWORD, "STOP", wamid, Instant.now()));
 * }</pre>
 *
 * <p>Thread-safe. Every call throws {@link dev.wasdk.sender.StoreUnavailableException} when Redis
 * does not answer within the command timeout.
 */
public final class RedisConsentStore implements ConsentStore {
  private final RedisConnector redis;
  private final String prefix;

  RedisConsentStore(RedisConnector redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  @Override
  public void append(String key, ConsentRecord record) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(record, "record");
    String line = ConsentCodec.encode(record);
    redis.call(c -> c.rpush(prefix + key, line));
  }

  @Override
  public List<ConsentRecord> history(String key) {
    Objects.requireNonNull(key, "key");
    List<String> lines = redis.call(c -> c.lrange(prefix + key, 0, -1));
    return lines.stream().map(ConsentCodec::decode).toList();
  }

  @Override
  public boolean erase(String key) {
    Objects.requireNonNull(key, "key");
    Long removed = redis.call(c -> c.del(prefix + key));
    return removed != null && removed > 0;
  }

  @Override
  public String toString() {
    return "RedisConsentStore[" + redis.description() + "]";
  }
}
