package dev.wasdk.conversations.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for matching: accents removed, lower case, outer whitespace trimmed and inner runs of
 * whitespace made one space, so that {@code " Menú DEL día"} folds to {@code "menu del dia"}.
 */
public final class Text {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /*
   * Many filters on one router fold the same text: keep the last input and its result per thread,
   * keyed by identity, so an event's text is folded once however many filters read it.
   */
  private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

  private Text() {}

  /** Returns the folded form of {@code text}. */
  public static String fold(String text) {
    String[] last = LAST.get();
    if (last[0] == text) {
      return last[1];
    }
    String folded = compute(text);
    last[0] = text;
    last[1] = folded;
    return folded;
  }

  private static String compute(String text) {
    String s = text;
    if (!isPlainAscii(s)) {
      s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }
    s = s.toLowerCase(Locale.ROOT).strip();
    return SPACES.matcher(s).find() ? SPACES.matcher(s).replaceAll(" ") : s;
  }

  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether the folded text starts with {@code keyword} (already folded) as a whole word:
   * the text equals it or continues with something other than a letter or digit.
   */
  public static boolean startsWithWord(String folded, String keyword) {
    return folded.startsWith(keyword)
        && (folded.length() == keyword.length()
            || !Character.isLetterOrDigit(folded.charAt(keyword.length())));
  }
}
