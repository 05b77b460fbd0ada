package dev.wasdk.sender;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of a {@link ConsentRegistry} while it is being built, with their defaults and checks.
 * {@link ConsentRegistry.Builder} is its public face; the type parameter lets every setter return
 * that builder. Not thread-safe.
 *
 * @param <B> the builder type the setters return
 */
abstract class ConsentRegistryOptions<B extends ConsentRegistryOptions<B>> {
  Set<String> keywords = ConsentRegistry.DEFAULT_OPT_OUT_KEYWORDS;
  ConsentStore store;
  Pseudonyms pseudonyms = Pseudonyms.DEFAULT;
  Duration cacheTtl = ConsentRegistry.DEFAULT_OPT_OUT_CACHE_TTL;
  Clock clock = Clock.systemUTC();

  /**
   * Sets the opt-out keywords, replacing the {@link ConsentRegistry#DEFAULT_OPT_OUT_KEYWORDS}.
   * Matching ignores letter case and surrounding spaces, and needs the whole message to be the
   * keyword.
   *
   * @param keywords the keywords; may be empty to disable keyword opt-outs
   * @return this builder
   */
  public B optOutKeywords(Set<String> keywords) {
    this.keywords =
        keywords.stream()
            .map(k -> k.trim().toUpperCase(Locale.ROOT))
            .filter(k -> !k.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    return self();
  }

  /**
   * Sets the store of the consent history. Default {@link ConsentStore#inMemory()}, lost on
   * restart; use a Redis or JDBC store to keep opt-outs across restarts and share them between app
   * instances.
   *
   * @param store the store
   * @return this builder
   */
  public B store(ConsentStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return self();
  }

  /**
   * Sets the secret key of the pseudonyms the store keys users by (HMAC-SHA256). Default: a public
   * key, which protects no more than a plain hash; set a secret one for any store outside this JVM,
   * and the same one on every instance. A new key orphans what the store holds under the old one.
   *
   * @param key at least 32 bytes
   * @return this builder
   */
  public B pseudonymKey(byte[] key) {
    this.pseudonyms = Pseudonyms.withKey(key);
    return self();
  }

  B pseudonyms(Pseudonyms pseudonyms) {
    this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    return self();
  }

  /**
   * Sets how long an opt-out seen by this JVM is trusted without asking the store again. Default 5
   * seconds; zero asks the store on every check.
   *
   * @param ttl zero to 1 minute
   * @return this builder
   */
  public B optOutCacheTtl(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("ttl must be zero to 1 minute, was " + ttl);
    }
    this.cacheTtl = ttl;
    return self();
  }

  /**
   * Sets the clock of the opt-out cache. Default the system UTC clock.
   *
   * @param clock the clock
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /** Returns this builder as its public type. */
  abstract B self();
}
