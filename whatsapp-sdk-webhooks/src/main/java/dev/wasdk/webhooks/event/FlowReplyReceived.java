package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import dev.wasdk.webhooks.internal.parse.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply from a native flow ({@code interactive.type: nfm_reply}): a completed WhatsApp Flow
 * ({@code name: flow}) or a filled-in address form ({@code name: address_message}). The user's
 * answers are in {@link #responseJson()}, a JSON object sent as a string.
 *
 * <pre>{@code
 * if (e instanceof FlowReplyReceived f && f.isFlowCompletion()) {
 *   String token = f.flowToken().orElseThrow();
 *   Object answer = f.response().get("screen_0_TextInput_0");
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares; its message context names the flow message
 * @param name the kind of native flow as sent: {@code flow}, {@code address_message} or one this
 *     version does not know; empty if absent
 * @param body the text shown to the user with the reply (such as {@code Sent}), if any
 * @param responseJson the user's answers: a JSON object, exactly as sent ({@code response_json});
 *     empty if absent
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/interactive">Interactive
 *     webhook reference</a>
 */
public record FlowReplyReceived(
    EventContext context,
    MessageHeader header,
    String name,
    Optional<String> body,
    String responseJson,
    String rawJson)
    implements MessageReceived {

  /** Checks that no component is null. */
  public FlowReplyReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(responseJson, "responseJson");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns whether this is a completed WhatsApp Flow ({@code name: flow}). */
  public boolean isFlowCompletion() {
    return "flow".equals(name);
  }

  /** Returns whether this is a filled-in address form ({@code name: address_message}). */
  public boolean isAddress() {
    return "address_message".equals(name);
  }

  /**
   * Returns the user's answers read from {@link #responseJson()}: an unmodifiable map whose values
   * are {@code String}, {@code Boolean}, {@code Long}, {@code Double}, {@code
   * java.math.BigInteger}, nested unmodifiable {@code Map}s and {@code List}s. JSON {@code null}
   * values are left out. Parses on each call; returns an empty map if the string is not a JSON
   * object. Never throws.
   */
  public Map<String, Object> response() {
    return JsonValues.parseObject(responseJson);
  }

  /** Returns the flow token the business set when it sent the flow, if the reply carries one. */
  public Optional<String> flowToken() {
    Object token = response().get("flow_token");
    return token instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
