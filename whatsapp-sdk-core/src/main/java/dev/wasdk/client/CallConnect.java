package dev.wasdk.client;

import dev.wasdk.message.Recipient;
import java.util.Objects;
import java.util.Optional;

/**
 * A business-initiated call to place: who to call, the business's SDP offer, and optional data that
 * Meta echoes in the call's webhooks. The user must have granted call permission first (see {@link
 * CallsApi#permission(String)}).
 *
 * <pre>{@code
 * CallConnect call = CallConnect.to(Recipient.waId("14085551234"), myMediaStack.offer())
 *     .withCallbackData("order-1234");
 * String callId = wa.calls().connect(call);
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} masks the number and leaves out the SDP.
 */
public final class CallConnect {
  private final Recipient to;
  private final String sdpOffer;
  private final Optional<String> bizOpaqueCallbackData;

  private CallConnect(Recipient to, String sdpOffer, Optional<String> bizOpaqueCallbackData) {
    this.to = to;
    this.sdpOffer = sdpOffer;
    this.bizOpaqueCallbackData = bizOpaqueCallbackData;
  }

  /**
   * Returns a call to a user with the business's SDP offer.
   *
   * @param to the user: a phone number, a WhatsApp id or a business-scoped user id; not a group
   * @param sdpOffer the SDP offer (RFC 8866 text) from the business's media stack
   * @return the call
   * @throws IllegalArgumentException if the recipient is a group or the SDP is not SDP text
   */
  public static CallConnect to(Recipient to, String sdpOffer) {
    Objects.requireNonNull(to, "to");
    if (to.kind() == Recipient.Kind.GROUP) {
      throw new IllegalArgumentException("calls cannot be placed to a group");
    }
    return new CallConnect(to, CallSession.sdp("sdpOffer", sdpOffer), Optional.empty());
  }

  /**
   * Returns a copy that carries data Meta echoes in this call's webhooks.
   *
   * @param bizOpaqueCallbackData up to 512 characters
   * @return the copy
   */
  public CallConnect withCallbackData(String bizOpaqueCallbackData) {
    return new CallConnect(
        to, sdpOffer, Optional.of(CallSession.callbackData(bizOpaqueCallbackData)));
  }

  /** Returns the user to call. */
  public Recipient to() {
    return to;
  }

  /** Returns the SDP offer. */
  public String sdpOffer() {
    return sdpOffer;
  }

  /** Returns the data Meta echoes in the call's webhooks, when set. */
  public Optional<String> bizOpaqueCallbackData() {
    return bizOpaqueCallbackData;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CallConnect c
        && c.to.equals(to)
        && c.sdpOffer.equals(sdpOffer)
        && c.bizOpaqueCallbackData.equals(bizOpaqueCallbackData);
  }

  @Override
  public int hashCode() {
    return Objects.hash(to, sdpOffer, bizOpaqueCallbackData);
  }

  @Override
  public String toString() {
    return "CallConnect[to="
        + to
        + ", sdpOffer="
        + sdpOffer.length()
        + " chars"
        + (bizOpaqueCallbackData.isPresent() ? ", bizOpaqueCallbackData present" : "")
        + "]";
  }
}
