package dev.wasdk.benchmarks.webhook;

import java.nio.charset.StandardCharsets;

/** Webhook bodies for the benchmarks, built in code so that the sizes are known and stable. */
final class WebhookPayloads {
  private WebhookPayloads() {}

  /**
   * A typical inbound text message (about 1.5 KB): one message with its contact, a reply context
   * and a click-to-WhatsApp referral, compact as Meta sends it.
   */
  static byte[] inboundText() {
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
            + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
            + "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"16505551234\","
            + "\"user_id\":\"US.13491208655302741918\"}],\"messages\":[{\"context\":{\"from\":"
            + "\"15550783881\",\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGMzEyNzhENTZDMzNGODlDRDgA\"},"
            + "\"referral\":{\"source_url\":\"https://fb.me/3cr4Wqqkv\",\"source_id\":"
            + "\"120226305854810726\",\"source_type\":\"ad\",\"body\":\"Summer Succulents are here!"
            + " Fresh arrivals every week, free delivery over $40.\",\"headline\":\"Chat with us\","
            + "\"media_type\":\"image\",\"image_url\":\"https://scontent.xx.fbcdn.net/v/t45.1600-4/"
            + "418389_120226305854810726_n.png?stp=dst-jpg&_nc_cat=1&ccb=1-7&_nc_sid=c7f4c7\","
            + "\"ctwa_clid\":\"Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4_0NiNhEgpGo0AHemvuSoif"
            + "XaytfTzcchptiErTKCqTrJ5nW1h7IHYeYymGb5K5J5iTROpBhWAGaIAeUzHL50\",\"welcome_message\":"
            + "{\"text\":\"Hi there! Let us know how we can help!\"}},\"from\":\"16505551234\","
            + "\"from_user_id\":\"US.13491208655302741918\",\"id\":"
            + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUQ0N0VFMDA2MTQ0RkJFNkNDNAA=\",\"timestamp\":"
            + "\"1750275992\",\"text\":{\"body\":\"Hello! Can I get more info on this? I would like"
            + " two of the large ones, delivered on Saturday morning if possible, to the usual"
            + " address. Also, do you have the blue pots in stock again? Thanks a lot!\"},"
            + "\"type\":\"text\"}]},\"field\":\"messages\"}]}]}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A batch of {@code n} status updates in one change, as Meta sends for a campaign: each with a
   * recipient, a conversation and pricing.
   */
  static byte[] statuses(int n) {
    StringBuilder b = new StringBuilder(n * 420 + 300);
    b.append("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",")
        .append("\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":")
        .append(
            "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},")
        .append("\"statuses\":[");
    String[] states = {"sent", "delivered", "read"};
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      String status = states[i % 3];
      b.append("{\"id\":\"wamid.HBgLMTY1MDU1")
          .append(String.format("%08d", i))
          .append("VAgARGBI2QzFCNDg2MzE2QTA0QzI1RjUA\",\"status\":\"")
          .append(status)
          .append("\",\"timestamp\":\"")
          .append(1750263773 + i)
          .append("\",\"recipient_id\":\"1650555")
          .append(String.format("%04d", i % 10_000))
          .append("\",\"biz_opaque_callback_data\":\"campaign=spring;batch=7\"");
      if (!status.equals("read")) {
        b.append(",\"conversation\":{\"id\":\"6ceb9d929c7d6a9a5c8b8e4f0f2f1b32\"")
            .append(status.equals("sent") ? ",\"expiration_timestamp\":\"1750350180\"" : "")
            .append(",\"origin\":{\"type\":\"marketing\"}},\"pricing\":{\"billable\":true,")
            .append("\"pricing_model\":\"PMP\",\"category\":\"marketing\",\"type\":\"regular\"}");
      }
      b.append('}');
    }
    b.append("]},\"field\":\"messages\"}]}]}");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }
}
