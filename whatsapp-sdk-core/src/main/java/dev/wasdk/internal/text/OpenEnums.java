package dev.wasdk.internal.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a value Meta sends as text into an enum that is open to new values. The one rule used
 * everywhere: trim the text, ignore letter case, read spaces and hyphens as underscores, and match
 * the constant's name; anything else, including null, empty and over-long text, is the caller's
 * {@code UNKNOWN} constant. It never throws for any input.
 *
 * <p>Thread-safe: the per-type lookup tables are computed once and never change.
 */
public final class OpenEnums {
  /** Longer text cannot be a constant's name; it is not worth upper-casing. */
  private static final int MAX_LENGTH = 128;

  private static final ClassValue<Map<String, Enum<?>>> BY_NAME =
      new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
          Map<String, Enum<?>> names = new HashMap<>();
          for (Object c : type.getEnumConstants()) {
            Enum<?> e = (Enum<?>) c;
            names.put(e.name(), e);
          }
          return Map.copyOf(names);
        }
      };

  private OpenEnums() {}

  /**
   * Returns the constant of {@code type} named by {@code raw}, or {@code unknown}.
   *
   * @param type the enum type
   * @param raw the text as sent, such as {@code " approved"} or {@code "Needs Connecting"}; may be
   *     null
   * @param unknown the constant to return when nothing matches
   * @param <E> the enum type
   * @return the matching constant, or {@code unknown}; never null
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String raw, E unknown) {
    Objects.requireNonNull(unknown, "unknown");
    if (raw == null) {
      return unknown;
    }
    String s = raw.trim();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return unknown;
    }
    String key = s.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    Enum<?> e = BY_NAME.get(type).get(key);
    return e == null ? unknown : type.cast(e);
  }
}
