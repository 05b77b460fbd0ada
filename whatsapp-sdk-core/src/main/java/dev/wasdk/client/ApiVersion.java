package dev.wasdk.client;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Graph API version, such as {@code v24.0}, the first segment of every request path.
 *
 * <p>The {@link #DEFAULT default} is {@link #V24_0}. It is the newest version whose behaviour
 * changes this SDK encodes and is tested against: from v24.0, status webhooks omit {@code
 * conversation} outside free-entry-point windows, phone numbers report the portfolio-level {@code
 * whatsapp_business_manager_messaging_limit}, and template listing can fail with 131059 on a bad
 * cursor. Meta supports v24.0 until 18 February 2028. {@link #V25_0} (supported until 29 July 2028)
 * and any later version can be chosen with {@code WhatsAppClient.builder().apiVersion(...)}; wasdk
 * reads responses tolerantly, so a newer version's extra fields do no harm.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param value the version as it appears in the path, such as {@code v24.0}
 * @see <a href="https://developers.facebook.com/docs/graph-api/changelog/versions">Graph API
 *     versions</a>
 */
public record ApiVersion(String value) implements Comparable<ApiVersion> {
  private static final Pattern FORMAT = Pattern.compile("v(\\d{1,3})\\.(\\d{1,3})");

  /** Graph API v23.0 (May 2025; the version of Meta's published OpenAPI spec). */
  public static final ApiVersion V23_0 = new ApiVersion("v23.0");

  /** Graph API v24.0 (October 2025). */
  public static final ApiVersion V24_0 = new ApiVersion("v24.0");

  /** Graph API v25.0 (February 2026). */
  public static final ApiVersion V25_0 = new ApiVersion("v25.0");

  /** Graph API v26.0 (July 2026). */
  public static final ApiVersion V26_0 = new ApiVersion("v26.0");

  /** The version a client uses unless told otherwise: {@link #V24_0}. */
  public static final ApiVersion DEFAULT = V24_0;

  /**
   * Checks the format.
   *
   * @throws IllegalArgumentException unless the value is {@code v}, a major number, a dot and a
   *     minor number
   */
  public ApiVersion {
    Objects.requireNonNull(value, "value");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "Graph API version must look like v24.0, but was '" + value + "'");
    }
  }

  /**
   * Returns a version from its text; the leading {@code v} may be left out ({@code "25.0"}).
   *
   * @param version such as {@code v25.0} or {@code 25.0}
   * @return the version
   * @throws IllegalArgumentException if the text is not a version
   */
  public static ApiVersion of(String version) {
    Objects.requireNonNull(version, "version");
    String v = version.trim();
    return new ApiVersion(v.startsWith("v") ? v : "v" + v);
  }

  /** Returns the major number, such as 24 for {@code v24.0}. */
  public int major() {
    return part(1);
  }

  /** Returns the minor number, such as 0 for {@code v24.0}. */
  public int minor() {
    return part(2);
  }

  /**
   * Returns whether this version is the same as or newer than another.
   *
   * @param other the version to compare with
   * @return true if this version is at least {@code other}
   */
  public boolean isAtLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  /** Orders versions by major, then minor number. */
  @Override
  public int compareTo(ApiVersion o) {
    int c = Integer.compare(major(), o.major());
    return c != 0 ? c : Integer.compare(minor(), o.minor());
  }

  /** Returns the value, such as {@code v24.0}. */
  @Override
  public String toString() {
    return value;
  }

  private int part(int group) {
    Matcher m = FORMAT.matcher(value);
    m.matches();
    return Integer.parseInt(m.group(group));
  }
}
