package dev.wasdk.internal.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a value Meta sends as text into an enum that is open to new values. The one rule used
 * everywhere: trim the text, ignore letter case, read spaces and hyphens as underscores, and match
 * the constant's name; failing that, read a lower-case letter followed by an upper-case one as a
 * word break ({@code LeadSubmitted} is {@code LEAD_SUBMITTED}). Anything else, including null,
 * empty and over-long text, is the caller's {@code UNKNOWN} constant. It never throws for any
 * input.
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
    return find(type, raw).orElse(unknown);
  }

  /**
   * Returns the constant of {@code type} named by {@code raw}, or one of its aliases, or {@code
   * unknown}. An alias is another name Meta uses for a constant, written as a constant's name
   * ({@code "HIGH"} for {@code GREEN}); it is matched by the same rule as the names.
   *
   * @param type the enum type
   * @param raw the text as sent; may be null
   * @param unknown the constant to return when nothing matches
   * @param aliases other names of constants, in upper case with underscores
   * @param <E> the enum type
   * @return the matching constant, or {@code unknown}; never null
   */
  public static <E extends Enum<E>> E parse(
      Class<E> type, String raw, E unknown, Map<String, E> aliases) {
    Objects.requireNonNull(unknown, "unknown");
    Optional<E> named = find(type, raw);
    if (named.isPresent()) {
      return named.get();
    }
    String s = raw == null ? "" : raw.trim();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return unknown;
    }
    E alias = aliases.get(key(s));
    if (alias == null) {
      String words = camelWords(s);
      alias = words == null ? null : aliases.get(key(words));
    }
    return alias == null ? unknown : alias;
  }

  /**
   * Returns the constant of {@code type} named by {@code raw} by the same rule as {@link
   * #parse(Class, String, Enum)}, for enums without an unknown constant, such as {@link
   * java.time.DayOfWeek}.
   *
   * @param type the enum type
   * @param raw the text as sent; may be null
   * @param <E> the enum type
   * @return the matching constant, or empty
   */
  public static <E extends Enum<E>> Optional<E> find(Class<E> type, String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String s = raw.trim();
    if (s.isEmpty() || s.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Map<String, Enum<?>> names = BY_NAME.get(type);
    Enum<?> e = names.get(key(s));
    if (e == null) {
      String words = camelWords(s);
      if (words != null) {
        e = names.get(key(words));
      }
    }
    return e == null ? Optional.empty() : Optional.of(type.cast(e));
  }

  private static String key(String s) {
    return s.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }

  /** Returns the text with '_' at each lower-to-upper case step, or null if it has none. */
  private static String camelWords(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i > 0 && c >= 'A' && c <= 'Z') {
        char prev = s.charAt(i - 1);
        if (prev >= 'a' && prev <= 'z') {
          if (b == null) {
            b = new StringBuilder(s.length() + 4).append(s, 0, i);
          }
          b.append('_');
        }
      }
      if (b != null) {
        b.append(c);
      }
    }
    return b == null ? null : b.toString();
  }
}
