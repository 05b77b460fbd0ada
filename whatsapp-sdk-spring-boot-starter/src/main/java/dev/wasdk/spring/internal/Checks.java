package dev.wasdk.spring.internal;

import dev.wasdk.spring.WhatsAppConfigurationException;
import java.time.Duration;

/**
 * Turns missing or rejected property values into {@link WhatsAppConfigurationException}s that name
 * the property. Values of secret properties never reach a message.
 */
public final class Checks {
  private Checks() {}

  /**
   * Returns a non-blank value, or fails naming the property and how to set it. A value that still
   * holds a {@code ${...}} placeholder counts as missing: Spring Boot keeps a placeholder it cannot
   * resolve (an unset environment variable, say) as literal text, which would otherwise become a
   * token or a secret.
   */
  public static String required(String property, String value, String what) {
    if (value == null || value.isBlank()) {
      throw new WhatsAppConfigurationException(property, "is required: " + what);
    }
    rejectPlaceholder(property, value, what);
    return value.strip();
  }

  /**
   * Returns an optional value stripped, or {@code null} when it is absent or blank; fails, naming
   * the property, when it still holds an unresolved {@code ${...}} placeholder.
   */
  public static String optional(String property, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    rejectPlaceholder(property, value, "set it, or remove it");
    return value.strip();
  }

  private static void rejectPlaceholder(String property, String value, String what) {
    int start = value.indexOf("${");
    if (start < 0) {
      return;
    }
    int end = value.indexOf('}', start);
    String name = end < 0 ? "" : value.substring(start + 2, end);
    int colon = name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    // Only a plain variable name is quoted: anything else could be part of a secret.
    String quoted =
        name.matches("[A-Za-z_][A-Za-z0-9_.\\-]{0,100}")
            ? "the placeholder ${"
                + name
                + "}, which nothing resolved: set the environment"
                + " variable or property "
                + name
                + ", or replace the placeholder"
            : "a ${...} placeholder that nothing resolved";
    throw new WhatsAppConfigurationException(
        property, "is required, but its value is " + quoted + "; " + what);
  }

  /**
   * Runs a builder setter for a non-secret property; an {@link IllegalArgumentException} becomes a
   * configuration failure that names the property and keeps the builder's reason.
   */
  public static void apply(String property, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      throw new WhatsAppConfigurationException(property, "is invalid: " + e.getMessage());
    }
  }

  /**
   * Runs a builder setter for a secret property; a rejection becomes a configuration failure that
   * names the property and a fixed reason, never the builder's message, which could quote the
   * value.
   */
  public static void applySecret(String property, String reason, Runnable setter) {
    try {
      setter.run();
    } catch (IllegalArgumentException e) {
      throw new WhatsAppConfigurationException(property, "is invalid: " + reason);
    }
  }

  /** Returns a positive duration, or fails naming the property. */
  public static Duration positive(String property, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new WhatsAppConfigurationException(
          property, "must be a positive duration, such as 10s, but was " + value);
    }
    return value;
  }

  /** Returns a duration that is zero or positive, or fails naming the property. */
  public static Duration notNegative(String property, Duration value) {
    if (value == null || value.isNegative()) {
      throw new WhatsAppConfigurationException(
          property, "must be zero or a positive duration, but was " + value);
    }
    return value;
  }

  /** Returns a value of at least {@code min}, or fails naming the property. */
  public static int atLeast(String property, int value, int min) {
    if (value < min) {
      throw new WhatsAppConfigurationException(
          property, "must be at least " + min + ", but was " + value);
    }
    return value;
  }
}
