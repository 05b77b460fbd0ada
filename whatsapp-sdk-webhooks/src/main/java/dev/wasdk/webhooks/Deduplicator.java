package dev.wasdk.webhooks;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers which webhook events are being handled and which were handled, so that Meta's retries
 * and parallel deliveries are handled once and none is lost. It is the store behind {@link
 * WebhookEndpoint}'s de-duplication, keyed by {@link
 * dev.wasdk.webhooks.event.WebhookEvent#dedupeKey()}.
 *
 * <p><b>States.</b> A key is absent, <em>claimed</em> by one holder under a lease, or
 * <em>done</em>:
 *
 * <ul>
 *   <li>{@link #claim} takes an absent key, a key whose lease has run out (its holder crashed or
 *       stalled), or a done key past the store's horizon, and answers {@link Claim#CLAIMED}. A key
 *       claimed by someone else under a live lease answers {@link Claim#IN_PROGRESS}; a done key
 *       within the horizon answers {@link Claim#DONE}.
 *   <li>{@link #renew} extends the holder's lease while its handler runs.
 *   <li>{@link #complete} marks the key done, remembered for the store's horizon (7 days by
 *       default, as long as Meta retries).
 *   <li>{@link #release} gives the key back when the handler failed, so that the next delivery
 *       claims it and handles the event.
 * </ul>
 *
 * <p>The endpoint answers a delivery with an event {@code IN_PROGRESS} with 503 and never with 200:
 * Meta delivers again later, and by then the event is done (the retry is skipped) or released (the
 * retry handles it). An event is therefore never acknowledged while its only handling may still
 * fail.
 *
 * <p><b>Holders.</b> Each claim names a holder, an opaque string unique to one delivery across
 * every app instance (the endpoint makes one per request). {@code renew} and {@code release} act
 * only for the holder of the current claim, so a holder whose lease ran out and was taken over
 * cannot cut the new holder short. {@code complete} marks the key done whoever holds it: the event
 * was handled.
 *
 * <p><b>Time.</b> Every call passes {@code now} from the endpoint's clock, and implementations
 * judge leases and the horizon by it rather than by their own clock, so that tests can drive them
 * with a fake clock. A shared store may still expire a record by its own clock once it is well past
 * its time (Redis keys carry a time to live of their lease or horizon plus a margin).
 *
 * <p><b>Backends.</b> {@link #inMemory()} covers one process. {@code RedisDeduplicator} in {@code
 * whatsapp-sdk-redis} shares the keys across app instances with one atomic script per step. A
 * relational backend fits the same steps: a table with the key as primary key, the state, the
 * holder and an {@code expires_at} column; {@code claim} is one {@code INSERT ... ON CONFLICT (key)
 * DO UPDATE ... WHERE expires_at <= now}, the others one conditional {@code UPDATE} or {@code
 * DELETE}. Every backend passes the same contract suite ({@code DeduplicatorContract} in this
 * module's test-jar).
 *
 * <p><b>Thread-safety.</b> Implementations must be thread-safe, and each step atomic: of two
 * concurrent claims of one key, at most one is {@code CLAIMED}. A step that cannot reach its store
 * throws an unchecked exception; the endpoint answers 503 and Meta retries.
 *
 * <pre>{@code
 * Deduplicator dedupe = Deduplicator.inMemory(500_000, Duration.ofDays(7));
 * WebhookEndpoint endpoint = WebhookEndpoint.builder()...deduplicator(dedupe).build();
 * }</pre>
 */
public interface Deduplicator {
  /** How long a done key is remembered by default: Meta retries a delivery for up to 7 days. */
  Duration DEFAULT_HORIZON = Duration.ofDays(7);

  /** The endpoint's default lease on a claimed key; it is renewed while the handler runs. */
  Duration DEFAULT_LEASE = Duration.ofMinutes(2);

  /**
   * How many keys the in-memory default holds, about 20 to 30 MB when full; the oldest are
   * forgotten first once it is full.
   */
  int DEFAULT_MAX_KEYS = 100_000;

  /** What {@link #claim} found. */
  enum Claim {
    /** The caller now holds the key: handle the event, then complete or release it. */
    CLAIMED,
    /** Another holder's live lease covers the key: the event is being handled elsewhere. */
    IN_PROGRESS,
    /** The event was handled within the horizon: skip it. */
    DONE
  }

  /**
   * Claims a key for a holder, atomically.
   *
   * @param key the event's dedupe key
   * @param holder who claims; unique per delivery
   * @param now the time of the delivery, from the endpoint's clock
   * @param lease how long the claim holds unless renewed; positive
   * @return {@link Claim#CLAIMED} if the caller now holds the key, else what holds it
   */
  Claim claim(String key, String holder, Instant now, Duration lease);

  /**
   * Extends a claim's lease to {@code now + lease}, if {@code holder} still holds the key.
   *
   * @return true if the lease was extended; false if the key is done, released or held by another
   */
  boolean renew(String key, String holder, Instant now, Duration lease);

  /**
   * Marks a key done, remembered for the store's horizon from {@code now}: later claims answer
   * {@link Claim#DONE}. Works whoever holds the key, since the event was handled.
   */
  void complete(String key, String holder, Instant now);

  /**
   * Gives a claimed key back, so that the next claim takes it. Does nothing unless {@code holder}
   * holds the key: a done key stays done, and another holder's claim stays.
   */
  void release(String key, String holder);

  /**
   * Returns an in-memory store that remembers up to {@value #DEFAULT_MAX_KEYS} keys for {@link
   * #DEFAULT_HORIZON 7 days}.
   */
  static Deduplicator inMemory() {
    return new InMemoryDeduplicator(DEFAULT_MAX_KEYS, DEFAULT_HORIZON);
  }

  /**
   * Returns an in-memory store with its own bounds. It remembers a done key for {@code horizon},
   * and once it holds {@code maxKeys} keys it forgets the least recently claimed or completed
   * first. Each step holds one short lock for constant work. Raise {@code maxKeys} when more than
   * that many distinct events arrive within a retry period; each key costs roughly 200 to 300
   * bytes.
   *
   * @param maxKeys the most keys held at once; at least 1
   * @param horizon how long a done key is remembered; positive
   * @throws IllegalArgumentException if a bound is out of range
   */
  static Deduplicator inMemory(int maxKeys, Duration horizon) {
    return new InMemoryDeduplicator(maxKeys, horizon);
  }
}
