package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A WhatsApp user's profile as a webhook reports it ({@code value.contacts[]}).
 *
 * <p>From 2026 a user with a username may come without a phone-based {@code wa_id}; the
 * business-scoped user id ({@code user_id}, "BSUID") is then the way to recognize them.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the profile name the user chose, if shared
 * @param username the user's WhatsApp username, if they have one
 * @param waId the user's WhatsApp id (usually the phone number in international format), if shown
 * @param userId the business-scoped user id, such as {@code US.13491208655302741918}
 * @param parentUserId the parent business-scoped user id, for linked business portfolios
 * @param identityKeyHash the hash of the user's identity key, when identity checks are enabled
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/business-scoped-user-ids">Business-scoped
 *     user IDs</a>
 */
public record ContactProfile(
    Optional<String> name,
    Optional<String> username,
    Optional<String> waId,
    Optional<String> userId,
    Optional<String> parentUserId,
    Optional<String> identityKeyHash) {

  /** Checks that no component is null. */
  public ContactProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(waId, "waId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(parentUserId, "parentUserId");
    Objects.requireNonNull(identityKeyHash, "identityKeyHash");
  }

  /** Returns the user's ids: the {@code wa_id} and the business-scoped ids. */
  public UserRef user() {
    return new UserRef(waId, userId, parentUserId);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
