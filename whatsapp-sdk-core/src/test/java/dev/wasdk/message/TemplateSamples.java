package dev.wasdk.message;

import dev.wasdk.internal.json.Json;
import dev.wasdk.internal.json.MessageJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Template messages that between them use every parameter kind, every button kind, a carousel, a
 * limited-time offer, a tap target, named parameters and the language policy. Shared by the schema
 * and round-trip tests.
 */
final class TemplateSamples {
  static final String TO = "+16505551234";

  private TemplateSamples() {}

  /** Returns the request body of a message as a JSON tree. */
  static JsonNode json(Message m) {
    return Json.MAPPER.readTree(MessageJson.toBytes(m));
  }

  /** Returns a builder for a template to {@link #TO}. */
  static TemplateMessage.Builder template(String name) {
    return Message.to(TO).template(name, "en_US");
  }

  /** Returns the samples by a descriptive name, in a stable order. */
  static Map<String, TemplateMessage> all() {
    Map<String, TemplateMessage> m = new LinkedHashMap<>();
    m.put("no parameters", template("hello_world").build());
    m.put(
        "deterministic language policy",
        template("hello_world").deterministicLanguagePolicy().build());
    m.put(
        "text header, text, currency and date_time body",
        template("order_update")
            .header(TemplateParameter.text("Order 8812"))
            .body(
                TemplateParameter.text("Pablo"),
                TemplateParameter.currency("$100.99", "USD", 100_990),
                TemplateParameter.dateTime("February 25, 1977"))
            .build());
    m.put(
        "named header and body parameters",
        template("named_order")
            .header(TemplateParameter.namedText("order_id", "8812"))
            .bodyNamed("first_name", "Pablo")
            .body(
                TemplateParameter.currency("$5", "EUR", 5000).named("total"),
                TemplateParameter.dateTime("tomorrow").named("eta"))
            .build());
    m.put(
        "image header by id, quick replies",
        template("promo")
            .header(TemplateParameter.image(MediaRef.id("1037543291543636")))
            .bodyText("Pablo")
            .quickReplyButton(0, "YES")
            .quickReplyButton(1, "STOP")
            .build());
    m.put(
        "video header by link, url button",
        template("video_promo")
            .header(TemplateParameter.video(MediaRef.link("https://example.com/clip.mp4")))
            .urlButton(0, "campaign/42")
            .build());
    m.put(
        "document header with filename",
        template("invoice")
            .header(
                TemplateParameter.document(
                    MediaRef.link("https://example.com/inv.pdf"), "invoice-8812.pdf"))
            .build());
    m.put(
        "location header",
        template("store_pickup")
            .header(
                TemplateParameter.location(
                    37.483307, -122.148981, "Philz Coffee", "101 Forest Ave, Palo Alto"))
            .build());
    m.put(
        "product header (single product)",
        template("spm_offer")
            .header(TemplateParameter.product("194836987003835", "SKU-7"))
            .bodyText("Pablo")
            .build());
    m.put(
        "authentication one-time password",
        template("login_code")
            .category(TemplateCategory.AUTHENTICATION)
            .body(TemplateParameter.text("482913"))
            .otpButton("482913")
            .build());
    m.put(
        "limited-time offer with copy-code and url buttons",
        template("lto_getaway")
            .category(TemplateCategory.MARKETING)
            .header(TemplateParameter.image(MediaRef.id("1602186516975000")))
            .bodyText("Pablo", "CARIBE25")
            .limitedTimeOffer(Instant.parse("2026-12-31T23:59:59Z"))
            .copyCodeButton(0, "CARIBE25")
            .urlButton(1, "n3mtql")
            .build());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("product_name", "name");
    data.put("product_price", 100);
    data.put("in_stock", true);
    data.put("tags", List.of("a", "b"));
    m.put(
        "flow button with data",
        template("flow_signup").flowButton(0, "FLOW_TOKEN-1", data).build());
    m.put("flow button without data", template("flow_signup").flowButton(0, "unused").build());
    m.put(
        "catalog button",
        template("intro_catalog_offer")
            .bodyText("100", "400", "3")
            .catalogButton(0, "2lc20305pt")
            .build());
    m.put(
        "multi-product button",
        template("abandoned_cart")
            .header(TemplateParameter.text("Forget something?"))
            .bodyText("Pablo")
            .mpmButton(
                0,
                "SKU-1",
                List.of(
                    TemplateProductSection.of("Popular", "SKU-1", "SKU-2"),
                    TemplateProductSection.of("New", "SKU-3")))
            .build());
    m.put(
        "media card carousel",
        template("summer_carousel")
            .category(TemplateCategory.MARKETING)
            .bodyText("Pablo", "15OFF")
            .carousel(
                TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("11")))
                    .body(TemplateParameter.text("15OFF"))
                    .quickReplyButton(0, "more-like-this-1")
                    .urlButton(1, "blue_elf")
                    .build(),
                TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("12")))
                    .body(TemplateParameter.text("20OFF"))
                    .quickReplyButton(0, "more-like-this-2")
                    .urlButton(1, "red_elf")
                    .build())
            .build());
    m.put(
        "product card carousel",
        template("product_carousel")
            .bodyText("Pablo")
            .carousel(
                TemplateCarouselCard.builder(TemplateParameter.product("194836987003835", "A"))
                    .urlButton(0, "a")
                    .build(),
                TemplateCarouselCard.builder(TemplateParameter.product("194836987003835", "B"))
                    .urlButton(0, "b")
                    .build())
            .build());
    m.put(
        "video card carousel",
        template("video_carousel")
            .carousel(
                TemplateCarouselCard.builder(
                        TemplateParameter.video(MediaRef.link("https://example.com/a.mp4")))
                    .build())
            .build());
    m.put(
        "tap target",
        template("august_promotion")
            .header(TemplateParameter.image(MediaRef.link("https://www.example.com/plant.jpg")))
            .bodyText("Hello Andy")
            .tapTarget("https://www.example.com/offer", "Offer Details")
            .build());
    m.put(
        "reply with callback data",
        Message.to(TO)
            .replyTo("wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA")
            .bizOpaqueCallbackData("campaign-7")
            .template("hello_world", "en")
            .build());
    m.put(
        "body-only template with a long parameter",
        template("long_note").bodyOnlyTemplate().bodyText("x".repeat(5000)).build());
    return m;
  }
}
