package dev.wasdk.client;

import dev.wasdk.internal.text.Redact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks analytics filter values and writes Meta's field-expansion syntax, such as {@code
 * analytics.start(1).end(2).granularity(DAY).country_codes(["US"])}. Every value is checked against
 * a pattern that cannot close a bracket or a quote, so a value cannot change the expression.
 */
final class AnalyticsFields {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");
  private static final Pattern PHONE = Pattern.compile("[0-9]{5,15}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  private final StringBuilder b;

  private AnalyticsFields(String field, AnalyticsRange range, String granularity) {
    b =
        new StringBuilder(field)
            .append(".start(")
            .append(range.startSeconds())
            .append(").end(")
            .append(range.endSeconds())
            .append(").granularity(")
            .append(granularity)
            .append(')');
  }

  static AnalyticsFields of(String field, AnalyticsRange range, String granularity) {
    return new AnalyticsFields(field, range, granularity);
  }

  /** Appends {@code .name(["a","b"])} when the list is not empty. */
  AnalyticsFields strings(String name, List<String> values) {
    if (!values.isEmpty()) {
      b.append('.').append(name).append("([");
      for (int i = 0; i < values.size(); i++) {
        b.append(i == 0 ? "" : ",").append('"').append(values.get(i)).append('"');
      }
      b.append("])");
    }
    return this;
  }

  /** Appends {@code .name([1,2])} when the list is not empty. */
  AnalyticsFields numbers(String name, List<String> values) {
    if (!values.isEmpty()) {
      b.append('.').append(name).append('(').append('[').append(String.join(",", values));
      b.append("])");
    }
    return this;
  }

  @Override
  public String toString() {
    return b.toString();
  }

  static List<String> phoneNumbers(Collection<String> values) {
    return check(
        values,
        PHONE,
        "phoneNumbers",
        "a business phone number in digits only, with country code and without '+'");
  }

  static List<String> countryCodes(Collection<String> values) {
    return check(values, COUNTRY, "countryCodes", "an ISO 3166 alpha-2 code such as US");
  }

  static List<String> names(Collection<String> values, String what) {
    return check(values, NAME, what, "an upper-case name such as MARKETING");
  }

  static List<String> ids(Collection<String> values, String what) {
    return check(values, DIGITS, what, "a numeric id");
  }

  static <E extends Enum<E>> List<String> enums(Collection<E> values, String what) {
    Objects.requireNonNull(values, what);
    List<String> out = new ArrayList<>();
    for (E e : values) {
      String n = Objects.requireNonNull(e, what + " item").name();
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return List.copyOf(out);
  }

  private static List<String> check(
      Collection<String> values, Pattern pattern, String what, String expected) {
    Objects.requireNonNull(values, what);
    List<String> out = new ArrayList<>();
    for (String v : values) {
      Objects.requireNonNull(v, what + " item");
      if (!pattern.matcher(v).matches()) {
        throw new IllegalArgumentException(
            what + " must hold " + expected + ", but one item was '" + Redact.mask(v) + "'");
      }
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return List.copyOf(out);
  }
}
