package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * The ids by which a webhook names a WhatsApp user: the phone-based WhatsApp id and, from 2026, the
 * business-scoped user id (BSUID) and its parent. Any of them may be missing; a username user may
 * come with only the BSUID.
 *
 * <pre>{@code
 * UserRef user = message.sender();
 * String key = user.primaryId().orElse("unknown");
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param waId the WhatsApp id, usually the phone number in international format without {@code +}
 * @param userId the business-scoped user id, such as {@code US.13491208655302741918}
 * @param parentUserId the parent business-scoped user id, for linked business portfolios
 */
public record UserRef(
    Optional<String> waId, Optional<String> userId, Optional<String> parentUserId) {
  private static final UserRef NONE =
      new UserRef(Optional.empty(), Optional.empty(), Optional.empty());

  /** Checks that no component is null. */
  public UserRef {
    Objects.requireNonNull(waId, "waId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(parentUserId, "parentUserId");
  }

  /** Returns a reference with no ids at all. */
  public static UserRef none() {
    return NONE;
  }

  /**
   * Returns a reference to a user known by WhatsApp id only.
   *
   * @param waId the WhatsApp id
   * @return the reference
   */
  public static UserRef ofWaId(String waId) {
    return new UserRef(Optional.of(waId), Optional.empty(), Optional.empty());
  }

  /**
   * Returns the id to key this user by: the WhatsApp id when known, else the business-scoped id,
   * else the parent business-scoped id. Empty when the payload named no id at all.
   */
  public Optional<String> primaryId() {
    if (waId.isPresent()) {
      return waId;
    }
    return userId.isPresent() ? userId : parentUserId;
  }

  /** Returns whether this reference names no id at all. */
  public boolean isEmpty() {
    return waId.isEmpty() && userId.isEmpty() && parentUserId.isEmpty();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
