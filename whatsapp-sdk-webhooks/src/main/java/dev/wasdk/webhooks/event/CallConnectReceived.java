package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call is being set up ({@code calls} field, {@code event: connect}). For a call the user
 * started, it carries the user's SDP offer: answer within 30 to 60 seconds with {@code pre_accept}
 * or {@code accept} and your SDP answer, or {@code reject}. For a call the business started, it
 * carries Meta's SDP answer to your offer: apply it to your media stack.
 *
 * <pre>{@code
 * router.on(CallConnectReceived.class, c -> {
 *   if (c.direction() == CallDirection.USER_INITIATED) {
 *     String answer = media.answer(c.session().orElseThrow().sdp()); // your WebRTC stack
 *     calls.accept(c.callId(), answer);
 *   }
 * });
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its contact is the user's profile, when given
 * @param callId the call id ({@code wacid.…}), used as {@code call_id} in call actions; empty if
 *     absent
 * @param from the caller ({@code from}, {@code from_user_id}, {@code from_parent_user_id})
 * @param to the callee ({@code to}, {@code to_user_id}, {@code to_parent_user_id})
 * @param timestamp when it happened; {@link Instant#EPOCH} if unreadable
 * @param rawDirection who started the call, as sent; {@link #direction()} reads it
 * @param session the SDP offer (user-initiated) or answer (business-initiated), if given
 * @param deeplinkPayload the {@code biz_payload} of the {@code wa.me/call} link the user followed
 * @param ctaPayload the payload of the call button the user tapped
 * @param bizOpaqueCallbackData the tracking string the business set on {@code connect}
 * @param rawJson the raw JSON of the call ({@code value.calls[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/calling/reference">Calling
 *     API reference</a>
 */
public record CallConnectReceived(
    EventContext context,
    String callId,
    UserRef from,
    UserRef to,
    Instant timestamp,
    String rawDirection,
    Optional<CallSession> session,
    Optional<String> deeplinkPayload,
    Optional<String> ctaPayload,
    Optional<String> bizOpaqueCallbackData,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public CallConnectReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(rawDirection, "rawDirection");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(deeplinkPayload, "deeplinkPayload");
    Objects.requireNonNull(ctaPayload, "ctaPayload");
    Objects.requireNonNull(bizOpaqueCallbackData, "bizOpaqueCallbackData");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns who started the call; {@link CallDirection#UNKNOWN} when absent or not known. */
  public CallDirection direction() {
    return CallDirection.of(rawDirection);
  }

  /** Returns the user's side of the call: the caller if the user called, else the callee. */
  public UserRef user() {
    return direction() == CallDirection.BUSINESS_INITIATED ? to : from;
  }

  /** Returns {@code "calls:" + callId + ":connect"}; empty when the payload has no call id. */
  @Override
  public Optional<String> dedupeKey() {
    return callId.isEmpty() ? Optional.empty() : Optional.of("calls:" + callId + ":connect");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
