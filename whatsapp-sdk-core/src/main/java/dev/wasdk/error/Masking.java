package dev.wasdk.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks personal data in texts that go into exception messages and logs. */
final class Masking {
  /** Seven or more digits, possibly after a '+': long enough to be a phone number. */
  private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d{7,}");

  private Masking() {}

  /**
   * Masks every run of seven or more digits, keeping the first four and last three characters, such
   * as {@code +165*****234}.
   */
  static String maskDigits(String text) {
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

  private static String mask(String value) {
    if (value.length() <= 7) {
      return "*".repeat(value.length());
    }
    return value.substring(0, 4)
        + "*".repeat(value.length() - 7)
        + value.substring(value.length() - 3);
  }
}
