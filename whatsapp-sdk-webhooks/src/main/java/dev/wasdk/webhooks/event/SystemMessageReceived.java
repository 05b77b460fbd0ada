package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change WhatsApp reports about a user ({@code type: system}): the user changed their phone
 * number ({@code user_changed_number}), their business-scoped user id changed ({@code
 * user_changed_user_id}, from 2026), or their identity key changed ({@code
 * customer_identity_changed}). Update whatever you key by the old ids.
 *
 * <pre>{@code
 * if (e instanceof SystemMessageReceived s
 *     && s.systemType() == SystemMessageType.USER_CHANGED_NUMBER) {
 *   customers.rename(s.sender(), s.newUser());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares; {@code from} holds the old id
 * @param rawSystemType the system message type as sent ({@code system.type}); empty if absent
 * @param body the human-readable description, if any
 * @param newUser the user's new ids ({@code system.wa_id}, {@code system.user_id}, {@code
 *     system.parent_user_id}), as far as the payload gives them
 * @param identity the identity details, for {@code customer_identity_changed}
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record SystemMessageReceived(
    EventContext context,
    MessageHeader header,
    String rawSystemType,
    Optional<String> body,
    UserRef newUser,
    Optional<IdentityChange> identity,
    String rawJson)
    implements MessageReceived {

  /** Checks that no component is null. */
  public SystemMessageReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(rawSystemType, "rawSystemType");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(newUser, "newUser");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the system message type; {@link SystemMessageType#UNKNOWN} for new values. */
  public SystemMessageType systemType() {
    return SystemMessageType.of(rawSystemType);
  }

  /**
   * A user's identity-key change, as sent with {@code customer_identity_changed}.
   *
   * @param acknowledged whether the change was acknowledged
   * @param createdAt when the new identity was created, if given
   * @param hash the new identity key hash, if given
   */
  public record IdentityChange(
      boolean acknowledged, Optional<Instant> createdAt, Optional<String> hash) {
    /** Checks that no component is null. */
    public IdentityChange {
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(hash, "hash");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
