package dev.wasdk.message;

import java.util.Objects;
import java.util.Optional;

/**
 * The parts every message shares: the recipient and the options that apply to any kind.
 *
 * <p>Instances are immutable and thread-safe. {@link Message#to(String)} builds one; most users
 * never create it directly.
 */
public final class Envelope {
  private final Recipient recipient;
  private final String replyTo;
  private final String bizOpaqueCallbackData;
  private final String recipientIdentityKeyHash;

  Envelope(
      Recipient recipient,
      String replyTo,
      String bizOpaqueCallbackData,
      String recipientIdentityKeyHash) {
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.replyTo = replyTo;
    this.bizOpaqueCallbackData = bizOpaqueCallbackData;
    this.recipientIdentityKeyHash = recipientIdentityKeyHash;
  }

  /**
   * Returns an envelope with only a recipient.
   *
   * @param recipient the recipient
   * @return the envelope
   */
  public static Envelope of(Recipient recipient) {
    return new Envelope(recipient, null, null, null);
  }

  /** Returns the recipient. */
  public Recipient recipient() {
    return recipient;
  }

  /** Returns the id ({@code wamid}) of the message this one quotes ({@code context.message_id}). */
  public Optional<String> replyTo() {
    return Optional.ofNullable(replyTo);
  }

  /** Returns the data echoed back in this message's status webhooks. */
  public Optional<String> bizOpaqueCallbackData() {
    return Optional.ofNullable(bizOpaqueCallbackData);
  }

  /** Returns the identity-key hash guard: Meta refuses the send if the user's identity changed. */
  public Optional<String> recipientIdentityKeyHash() {
    return Optional.ofNullable(recipientIdentityKeyHash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Envelope e
        && e.recipient.equals(recipient)
        && Objects.equals(e.replyTo, replyTo)
        && Objects.equals(e.bizOpaqueCallbackData, bizOpaqueCallbackData)
        && Objects.equals(e.recipientIdentityKeyHash, recipientIdentityKeyHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(recipient, replyTo, bizOpaqueCallbackData, recipientIdentityKeyHash);
  }

  @Override
  public String toString() {
    return "Envelope[recipient="
        + recipient
        + (replyTo != null ? ", replyTo=" + replyTo : "")
        + (bizOpaqueCallbackData != null ? ", bizOpaqueCallbackData=<set>" : "")
        + "]";
  }
}
