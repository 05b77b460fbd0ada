package dev.wasdk.client;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A messaging-limit tier: how many unique users a business portfolio may reach outside the
 * customer-service window in a rolling 24 hours.
 *
 * <p>Meta reports tiers as strings ({@code TIER_250}, {@code TIER_2K}, …, {@code TIER_UNLIMITED})
 * and, in some webhooks, as plain numbers ({@code 2000}, {@code -1} for unlimited). {@link
 * #of(String)} accepts both. Values this version does not know are kept, with their raw name, and a
 * limit is derived when the name has the {@code TIER_<n>K} shape. The legacy {@code TIER_1K}
 * (replaced by 2,000 in October 2025) is accepted.
 *
 * <p>Instances are immutable and thread-safe. Compare with {@link #equals(Object)}.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits">Messaging
 *     limits</a>
 */
public final class MessagingTier {
  /** 50 unique users (seen in phone-number quality webhooks). */
  public static final MessagingTier TIER_50 = new MessagingTier("TIER_50", 50);

  /** 250 unique users: a new business portfolio. */
  public static final MessagingTier TIER_250 = new MessagingTier("TIER_250", 250);

  /** 1,000 unique users: the legacy step, replaced by {@link #TIER_2K} in October 2025. */
  public static final MessagingTier TIER_1K = new MessagingTier("TIER_1K", 1_000);

  /** 2,000 unique users. */
  public static final MessagingTier TIER_2K = new MessagingTier("TIER_2K", 2_000);

  /** 10,000 unique users. */
  public static final MessagingTier TIER_10K = new MessagingTier("TIER_10K", 10_000);

  /** 100,000 unique users. */
  public static final MessagingTier TIER_100K = new MessagingTier("TIER_100K", 100_000);

  /** No limit on unique users. */
  public static final MessagingTier TIER_UNLIMITED = new MessagingTier("TIER_UNLIMITED", -1);

  /** Meta has not set a tier yet; no limit is known. */
  public static final MessagingTier TIER_NOT_SET = new MessagingTier("TIER_NOT_SET", -2);

  private static final MessagingTier[] KNOWN = {
    TIER_50, TIER_250, TIER_1K, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED, TIER_NOT_SET
  };
  private static final Pattern TIER_K = Pattern.compile("TIER_(\\d{1,9})(K?)");

  private final String name;
  private final long limit; // -1 unlimited, -2 unknown

  private MessagingTier(String name, long limit) {
    this.name = name;
    this.limit = limit;
  }

  /**
   * Returns the tier for a value as Meta sends it: a tier name such as {@code TIER_2K}, or a number
   * such as {@code 2000} ({@code -1} means unlimited). Unknown names are kept as they are.
   *
   * @param value the raw value; not blank
   * @return the tier; never null
   * @throws IllegalArgumentException if the value is blank
   */
  public static MessagingTier of(String value) {
    Objects.requireNonNull(value, "value");
    String v = value.trim().toUpperCase(Locale.ROOT);
    if (v.isEmpty()) {
      throw new IllegalArgumentException("messaging tier must not be blank");
    }
    for (MessagingTier t : KNOWN) {
      if (t.name.equals(v)) {
        return t;
      }
    }
    if (v.equals("UNLIMITED") || v.equals("-1")) {
      return TIER_UNLIMITED;
    }
    if (v.chars().allMatch(Character::isDigit) && v.length() <= 12) {
      return ofLimit(Long.parseLong(v));
    }
    Matcher m = TIER_K.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1)) * (m.group(2).isEmpty() ? 1 : 1_000);
      return new MessagingTier(v, n);
    }
    return new MessagingTier(v, -2);
  }

  /**
   * Returns the tier whose limit is {@code uniqueUsers}, or a new tier named {@code TIER_<n>} when
   * no named tier has that limit. {@code -1} means unlimited.
   *
   * @param uniqueUsers the number of unique users per rolling 24 hours, or -1 for unlimited
   * @return the tier
   */
  public static MessagingTier ofLimit(long uniqueUsers) {
    if (uniqueUsers == -1) {
      return TIER_UNLIMITED;
    }
    if (uniqueUsers <= 0) {
      throw new IllegalArgumentException("a tier limit must be positive or -1, was " + uniqueUsers);
    }
    for (MessagingTier t : KNOWN) {
      if (t.limit == uniqueUsers) {
        return t;
      }
    }
    return new MessagingTier("TIER_" + uniqueUsers, uniqueUsers);
  }

  /** Returns the tier's name as Meta spells it, such as {@code TIER_2K}. */
  public String name() {
    return name;
  }

  /**
   * Returns the number of unique users reachable in a rolling 24 hours, or empty when the tier is
   * unlimited or its limit is not known.
   */
  public OptionalLong uniqueUsersPer24Hours() {
    return limit > 0 ? OptionalLong.of(limit) : OptionalLong.empty();
  }

  /** Returns whether the tier puts no limit on unique users. */
  public boolean isUnlimited() {
    return limit == -1;
  }

  /** Returns whether this version of wasdk knows the tier by name. */
  public boolean isKnown() {
    for (MessagingTier t : KNOWN) {
      if (t == this) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessagingTier t && t.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
