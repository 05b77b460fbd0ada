package dev.wasdk.internal.json;

import dev.wasdk.client.MarketingSendOptions;
import dev.wasdk.message.TemplateMessage;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the body of {@code POST /{phone-number-id}/marketing_messages}: the template message as
 * {@code /messages} takes it, plus the Marketing Messages API's own optional fields. Thread-safe
 * and stateless.
 */
public final class MarketingMessageJson {
  private MarketingMessageJson() {}

  /** Returns the request body. */
  public static byte[] toBytes(TemplateMessage message, MarketingSendOptions options) {
    ObjectNode o = (ObjectNode) ManagementJson.tree(MessageJson.toBytes(message));
    options.productPolicy().ifPresent(p -> o.put("product_policy", p.name()));
    options.messageActivitySharing().ifPresent(s -> o.put("message_activity_sharing", s));
    return ManagementJson.bytes(o);
  }
}
