package dev.wasdk.webhooks;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers which webhook events were already taken in, so that Meta's retries and parallel
 * deliveries are handled once. It is the store behind {@link WebhookEndpoint}'s de-duplication,
 * keyed by {@link dev.wasdk.webhooks.event.WebhookEvent#dedupeKey()}.
 *
 * <p>Meta delivers at least once: a delivery that was not acknowledged is retried for up to 7 days,
 * and apps subscribed to the same account may see the same update more than once. The endpoint
 * claims each event's key with {@link #firstSeen} before dispatching it, and gives the key back
 * with {@link #forget} when the event could not be handled, so that Meta's retry is processed
 * rather than skipped.
 *
 * <p>Implementations must be thread-safe: the endpoint calls them from many request threads at
 * once, and {@code firstSeen} must be atomic, so that of two concurrent calls with the same key at
 * most one returns true. An implementation backed by a shared store (Redis {@code SET NX PX}, a
 * database unique key) de-duplicates across app instances; the in-memory default covers one
 * process.
 *
 * <pre>{@code
 * Deduplicator dedupe = Deduplicator.inMemory(500_000, Duration.ofDays(7));
 * WebhookEndpoint endpoint = WebhookEndpoint.builder()...deduplicator(dedupe).build();
 * }</pre>
 */
public interface Deduplicator {
  /** How long a key is remembered by default: Meta retries a delivery for up to 7 days. */
  Duration DEFAULT_HORIZON = Duration.ofDays(7);

  /**
   * How many keys the in-memory default holds, about 20 to 30 MB when full; the oldest are
   * forgotten first once it is full.
   */
  int DEFAULT_MAX_KEYS = 100_000;

  /**
   * Records a key and returns whether it is new: true if the key was not recorded within the
   * store's horizon before {@code now}, false for a duplicate. Atomic.
   *
   * @param key the event's dedupe key
   * @param now the time of the delivery, from the endpoint's clock
   */
  boolean firstSeen(String key, Instant now);

  /**
   * Removes a key, so that the next delivery with it is new again. The endpoint calls this for an
   * event whose handling failed or that could not be handed off. Removing an absent key does
   * nothing.
   *
   * @param key a key earlier passed to {@link #firstSeen}
   */
  void forget(String key);

  /**
   * Returns an in-memory store that remembers up to {@value #DEFAULT_MAX_KEYS} keys for {@link
   * #DEFAULT_HORIZON 7 days}.
   */
  static Deduplicator inMemory() {
    return new InMemoryDeduplicator(DEFAULT_MAX_KEYS, DEFAULT_HORIZON);
  }

  /**
   * Returns an in-memory store with its own bounds. It remembers a key for {@code horizon} after it
   * was recorded, and once it holds {@code maxKeys} keys it forgets the oldest first. Lookups of
   * known keys take no lock; recording a new key holds a short lock to keep the age order. Raise
   * {@code maxKeys} when more than that many distinct events arrive within a retry period; each key
   * costs roughly 200 to 300 bytes.
   *
   * @param maxKeys the most keys held at once; at least 1
   * @param horizon how long a key is remembered; positive
   * @throws IllegalArgumentException if a bound is out of range
   */
  static Deduplicator inMemory(int maxKeys, Duration horizon) {
    return new InMemoryDeduplicator(maxKeys, horizon);
  }
}
