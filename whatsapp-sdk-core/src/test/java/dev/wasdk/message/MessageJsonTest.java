package dev.wasdk.message;

import static dev.wasdk.message.MessageSamples.ID;
import static dev.wasdk.message.MessageSamples.LINK;
import static dev.wasdk.message.MessageSamples.WAMID;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.internal.json.MessageJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the exact JSON written for the variants the spec's examples do not show: documented kinds
 * the spec lacks, envelope options, media headers, and optional fields left out.
 */
class MessageJsonTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String ENVELOPE =
      "\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
          + "\"to\":\"+16505551234\",";

  private static JsonNode written(Message m) {
    return MAPPER.readTree(MessageJson.toBytes(m));
  }

  private static JsonNode json(String s) {
    return MAPPER.readTree(s);
  }

  @Test
  void toBytes_voice_setsVoiceTrue() {
    assertThat(written(to().voice(ID)))
        .isEqualTo(
            json(
                "{"
                    + ENVELOPE
                    + "\"type\":\"audio\",\"audio\":{\"id\":\"1037543291543636\",\"voice\":true}}"));
  }

  @Test
  void toBytes_audio_leavesVoiceOut() {
    assertThat(written(to().audio(LINK)).path("audio"))
        .isEqualTo(json("{\"link\":\"https://example.com/media/file\"}"));
  }

  @Test
  void toBytes_text_writesPreviewUrlFalseByDefault() {
    assertThat(written(to().text("Hello")).path("text"))
        .isEqualTo(json("{\"preview_url\":false,\"body\":\"Hello\"}"));
  }

  @Test
  void toBytes_groupRecipient_writesGroupRecipientType() {
    Message m = Message.to(Recipient.group("120363025246125486@g.us")).text("Hi");

    assertThat(written(m))
        .isEqualTo(
            json(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"group\","
                    + "\"to\":\"120363025246125486@g.us\",\"type\":\"text\","
                    + "\"text\":{\"preview_url\":false,\"body\":\"Hi\"}}"));
  }

  @Test
  void toBytes_businessScopedUserId_writesRecipientInsteadOfTo() {
    Message m = Message.to("US.13491208655302741918").text("Hi");

    assertThat(written(m))
        .isEqualTo(
            json(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                    + "\"recipient\":\"US.13491208655302741918\",\"type\":\"text\","
                    + "\"text\":{\"preview_url\":false,\"body\":\"Hi\"}}"));
  }

  @Test
  void toBytes_envelopeOptions_writesContextCallbackDataAndIdentityHash() {
    Message m =
        to().replyTo(WAMID)
            .bizOpaqueCallbackData("campaign-7")
            .recipientIdentityKeyHash("DF2lS5v2W6x=")
            .sticker(ID);

    assertThat(written(m))
        .isEqualTo(
            json(
                "{"
                    + ENVELOPE
                    + "\"context\":{\"message_id\":\""
                    + WAMID
                    + "\"},\"biz_opaque_callback_data\":\"campaign-7\","
                    + "\"recipient_identity_key_hash\":\"DF2lS5v2W6x=\","
                    + "\"type\":\"sticker\",\"sticker\":{\"id\":\"1037543291543636\"}}"));
  }

  @Test
  void toBytes_location_writesCoordinatesAsNumbers() {
    JsonNode location = written(to().location(-33.8568, 151.2153)).path("location");

    assertThat(location.path("latitude").isNumber()).isTrue();
    assertThat(location).isEqualTo(json("{\"latitude\":-33.8568,\"longitude\":151.2153}"));
  }

  @Test
  void toBytes_contactWithNameOnly_writesOnlyTheName() {
    assertThat(written(to().contacts(Contact.builder("Ana Lima").build())).path("contacts"))
        .isEqualTo(json("[{\"name\":{\"formatted_name\":\"Ana Lima\"}}]"));
  }

  @Test
  void toBytes_reactionRemoval_writesEmptyEmoji() {
    assertThat(written(to().removeReaction(WAMID)).path("reaction"))
        .isEqualTo(json("{\"message_id\":\"" + WAMID + "\",\"emoji\":\"\"}"));
  }

  @Test
  void toBytes_mediaHeaders_writeTypeAndMedia() {
    for (InteractiveHeader h :
        List.of(
            InteractiveHeader.image(ID),
            InteractiveHeader.video(LINK),
            InteractiveHeader.document(ID))) {
      Message m = to().buttons().header(h).body("b").button("y", "Yes").build();
      String media =
          h instanceof InteractiveHeader.Video
              ? "{\"link\":\"https://example.com/media/file\"}"
              : "{\"id\":\"1037543291543636\"}";

      assertThat(written(m).path("interactive").path("header"))
          .isEqualTo(json("{\"type\":\"" + h.type() + "\",\"" + h.type() + "\":" + media + "}"));
    }
  }

  @Test
  void toBytes_ctaUrl_writesNamedActionWithParameters() {
    Message m =
        to().ctaUrl()
            .header(InteractiveHeader.document(LINK))
            .body("Your statement is ready")
            .footer("Bank Co")
            .displayText("Open")
            .url("https://example.com/s/1?x=y")
            .build();

    assertThat(written(m).path("interactive"))
        .isEqualTo(
            json(
                "{\"type\":\"cta_url\","
                    + "\"header\":{\"type\":\"document\","
                    + "\"document\":{\"link\":\"https://example.com/media/file\"}},"
                    + "\"body\":{\"text\":\"Your statement is ready\"},"
                    + "\"footer\":{\"text\":\"Bank Co\"},"
                    + "\"action\":{\"name\":\"cta_url\",\"parameters\":{"
                    + "\"display_text\":\"Open\",\"url\":\"https://example.com/s/1?x=y\"}}}"));
  }

  @Test
  void toBytes_locationRequest_writesSendLocationAction() {
    assertThat(written(to().locationRequest("Where are you?")))
        .isEqualTo(
            json(
                "{"
                    + ENVELOPE
                    + "\"type\":\"interactive\",\"interactive\":{"
                    + "\"type\":\"location_request_message\","
                    + "\"body\":{\"text\":\"Where are you?\"},"
                    + "\"action\":{\"name\":\"send_location\"}}}"));
  }

  @Test
  void toBytes_callPermissionRequest_writesNamedAction() {
    assertThat(written(to().callPermissionRequest("May we call?")).path("interactive"))
        .isEqualTo(
            json(
                "{\"type\":\"call_permission_request\",\"body\":{\"text\":\"May we call?\"},"
                    + "\"action\":{\"name\":\"call_permission_request\"}}"));
  }

  @Test
  void toBytes_addressMessage_writesEveryParameter() {
    Message m =
        to().address()
            .body("Where to?")
            .country("IN")
            .value("name", "Ana")
            .value("in_pin_code", "560001")
            .savedAddress("home", Map.of("city", "Bengaluru"))
            .validationError("in_pin_code", "Unknown pin code")
            .build();

    assertThat(written(m).path("interactive"))
        .isEqualTo(
            json(
                "{\"type\":\"address_message\",\"body\":{\"text\":\"Where to?\"},"
                    + "\"action\":{\"name\":\"address_message\",\"parameters\":{"
                    + "\"country\":\"IN\","
                    + "\"values\":{\"name\":\"Ana\",\"in_pin_code\":\"560001\"},"
                    + "\"saved_addresses\":[{\"id\":\"home\",\"value\":{\"city\":\"Bengaluru\"}}],"
                    + "\"validation_errors\":{\"in_pin_code\":\"Unknown pin code\"}}}}"));
  }

  @Test
  void toBytes_addressMessageWithCountryOnly_leavesOptionalParametersOut() {
    Message m = to().address().header("Delivery").body("Where to?").country("IN").build();

    assertThat(written(m).path("interactive"))
        .isEqualTo(
            json(
                "{\"type\":\"address_message\","
                    + "\"header\":{\"type\":\"text\",\"text\":\"Delivery\"},"
                    + "\"body\":{\"text\":\"Where to?\"},"
                    + "\"action\":{\"name\":\"address_message\","
                    + "\"parameters\":{\"country\":\"IN\"}}}"));
  }

  @Test
  void toBytes_flowDataExchange_writesNoPayload() {
    Message m = to().flow().body("b").flowId("42").flowCta("Go").dataExchange().build();

    assertThat(written(m).path("interactive").path("action"))
        .isEqualTo(
            json(
                "{\"name\":\"flow\",\"parameters\":{\"flow_message_version\":\"3\","
                    + "\"flow_id\":\"42\",\"flow_cta\":\"Go\","
                    + "\"flow_action\":\"data_exchange\"}}"));
  }

  @Test
  void toBytes_flowData_keepsTypesAndNesting() {
    Message m =
        to().flow()
            .body("b")
            .flowName("booking")
            .flowCta("Go")
            .navigate(
                "WELCOME",
                Map.of(
                    "n",
                    7,
                    "big",
                    12345678901L,
                    "price",
                    new BigDecimal("19.90"),
                    "ratio",
                    0.5,
                    "ok",
                    false,
                    "tags",
                    List.of("a", 1),
                    "nested",
                    Map.of("k", "v")))
            .build();

    assertThat(written(m).path("interactive").path("action").path("parameters"))
        .isEqualTo(
            json(
                "{\"flow_message_version\":\"3\",\"flow_name\":\"booking\",\"flow_cta\":\"Go\","
                    + "\"flow_action\":\"navigate\",\"flow_action_payload\":{\"screen\":\"WELCOME\","
                    + "\"data\":{\"n\":7,\"big\":12345678901,\"price\":19.90,\"ratio\":0.5,"
                    + "\"ok\":false,\"tags\":[\"a\",1],\"nested\":{\"k\":\"v\"}}}}"));
  }

  @Test
  void toBytes_productWithoutBody_writesOnlyTypeAndAction() {
    Message m = to().product().catalogId("1").productRetailerId("sku").build();

    assertThat(written(m).path("interactive"))
        .isEqualTo(
            json(
                "{\"type\":\"product\","
                    + "\"action\":{\"catalog_id\":\"1\",\"product_retailer_id\":\"sku\"}}"));
  }

  @Test
  void toBytes_untitledSections_leaveTitleOut() {
    Message list =
        to().list()
            .body("b")
            .button("Open")
            .section(ListSection.untitled(ListRow.of("a", "A")))
            .build();
    Message products =
        to().productList()
            .header("h")
            .body("b")
            .catalogId("1")
            .section(ProductSection.untitled("sku"))
            .build();

    assertThat(written(list).path("interactive").path("action").path("sections"))
        .isEqualTo(json("[{\"rows\":[{\"id\":\"a\",\"title\":\"A\"}]}]"));
    assertThat(written(products).path("interactive").path("action").path("sections"))
        .isEqualTo(json("[{\"product_items\":[{\"product_retailer_id\":\"sku\"}]}]"));
  }

  @Test
  void toBytes_nonAsciiText_isWrittenAsUtf8() {
    byte[] bytes = MessageJson.toBytes(to().text("Ol\u00e1 \uD83D\uDC4B"));

    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"body\":\"Ol\u00e1 \uD83D\uDC4B\"");
  }
}
