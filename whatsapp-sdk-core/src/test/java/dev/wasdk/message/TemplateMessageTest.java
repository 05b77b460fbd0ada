package dev.wasdk.message;

import static dev.wasdk.message.TemplateSamples.json;
import static dev.wasdk.message.TemplateSamples.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The builder's behaviour and the exact JSON it writes for each kind of component. */
class TemplateMessageTest {

  private static JsonNode templateJson(TemplateMessage m) {
    return json(m).path("template");
  }

  private static JsonNode tree(String json) {
    return Json.MAPPER.readTree(json.replace('\'', '"'));
  }

  @Test
  void build_noComponents_writesNameAndLanguageOnly() {
    TemplateMessage m = template("hello_world").build();

    assertThat(json(m))
        .isEqualTo(
            tree(
                "{'messaging_product':'whatsapp','recipient_type':'individual',"
                    + "'to':'+16505551234','type':'template',"
                    + "'template':{'name':'hello_world','language':{'code':'en_US'}}}"));
    assertThat(m.languageCode()).isEqualTo("en_US");
    assertThat(m.name()).isEqualTo("hello_world");
  }

  @Test
  void build_deterministicLanguagePolicy_writesPolicy() {
    TemplateMessage m = template("hello_world").deterministicLanguagePolicy().build();

    assertThat(templateJson(m).path("language"))
        .isEqualTo(tree("{'code':'en_US','policy':'deterministic'}"));
  }

  @Test
  void build_categoryDeclared_keptButNeverWritten() {
    TemplateMessage declared =
        template("hello_world").category(TemplateCategory.AUTHENTICATION).build();
    TemplateMessage undeclared = template("hello_world").build();

    assertThat(declared.category()).isEqualTo(TemplateCategory.AUTHENTICATION);
    assertThat(undeclared.category()).isEqualTo(TemplateCategory.UNKNOWN);
    assertThat(json(declared)).isEqualTo(json(undeclared));
  }

  @Test
  void build_namedParameters_writesParameterName() {
    TemplateMessage m =
        template("order_named")
            .header(TemplateParameter.namedText("order_id", "8812"))
            .bodyNamed("first_name", "Jessica")
            .body(TemplateParameter.currency("$5.00", "USD", 5000).named("total"))
            .build();

    assertThat(templateJson(m).path("components"))
        .isEqualTo(
            tree(
                "[{'type':'header','parameters':[{'type':'text','parameter_name':'order_id',"
                    + "'text':'8812'}]},"
                    + "{'type':'body','parameters':["
                    + "{'type':'text','parameter_name':'first_name','text':'Jessica'},"
                    + "{'type':'currency','parameter_name':'total','currency':"
                    + "{'fallback_value':'$5.00','code':'USD','amount_1000':5000}}]}]"));
  }

  @Test
  void build_mediaHeaders_writeIdLinkAndFilename() {
    JsonNode image =
        templateJson(template("t").header(TemplateParameter.image(MediaRef.id("42"))).build());
    JsonNode document =
        templateJson(
            template("t")
                .header(
                    TemplateParameter.document(MediaRef.link("https://example.com/a.pdf"), "a.pdf"))
                .build());

    assertThat(image.path("components").get(0))
        .isEqualTo(tree("{'type':'header','parameters':[{'type':'image','image':{'id':'42'}}]}"));
    assertThat(document.path("components").get(0))
        .isEqualTo(
            tree(
                "{'type':'header','parameters':[{'type':'document','document':"
                    + "{'link':'https://example.com/a.pdf','filename':'a.pdf'}}]}"));
  }

  @Test
  void build_locationHeader_writesCoordinatesAsPlainDecimalStrings() {
    TemplateMessage m =
        template("pickup")
            .header(TemplateParameter.location(0.00001, -122.148981, "Philz", "101 Forest Ave"))
            .build();

    assertThat(templateJson(m).path("components").get(0).path("parameters").get(0))
        .isEqualTo(
            tree(
                "{'type':'location','location':{'latitude':'0.00001','longitude':'-122.148981',"
                    + "'name':'Philz','address':'101 Forest Ave'}}"));
    assertThat(
            templateJson(template("t").header(TemplateParameter.location(37, 0)).build())
                .path("components")
                .get(0)
                .path("parameters")
                .get(0)
                .path("location"))
        .isEqualTo(tree("{'latitude':'37','longitude':'0'}"));
  }

  @Test
  void build_productHeader_writesCatalogAndRetailerIds() {
    TemplateMessage m = template("spm").header(TemplateParameter.product("123", "SKU")).build();

    assertThat(templateJson(m).path("components").get(0).path("parameters").get(0))
        .isEqualTo(
            tree("{'type':'product','product':{'product_retailer_id':'SKU','catalog_id':'123'}}"));
  }

  @Test
  void build_otpButton_writesUrlButtonAtIndexZero() {
    TemplateMessage m =
        template("login_code")
            .body(TemplateParameter.text("J$FpnYnP"))
            .otpButton("J$FpnYnP")
            .build();

    assertThat(templateJson(m).path("components"))
        .isEqualTo(
            tree(
                "[{'type':'body','parameters':[{'type':'text','text':'J$FpnYnP'}]},"
                    + "{'type':'button','sub_type':'url','index':0,"
                    + "'parameters':[{'type':'text','text':'J$FpnYnP'}]}]"));
  }

  @Test
  void build_limitedTimeOffer_writesOfferBeforeButtons() {
    TemplateMessage m =
        template("lto")
            .urlButton(1, "n3mtql")
            .copyCodeButton(0, "CARIBE25")
            .limitedTimeOffer(1_698_562_800_000L)
            .build();

    assertThat(templateJson(m).path("components"))
        .isEqualTo(
            tree(
                "[{'type':'limited_time_offer','parameters':[{'type':'limited_time_offer',"
                    + "'limited_time_offer':{'expiration_time_ms':1698562800000}}]},"
                    + "{'type':'button','sub_type':'copy_code','index':0,"
                    + "'parameters':[{'type':'coupon_code','coupon_code':'CARIBE25'}]},"
                    + "{'type':'button','sub_type':'url','index':1,"
                    + "'parameters':[{'type':'text','text':'n3mtql'}]}]"));
  }

  @Test
  void limitedTimeOffer_instant_sameAsEpochMillis() {
    Instant at = Instant.parse("2026-12-31T23:59:59Z");

    assertThat(template("lto").limitedTimeOffer(at).build())
        .isEqualTo(template("lto").limitedTimeOffer(at.toEpochMilli()).build());
  }

  @Test
  void build_flowButton_writesTokenAndData() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("screen_data", Map.of("count", 3));
    data.put("flags", List.of(true, 1.5));

    TemplateMessage m = template("flow").flowButton(2, "tok", data).build();

    assertThat(templateJson(m).path("components").get(0))
        .isEqualTo(
            tree(
                "{'type':'button','sub_type':'flow','index':2,'parameters':[{'type':'action',"
                    + "'action':{'flow_token':'tok','flow_action_data':"
                    + "{'screen_data':{'count':3},'flags':[true,1.5]}}}]}"));
  }

  @Test
  void build_flowDataChangedAfterwards_messageUnchanged() {
    Map<String, Object> data = new LinkedHashMap<>();
    List<Object> list = new ArrayList<>(List.of("a"));
    data.put("items", list);
    TemplateMessage m = template("flow").flowButton(0, "tok", data).build();

    data.put("later", "x");
    list.add("b");

    TemplateButton.Flow flow = (TemplateButton.Flow) m.components().get(0);
    assertThat(flow.flowActionData()).containsOnlyKeys("items");
    assertThat(flow.flowActionData().get("items")).isEqualTo(List.of("a"));
  }

  @Test
  void build_mpmButton_writesSections() {
    TemplateMessage m =
        template("mpm")
            .header(TemplateParameter.text("Our picks"))
            .mpmButton(0, "SKU-1", List.of(TemplateProductSection.of("Popular", "SKU-1", "SKU-2")))
            .build();

    assertThat(templateJson(m).path("components").get(1))
        .isEqualTo(
            tree(
                "{'type':'button','sub_type':'mpm','index':0,'parameters':[{'type':'action',"
                    + "'action':{'thumbnail_product_retailer_id':'SKU-1','sections':[{'title':"
                    + "'Popular','product_items':[{'product_retailer_id':'SKU-1'},"
                    + "{'product_retailer_id':'SKU-2'}]}]}}]}"));
  }

  @Test
  void build_carousel_writesCardIndexesFromPosition() {
    TemplateMessage m =
        template("carousel")
            .bodyText("Pablo")
            .carousel(
                TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("1")))
                    .quickReplyButton(0, "p1")
                    .build(),
                TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("2")))
                    .quickReplyButton(0, "p2")
                    .build())
            .build();

    assertThat(templateJson(m).path("components").get(1))
        .isEqualTo(
            tree(
                "{'type':'carousel','cards':["
                    + "{'card_index':0,'components':["
                    + "{'type':'header','parameters':[{'type':'image','image':{'id':'1'}}]},"
                    + "{'type':'button','sub_type':'quick_reply','index':0,"
                    + "'parameters':[{'type':'payload','payload':'p1'}]}]},"
                    + "{'card_index':1,'components':["
                    + "{'type':'header','parameters':[{'type':'image','image':{'id':'2'}}]},"
                    + "{'type':'button','sub_type':'quick_reply','index':0,"
                    + "'parameters':[{'type':'payload','payload':'p2'}]}]}]}"));
  }

  @Test
  void build_tapTarget_writesNestedConfigurationArray() {
    TemplateMessage m = template("promo").tapTarget("https://shop.example/o", "Offer").build();

    assertThat(templateJson(m).path("components").get(0))
        .isEqualTo(
            tree(
                "{'type':'tap_target_configuration','parameters':[{'type':"
                    + "'tap_target_configuration','tap_target_configuration':"
                    + "[{'url':'https://shop.example/o','title':'Offer'}]}]}"));
  }

  @Test
  void build_buttonsAddedOutOfOrder_sentByIndex() {
    TemplateMessage m =
        template("t").urlButton(2, "c").quickReplyButton(0, "a").quickReplyButton(1, "b").build();

    assertThat(m.components())
        .extracting(c -> ((TemplateButton) c).index())
        .containsExactly(0, 1, 2);
  }

  @Test
  void carouselCardBuilder_buttonsOutOfOrder_orderedByIndex() {
    TemplateCarouselCard card =
        TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("1")))
            .urlButton(1, "u")
            .quickReplyButton(0, "q")
            .build();

    assertThat(card.buttons()).extracting(TemplateButton::index).containsExactly(0, 1);
  }

  @Test
  void body_calledTwice_appendsInOrder() {
    TemplateMessage m =
        template("t")
            .body(TemplateParameter.text("a"))
            .bodyText("b")
            .body(TemplateParameter.dateTime("c"))
            .build();

    assertThat(((TemplateComponent.Body) m.components().get(0)).parameters())
        .containsExactly(
            TemplateParameter.text("a"),
            TemplateParameter.text("b"),
            TemplateParameter.dateTime("c"));
  }

  @Test
  void header_calledTwice_lastWins() {
    TemplateMessage m =
        template("t")
            .header(TemplateParameter.text("first"))
            .header(TemplateParameter.text("second"))
            .build();

    assertThat(m.components())
        .containsExactly(new TemplateComponent.Header(TemplateParameter.text("second")));
  }

  @Test
  void toBuilder_everySample_rebuildsAnEqualMessage() {
    for (TemplateMessage m : TemplateSamples.all().values()) {
      assertThat(m.toBuilder().build()).as(m.name()).isEqualTo(m);
    }
  }

  @Test
  void carouselCardToBuilder_rebuildsAnEqualCard() {
    TemplateCarouselCard card =
        TemplateCarouselCard.builder(TemplateParameter.video(MediaRef.id("9")))
            .body(TemplateParameter.text("x"))
            .urlButton(0, "y")
            .build();

    assertThat(card.toBuilder().build()).isEqualTo(card);
  }

  @Test
  void toString_secretsAndTexts_leftOut() {
    TemplateMessage m =
        template("login_code")
            .body(TemplateParameter.text("SECRET-482913"))
            .otpButton("482913")
            .build();

    assertThat(m.toString())
        .contains("login_code")
        .doesNotContain("482913")
        .doesNotContain("SECRET")
        .doesNotContain("6505551234");
  }

  @Test
  void invalidMessageException_textTooLong_doesNotCarryTheValue() {
    String value = "VALUE-" + "x".repeat(TemplateLimits.BODY_TEXT_PARAMETER_MAX);

    assertThatThrownBy(() -> template("t").bodyText(value).build())
        .hasMessageNotContaining("VALUE-")
        .hasMessageContaining("1030 characters");
  }

  @Test
  void messageBuilderTemplate_nullName_throwsNullPointerException() {
    assertThatThrownBy(() -> Message.to(TemplateSamples.TO).template(null, "en_US"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("name");
  }

  @Test
  void categoryFromString_knownAnyCaseAndUnknown_mapped() {
    assertThat(TemplateCategory.fromString("marketing")).isEqualTo(TemplateCategory.MARKETING);
    assertThat(TemplateCategory.fromString("UTILITY")).isEqualTo(TemplateCategory.UTILITY);
    assertThat(TemplateCategory.fromString(" Authentication "))
        .isEqualTo(TemplateCategory.AUTHENTICATION);
    assertThat(TemplateCategory.fromString("SERVICE")).isEqualTo(TemplateCategory.UNKNOWN);
    assertThat(TemplateCategory.fromString(null)).isEqualTo(TemplateCategory.UNKNOWN);
  }
}
