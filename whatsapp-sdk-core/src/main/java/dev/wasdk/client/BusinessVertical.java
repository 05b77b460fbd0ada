package dev.wasdk.client;

import dev.wasdk.internal.text.OpenEnums;

/** The industry of a business profile. */
public enum BusinessVertical {
  /** Alcoholic beverages. */
  ALCOHOL,
  /** Clothing and apparel. */
  APPAREL,
  /** Automotive. */
  AUTO,
  /** Beauty, spa and salon. */
  BEAUTY,
  /** Education. */
  EDU,
  /** Entertainment. */
  ENTERTAIN,
  /** Event planning and service. */
  EVENT_PLAN,
  /** Finance and banking. */
  FINANCE,
  /** Public service. */
  GOVT,
  /** Food and grocery. */
  GROCERY,
  /** Medical and health. */
  HEALTH,
  /** Hotel and lodging. */
  HOTEL,
  /** Non-profit. */
  NONPROFIT,
  /** Online gambling and gaming. */
  ONLINE_GAMBLING,
  /** Over-the-counter drugs. */
  OTC_DRUGS,
  /** Other. */
  OTHER,
  /** Non-online gambling and gaming. */
  PHYSICAL_GAMBLING,
  /** Professional services. */
  PROF_SERVICES,
  /** Restaurant. */
  RESTAURANT,
  /** Shopping and retail. */
  RETAIL,
  /** Travel and transportation. */
  TRAVEL,
  /** No industry set (Meta's empty string). */
  NOT_SET,
  /** An industry this version does not know. */
  UNKNOWN;

  /** Returns the value as Meta writes it; the empty string for {@link #NOT_SET}. */
  public String wireValue() {
    return this == NOT_SET ? "" : name();
  }

  /**
   * Returns the vertical Meta names; {@link #NOT_SET} for null or empty, {@link #UNKNOWN} for a new
   * value.
   *
   * @param value such as {@code RETAIL}
   * @return the vertical, never null
   */
  public static BusinessVertical of(String value) {
    // Meta writes an unset vertical as "" (or leaves it out): a documented value, not an unknown
    // one.
    if (value == null || value.isBlank()) {
      return NOT_SET;
    }
    BusinessVertical v = OpenEnums.parse(BusinessVertical.class, value, UNKNOWN);
    return v == NOT_SET ? UNKNOWN : v;
  }
}
