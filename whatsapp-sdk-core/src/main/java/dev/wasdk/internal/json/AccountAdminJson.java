package dev.wasdk.internal.json;

import dev.wasdk.client.ConversationalAutomation;
import dev.wasdk.client.DisplayName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the phone-number administration calls: the two-step verification PIN, the display
 * name and conversational automation.
 */
public final class AccountAdminJson {
  private AccountAdminJson() {}

  /** Returns {@code {"pin":"..."}}; the caller has checked the PIN. */
  public static byte[] pin(String pin) {
    ObjectNode body = ManagementJson.object();
    body.put("pin", pin);
    return ManagementJson.bytes(body);
  }

  /** Returns the display-name update body. */
  public static byte[] displayName(String name) {
    ObjectNode body = ManagementJson.object();
    body.put("messaging_product", "whatsapp");
    body.put("new_display_name", name);
    return ManagementJson.bytes(body);
  }

  /** Reads the display-name fields of a phone number. */
  public static DisplayName readDisplayName(JsonNode n) {
    return new DisplayName(
        ManagementJson.text(n, "verified_name"),
        ManagementJson.text(n, "name_status"),
        ManagementJson.text(n, "new_display_name"),
        ManagementJson.text(n, "new_name_status"));
  }

  /** Returns the conversational automation body. */
  public static byte[] automation(ConversationalAutomation a) {
    ObjectNode body = ManagementJson.object();
    a.welcomeMessage().ifPresent(w -> body.put("enable_welcome_message", w));
    ArrayNode prompts = body.putArray("prompts");
    a.prompts().forEach(prompts::add);
    ArrayNode commands = body.putArray("commands");
    for (ConversationalAutomation.Command c : a.commands()) {
      commands
          .addObject()
          .put("command_name", c.name())
          .put("command_description", c.description());
    }
    return ManagementJson.bytes(body);
  }

  /** Reads {@code conversational_automation} of a phone number; absent parts read as empty. */
  public static ConversationalAutomation readAutomation(JsonNode body) {
    JsonNode a = body.path("conversational_automation");
    return new ConversationalAutomation(
        ManagementJson.bool(a, "enable_welcome_message"),
        ManagementJson.texts(a, "prompts"),
        ManagementJson.objects(
                a,
                "commands",
                c -> {
                  try {
                    return new ConversationalAutomation.Command(
                        ManagementJson.textOrEmpty(c, "command_name"),
                        ManagementJson.textOrEmpty(c, "command_description"));
                  } catch (IllegalArgumentException e) {
                    return null; // a command Meta stored that our checks refuse is left out
                  }
                })
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList());
  }
}
