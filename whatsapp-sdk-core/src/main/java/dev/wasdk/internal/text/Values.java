package dev.wasdk.internal.text;

import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Writes the {@code toString()} of a public record with optional components the way a reader wants
 * it: {@code Name[a=1, b=x]}, a present optional as its value, an empty one left out, and the
 * components that hold a user's phone number masked with {@link Redact#mask}, and a raw JSON
 * payload shown only by its length. The record's own {@code toString()} would print {@code
 * Optional[x]} and {@code OptionalLong.empty}.
 */
public final class Values {
  /** Components that hold a user's phone number or WhatsApp id. */
  private static final Set<String> PERSONAL =
      Set.of("waId", "from", "to", "input", "recipientId", "phoneNumber", "phone");

  private Values() {}

  /** Returns the record's name and its components, optionals unwrapped and empty ones omitted. */
  public static String toString(Record record) {
    Class<?> type = record.getClass();
    StringBuilder b = new StringBuilder(type.getSimpleName()).append('[');
    boolean first = true;
    for (RecordComponent c : type.getRecordComponents()) {
      Object value;
      try {
        value = c.getAccessor().invoke(record);
      } catch (ReflectiveOperationException | RuntimeException e) {
        value = "?";
      }
      Object shown = unwrap(value);
      if (shown == null) {
        continue;
      }
      if (PERSONAL.contains(c.getName()) && shown instanceof String s) {
        shown = Redact.mask(s);
      } else if (c.getName().equals("rawJson") && shown instanceof String s) {
        shown = "(" + s.length() + " characters)"; // the payload holds phone numbers and texts
      }
      if (!first) {
        b.append(", ");
      }
      first = false;
      b.append(c.getName()).append('=').append(shown);
    }
    return b.append(']').toString();
  }

  /** Returns the value inside an optional, null for an empty one, or the value itself. */
  static Object unwrap(Object value) {
    if (value instanceof Optional<?> o) {
      return o.orElse(null);
    }
    if (value instanceof OptionalLong o) {
      return o.isPresent() ? o.getAsLong() : null;
    }
    if (value instanceof OptionalInt o) {
      return o.isPresent() ? o.getAsInt() : null;
    }
    if (value instanceof OptionalDouble o) {
      return o.isPresent() ? o.getAsDouble() : null;
    }
    return value;
  }
}
