package dev.wasdk.client;

import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.CallingJson;
import dev.wasdk.message.Recipient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Places, answers and ends voice calls through the Calling API ({@code /{phone-number-id}/calls}),
 * reads a user's call permission and reads and writes the number's calling settings. Get it from
 * {@link WhatsAppClient#calls()}.
 *
 * <pre>{@code
 * // A user calls: the "connect" webhook carries their SDP offer.
 * String answer = myMediaStack.answer(event.sdp());
 * wa.calls().preAccept(event.callId(), answer);
 * wa.calls().accept(event.callId(), answer);
 * // ... later, when the business hangs up:
 * wa.calls().terminate(event.callId());
 * }</pre>
 *
 * <p>wasdk does not carry media: the SDP offer and answer are opaque text passed between Meta and
 * the business's WebRTC stack, and media flows between that stack and WhatsApp. A business-
 * initiated call needs the user's call permission ({@link #permission(String)}), asked for with a
 * {@link dev.wasdk.message.CallPermissionRequestMessage}.
 *
 * <p>Call actions are not retried once the request may have reached Meta (a timeout, a broken
 * connection, a 5xx), since a resent {@code connect} would ring the user twice; they fail with
 * {@link RequestMaybeSentException} or the mapped API error. Reads and settings updates are retried
 * per the {@link RetryPolicy}. When SIP is enabled on the number, call actions are refused with
 * error 131055.
 *
 * <p>Thread-safe; share one instance.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/calling/reference">Calling
 *     API reference</a>
 */
public final class CallsApi {
  private final ManagementCalls calls;
  private final String phone;
  private final URI callsUri;

  CallsApi(ManagementCalls calls, String phoneNumberId) {
    this.calls = calls;
    this.phone = GraphTransport.segment(phoneNumberId);
    this.callsUri = calls.uri(phone + "/calls");
  }

  /**
   * Places a business-initiated call. The call's progress arrives in {@code calls} webhooks: a
   * {@code connect} with Meta's SDP answer, status events ({@code RINGING}, {@code ACCEPTED},
   * {@code REJECTED}) and a {@code terminate}.
   *
   * @param call who to call and the SDP offer
   * @return the call id, {@code wacid....}
   */
  public String connect(CallConnect call) {
    return calls.call(connectCall(call));
  }

  /** The async twin of {@link #connect(CallConnect)}. */
  public CompletableFuture<String> connectAsync(CallConnect call) {
    return calls.callAsync(connectCall(call));
  }

  private ManagementCalls.Call<String> connectCall(CallConnect call) {
    Objects.requireNonNull(call, "call");
    GraphRequest request =
        GraphRequest.json(
            "POST",
            callsUri,
            CallingJson.connect(call.to(), call.sdpOffer(), call.bizOpaqueCallbackData()),
            false,
            "connect call",
            null);
    return ManagementCalls.json(
        request,
        body -> {
          String id = CallingJson.callId(body);
          if (id.isEmpty()) {
            throw new RequestMaybeSentException(
                "connect call was answered without a call id; the call may have been placed",
                TransportFailure.UNREADABLE_RESPONSE,
                null);
          }
          return id;
        });
  }

  /**
   * Pre-accepts a user-initiated call with the business's SDP answer, so media can connect before
   * {@link #accept(String, String)}; recommended, as it shortens the time to first audio.
   *
   * @param callId the call id from the {@code connect} webhook
   * @param sdpAnswer the SDP answer; {@code accept} must then send the same one
   */
  public void preAccept(String callId, String sdpAnswer) {
    calls.call(answerCall("pre_accept", callId, sdpAnswer, Optional.empty()));
  }

  /** The async twin of {@link #preAccept(String, String)}. */
  public CompletableFuture<Void> preAcceptAsync(String callId, String sdpAnswer) {
    return calls.callAsync(answerCall("pre_accept", callId, sdpAnswer, Optional.empty()));
  }

  /**
   * Accepts a user-initiated call. Send media only after this returns. Meta gives 30 to 60 seconds
   * after the {@code connect} webhook; later, the user sees a missed call (error 138007).
   *
   * @param callId the call id from the {@code connect} webhook
   * @param sdpAnswer the SDP answer, the same as sent with {@link #preAccept(String, String)}
   */
  public void accept(String callId, String sdpAnswer) {
    calls.call(answerCall("accept", callId, sdpAnswer, Optional.empty()));
  }

  /** The async twin of {@link #accept(String, String)}. */
  public CompletableFuture<Void> acceptAsync(String callId, String sdpAnswer) {
    return calls.callAsync(answerCall("accept", callId, sdpAnswer, Optional.empty()));
  }

  /**
   * Accepts a user-initiated call with data that Meta echoes in the call's {@code terminate}
   * webhook.
   *
   * @param callId the call id from the {@code connect} webhook
   * @param sdpAnswer the SDP answer
   * @param bizOpaqueCallbackData up to 512 characters
   */
  public void accept(String callId, String sdpAnswer, String bizOpaqueCallbackData) {
    calls.call(
        answerCall(
            "accept",
            callId,
            sdpAnswer,
            Optional.of(CallSession.callbackData(bizOpaqueCallbackData))));
  }

  /** The async twin of {@link #accept(String, String, String)}. */
  public CompletableFuture<Void> acceptAsync(
      String callId, String sdpAnswer, String bizOpaqueCallbackData) {
    return calls.callAsync(
        answerCall(
            "accept",
            callId,
            sdpAnswer,
            Optional.of(CallSession.callbackData(bizOpaqueCallbackData))));
  }

  /**
   * Rejects a user-initiated call; a {@code terminate} webhook follows.
   *
   * @param callId the call id from the {@code connect} webhook
   */
  public void reject(String callId) {
    calls.call(endCall("reject", callId));
  }

  /** The async twin of {@link #reject(String)}. */
  public CompletableFuture<Void> rejectAsync(String callId) {
    return calls.callAsync(endCall("reject", callId));
  }

  /**
   * Ends a call the business hangs up. Call it even after the media stack sent its RTCP BYE, for
   * accurate billing; not needed when the user hung up.
   *
   * @param callId the call id
   */
  public void terminate(String callId) {
    calls.call(endCall("terminate", callId));
  }

  /** The async twin of {@link #terminate(String)}. */
  public CompletableFuture<Void> terminateAsync(String callId) {
    return calls.callAsync(endCall("terminate", callId));
  }

  private ManagementCalls.Call<Void> answerCall(
      String action, String callId, String sdpAnswer, Optional<String> callbackData) {
    byte[] body =
        CallingJson.onCall(
            action,
            CallSession.callId(callId),
            Optional.of(CallSession.sdp("sdpAnswer", sdpAnswer)),
            callbackData);
    return ManagementCalls.success(
        GraphRequest.json("POST", callsUri, body, false, action.replace('_', '-') + " call", null));
  }

  private ManagementCalls.Call<Void> endCall(String action, String callId) {
    byte[] body =
        CallingJson.onCall(action, CallSession.callId(callId), Optional.empty(), Optional.empty());
    return ManagementCalls.success(
        GraphRequest.json("POST", callsUri, body, false, action + " call", null));
  }

  /**
   * Returns a user's call permission and what the business may do next. The endpoint allows 5
   * requests a second (error 613 beyond); an unreachable user reads as no permission.
   *
   * @param userWaId the user's WhatsApp id, digits with the country code
   * @return the permission
   */
  public CallPermission permission(String userWaId) {
    return calls.call(permissionCall(Recipient.waId(Objects.requireNonNull(userWaId, "userWaId"))));
  }

  /** The async twin of {@link #permission(String)}. */
  public CompletableFuture<CallPermission> permissionAsync(String userWaId) {
    return calls.callAsync(
        permissionCall(Recipient.waId(Objects.requireNonNull(userWaId, "userWaId"))));
  }

  /**
   * Returns a user's call permission, the user given as a phone number or a business-scoped user
   * id.
   *
   * @param user the user; not a group
   * @return the permission
   */
  public CallPermission permission(Recipient user) {
    return calls.call(permissionCall(user));
  }

  /** The async twin of {@link #permission(Recipient)}. */
  public CompletableFuture<CallPermission> permissionAsync(Recipient user) {
    return calls.callAsync(permissionCall(user));
  }

  private ManagementCalls.Call<CallPermission> permissionCall(Recipient user) {
    Objects.requireNonNull(user, "user");
    Map<String, String> q = new LinkedHashMap<>();
    switch (user.kind()) {
      case USER_ID -> q.put("recipient", user.value());
      case PHONE -> q.put("user_wa_id", user.value().substring(1));
      default -> throw new IllegalArgumentException("call permissions are per user, not group");
    }
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(phone + "/call_permissions", q), "get call permission"),
        CallingJson::readPermission);
  }

  /**
   * Returns the number's calling settings.
   *
   * @return the settings; those Meta did not return are empty
   */
  public CallingSettings settings() {
    return calls.call(settingsCall(false));
  }

  /** The async twin of {@link #settings()}. */
  public CompletableFuture<CallingSettings> settingsAsync() {
    return calls.callAsync(settingsCall(false));
  }

  /**
   * Returns the number's calling settings, with the SIP passwords when {@code
   * includeSipCredentials} is true. The passwords are never shown by {@code toString()}.
   *
   * @param includeSipCredentials whether to ask for the SIP user passwords
   * @return the settings
   */
  public CallingSettings settings(boolean includeSipCredentials) {
    return calls.call(settingsCall(includeSipCredentials));
  }

  /** The async twin of {@link #settings(boolean)}. */
  public CompletableFuture<CallingSettings> settingsAsync(boolean includeSipCredentials) {
    return calls.callAsync(settingsCall(includeSipCredentials));
  }

  private ManagementCalls.Call<CallingSettings> settingsCall(boolean includeSipCredentials) {
    Map<String, String> q =
        includeSipCredentials ? Map.of("include_sip_credentials", "true") : Map.of();
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(phone + "/settings", q), "get calling settings"),
        CallingJson::readSettings);
  }

  /**
   * Updates the number's calling settings; only those set in {@code settings} change, except that
   * call hours replace the previous call hours whole.
   *
   * @param settings the settings to change, from {@link CallingSettings#builder()}
   */
  public void updateSettings(CallingSettings settings) {
    calls.call(updateSettingsCall(settings));
  }

  /** The async twin of {@link #updateSettings(CallingSettings)}. */
  public CompletableFuture<Void> updateSettingsAsync(CallingSettings settings) {
    return calls.callAsync(updateSettingsCall(settings));
  }

  private ManagementCalls.Call<Void> updateSettingsCall(CallingSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return ManagementCalls.success(
        GraphRequest.json(
            "POST",
            calls.uri(phone + "/settings"),
            CallingJson.settings(settings),
            true,
            "update calling settings",
            null));
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }
}
