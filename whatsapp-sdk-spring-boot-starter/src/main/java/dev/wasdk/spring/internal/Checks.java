package dev.wasdk.spring.internal;

import dev.wasdk.spring.WhatsAppConfigurationException;
import java.time.Duration;

/**
 * Turns missing or rejected property values into {@link WhatsAppConfigurationException}s that name
 * the property. Values of secret properties never reach a message.
 */
public final class Checks {
  private Checks() {}

  /** Returns a non-blank value, or fails naming the property and how to set it. */
  public static String required(String property, String value, String what) {
    if (value == null || value.isBlank()) {
      throw new WhatsAppConfigurationException(property, "is required: " + what);
    }
    return value.strip();
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
