package dev.wasdk.sender;

import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link MessageSender}, its {@link ServiceWindowTracker} and its {@link
 * ConsentRegistry} hold about one user, for a data-access request ({@link
 * MessageSender#exportUser}).
 *
 * @param user the user's key: the WhatsApp id without {@code +}, or the business-scoped user id
 * @param lastInbound the time of the user's last recorded inbound message
 * @param consent the user's opt-ins, opt-outs and marketing hold
 * @param queuedMessages how many messages to the user wait in the queue
 * @param pairBackoffUntil until when sends to the user are held after a 131056
 */
public record UserData(
    String user,
    Optional<Instant> lastInbound,
    Optional<ConsentRegistry.UserConsent> consent,
    int queuedMessages,
    Optional<Instant> pairBackoffUntil) {

  /** Checks the arguments. */
  public UserData {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(lastInbound, "lastInbound");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(pairBackoffUntil, "pairBackoffUntil");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
