package dev.wasdk.message;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One sample message of every kind and variant the builders make, for contract tests. */
final class MessageSamples {
  static final String PHONE = "+16505551234";
  static final String WAMID = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
  static final MediaRef ID = MediaRef.id("1037543291543636");
  static final MediaRef LINK = MediaRef.link("https://example.com/media/file");

  private MessageSamples() {}

  static Message.Builder to() {
    return Message.to(PHONE);
  }

  static Contact fullContact() {
    return Contact.builder("Ana Lima")
        .firstName("Ana")
        .lastName("Lima")
        .middleName("M.")
        .suffix("Jr")
        .prefix("Dr")
        .address(
            Contact.Address.builder()
                .street("1 Hacker Way")
                .city("Menlo Park")
                .state("CA")
                .zip("94025")
                .country("United States")
                .countryCode("us")
                .type("WORK")
                .build())
        .birthday(LocalDate.of(1990, 8, 18))
        .email("ana@example.com", "WORK")
        .email("ana.lima@example.org")
        .org(Contact.Organization.of("Example Inc", "Design", "Manager"))
        .phone("+1 (650) 555-1234", "WORK", "16505551234")
        .phone("+1 (650) 555-9876")
        .url("https://example.com", "WORK")
        .url("https://example.org")
        .build();
  }

  /** Every kind and variant whose JSON the spec's {@code Message} schema describes. */
  static Map<String, Message> inSchema() {
    Map<String, Message> m = new LinkedHashMap<>();
    m.put("text", to().text("Hello"));
    m.put("text with link preview", to().text("See https://example.com", true));
    m.put("text to a group", Message.to(Recipient.group("120363025246125486@g.us")).text("Hi all"));
    m.put("text as a reply", to().replyTo(WAMID).text("Thanks!"));
    m.put("image by id", to().image(ID));
    m.put("image by link with caption", to().image(LINK, "Your room"));
    m.put("audio by id", to().audio(ID));
    m.put("audio by link", to().audio(LINK));
    m.put("voice", to().voice(ID));
    m.put("video by id", to().video(ID));
    m.put("video by link with caption", to().video(LINK, "Demo"));
    m.put("document by id", to().document(ID));
    m.put(
        "document by link with caption and filename",
        to().document(LINK, "Your invoice").withFilename("invoice.pdf"));
    m.put("document with filename only", to().document(ID).withFilename("invoice.pdf"));
    m.put("sticker by id", to().sticker(ID));
    m.put("sticker by link", to().sticker(LINK));
    m.put("location", to().location(37.483307, -122.148981));
    m.put(
        "location with name and address",
        to().location(-33.8568, 151.2153, "Opera House", "Bennelong Point, Sydney"));
    m.put("contacts with a name only", to().contacts(Contact.builder("Ana Lima").build()));
    m.put("contacts with every field", to().contacts(fullContact()));
    List<Contact> five = new ArrayList<>();
    for (int i = 0; i < Limits.CONTACTS_MAX; i++) {
      five.add(Contact.builder("Contact " + i).phone("+1 650 555 000" + i).build());
    }
    m.put("contacts, five cards", to().contacts(five));
    m.put("reaction", to().reaction(WAMID, "\uD83D\uDC4D"));
    m.put("reaction removal", to().removeReaction(WAMID));
    m.put("buttons, one", to().buttons().body("Continue?").button("ok", "OK").build());
    m.put(
        "buttons, three with text header and footer",
        to().buttons()
            .header("Delivery")
            .body("When should we come?")
            .footer("Reply by 6 pm")
            .button("am", "Morning")
            .button("pm", "Afternoon")
            .button("eve", "Evening")
            .build());
    m.put(
        "buttons with image header",
        to().buttons()
            .header(InteractiveHeader.image(ID))
            .body("Like it?")
            .button("y", "Yes")
            .build());
    m.put(
        "buttons with video header",
        to().buttons()
            .header(InteractiveHeader.video(LINK))
            .body("Like it?")
            .button("y", "Yes")
            .build());
    m.put(
        "buttons with document header",
        to().buttons()
            .header(InteractiveHeader.document(ID))
            .body("Sign it?")
            .button("y", "Yes")
            .build());
    m.put(
        "list, one untitled section",
        to().list()
            .body("Pick a size")
            .button("Sizes")
            .section(ListSection.untitled(ListRow.of("s", "Small"), ListRow.of("m", "Medium")))
            .build());
    m.put(
        "list, two sections with header, footer and descriptions",
        to().list()
            .header("Appointments")
            .body("Which slot suits you?")
            .footer("Times are local")
            .button("Pick a slot")
            .section(
                "Morning", ListRow.of("am-9", "9:00", "Quietest"), ListRow.of("am-10", "10:00"))
            .section("Afternoon", ListRow.of("pm-2", "14:00"))
            .build());
    m.put(
        "flow by id, published by default",
        to().flow().body("Book a visit").flowId("1234567890123456").flowCta("Book").build());
    m.put(
        "flow by name, draft, navigate with data",
        to().flow()
            .header("Booking")
            .body("Book a visit")
            .footer("Takes a minute")
            .flowName("appointment_booking")
            .flowCta("Book")
            .mode(FlowMessage.Mode.DRAFT)
            .flowToken("session-42")
            .navigate(
                "WELCOME",
                Map.of("customer", "Ana", "visits", 3, "vip", true, "slots", List.of("am", "pm")))
            .build());
    m.put(
        "flow, published, data exchange",
        to().flow()
            .body("Book a visit")
            .flowId("1234567890123456")
            .flowCta("Book")
            .mode(FlowMessage.Mode.PUBLISHED)
            .dataExchange()
            .build());
    m.put(
        "flow with image header and navigate without data",
        to().flow()
            .header(InteractiveHeader.image(LINK))
            .body("Book a visit")
            .flowId("1234567890123456")
            .flowCta("Book")
            .navigate("WELCOME")
            .build());
    m.put(
        "product without body",
        to().product().catalogId("367025965434465").productRetailerId("sku-1").build());
    m.put(
        "product with body and footer",
        to().product()
            .catalogId("367025965434465")
            .productRetailerId("sku-1")
            .body("Back in stock")
            .footer("While supplies last")
            .build());
    m.put(
        "product list, one untitled section",
        to().productList()
            .header("Picks")
            .body("Our favourites")
            .catalogId("146265584024623")
            .section(ProductSection.untitled("sku-1", "sku-2"))
            .build());
    m.put(
        "product list, two sections with footer",
        to().productList()
            .header("Picks")
            .body("Our favourites")
            .footer("Free shipping")
            .catalogId("146265584024623")
            .section("Shirts", "sku-1", "sku-2")
            .section("Shorts", "sku-3")
            .build());
    m.put(
        "catalog",
        to().catalog().body("Browse our catalog").thumbnailProductRetailerId("sku-1").build());
    m.put(
        "catalog with footer",
        to().catalog()
            .body("Browse our catalog")
            .footer("New this week")
            .thumbnailProductRetailerId("sku-1")
            .build());
    m.put("call permission request", to().callPermissionRequest("May we call you?"));
    return m;
  }

  /**
   * Kinds and options Meta documents but the v23 spec's {@code Message} schema lacks: the
   * interactive types {@code cta_url}, {@code location_request_message} and {@code
   * address_message}, and the envelope fields {@code recipient}, {@code biz_opaque_callback_data}
   * and {@code recipient_identity_key_hash}.
   */
  static Map<String, Message> outsideSchema() {
    Map<String, Message> m = new LinkedHashMap<>();
    m.put(
        "cta url with text header and footer",
        to().ctaUrl()
            .header("Dates")
            .body("Tap to see available dates")
            .footer("Updated daily")
            .displayText("See dates")
            .url("https://example.com/schedule")
            .build());
    m.put(
        "cta url with image header",
        to().ctaUrl()
            .header(InteractiveHeader.image(LINK))
            .body("Tap to see available dates")
            .displayText("See dates")
            .url("https://example.com/schedule")
            .build());
    m.put("location request", to().locationRequest("Where should we deliver?"));
    m.put(
        "address with every parameter",
        Message.to("+919876543210")
            .address()
            .header("Delivery")
            .body("Where should we deliver?")
            .footer("India only")
            .country("IN")
            .value("name", "Ana")
            .value("in_pin_code", "560001")
            .savedAddress("home", Map.of("city", "Bengaluru", "in_pin_code", "560001"))
            .validationError("in_pin_code", "We could not find this pin code")
            .build());
    m.put(
        "text to a business-scoped user id",
        Message.to(Recipient.userId("US.13491208655302741918")).text("Hello"));
    m.put("text with callback data", to().bizOpaqueCallbackData("campaign-7").text("Hello"));
    m.put("text with identity hash", to().recipientIdentityKeyHash("DF2lS5v2W6x=").text("Hello"));
    return m;
  }
}
