package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.internal.text.Redact;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a message goes to: a phone number, a business-scoped user id (BSUID), or a group.
 *
 * <p>Phone numbers are normalized to E.164 with a leading {@code +}: spaces, dashes, dots and
 * parentheses are removed, and the result must be {@code +} followed by 7 to 15 digits. A number
 * without {@code +} is refused, because Meta would prepend the business number's own country code
 * and the message could reach the wrong person. A WhatsApp id taken from a webhook ({@code
 * 16505551234}) already holds the country code: use {@link #waId(String)}.
 *
 * <p>{@link #toString()} masks phone numbers, so a recipient can be logged safely.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Recipient {
  /** What a recipient's {@link #value()} identifies. */
  public enum Kind {
    /** An E.164 phone number, sent as {@code to}. */
    PHONE,
    /**
     * A business-scoped user id such as {@code US.13491208655302741918}, sent as {@code recipient}.
     */
    USER_ID,
    /** A WhatsApp group id, sent as {@code to} with {@code recipient_type: group}. */
    GROUP
  }

  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
  private static final Pattern FORMATTING = Pattern.compile("[\\s\\-().]");
  private static final Pattern USER_ID = Pattern.compile("[A-Z]{2}\\.[A-Za-z0-9]{1,128}");
  private static final Pattern DIGITS = Pattern.compile("[1-9]\\d{6,14}");

  private final Kind kind;
  private final String value;

  private Recipient(Kind kind, String value) {
    this.kind = kind;
    this.value = value;
  }

  /**
   * Returns a phone-number recipient.
   *
   * @param phoneNumber an E.164 number with a leading {@code +}; spaces, dashes, dots and
   *     parentheses are allowed and removed
   * @return the recipient
   * @throws InvalidMessageException if the number is not E.164
   */
  public static Recipient phone(String phoneNumber) {
    Objects.requireNonNull(phoneNumber, "phoneNumber");
    String normalized = FORMATTING.matcher(phoneNumber).replaceAll("");
    if (!E164.matcher(normalized).matches()) {
      String hint =
          DIGITS.matcher(normalized).matches()
              ? ". Digits without '+' are not taken as a number: to answer a webhook, use"
                  + " Message.replyTo(event) or Message.to(event); for a WhatsApp id (country code"
                  + " included, no '+'), use Recipient.waId(id); for a phone number, write '+' and"
                  + " the country code"
              : " (use Recipient.waId for a WhatsApp id without '+')";
      throw new InvalidMessageException(
          "to", "an E.164 phone number: '+' then 7 to 15 digits", describe(normalized) + hint);
    }
    return new Recipient(Kind.PHONE, normalized);
  }

  /**
   * Returns a phone-number recipient from a WhatsApp id as webhooks report it: the number with its
   * country code and no {@code +}, such as {@code 16505551234}.
   *
   * @param waId the WhatsApp id
   * @return the recipient
   * @throws InvalidMessageException if the id is not 7 to 15 digits
   */
  public static Recipient waId(String waId) {
    Objects.requireNonNull(waId, "waId");
    if (!DIGITS.matcher(waId).matches()) {
      throw new InvalidMessageException("to", "a WhatsApp id of 7 to 15 digits", describe(waId));
    }
    return new Recipient(Kind.PHONE, "+" + waId);
  }

  /**
   * Returns a business-scoped user id recipient (2026+), sent in the {@code recipient} field.
   *
   * @param userId a BSUID or parent BSUID: a two-letter country code, a dot and up to 128 letters
   *     and digits, such as {@code US.13491208655302741918}
   * @return the recipient
   * @throws InvalidMessageException if the id does not have that shape
   */
  public static Recipient userId(String userId) {
    Objects.requireNonNull(userId, "userId");
    if (!USER_ID.matcher(userId).matches()) {
      throw new InvalidMessageException(
          "recipient",
          "a business-scoped user id: 2 capital letters, '.', then 1 to 128 letters or digits",
          describe(userId));
    }
    return new Recipient(Kind.USER_ID, userId);
  }

  /**
   * Returns a group recipient.
   *
   * @param groupId the group id
   * @return the recipient
   * @throws InvalidMessageException if the id is blank
   */
  public static Recipient group(String groupId) {
    Objects.requireNonNull(groupId, "groupId");
    if (groupId.isBlank()) {
      throw new InvalidMessageException("to", "a non-blank group id", "blank");
    }
    return new Recipient(Kind.GROUP, groupId);
  }

  /**
   * Returns the recipient a string names: a business-scoped user id when it has that shape, else a
   * phone number.
   *
   * @param recipient an E.164 phone number or a business-scoped user id
   * @return the recipient
   * @throws InvalidMessageException if it is neither
   */
  public static Recipient parse(String recipient) {
    Objects.requireNonNull(recipient, "recipient");
    if (USER_ID.matcher(recipient).matches()) {
      return new Recipient(Kind.USER_ID, recipient);
    }
    return phone(recipient);
  }

  /** Returns what the value identifies. */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the value as it is sent: the normalized phone number, the user id or the group id. This
   * is personal data; do not log it.
   */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Recipient r && r.kind == kind && r.value.equals(value);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + value.hashCode();
  }

  /** Returns the kind and a masked value, such as {@code PHONE(+165*****234)}. */
  @Override
  public String toString() {
    return kind + "(" + Redact.mask(value) + ")";
  }

  private static String describe(String value) {
    return "'" + Redact.mask(value) + "' (" + value.length() + " characters)";
  }
}
