package dev.wasdk.redis;

import dev.wasdk.internal.redis.RedisConnector;
import dev.wasdk.internal.redis.StoreScripts;
import dev.wasdk.sender.RecipientIdStore;
import io.lettuce.core.ScriptOutputType;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RecipientIdStore} on Redis: a string per dialled form holding its canonical id, and a
 * set per canonical id holding the dialled forms mapped to it, so that erasing a user finds every
 * form. Writing and erasing are atomic scripts; reading is one {@code GET}. Nothing expires.
 * Obtained from {@link RedisStores#recipientIds()}, which documents the keys and the time budget.
 *
 * <pre>{@code
 * RecipientIdStore ids = stores.recipientIds();
 * ids.put(dialledKey, waIdKey);
 * String key = ids.canonical(dialledKey).orElse(dialledKey);
 * }</pre>
 *
 * <p>Thread-safe. Every call throws {@link dev.wasdk.sender.StoreUnavailableException} when Redis
 * does not answer within the command timeout.
 */
public final class RedisRecipientIdStore implements RecipientIdStore {
  private final RedisConnector redis;
  private final String forward;
  private final String reverse;

  RedisRecipientIdStore(RedisConnector redis, String forward, String reverse) {
    this.redis = redis;
    this.forward = forward;
    this.reverse = reverse;
  }

  @Override
  public void put(String dialled, String canonical) {
    Objects.requireNonNull(dialled, "dialled");
    Objects.requireNonNull(canonical, "canonical");
    redis.eval(
        StoreScripts.ID_PUT,
        ScriptOutputType.INTEGER,
        new String[] {forward + dialled, reverse + canonical},
        dialled,
        canonical,
        reverse);
  }

  @Override
  public Optional<String> canonical(String dialled) {
    Objects.requireNonNull(dialled, "dialled");
    return Optional.ofNullable(redis.call(c -> c.get(forward + dialled)));
  }

  @Override
  public boolean erase(String canonical) {
    Objects.requireNonNull(canonical, "canonical");
    Long removed =
        redis.eval(
            StoreScripts.ID_ERASE,
            ScriptOutputType.INTEGER,
            new String[] {reverse + canonical, forward + canonical},
            canonical,
            forward,
            reverse);
    return removed != null && removed == 1;
  }

  @Override
  public String toString() {
    return "RedisRecipientIdStore[" + redis.description() + "]";
  }
}
