package dev.wasdk.template;

import dev.wasdk.internal.text.OpenEnums;

/** The format of a template header. */
public enum HeaderFormat {
  /** Text, with at most one variable. */
  TEXT,
  /** An image (JPEG or PNG), given at send time. */
  IMAGE,
  /** A video, given at send time. */
  VIDEO,
  /** A document (PDF), given at send time. */
  DOCUMENT,
  /** A location, given at send time. */
  LOCATION,
  /** A product, for product templates and carousel cards. */
  PRODUCT,
  /** A format this version does not know. */
  UNKNOWN;

  /**
   * Returns the format Meta names, in any case; {@link #UNKNOWN} for null or a new value.
   *
   * @param value such as {@code IMAGE}
   * @return the format, never null
   */
  public static HeaderFormat of(String value) {
    return OpenEnums.parse(HeaderFormat.class, value, UNKNOWN);
  }
}
