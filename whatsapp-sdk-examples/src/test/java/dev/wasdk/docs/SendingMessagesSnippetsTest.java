package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.SendResult;
import dev.wasdk.client.TypingIndicator;
import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.Contact;
import dev.wasdk.message.InteractiveHeader;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TextMessage;
import dev.wasdk.testkit.PlatformRule;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.event.TextReceived;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/sending-messages.md}, each sent to the simulator. */
class SendingMessagesSnippetsTest extends SimulatorFixture {

  @Override
  WhatsAppSimulator.Builder simulatorBuilder() {
    // A business-scoped user id or a group has no window opened by userSends.
    return WhatsAppSimulator.builder().disable(PlatformRule.SERVICE_WINDOW);
  }

  @Test
  void text_withAndWithoutPreview_areAccepted() {
    // tag::text[]
    Message hello = Message.to("+16505551234").text("Hello! Your table is ready.");
    Message link = Message.to("+16505551234").text("Track it at https://example.com/t/8812", true);

    SendResult result = wa.messages().send(hello);
    wa.messages().send(link);
    // end::text[]

    assertThat(result.wamid()).startsWith("wamid.");
    assertThat(sim.sentMessages()).hasSize(2);
    assertThat(sim.sentMessages().get(0).json()).contains("\"preview_url\":false");
    assertThat(lastJson()).contains("\"preview_url\":true");
  }

  @Test
  void media_byIdAndByLink_areAccepted() {
    // tag::media[]
    MediaRef uploaded = MediaRef.id("1037543291543636"); // from wa.media().upload(...)
    MediaRef hosted = MediaRef.link("https://example.com/menu/latte.jpg"); // WhatsApp fetches it

    List<Message> media =
        List.of(
            Message.to("+16505551234").image(uploaded, "Today's special"),
            Message.to("+16505551234").image(hosted),
            Message.to("+16505551234").audio(MediaRef.link("https://example.com/jingle.mp3")),
            Message.to("+16505551234").voice(MediaRef.id("1037543291543637")), // a voice note
            Message.to("+16505551234").video(MediaRef.id("1037543291543638"), "How we roast"),
            Message.to("+16505551234")
                .document(MediaRef.link("https://example.com/invoice-8812.pdf"), "Your invoice")
                .withFilename("invoice-8812.pdf"),
            Message.to("+16505551234").sticker(MediaRef.id("798882015472548")));
    media.forEach(wa.messages()::send);
    // end::media[]

    assertThat(sim.sentMessages()).hasSize(7);
    assertThat(sim.sentMessages().get(0).json()).contains("\"id\":\"1037543291543636\"");
    assertThat(sim.sentMessages().get(1).json()).contains("\"link\":\"https://example.com/menu/");
    assertThat(sim.sentMessages().get(3).json()).contains("\"voice\":true");
    assertThat(sim.sentMessages().get(5).json()).contains("\"filename\":\"invoice-8812.pdf\"");
  }

  @Test
  void locationContactsAndReactions_areAccepted() {
    String wamid = inboundWamid;
    // tag::location-contacts-reaction[]
    wa.messages()
        .send(
            Message.to("+16505551234")
                .location(37.4847, -122.1477, "Philz Coffee", "101 Forest Ave, Palo Alto"));

    wa.messages()
        .send(
            Message.to("+16505551234")
                .contacts(
                    Contact.builder("Barbara Johnson")
                        .firstName("Barbara")
                        .lastName("Johnson")
                        .phone("+16505559999", "WORK")
                        .email("barbara@example.com")
                        .birthday(LocalDate.of(1990, 4, 1))
                        .build()));

    wa.messages().send(Message.to("+16505551234").reaction(wamid, "\uD83D\uDC4D")); // thumbs up
    wa.messages().send(Message.to("+16505551234").removeReaction(wamid));
    // end::location-contacts-reaction[]

    List<SentMessage> sent = sim.sentMessages();
    assertThat(sent).hasSize(4);
    assertThat(sent.get(0).json()).contains("\"latitude\":37.4847");
    assertThat(sent.get(1).json()).contains("\"formatted_name\":\"Barbara Johnson\"");
    assertThat(sent.get(3).json()).contains("\"emoji\":\"\"");
  }

  @Test
  void replyAndCallbackData_areWrittenOnTheEnvelope() {
    TextReceived text = inboundText();
    // tag::reply[]
    // text: the TextReceived webhook event the user's message arrived as
    Message reply =
        Message.replyTo(text) // to the sender, quoting the message
            .bizOpaqueCallbackData("order-8812") // comes back in this message's status webhooks
            .text("Got it, your order is on its way.");
    Message next = Message.to(text).text("Anything else?"); // to the sender, not quoting

    wa.messages().send(reply);
    wa.messages().send(next);
    // end::reply[]

    String replyJson = sim.sentMessages().get(0).json();
    assertThat(replyJson).contains("\"to\":\"+16505551234\"");
    assertThat(replyJson).contains("\"context\":{\"message_id\":\"" + inboundWamid + "\"}");
    assertThat(replyJson).contains("\"biz_opaque_callback_data\":\"order-8812\"");
    assertThat(lastJson()).contains("\"to\":\"+16505551234\"").doesNotContain("context");
  }

  @Test
  void replyToStoredWamid_quotesIt() {
    String wamid = inboundWamid;
    // tag::reply-stored[]
    Message reply = Message.to("+16505551234").replyTo(wamid).text("About your earlier message…");
    // end::reply-stored[]
    wa.messages().send(reply);

    assertThat(lastJson()).contains("\"context\":{\"message_id\":\"" + wamid + "\"}");
  }

  @Test
  void replyButtonsAndList_areAccepted() {
    // tag::buttons-list[]
    Message buttons =
        Message.to("+16505551234")
            .buttons()
            .header(InteractiveHeader.image(MediaRef.id("1037543291543636")))
            .body("Would you like a receipt?")
            .footer("You can change this later")
            .button("receipt-yes", "Yes please")
            .button("receipt-no", "No thanks")
            .build();

    Message list =
        Message.to("+16505551234")
            .list()
            .header("Menu")
            .body("What would you like?")
            .button("See the menu")
            .section(
                "Coffee",
                ListRow.of("latte", "Latte", "Milk and espresso"),
                ListRow.of("mocha", "Mocha"))
            .section("Tea", ListRow.of("chai", "Chai"))
            .build();

    wa.messages().send(buttons);
    wa.messages().send(list);
    // end::buttons-list[]

    assertThat(sim.sentMessages().get(0).json()).contains("\"type\":\"button\"");
    assertThat(lastJson()).contains("\"type\":\"list\"", "\"id\":\"chai\"");
  }

  @Test
  void ctaUrlAndFlow_areAccepted() {
    // tag::cta-flow[]
    Message cta =
        Message.to("+16505551234")
            .ctaUrl()
            .body("Track your order online.")
            .displayText("Track order")
            .url("https://example.com/orders/8812")
            .build();

    Message flow =
        Message.to("+16505551234")
            .flow()
            .header("Book a table")
            .body("Pick a day and a time in a few taps.")
            .flowId("1234567890123456")
            .flowCta("Book now")
            .flowToken("booking-8812") // comes back with the user's answers
            .navigate("WELCOME", Map.of("guests", 2))
            .build();

    wa.messages().send(cta);
    wa.messages().send(flow);
    // end::cta-flow[]

    assertThat(sim.sentMessages().get(0).json()).contains("\"type\":\"cta_url\"");
    assertThat(lastJson()).contains("\"type\":\"flow\"", "\"flow_token\":\"booking-8812\"");
  }

  @Test
  void commerce_productListAndCatalog_areAccepted() {
    // tag::commerce[]
    Message product =
        Message.to("+16505551234")
            .product()
            .body("Our bestseller")
            .catalogId("194836987003835")
            .productRetailerId("latte-beans-1kg")
            .build();

    Message productList =
        Message.to("+16505551234")
            .productList()
            .header("Beans")
            .body("Fresh roasts this week")
            .catalogId("194836987003835")
            .section("Single origin", "ethiopia-250g", "colombia-250g")
            .section("Blends", "house-blend-1kg")
            .build();

    Message catalog =
        Message.to("+16505551234")
            .catalog()
            .body("Browse our catalog")
            .thumbnailProductRetailerId("ethiopia-250g")
            .build();

    List.of(product, productList, catalog).forEach(wa.messages()::send);
    // end::commerce[]

    List<SentMessage> sent = sim.sentMessages();
    assertThat(sent.get(0).json()).contains("\"type\":\"product\"");
    assertThat(sent.get(1).json()).contains("\"type\":\"product_list\"");
    assertThat(sent.get(2).json()).contains("\"type\":\"catalog_message\"");
  }

  @Test
  void requests_locationAddressAndCallPermission_areAccepted() {
    // tag::requests[]
    Message where = Message.to("+16505551234").locationRequest("Where should we deliver?");

    Message address = // India only
        Message.to("+919876543210")
            .address()
            .body("Where should we deliver your order?")
            .country("IN")
            .value("city", "Bengaluru")
            .build();

    Message callMe =
        Message.to("+16505551234").callPermissionRequest("May we call you about your order?");

    List.of(where, address, callMe).forEach(wa.messages()::send);
    // end::requests[]

    List<SentMessage> sent = sim.sentMessages();
    assertThat(sent.get(0).json()).contains("\"type\":\"location_request_message\"");
    assertThat(sent.get(1).json()).contains("\"type\":\"address_message\"", "\"country\":\"IN\"");
    assertThat(sent.get(2).json()).contains("\"type\":\"call_permission_request\"");
  }

  @Test
  void recipients_everyKind_isWrittenAsWhatsAppExpects() {
    // tag::recipients[]
    Message a = Message.to("+1 (650) 555-1234").text("Hi"); // formatting is removed: +16505551234
    Message b = Message.to(Recipient.waId("16505551234")).text("Hi"); // wa_id from a webhook
    Message c = Message.to("US.13491208655302741918").text("Hi"); // business-scoped user id
    Message d = Message.to(Recipient.group("Y2FmZS1ncm91cC0x")).text("Hi all"); // a group

    List.of(a, b, c, d).forEach(wa.messages()::send);
    // end::recipients[]

    List<SentMessage> sent = sim.sentMessages();
    assertThat(a.recipient()).isEqualTo(b.recipient());
    assertThat(sent.get(0).json()).contains("\"to\":\"+16505551234\"");
    assertThat(sent.get(2).json()).contains("\"recipient\":\"US.13491208655302741918\"");
    assertThat(sent.get(3).json()).contains("\"recipient_type\":\"group\"");
  }

  @Test
  void e164_withoutPlus_isRefusedBeforeTheNetwork() {
    // tag::no-plus[]
    assertThatThrownBy(() -> Message.to("16505551234"))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("E.164")
        .hasMessageContaining("Message.replyTo(event)"); // and Recipient.waId(id) for stored ids
    // end::no-plus[]
    assertThat(sim.receivedRequests()).noneMatch(r -> r.path().endsWith("/messages"));
  }

  @Test
  void markRead_withTypingIndicator_isRecorded() {
    String wamid = inboundWamid;
    // tag::mark-read[]
    wa.messages().markRead(wamid); // blue ticks
    wa.messages().markRead(wamid, TypingIndicator.TEXT); // and "typing…" until you reply (max 25 s)
    // end::mark-read[]

    assertThat(sim.messagesMarkedRead()).containsExactly(wamid, wamid);
  }

  @Test
  void validation_tooLongButtonTitle_namesPathLimitAndSize() {
    // tag::validation[]
    try {
      Message.to("+16505551234")
          .buttons()
          .body("Pick a size")
          .button("small", "Small")
          .button("large", "Large, with an extra shot") // 25 characters; the limit is 20
          .build();
    } catch (InvalidMessageException e) {
      System.out.println(e.fieldPath()); // interactive.action.buttons[1].reply.title
      System.out.println(e.limit()); // 1 to 20 characters
      System.out.println(e.actual()); // 25 characters
    }
    // end::validation[]

    InvalidMessageException e =
        catchInvalid(
            () ->
                Message.to("+16505551234")
                    .buttons()
                    .body("Pick a size")
                    .button("small", "Small")
                    .button("large", "Large, with an extra shot")
                    .build());
    assertThat(e.fieldPath()).isEqualTo("interactive.action.buttons[1].reply.title");
    assertThat(e.limit()).isEqualTo("1 to 20 characters");
    assertThat(e.actual()).isEqualTo("25 characters");
  }

  @Test
  void sendAsync_completesWithTheResult() {
    // tag::async[]
    CompletableFuture<SendResult> pending =
        wa.messages().sendAsync(Message.to("+16505551234").text("Your order is ready"));
    pending
        .thenAccept(r -> System.out.println("accepted as " + r.wamid()))
        .exceptionally(
            error -> {
              System.err.println("not accepted: " + error.getCause().getMessage());
              return null;
            });
    // end::async[]

    SendResult result = pending.join();
    assertThat(result.wamid()).isEqualTo(sim.sentMessages().get(0).wamid());
    assertThat(sim.sentMessages().get(0).message()).isInstanceOf(TextMessage.class);
  }

  private static InvalidMessageException catchInvalid(Runnable build) {
    try {
      build.run();
    } catch (InvalidMessageException e) {
      return e;
    }
    throw new AssertionError("expected an InvalidMessageException");
  }
}
