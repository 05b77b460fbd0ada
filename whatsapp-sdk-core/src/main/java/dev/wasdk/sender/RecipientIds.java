package dev.wasdk.sender;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Turns a user's key into the pseudonym of their WhatsApp id, the one every store keys by. A number
 * is its own WhatsApp id, except in Brazil (55) and Mexico (52), where the id Meta reports in a
 * send response's {@code contacts[].wa_id} may differ from the number dialled; those mappings are
 * learned from the responses and kept in a {@link RecipientIdStore}, and cached here (a mapping
 * does not change). Thread-safe.
 */
final class RecipientIds {
  private static final String SCOPE = "user";

  private final RecipientIdStore store;
  private final Pseudonyms pseudonyms;
  private final ConcurrentHashMap<String, String> known = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, String>> moves = new CopyOnWriteArrayList<>();

  RecipientIds(RecipientIdStore store, Pseudonyms pseudonyms) {
    this.store = store;
    this.pseudonyms = pseudonyms;
  }

  RecipientIdStore store() {
    return store;
  }

  /**
   * Returns the pseudonym of the user's WhatsApp id. Asks the store only for a number that may
   * differ from its id and is not cached, and only when {@code mayAsk}: the webhook feeds pass
   * false (a webhook names users by their id already).
   */
  String canonical(String userKey, boolean mayAsk) {
    String own = pseudonyms.of(SCOPE, userKey);
    String cached = known.get(own);
    if (cached != null) {
      return cached;
    }
    if (!mayAsk || !mayDiffer(userKey)) {
      return own;
    }
    Optional<String> stored = store.canonical(own);
    stored.ifPresent(c -> known.put(own, c));
    return stored.orElse(own);
  }

  /** Returns the pseudonym of the user's key as given, before any WhatsApp id is looked up. */
  String own(String userKey) {
    return pseudonyms.of(SCOPE, userKey);
  }

  /**
   * Adds a step that each learning runs before it stores the mapping: {@code move} gets the
   * pseudonyms of the dialled form and of the WhatsApp id, and moves what was recorded under the
   * first (consent given before the first send) to the second.
   */
  void onLearn(BiConsumer<String, String> move) {
    moves.add(move);
  }

  /**
   * Notes that {@code dialledKey} belongs to the WhatsApp id {@code waIdKey}; returns the store
   * writes to run (off any lock), or null when there is nothing new. The mapping is used only once
   * the writes are done: until then the dialled form keeps its own key, under which the records
   * still are, so no check reads a key whose records have not arrived yet.
   */
  Runnable learn(String dialledKey, String waIdKey) {
    if (dialledKey.equals(waIdKey)) {
      return null;
    }
    String dialled = pseudonyms.of(SCOPE, dialledKey);
    String canonical = pseudonyms.of(SCOPE, waIdKey);
    if (canonical.equals(known.get(dialled))) {
      return null;
    }
    return () -> {
      for (BiConsumer<String, String> move : moves) {
        move.accept(dialled, canonical);
      }
      store.put(dialled, canonical);
      known.put(dialled, canonical);
    };
  }

  /** Forgets every mapping to {@code canonical}, here and in the store. */
  void erase(String canonical) {
    known.values().removeIf(canonical::equals);
    store.erase(canonical);
  }

  /** Brazilian and Mexican numbers may have a WhatsApp id other than the number dialled. */
  static boolean mayDiffer(String userKey) {
    return (userKey.startsWith("55") || userKey.startsWith("52"))
        && userKey.chars().allMatch(Character::isDigit);
  }
}
