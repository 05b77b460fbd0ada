package dev.wasdk.testkit;

import dev.wasdk.testkit.internal.CallingEndpoints;
import java.util.Objects;
import java.util.Optional;

/**
 * Plays the user's side of WhatsApp calls against the simulator, with the signed {@code calls} and
 * {@code messages} webhooks Meta sends: a user calls the business, answers or declines a
 * business-initiated call, hangs up, and answers a call-permission request. Get it from {@link
 * WhatsAppSimulator#calls()}. The simulator answers the business's {@code /calls}, {@code
 * /call_permissions} and {@code /settings} requests; no media flows, SDP is opaque text.
 *
 * <pre>{@code
 * String callId = sim.calls().userCalls("+16505551234", SimulatedCalls.USER_SDP);
 * // the business's webhook handler gets the connect event and calls wa.calls().accept(...)
 * sim.calls().userHangsUp(callId); // terminate webhook, with the duration
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class SimulatedCalls {
  /** An SDP text the simulated user's phone offers or answers with. */
  public static final String USER_SDP = CallingEndpoints.USER_SDP;

  private final CallingEndpoints calling;
  private final String phoneNumberId;

  SimulatedCalls(CallingEndpoints calling, String phoneNumberId) {
    this.calling = calling;
    this.phoneNumberId = phoneNumberId;
  }

  /**
   * A user calls the business; a {@code connect} webhook carries the user's SDP offer.
   *
   * @param from the user's phone number, such as {@code +16505551234}
   * @param sdpOffer the SDP offer, such as {@link #USER_SDP}
   * @return the call id
   */
  public String userCalls(String from, String sdpOffer) {
    Objects.requireNonNull(sdpOffer, "sdpOffer");
    return calling.userCalls(phoneNumberId, from, sdpOffer);
  }

  /**
   * The user picks up a business-initiated call: a status webhook {@code ACCEPTED}.
   *
   * @param callId the call id
   */
  public void userAccepts(String callId) {
    calling.userAccepts(callId);
  }

  /**
   * The user declines a business-initiated call: status {@code REJECTED}, then {@code terminate}.
   *
   * @param callId the call id
   */
  public void userRejects(String callId) {
    calling.userRejects(callId);
  }

  /**
   * The user hangs up: a {@code terminate} webhook, with the duration when the call was connected.
   *
   * @param callId the call id
   */
  public void userHangsUp(String callId) {
    calling.userHangsUp(callId);
  }

  /**
   * The user answers a call-permission request: an interactive {@code call_permission_reply}
   * message. An accepted temporary permission lasts 7 days.
   *
   * @param from the user's phone number
   * @param requestWamid the id of the permission request message
   * @param accept whether the user allows calls
   * @param permanent whether the permission is permanent
   * @return the reply's message id
   */
  public String userRepliesToPermissionRequest(
      String from, String requestWamid, boolean accept, boolean permanent) {
    return calling.userRepliesToPermissionRequest(
        phoneNumberId, from, requestWamid, accept, permanent);
  }

  /**
   * Returns the state of a call: {@code RINGING}, {@code PRE_ACCEPTED}, {@code ACCEPTED} or {@code
   * ENDED}.
   *
   * @param callId the call id
   * @return the state, or empty for an unknown call
   */
  public Optional<String> state(String callId) {
    return calling.call(callId).map(CallingEndpoints.Call::state);
  }

  /**
   * Returns the SDP the business sent for a call (its offer or answer).
   *
   * @param callId the call id
   * @return the SDP, or empty when none was sent
   */
  public Optional<String> businessSdp(String callId) {
    return calling.call(callId).flatMap(CallingEndpoints.Call::businessSdp);
  }
}
