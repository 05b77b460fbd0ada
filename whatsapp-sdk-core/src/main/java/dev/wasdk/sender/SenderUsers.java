package dev.wasdk.sender;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Answers data-access and erasure requests for one user across the sender's parts: the queue, the
 * window and consent stores, the learned WhatsApp id, the pair backoff, the recent sends and the
 * limiter store. Runs on the caller's thread, with no lock held while it calls a store.
 */
final class SenderUsers {
  private final SenderConfig config;
  private final SenderRuntime runtime;
  private final RecipientIds ids;
  private final Dispatcher dispatcher;
  private final PairRateGate pairGate;
  private final TierGate tierGate;
  private final SenderFeeds feeds;

  SenderUsers(
      SenderConfig config,
      SenderRuntime runtime,
      RecipientIds ids,
      Dispatcher dispatcher,
      PairRateGate pairGate,
      TierGate tierGate,
      SenderFeeds feeds) {
    this.config = config;
    this.runtime = runtime;
    this.ids = ids;
    this.dispatcher = dispatcher;
    this.pairGate = pairGate;
    this.tierGate = tierGate;
    this.feeds = feeds;
  }

  UserData export(String key) {
    int waiting = dispatcher.waiting(key);
    Optional<Instant> backoff = pairGate.backoffUntil(key);
    return new UserData(
        key, config.windows().lastInbound(key), config.consent().export(key), waiting, backoff);
  }

  /** Erases the user; the caller then lets the queue move on. */
  void erase(String key) {
    Effects fx = new Effects();
    dispatcher.cancelUser(key, "the user's data was erased", fx);
    fx.run();
    String canonical = ids.canonical(key, true);
    config.windows().forgetKey(canonical);
    config.consent().eraseKey(canonical);
    ids.erase(canonical);
    pairGate.erase(key);
    feeds.forget(key);
    // The limiter knew the user by their WhatsApp id's pseudonym, or by the dialled form's before
    // the id was learned.
    for (String storeKey : new LinkedHashSet<>(List.of(canonical, ids.own(key)))) {
      String member = config.pseudonyms().of(config.portfolioId(), storeKey);
      List<String> buckets = List.of(pairGate.bucketKey(member), ConsentGate.capKey(member));
      List<String> windows = List.of(tierGate.windowKey());
      runtime.limiter.call(
          "erase a user", () -> config.store().eraseUser(buckets, windows, member));
    }
  }
}
