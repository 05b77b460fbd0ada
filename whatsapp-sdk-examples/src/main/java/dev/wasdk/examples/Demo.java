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
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.SimulatorStats;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The README's demo: sends one message of every kind and prints each request and response.
 *
 * <p>With no credentials it runs against {@link WhatsAppSimulator}, the local Cloud API of {@code
 * whatsapp-sdk-testkit}, which checks every request as Meta does. With {@code
 * WHATSAPP_ACCESS_TOKEN}, {@code WHATSAPP_PHONE_NUMBER_ID} and {@code WHATSAPP_TO} set, it sends
 * the same messages through Meta to that recipient (the templates must exist in your account).
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

    Map<String, Integer> received = new ConcurrentSkipListMap<>();
    try (WhatsAppSimulator sim = live ? null : simulator();
        JdkWebhookServer webhooks = live ? null : webhookServer(sim, received);
        WhatsAppClient wa = client(live, token, phoneNumberId, sim)) {
      System.out.println(
          live
              ? "wasdk demo: sending to Meta's Cloud API"
              : "wasdk demo: sending to the local simulator at " + sim.baseUrl());
      System.out.println();
      // Free-form messages need an open 24-hour service window: the user writes first.
      String inbound = sim != null ? sim.userSends(to, "Hi! What's on the menu today?") : null;
      Map<String, Message> messages = everyKind(to);
      int sent = 0;
      for (Map.Entry<String, Message> e : messages.entrySet()) {
        SendResult r = wa.messages().send(e.getValue());
        sent++;
        System.out.printf("%-22s -> %s%s%n", e.getKey(), r.wamid(), statusOf(r));
      }
      if (inbound != null) {
        wa.messages().markRead(inbound, TypingIndicator.TEXT);
        System.out.printf("%-22s -> ok%n", "mark read + typing");
      }
      if (sim != null) {
        System.out.println();
        System.out.println("Requests as they went on the wire (first three):");
        List<SentMessage> recorded = sim.sentMessages();
        for (SentMessage x : recorded.subList(0, Math.min(3, recorded.size()))) {
          System.out.println("  > " + x.json());
          System.out.println("  < " + x.wamid());
        }
        SimulatorStats stats = sim.stats();
        System.out.printf(
            "%nSent %d messages of %d kinds; the simulator accepted %d and refused %d.%n",
            sent, messages.size(), stats.accepted(), stats.rejected());
        sim.awaitWebhooks(Duration.ofSeconds(10));
        System.out.printf(
            "Webhooks: %d delivered to %s, each signature verified and parsed: %s%n",
            sim.stats().webhooksDelivered(), webhooks.uri(), received);
      }
    }
  }

  private static String statusOf(SendResult r) {
    return r.messageStatus().map(s -> " (" + s + ")").orElse("");
  }

  private static WhatsAppClient client(
      boolean live, String token, String phoneNumberId, WhatsAppSimulator sim) {
    WhatsAppClient.Builder b = WhatsAppClient.builder();
    if (live) {
      return b.accessToken(token).phoneNumberId(phoneNumberId).build();
    }
    return b.accessToken(sim.accessToken())
        .phoneNumberId(sim.phoneNumberId())
        .baseUrl(sim.baseUrl())
        .build();
  }

  /**
   * Starts a webhook receiver that verifies each delivery's signature, parses it and counts the
   * events by kind, and points the simulator's webhooks at it.
   */
  static JdkWebhookServer webhookServer(WhatsAppSimulator sim, Map<String, Integer> seen) {
    WebhookRouter router =
        WebhookRouter.builder()
            .on(
                MessageStatusChanged.class,
                e -> seen.merge("status " + e.rawStatus(), 1, Integer::sum))
            .on(MessageReceived.class, e -> seen.merge("inbound message", 1, Integer::sum))
            .onUnhandled(e -> seen.merge("other", 1, Integer::sum))
            .build();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("demo-verify-token")
            .router(router)
            .build();
    JdkWebhookServer server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .start();
    sim.deliverWebhooksTo(server.uri());
    return server;
  }

  /** Starts the simulator with the templates the demo sends. */
  static WhatsAppSimulator simulator() {
    WhatsAppSimulator sim = WhatsAppSimulator.start();
    sim.registerTemplate(
        "{\"name\":\"order_update\",\"language\":\"en_US\",\"category\":\"UTILITY\","
            + "\"components\":[{\"type\":\"HEADER\",\"format\":\"IMAGE\","
            + "\"example\":{\"header_handle\":[\"4::aW1hZ2UvanBlZw==\"]}},"
            + "{\"type\":\"BODY\",\"text\":\"Hi {{1}}, your order total is {{2}}.\","
            + "\"example\":{\"body_text\":[[\"Pablo\",\"$12.50\"]]}},"
            + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"URL\",\"text\":\"Track\","
            + "\"url\":\"https://example.com/{{1}}\","
            + "\"example\":[\"https://example.com/orders/1\"]}]}]}");
    sim.registerTemplate(
        "{\"name\":\"login_code\",\"language\":\"en_US\",\"category\":\"AUTHENTICATION\","
            + "\"components\":[{\"type\":\"BODY\",\"add_security_recommendation\":true},"
            + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"OTP\","
            + "\"otp_type\":\"COPY_CODE\",\"text\":\"Copy code\"}]}]}");
    return sim;
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
