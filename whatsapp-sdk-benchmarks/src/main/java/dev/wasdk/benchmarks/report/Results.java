package dev.wasdk.benchmarks.report;

import java.util.Locale;

/**
 * Prints one measured figure of a harness as a line {@code RESULT <key> <value>} on standard
 * output, beside the harness's human-readable output. {@link BenchReport} collects these lines from
 * every repetition of a run and reports their median and spread. Keys are dotted names such as
 * {@code pacing.accuracy.achievedPerSecond}.
 */
public final class Results {
  /** The prefix of every result line. */
  public static final String PREFIX = "RESULT ";

  private Results() {}

  /**
   * Prints a result line.
   *
   * @param key the figure's dotted name, without spaces
   * @param value the measured value
   */
  public static void emit(String key, double value) {
    if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("a result key must be one word: '" + key + "'");
    }
    System.out.println(PREFIX + key + " " + String.format(Locale.ROOT, "%.6g", value));
  }
}
