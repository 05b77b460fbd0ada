package dev.wasdk.sender;

import dev.wasdk.internal.text.Values;
import dev.wasdk.message.TemplateCategory;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry in a user's consent history: an opt-in or an opt-out, where it came from, when, and the
 * evidence for it. A {@link ConsentStore} keeps these in the order they were recorded; the user's
 * current consent is what the history adds up to, so nothing is ever overwritten.
 *
 * <pre>{@code
 * ConsentRecord in = ConsentRecord.optIn(TemplateCategory.MARKETING, ConsentSource.DOUBLE_OPT_IN,
 *     "confirmed by button", "wamid.HBgL...", Instant.now());
 * }</pre>
 *
 * <p>Instances are immutable. {@code toString()} prints no phone number: a record does not hold
 * one.
 *
 * @param kind an opt-in or an opt-out
 * @param category the template category it is about; opt-outs are about {@link
 *     TemplateCategory#MARKETING}
 * @param source where it came from
 * @param detail a short free-text note, such as the sign-up form's name; may be empty
 * @param evidence the id of the inbound message or webhook that carried it, when there was one
 * @param at when it happened
 */
public record ConsentRecord(
    Kind kind,
    TemplateCategory category,
    ConsentSource source,
    String detail,
    Optional<String> evidence,
    Instant at) {

  /** An opt-in or an opt-out. */
  public enum Kind {
    /** The user agreed to receive the category. */
    OPT_IN,
    /** The user asked not to receive the category. */
    OPT_OUT
  }

  /** Checks the arguments. */
  public ConsentRecord {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(at, "at");
  }

  /**
   * Returns an opt-in.
   *
   * @param category what the user agreed to receive
   * @param source where it came from
   * @param detail a short note, such as the sign-up form's name
   * @param evidence the inbound message id that carried it, or {@code null}
   * @param at when
   * @return the record
   */
  public static ConsentRecord optIn(
      TemplateCategory category, ConsentSource source, String detail, String evidence, Instant at) {
    return new ConsentRecord(
        Kind.OPT_IN, category, source, detail, Optional.ofNullable(evidence), at);
  }

  /**
   * Returns an opt-out from marketing.
   *
   * @param source where it came from
   * @param detail a short note, such as the keyword the user sent
   * @param evidence the inbound message id that carried it, or {@code null}
   * @param at when
   * @return the record
   */
  public static ConsentRecord optOut(
      ConsentSource source, String detail, String evidence, Instant at) {
    return new ConsentRecord(
        Kind.OPT_OUT,
        TemplateCategory.MARKETING,
        source,
        detail,
        Optional.ofNullable(evidence),
        at);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
