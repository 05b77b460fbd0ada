package dev.wasdk.internal.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data (phone numbers, user ids) for logs, exception messages and {@code
 * toString()}. The one rule used everywhere: keep the first four and last three characters, star
 * the rest; values of seven characters or fewer are starred entirely.
 */
public final class Redact {
  /** Seven or more digits, possibly after a '+': long enough to be a phone number. */
  private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d{7,}");

  private Redact() {}

  /** Returns the value masked, such as {@code +165*****234}; {@code "null"} for null. */
  public static String mask(String value) {
    if (value == null) {
      return "null";
    }
    if (value.length() <= 7) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 4)
        + "*".repeat(value.length() - 7)
        + value.substring(value.length() - 3);
  }

  /** Returns the text with every run of seven or more digits masked by {@link #mask}. */
  public static String maskDigits(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = DIGIT_RUN.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      out.append(text, last, m.start()).append(mask(m.group()));
      last = m.end();
    } while (m.find());
    return out.append(text, last, text.length()).toString();
  }
}
