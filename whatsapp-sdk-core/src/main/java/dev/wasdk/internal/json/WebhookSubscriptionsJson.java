package dev.wasdk.internal.json;

import dev.wasdk.client.SubscribedApp;
import java.net.URI;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes {@code subscribed_apps} requests and reads the subscribed apps. */
public final class WebhookSubscriptionsJson {
  private WebhookSubscriptionsJson() {}

  /** Returns the body of a plain subscription: an empty object. */
  public static byte[] subscribe() {
    return ManagementJson.bytes(ManagementJson.object());
  }

  /** Returns the body of a subscription with a callback override. */
  public static byte[] subscribe(URI overrideCallbackUri, String verifyToken) {
    ObjectNode body = ManagementJson.object();
    body.put("override_callback_uri", overrideCallbackUri.toString());
    body.put("verify_token", verifyToken);
    return ManagementJson.bytes(body);
  }

  /** Reads the subscribed apps, in Meta's order. */
  public static List<SubscribedApp> read(JsonNode body) {
    return ManagementJson.objects(
        body,
        "data",
        n -> {
          // Older answers put the app's fields at the top of each entry; both shapes are read.
          JsonNode app = n.path("whatsapp_business_api_data");
          JsonNode a = app.isObject() ? app : n;
          return new SubscribedApp(
              ManagementJson.textOrEmpty(a, "id"),
              ManagementJson.text(a, "name"),
              ManagementJson.text(a, "link"),
              ManagementJson.text(n, "override_callback_uri"),
              ManagementJson.raw(n));
        });
  }
}
