package dev.wasdk.template;

import dev.wasdk.internal.text.OpenEnums;

/** The kind of one-time-password button of an authentication template. */
public enum OtpType {
  /** The user taps to copy the code. */
  COPY_CODE,
  /** The user taps to fill the code into an Android app. */
  ONE_TAP,
  /** The code reaches the Android app without a tap. */
  ZERO_TAP,
  /** A kind this version does not know. */
  UNKNOWN;

  /**
   * Returns the kind Meta names, in any case; {@link #UNKNOWN} for null or a new value.
   *
   * @param value such as {@code COPY_CODE}
   * @return the kind, never null
   */
  public static OtpType of(String value) {
    return OpenEnums.parse(OtpType.class, value, UNKNOWN);
  }
}
