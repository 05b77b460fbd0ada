package dev.wasdk.client;

import dev.wasdk.internal.text.Redact;
import java.util.Objects;
import java.util.Optional;

/**
 * What Meta returned for an accepted message.
 *
 * <p>Acceptance is not delivery: whether the message was sent, delivered, read or failed arrives
 * later in status webhooks, keyed by {@link #wamid()}.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} masks the phone numbers.
 *
 * @param wamid the message id ({@code messages[0].id}), such as {@code wamid.HBgL...}
 * @param input the recipient as sent ({@code contacts[0].input}); the recipient value that was sent
 *     when Meta's response leaves it out
 * @param waId the recipient's WhatsApp id ({@code contacts[0].wa_id}); may differ from the input,
 *     and may be absent for sends to a business-scoped user id
 * @param userId the recipient's business-scoped user id ({@code contacts[0].user_id}), when
 *     returned
 * @param messageStatus {@code messages[0].message_status}, returned for template sends
 * @param groupId {@code messages[0].group_id}, returned for group sends
 */
public record SendResult(
    String wamid,
    String input,
    Optional<String> waId,
    Optional<String> userId,
    Optional<MessageStatus> messageStatus,
    Optional<String> groupId) {

  /** Checks that no component is null. */
  public SendResult {
    Objects.requireNonNull(wamid, "wamid");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(waId, "waId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(messageStatus, "messageStatus");
    Objects.requireNonNull(groupId, "groupId");
  }

  /** Returns the result with the input and WhatsApp id masked. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("SendResult[wamid=").append(wamid);
    b.append(", input=").append(Redact.mask(input));
    waId.ifPresent(w -> b.append(", waId=").append(Redact.mask(w)));
    userId.ifPresent(u -> b.append(", userId=").append(u));
    messageStatus.ifPresent(s -> b.append(", messageStatus=").append(s));
    groupId.ifPresent(g -> b.append(", groupId=").append(g));
    return b.append(']').toString();
  }
}
