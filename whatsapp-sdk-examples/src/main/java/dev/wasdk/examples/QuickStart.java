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
import dev.wasdk.template.Template;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.io.PrintStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The quick start: one message of every kind, an image uploaded and sent by its media id, and the
 * account's templates listed.
 *
 * <p>With no credentials it runs against {@link WhatsAppSimulator}, the local Cloud API of {@code
 * whatsapp-sdk-testkit}, which checks every request as Meta does. With {@code
 * WHATSAPP_ACCESS_TOKEN}, {@code WHATSAPP_PHONE_NUMBER_ID}, {@code WHATSAPP_WABA_ID} and {@code
 * WHATSAPP_TO} set, it sends the same messages through Meta to that recipient, who must have
 * written to the business number in the last 24 hours (the templates {@code order_update} and
 * {@code login_code} must exist in the account).
 *
 * <pre>{@code
 * QuickStart.Result r = QuickStart.run(wa, "+16505551234", System.out);
 * }</pre>
 */
public final class QuickStart {
  /** The recipient on the simulator. */
  static final String SIMULATED_USER = "+16505551234";

  /** A 1×1 PNG image, uploaded as the quick start's media. */
  static final byte[] PIXEL_PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private QuickStart() {}

  /**
   * What the quick start did.
   *
   * @param sent the wamid of each message sent, by kind, in the order sent
   * @param uploadedMediaId the media id of the uploaded image
   * @param templates the account's templates, as listed
   */
  public record Result(Map<String, String> sent, String uploadedMediaId, List<Template> templates) {
    /** Copies the collections. */
    public Result {
      sent = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sent));
      Objects.requireNonNull(uploadedMediaId, "uploadedMediaId");
      templates = List.copyOf(templates);
    }
  }

  /**
   * Runs the quick start.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    String token = System.getenv("WHATSAPP_ACCESS_TOKEN");
    String phoneNumberId = System.getenv("WHATSAPP_PHONE_NUMBER_ID");
    if (token != null && phoneNumberId != null) {
      try (WhatsAppClient wa =
          WhatsAppClient.builder()
              .accessToken(token)
              .phoneNumberId(phoneNumberId)
              .wabaId(EchoBot.requireEnv("WHATSAPP_WABA_ID"))
              .build()) {
        run(wa, EchoBot.requireEnv("WHATSAPP_TO"), Optional.empty(), System.out);
      }
      return;
    }
    try (WhatsAppSimulator sim = simulator();
        WhatsAppClient wa = client(sim)) {
      System.out.println("Sending to the local simulator at " + sim.baseUrl());
      // Free-form messages need an open 24-hour service window: the user writes first.
      String inbound = sim.userSends(SIMULATED_USER, "Hi! What's on the menu today?");
      run(wa, SIMULATED_USER, Optional.of(inbound), System.out);
    }
  }

  /** Returns a client for the simulator, with its WhatsApp Business Account id for templates. */
  static WhatsAppClient client(WhatsAppSimulator sim) {
    return WhatsAppClient.builder()
        .accessToken(sim.accessToken())
        .phoneNumberId(sim.phoneNumberId())
        .wabaId(sim.wabaId())
        .baseUrl(sim.baseUrl())
        .build();
  }

  /**
   * Uploads an image, sends one message of every kind (the uploaded image among them), marks the
   * user's message read with a typing indicator, and lists the templates.
   *
   * @param wa the client; templates need its WhatsApp Business Account id
   * @param to the recipient, whose customer-service window is open
   * @param inbound the wamid of the user's last message, to mark read, if known
   * @param out where to print what happens
   * @return what was sent, uploaded and listed
   */
  public static Result run(
      WhatsAppClient wa, String to, Optional<String> inbound, PrintStream out) {
    // 1. Media: upload once, then send by id as often as needed.
    String mediaId = wa.media().upload(PIXEL_PNG, "image/png", "menu.png");
    out.printf("%-22s -> media id %s%n", "upload image", mediaId);

    // 2. One message of every kind.
    Map<String, Message> messages = new LinkedHashMap<>();
    messages.put("image (uploaded)", Message.to(to).image(MediaRef.id(mediaId), "Today's menu"));
    messages.putAll(everyKind(to));
    Map<String, String> sent = new LinkedHashMap<>();
    for (Map.Entry<String, Message> e : messages.entrySet()) {
      SendResult r = wa.messages().send(e.getValue());
      sent.put(e.getKey(), r.wamid());
      out.printf(
          "%-22s -> %s%s%n",
          e.getKey(), r.wamid(), r.messageStatus().map(s -> " (" + s + ")").orElse(""));
    }

    // 3. Read receipts and the typing indicator for the user's message.
    inbound.ifPresent(
        id -> {
          wa.messages().markRead(id, TypingIndicator.TEXT);
          out.printf("%-22s -> ok%n", "mark read + typing");
        });

    // 4. The account's templates.
    List<Template> templates = wa.templates().stream().toList();
    out.printf(
        "%-22s -> %s%n",
        "templates",
        templates.stream()
            .map(t -> t.name() + " (" + t.category() + ", " + t.status() + ")")
            .collect(Collectors.joining(", ")));
    return new Result(sent, mediaId, templates);
  }

  /** Starts a simulator that knows the templates the quick start sends. */
  static WhatsAppSimulator simulator() {
    return registerTemplates(WhatsAppSimulator.start());
  }

  /** Registers the quick start's templates, and the demo campaign's, with a simulator. */
  static WhatsAppSimulator registerTemplates(WhatsAppSimulator sim) {
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
    sim.registerTemplate("spring_sale", "en_US", TemplateCategory.MARKETING, 1);
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
