package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user answered a call-permission request, or granted permission by calling with callback
 * permission on ({@code type: interactive}, {@code interactive.type: call_permission_reply}). An
 * accepted permission lets the business call the user: for 7 days, or until revoked when {@link
 * #permanent()}.
 *
 * <pre>{@code
 * router.on(CallPermissionReplied.class, r -> {
 *   if (r.response() == CallPermissionReplied.Response.ACCEPT) {
 *     permissions.grant(r.sender(), r.expiration());
 *   }
 * });
 * }</pre>
 *
 * <p>{@link #messageContext()} names what was answered: the request message's id, or the call's id
 * when the permission came automatically from the user's call.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param rawResponse the answer as sent ({@code accept} or {@code reject}); {@link #response()}
 *     reads it
 * @param permanent whether the permission lasts until the user revokes it ({@code is_permanent});
 *     false when absent
 * @param expiration when a temporary permission ends ({@code expiration_timestamp}), if given
 * @param rawResponseSource how the answer came, as sent ({@code user_action} or {@code automatic});
 *     {@link #responseSource()} reads it
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/calling/user-call-permissions">User
 *     call permissions</a>
 */
public record CallPermissionReplied(
    EventContext context,
    MessageHeader header,
    String rawResponse,
    boolean permanent,
    Optional<Instant> expiration,
    String rawResponseSource,
    String rawJson)
    implements MessageReceived {

  /** Checks that no component is null. */
  public CallPermissionReplied {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(rawResponse, "rawResponse");
    Objects.requireNonNull(expiration, "expiration");
    Objects.requireNonNull(rawResponseSource, "rawResponseSource");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the answer; {@link Response#UNKNOWN} when absent or not known. */
  public Response response() {
    return Response.of(rawResponse);
  }

  /** Returns how the answer came; {@link ResponseSource#UNKNOWN} when absent or not known. */
  public ResponseSource responseSource() {
    return ResponseSource.of(rawResponseSource);
  }

  /**
   * A user's answer to a call-permission request. Open: values this version does not know map to
   * {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Response {
    /** The user allowed calls. */
    ACCEPT,
    /** The user declined calls. */
    REJECT,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the answer for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the answer; never null
     */
    public static Response of(String value) {
      return OpenEnums.parse(Response.class, value, UNKNOWN);
    }
  }

  /**
   * How a call-permission answer came. Open: values this version does not know map to {@link
   * #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum ResponseSource {
    /** The user answered the request. */
    USER_ACTION,
    /** Granted automatically when the user called, with callback permission on. */
    AUTOMATIC,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the source for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the source; never null
     */
    public static ResponseSource of(String value) {
      return OpenEnums.parse(ResponseSource.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
