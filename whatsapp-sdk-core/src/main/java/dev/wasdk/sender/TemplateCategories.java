package dev.wasdk.sender;

import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Finds the category of a template message that does not declare one, so that the consent gate is
 * never skipped: through the templates API when the sender has a client (with a cache of an hour),
 * and otherwise, or when the lookup fails, the message counts as marketing. Thread-safe.
 */
final class TemplateCategories {
  /** How long a looked-up category is trusted. */
  static final Duration TTL = Duration.ofHours(1);

  private final BiFunction<String, String, Optional<TemplateCategory>> lookup;
  private final StoreCalls calls;
  private final Clock clock;
  private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

  /**
   * @param lookup finds a template's category by name and language, or null for none
   * @param calls runs the lookup within its budget
   */
  TemplateCategories(
      BiFunction<String, String, Optional<TemplateCategory>> lookup,
      StoreCalls calls,
      Clock clock) {
    this.lookup = lookup;
    this.calls = calls;
    this.clock = clock;
  }

  /** Returns the category the gates apply to a template message. */
  TemplateCategory of(TemplateMessage m) {
    if (m.category() != TemplateCategory.UNKNOWN) {
      return m.category();
    }
    if (lookup == null) {
      return TemplateCategory.MARKETING;
    }
    String key = m.name() + "|" + m.languageCode();
    Instant now = clock.instant();
    Cached c = cache.get(key);
    if (c != null && now.isBefore(c.until)) {
      return c.category;
    }
    try {
      TemplateCategory found =
          calls
              .call("template category", () -> lookup.apply(m.name(), m.languageCode()))
              .filter(t -> t != TemplateCategory.UNKNOWN)
              .orElse(TemplateCategory.MARKETING);
      cache.put(key, new Cached(found, now.plus(TTL)));
      return found;
    } catch (LimiterUnavailableException ex) {
      return TemplateCategory.MARKETING; // not known: never skip the consent check
    }
  }

  private record Cached(TemplateCategory category, Instant until) {}
}
