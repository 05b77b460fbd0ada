package dev.wasdk.redis;

import dev.wasdk.internal.redis.ConsentCodec;
import dev.wasdk.internal.redis.RedisConnector;
import dev.wasdk.internal.redis.StoreScripts;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.ServiceWindowStore;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link ConsentStore} on Redis: each user's history is one list, appended with {@code RPUSH} and
 * read with {@code LRANGE}, one round trip each, and never expires. {@link #read} with the window
 * store of the same {@link RedisStores} reads the history and the window in one script, one round
 * trip. Obtained from {@link RedisStores#consent()}, which documents the keys, the time budget and
 * durability.
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
  public UserState read(String key, ServiceWindowStore windows) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(windows, "windows");
    String windowKey = windows instanceof RedisServiceWindowStore w ? w.keyOn(redis, key) : null;
    if (windowKey == null) {
      return ConsentStore.super.read(key, windows);
    }
    List<Object> reply =
        redis.eval(
            StoreScripts.CONSENT_AND_WINDOW_READ,
            ScriptOutputType.MULTI,
            new String[] {prefix + key, windowKey});
    List<ConsentRecord> history = new ArrayList<>();
    for (Object line : (List<?>) reply.get(0)) {
      history.add(ConsentCodec.decode(line.toString()));
    }
    List<?> time = (List<?>) reply.get(1);
    return new UserState(
        history,
        RedisServiceWindowStore.instantOf(
            time.size() > 0 ? time.get(0) : null, time.size() > 1 ? time.get(1) : null));
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
