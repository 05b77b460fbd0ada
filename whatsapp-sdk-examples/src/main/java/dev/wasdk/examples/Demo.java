package dev.wasdk.examples;

import dev.wasdk.client.SendResult;
import dev.wasdk.client.TypingIndicator;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Contact;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The README's demo: sends one message of every kind and prints each request and response.
 *
 * <p>With no credentials it runs against {@link LocalStandIn}, a local stand-in of the send
 * endpoint. With {@code WHATSAPP_ACCESS_TOKEN}, {@code WHATSAPP_PHONE_NUMBER_ID} and {@code
 * WHATSAPP_TO} set, it sends the same messages through Meta to that recipient.
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args unused
   * @throws Exception if the stand-in cannot start
   */
  public static void main(String[] args) throws Exception {
    String token = System.getenv("WHATSAPP_ACCESS_TOKEN");
    String phoneNumberId = System.getenv("WHATSAPP_PHONE_NUMBER_ID");
    boolean live = token != null && phoneNumberId != null;
    String to = live ? System.getenv().getOrDefault("WHATSAPP_TO", "+16505551234") : "+16505551234";

    try (LocalStandIn standIn = live ? null : LocalStandIn.start();
        WhatsAppClient wa = client(live, token, phoneNumberId, standIn)) {
      System.out.println(
          live
              ? "wasdk demo: sending to Meta's Cloud API"
              : "wasdk demo: sending to a local stand-in at " + standIn.baseUrl());
      System.out.println();
      Map<String, Message> messages = everyKind(to);
      int sent = 0;
      String lastWamid = null;
      for (Map.Entry<String, Message> e : messages.entrySet()) {
        SendResult r = wa.messages().send(e.getValue());
        sent++;
        lastWamid = r.wamid();
        System.out.printf("%-22s -> %s%s%n", e.getKey(), r.wamid(), statusOf(r));
      }
      wa.messages().markRead(lastWamid, TypingIndicator.TEXT);
      System.out.printf("%-22s -> ok%n", "mark read + typing");
      if (standIn != null) {
        System.out.println();
        System.out.println("Requests as they went on the wire (first three):");
        List<LocalStandIn.Exchange> exchanges = standIn.exchanges();
        for (LocalStandIn.Exchange x : exchanges.subList(0, Math.min(3, exchanges.size()))) {
          System.out.println("  " + x.method() + " " + x.path());
          System.out.println("    > " + x.requestBody());
          System.out.println("    < " + x.status() + " " + x.reply());
        }
        System.out.printf(
            "%nSent %d messages of %d kinds, %d requests, all accepted.%n",
            sent, messages.size(), exchanges.size());
      }
    }
  }

  private static String statusOf(SendResult r) {
    return r.messageStatus().map(s -> " (" + s + ")").orElse("");
  }

  private static WhatsAppClient client(
      boolean live, String token, String phoneNumberId, LocalStandIn standIn) {
    WhatsAppClient.Builder b = WhatsAppClient.builder();
    if (live) {
      return b.accessToken(token).phoneNumberId(phoneNumberId).build();
    }
    return b.accessToken("demo-token")
        .phoneNumberId("106540352242922")
        .baseUrl(standIn.baseUrl())
        .build();
  }

  /** Returns one message of every outbound kind, by name, in a stable order. */
  static Map<String, Message> everyKind(String to) {
    MediaRef image = MediaRef.link("https://example.com/photos/latte.jpg");
    Map<String, Message> m = new LinkedHashMap<>();
    m.put("text", Message.to(to).text("Hello from wasdk! https://wasdk.dev", true));
    m.put("image", Message.to(to).image(image, "Today's special"));
    m.put("audio", Message.to(to).audio(MediaRef.link("https://example.com/a/jingle.mp3")));
    m.put("voice", Message.to(to).voice(MediaRef.id("1037543291543636")));
    m.put(
        "video", Message.to(to).video(MediaRef.link("https://example.com/v/howto.mp4"), "How to"));
    m.put(
        "document",
        Message.to(to)
            .document(MediaRef.link("https://example.com/d/invoice.pdf"), "Your invoice")
            .withFilename("invoice.pdf"));
    m.put("sticker", Message.to(to).sticker(MediaRef.id("798882015472548")));
    m.put(
        "location",
        Message.to(to).location(37.4847, -122.1477, "Philz Coffee", "101 Forest Ave, Palo Alto"));
    m.put(
        "contacts",
        Message.to(to)
            .contacts(
                Contact.builder("Barbara Johnson")
                    .firstName("Barbara")
                    .phone("+16505559999")
                    .build()));
    m.put(
        "reaction",
        Message.to(to)
            .reaction(
                "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", "\uD83D\uDC4D"));
    m.put(
        "reply buttons",
        Message.to(to)
            .buttons()
            .body("Would you like a receipt?")
            .button("receipt-yes", "Yes please")
            .button("receipt-no", "No thanks")
            .build());
    m.put(
        "list",
        Message.to(to)
            .list()
            .header("Menu")
            .body("What would you like?")
            .button("See the menu")
            .section(
                "Coffee",
                ListRow.of("latte", "Latte", "Milk and espresso"),
                ListRow.of("mocha", "Mocha"))
            .section("Tea", ListRow.of("chai", "Chai"))
            .build());
    m.put(
        "cta url",
        Message.to(to)
            .ctaUrl()
            .body("Track your order online.")
            .displayText("Track order")
            .url("https://example.com/orders/123")
            .build());
    m.put(
        "flow",
        Message.to(to)
            .flow()
            .body("Book a table")
            .flowId("1234567890")
            .flowCta("Book now")
            .flowToken("table-booking-42")
            .navigate("WELCOME")
            .build());
    m.put(
        "product",
        Message.to(to)
            .product()
            .body("Our bestseller")
            .catalogId("194836987003835")
            .productRetailerId("latte-beans-1kg")
            .build());
    m.put(
        "product list",
        Message.to(to)
            .productList()
            .header("Beans")
            .body("Fresh roasts this week")
            .catalogId("194836987003835")
            .section("Single origin", "ethiopia-250g", "colombia-250g")
            .build());
    m.put(
        "catalog",
        Message.to(to)
            .catalog()
            .body("Browse our catalog")
            .thumbnailProductRetailerId("ethiopia-250g")
            .build());
    m.put("location request", Message.to(to).locationRequest("Where should we deliver?"));
    m.put(
        "template",
        Message.to(to)
            .template("order_update", "en_US")
            .category(TemplateCategory.UTILITY)
            .header(TemplateParameter.image(image))
            .body(
                TemplateParameter.text("Pablo"),
                TemplateParameter.currency("$12.50", "USD", 12_500))
            .urlButton(0, "orders/123")
            .build());
    m.put(
        "template (otp)",
        Message.to(to)
            .template("login_code", "en_US")
            .bodyText("493021")
            .otpButton("493021")
            .build());
    return m;
  }
}
