package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import java.util.Collection;

/** Checks shared by the message kinds; every failure names the field path. */
final class Validation {
  private Validation() {}

  /** Requires a non-null string of {@code min..max} UTF-16 code units. */
  static String text(String path, String value, int min, int max) {
    if (value == null) {
      throw new InvalidMessageException(path, "present", "missing");
    }
    int n = value.length();
    if (n < min || n > max) {
      String rule =
          min == max
              ? "exactly " + min + " characters"
              : min <= 0 ? "at most " + max + " characters" : min + " to " + max + " characters";
      throw new InvalidMessageException(path, rule, n + " characters");
    }
    if (min > 0 && value.isBlank()) {
      throw new InvalidMessageException(path, "not blank", "blank");
    }
    return value;
  }

  /** Like {@link #text} but null is allowed and passes through. */
  static String optionalText(String path, String value, int min, int max) {
    return value == null ? null : text(path, value, min, max);
  }

  /** Requires a collection of {@code min..max} elements. */
  static <C extends Collection<?>> C count(String path, C values, int min, int max) {
    if (values == null) {
      throw new InvalidMessageException(path, "present", "missing");
    }
    int n = values.size();
    if (n < min || n > max) {
      String rule = min == max ? "exactly " + min + " items" : min + " to " + max + " items";
      throw new InvalidMessageException(path, rule, n + " items");
    }
    return values;
  }

  static Envelope envelope(Envelope e) {
    e.bizOpaqueCallbackData()
        .ifPresent(
            d -> text("biz_opaque_callback_data", d, 1, Limits.BIZ_OPAQUE_CALLBACK_DATA_MAX));
    e.replyTo().ifPresent(id -> text("context.message_id", id, 1, Integer.MAX_VALUE));
    return e;
  }
}
