package dev.wasdk.campaigns;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Names the campaign, variant and recipient a message was sent for, in a compact string carried as
 * the message's {@code biz_opaque_callback_data}. Meta returns that string on every status webhook
 * of the message, so a status maps back to its send on any app instance and after any restart, with
 * no lookup table.
 *
 * <pre>{@code
 * TrackingTag tag = TrackingTag.of("spring-sale", "B", 1234);
 * Message m = Message.to("+16505551234").bizOpaqueCallbackData(tag.encode())
 *     .template("spring_sale_b", "en").build();
 * // later, from a status webhook:
 * Optional<TrackingTag> back = TrackingTag.decode(status.bizOpaqueCallbackData().orElse(""));
 * }</pre>
 *
 * <p><b>Format.</b> {@code wc1.<campaign>.<variant>.<index in base 36>.<check>}: a versioned
 * prefix, the campaign id (1 to 64 letters, digits, {@code _} or {@code -}), the variant (1 to 16
 * of the same), the recipient's index in the audience, and six base-36 characters of a CRC-32 over
 * the rest. The longest tag has 108 characters, well within Meta's limit of 512. {@link
 * #decode(String)} returns empty for data some other code set (another prefix or version) and for
 * data that was cut or altered (the check fails), so that a foreign tag is never counted against a
 * campaign.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param campaignId the campaign's id
 * @param variant the variant's name
 * @param index the recipient's position in the campaign's audience, from 0
 */
public record TrackingTag(String campaignId, String variant, long index) {
  /** The prefix of every tag of this format version. */
  public static final String PREFIX = "wc1.";

  /** The longest campaign id. */
  public static final int MAX_CAMPAIGN_ID = 64;

  /** The longest variant name. */
  public static final int MAX_VARIANT = 16;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final long CHECK_RANGE = 2_176_782_336L; // 36^6
  private static final int CHECK_LENGTH = 6;

  /** Checks the arguments. */
  public TrackingTag {
    checkId("campaignId", campaignId, MAX_CAMPAIGN_ID);
    checkId("variant", variant, MAX_VARIANT);
    if (index < 0) {
      throw new IllegalArgumentException("index must be 0 or more, was " + index);
    }
  }

  /**
   * Returns a tag.
   *
   * @param campaignId 1 to 64 letters, digits, {@code _} or {@code -}
   * @param variant 1 to 16 letters, digits, {@code _} or {@code -}
   * @param index the recipient's index, 0 or more
   * @return the tag
   * @throws IllegalArgumentException if an argument breaks these rules
   */
  public static TrackingTag of(String campaignId, String variant, long index) {
    return new TrackingTag(campaignId, variant, index);
  }

  /**
   * Returns the tag as the string to put in {@code biz_opaque_callback_data}.
   *
   * @return the encoded tag, at most 108 characters
   */
  public String encode() {
    String body = PREFIX + campaignId + '.' + variant + '.' + Long.toString(index, 36);
    return body + '.' + check(body);
  }

  /**
   * Reads a tag from {@code biz_opaque_callback_data}.
   *
   * @param data the callback data, may be null
   * @return the tag, or empty when the data is not a tag of this format or fails its check
   */
  public static Optional<TrackingTag> decode(String data) {
    if (data == null || !data.startsWith(PREFIX) || data.length() > 200) {
      return Optional.empty();
    }
    int lastDot = data.lastIndexOf('.');
    if (lastDot < 0 || data.length() - lastDot - 1 != CHECK_LENGTH) {
      return Optional.empty();
    }
    String body = data.substring(0, lastDot);
    if (!check(body).equals(data.substring(lastDot + 1))) {
      return Optional.empty();
    }
    String[] parts = body.substring(PREFIX.length()).split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      long index = Long.parseLong(parts[2], 36);
      return Optional.of(new TrackingTag(parts[0], parts[1], index));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads a tag, failing on anything else.
   *
   * @param data the callback data
   * @return the tag
   * @throws IllegalArgumentException if the data is not a valid tag; the message does not echo it
   */
  public static TrackingTag parse(String data) {
    Objects.requireNonNull(data, "data");
    return decode(data)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "not a campaign tracking tag ("
                        + data.length()
                        + " characters): expected the "
                        + PREFIX
                        + " prefix and a valid check"));
  }

  private static String check(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.US_ASCII));
    String s = Long.toString(crc.getValue() % CHECK_RANGE, 36);
    return "0".repeat(CHECK_LENGTH - s.length()) + s;
  }

  private static void checkId(String what, String value, int max) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.length() > max || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " must be 1 to "
              + max
              + " letters, digits, '_' or '-'; was "
              + value.length()
              + " characters: "
              + (value.length() <= max ? value : value.substring(0, max) + "…"));
    }
  }
}
