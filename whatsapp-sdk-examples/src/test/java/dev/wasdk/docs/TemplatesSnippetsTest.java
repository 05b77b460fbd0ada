package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.Page;
import dev.wasdk.client.TemplateCreated;
import dev.wasdk.client.TemplateQuery;
import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateButton;
import dev.wasdk.message.TemplateCarouselCard;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TemplateParameter;
import dev.wasdk.message.TemplateProductSection;
import dev.wasdk.template.Button;
import dev.wasdk.template.Component;
import dev.wasdk.template.HeaderFormat;
import dev.wasdk.template.ParameterFormat;
import dev.wasdk.template.Template;
import dev.wasdk.template.TemplateDefinition;
import dev.wasdk.template.TemplateEdit;
import dev.wasdk.template.TemplateStatus;
import dev.wasdk.testkit.PlatformRule;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/templates.md}, run against the simulator's template endpoints. */
class TemplatesSnippetsTest extends SimulatorFixture {

  @Test
  void create_utilityWithPositionalVariables_isApprovedAndListed() {
    // tag::create-utility[]
    TemplateDefinition orderUpdate =
        TemplateDefinition.builder("order_update", "en_US", TemplateCategory.UTILITY)
            .component(Component.textHeader("Order {{1}}", "8812"))
            .component(Component.body("Hi {{1}}, your order ships {{2}}.", "Mark", "today"))
            .component(Component.footer("Questions? Just reply."))
            .component(
                Component.buttons(
                    Button.url("Track", "https://example.com/track/{{1}}", "8812"),
                    Button.phoneNumber("Call us", "+16505550000")))
            .build(); // Meta's creation rules are checked here

    TemplateCreated created = wa.templates().create(orderUpdate);
    System.out.println(created.id() + " " + created.status()); // e.g. APPROVED or PENDING
    // end::create-utility[]

    assertThat(wa.templates().get(created.id()).name()).isEqualTo("order_update");
  }

  @Test
  void create_marketingWithNamedVariablesAndQuickReplies_isAccepted() {
    // tag::create-named[]
    Map<String, String> examples = new LinkedHashMap<>(); // keeps the variables' order
    examples.put("first_name", "Mark");
    examples.put("discount", "25%");

    TemplateDefinition promo =
        TemplateDefinition.builder("autumn_sale", "en_US", TemplateCategory.MARKETING)
            .parameterFormat(ParameterFormat.NAMED)
            .component(Component.namedTextHeader("Hi {{first_name}}!", "first_name", "Mark"))
            .component(
                Component.namedBody(
                    "Hi {{first_name}}, take {{discount}} off everything this week.", examples))
            .component(Component.footer("Tap Stop promotions to opt out"))
            .component(
                Component.buttons(
                    Button.quickReply("Show me"),
                    Button.quickReply("Stop promotions"),
                    Button.copyCode("AUTUMN25")))
            .allowCategoryChange(false)
            .build();
    wa.templates().create(promo);
    // end::create-named[]

    assertThat(wa.templates().list(TemplateQuery.named("autumn_sale")).items())
        .singleElement()
        .satisfies(t -> assertThat(t.parameterFormat()).isEqualTo(ParameterFormat.NAMED));
  }

  @Test
  void create_authenticationOtp_isAccepted() {
    // tag::create-otp[]
    TemplateDefinition otp =
        TemplateDefinition.builder("login_code", "en_US", TemplateCategory.AUTHENTICATION)
            .component(Component.authenticationBody(true)) // WhatsApp writes the text
            .component(Component.codeExpirationFooter(10)) // "This code expires in 10 minutes."
            .component(Component.buttons(Button.otpCopyCode("Copy code")))
            .build();
    wa.templates().create(otp);
    // end::create-otp[]

    // tag::create-otp-one-tap[]
    Button oneTap =
        Button.otpOneTap(
            "Copy code",
            "Autofill",
            List.of(new Button.AndroidApp("com.example.shop", "K8a/AINcGX7")));
    // end::create-otp-one-tap[]

    assertThat(oneTap).isInstanceOf(Button.Otp.class);
    assertThat(wa.templates().list(TemplateQuery.named("login_code")).items()).hasSize(1);
  }

  @Test
  void create_mediaCarouselAndLimitedTimeOffer_areAccepted() {
    // tag::create-carousel-lto[]
    Component.Card card =
        Component.Card.of(
            Component.mediaHeader(HeaderFormat.IMAGE, "4::aW1hZ2UvcG5n:ARb-example-handle"),
            Component.body("Fresh {{1}} beans, roasted this week.", "Ethiopian"),
            Component.buttons(
                Button.quickReply("Add to cart"),
                Button.url("Details", "https://example.com/beans/{{1}}", "ethiopia-250g")));

    TemplateDefinition carousel =
        TemplateDefinition.builder("bean_carousel", "en_US", TemplateCategory.MARKETING)
            .component(Component.body("Hi {{1}}, our new roasts are in.", "Mark"))
            .component(Component.carousel(List.of(card, card))) // up to 10 cards, all alike
            .build();

    TemplateDefinition offer =
        TemplateDefinition.builder("flash_sale", "en_US", TemplateCategory.MARKETING)
            .component(Component.limitedTimeOffer("Flash sale!", true)) // text of 16 at most
            .component(Component.body("Hi {{1}}, 30% off until midnight.", "Mark"))
            .component(
                Component.buttons(
                    Button.copyCode("FLASH30"),
                    Button.url("Shop now", "https://example.com/sale/{{1}}", "flash")))
            .build();

    wa.templates().create(carousel);
    wa.templates().create(offer);
    // end::create-carousel-lto[]

    assertThat(wa.templates().list(TemplateQuery.named("bean_carousel")).items()).hasSize(1);
    assertThat(wa.templates().list(TemplateQuery.named("flash_sale")).items()).hasSize(1);
  }

  @Test
  void create_otherButtonKinds_buildAValidDefinition() {
    // tag::create-buttons[]
    TemplateDefinition shop =
        TemplateDefinition.builder("shop_menu", "en_US", TemplateCategory.MARKETING)
            .component(Component.body("Hi {{1}}, what would you like to do?", "Mark"))
            .component(
                Component.buttons(
                    Button.flowById("Book a table", "1234567890123456", "WELCOME"),
                    Button.catalog("View catalog")))
            .build();
    // end::create-buttons[]

    assertThat(shop.components()).hasSize(2);
    assertThatThrownBy(
            () ->
                TemplateDefinition.builder("bad_otp", "en_US", TemplateCategory.MARKETING)
                    .component(Component.body("Hi"))
                    .component(Component.buttons(Button.otpCopyCode("Copy")))
                    .build())
        .isInstanceOf(InvalidMessageException.class);
  }

  @Test
  void listGetEditDelete_roundTripOnTheSimulator() {
    wa.templates()
        .create(
            TemplateDefinition.builder("order_update", "en_US", TemplateCategory.UTILITY)
                .component(Component.body("Hi {{1}}, your order ships {{2}}.", "Mark", "today"))
                .build());
    // tag::manage[]
    // One page at a time, with its cursor
    Page<Template> page = wa.templates().list(); // the first page of all templates
    while (page.hasNext()) {
      page = wa.templates().list(TemplateQuery.all(), page.after());
    }

    // Or every page, fetched lazily; close the stream when done
    TemplateQuery approved =
        TemplateQuery.builder().status(TemplateStatus.APPROVED).language("en_US").build();
    try (Stream<Template> all = wa.templates().stream(approved)) {
      all.forEach(t -> System.out.println(t.name() + " " + t.category() + " " + t.status()));
    }

    Template t = wa.templates().list(TemplateQuery.named("order_update")).items().get(0);
    Template read = wa.templates().get(t.id()); // by id
    wa.templates()
        .edit(
            read.id(),
            TemplateEdit.components(
                Component.body("Hi {{1}}, your order ships {{2}}. Thanks!", "Mark", "today")));
    wa.templates().deleteByName("order_update"); // every language; or delete(id, name) for one
    // end::manage[]

    assertThat(wa.templates().list(TemplateQuery.named("order_update")).items()).isEmpty();
  }

  @Test
  void send_everyParameterKind_buildsAndIsAccepted() {
    // The simulator checks sends against registered templates; these illustrate each kind alone.
    wa.close();
    sim.close();
    sim = WhatsAppSimulator.builder().disable(PlatformRule.TEMPLATES).start();
    wa = clientFor(sim);
    sim.userSends(USER, "Hi");

    // tag::send-parameters[]
    TemplateMessage order =
        Message.to("+16505551234")
            .template("order_update", "en_US")
            .category(TemplateCategory.UTILITY) // not sent; lets a sender prioritize and pace
            .header(TemplateParameter.image(MediaRef.id("1037543291543636")))
            .body(
                TemplateParameter.text("Pablo"),
                TemplateParameter.currency("$12.50", "USD", 12_500), // amount x 1000
                TemplateParameter.dateTime("March 3, 2026"))
            .quickReplyButton(0, "STOP_UPDATES")
            .urlButton(1, "8812") // the suffix of the template's https://example.com/track/{{1}}
            .build();

    TemplateMessage named =
        Message.to("+16505551234")
            .template("autumn_sale", "en_US")
            .category(TemplateCategory.MARKETING)
            .header(TemplateParameter.namedText("first_name", "Mark"))
            .bodyNamed("first_name", "Mark")
            .bodyNamed("discount", "25%")
            .copyCodeButton(2, "AUTUMN25")
            .build();

    TemplateMessage code =
        Message.to("+16505551234")
            .template("login_code", "en_US")
            .category(TemplateCategory.AUTHENTICATION)
            .bodyText("493021") // the body and the button take the same code
            .otpButton("493021")
            .build();
    // end::send-parameters[]

    // tag::send-more-headers[]
    TemplateParameter video = TemplateParameter.video(MediaRef.link("https://example.com/a.mp4"));
    TemplateParameter pdf =
        TemplateParameter.document(MediaRef.id("1037543291543639"), "invoice-8812.pdf");
    TemplateParameter place =
        TemplateParameter.location(37.4847, -122.1477, "Philz Coffee", "101 Forest Ave");
    TemplateParameter product = TemplateParameter.product("194836987003835", "latte-beans-1kg");
    // end::send-more-headers[]

    // tag::send-buttons[]
    TemplateMessage shop =
        Message.to("+16505551234")
            .template("shop_menu", "en_US")
            .category(TemplateCategory.MARKETING)
            .bodyText("Mark")
            .flowButton(0, "booking-8812", Map.of("guests", 2))
            .catalogButton(1, "ethiopia-250g")
            .build();

    TemplateMessage beans =
        Message.to("+16505551234")
            .template("bean_list", "en_US")
            .category(TemplateCategory.MARKETING)
            .bodyText("Mark")
            .mpmButton(
                0,
                "ethiopia-250g",
                List.of(TemplateProductSection.of("Single origin", "ethiopia-250g", "kenya-250g")))
            .build();
    // end::send-buttons[]

    // tag::send-carousel-lto[]
    TemplateMessage carousel =
        Message.to("+16505551234")
            .template("bean_carousel", "en_US")
            .category(TemplateCategory.MARKETING)
            .bodyText("Mark")
            .carousel(
                TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("111")))
                    .body(TemplateParameter.text("Ethiopian"))
                    .quickReplyButton(0, "add-ethiopia")
                    .urlButton(1, "ethiopia-250g")
                    .build(),
                TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("222")))
                    .body(TemplateParameter.text("Kenyan"))
                    .quickReplyButton(0, "add-kenya")
                    .urlButton(1, "kenya-250g")
                    .build())
            .build();

    TemplateMessage flash =
        Message.to("+16505551234")
            .template("flash_sale", "en_US")
            .category(TemplateCategory.MARKETING)
            .limitedTimeOffer(Instant.parse("2026-11-30T23:59:00Z"))
            .bodyText("Mark")
            .copyCodeButton(0, "FLASH30")
            .urlButton(1, "flash")
            .build();
    // end::send-carousel-lto[]

    List<TemplateMessage> all = List.of(order, named, code, shop, beans, carousel, flash);
    all.forEach(wa.messages()::send);
    List<TemplateMessage> withHeaders =
        Stream.of(video, pdf, place, product)
            .map(
                h ->
                    Message.to("+16505551234")
                        .template("any_header", "en_US")
                        .header(h)
                        .bodyText("x")
                        .build())
            .collect(Collectors.toList());
    withHeaders.forEach(wa.messages()::send);

    assertThat(sim.sentMessages()).hasSize(all.size() + withHeaders.size());
    String json = sim.sentMessages().stream().map(s -> s.json()).collect(Collectors.joining("\n"));
    assertThat(json)
        .contains(
            "\"sub_type\":\"quick_reply\"",
            "\"sub_type\":\"url\"",
            "\"sub_type\":\"copy_code\"",
            "\"sub_type\":\"flow\"",
            "\"sub_type\":\"catalog\"",
            "\"sub_type\":\"mpm\"",
            "\"type\":\"carousel\"",
            "\"type\":\"limited_time_offer\"",
            "\"parameter_name\":\"first_name\"",
            "\"amount_1000\":12500",
            "\"type\":\"location\"",
            "\"type\":\"product\"");
    assertThat(TemplateButton.quickReply(0, "x").index()).isZero();
  }

  @Test
  void sendBuilder_fromAReadTemplate_checksParameters() {
    wa.templates()
        .create(
            TemplateDefinition.builder("order_update", "en_US", TemplateCategory.UTILITY)
                .component(Component.textHeader("Order {{1}}", "8812"))
                .component(Component.body("Hi {{1}}, your order ships {{2}}.", "Mark", "today"))
                .component(
                    Component.buttons(
                        Button.url("Track", "https://example.com/track/{{1}}", "8812")))
                .build());
    // tag::send-builder[]
    Template template = wa.templates().list(TemplateQuery.named("order_update")).items().get(0);

    TemplateMessage message =
        template
            .sendBuilder(Message.to("+16505551234")) // name, language and category come along
            .header(TemplateParameter.text("8812"))
            .bodyText("Mark", "today")
            .urlButton(0, "8812")
            .build(); // a missing, extra or wrong-kind parameter fails here
    wa.messages().send(message);
    // end::send-builder[]

    // tag::send-builder-wrong[]
    try {
      template.sendBuilder(Message.to("+16505551234")).bodyText("Mark").build();
    } catch (InvalidMessageException e) {
      System.out.println(
          e.getMessage()); // names the first problem: the header parameter is missing
    }
    // end::send-builder-wrong[]

    assertThat(lastJson()).contains("\"name\":\"order_update\"", "\"text\":\"8812\"");
    assertThatThrownBy(
            () -> template.sendBuilder(Message.to("+16505551234")).bodyText("Mark").build())
        .isInstanceOf(InvalidMessageException.class);
    assertThat(sim.sentMessages()).noneMatch(s -> s.failed());
  }
}
