package dev.wasdk.message;

import static dev.wasdk.message.TemplateSamples.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.InvalidMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each documented rule, broken once, with the exact field path the exception names. */
class TemplateValidationTest {

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(
      ThrowingCallable build, String path) {
    return assertThatThrownBy(build)
        .isInstanceOf(InvalidMessageException.class)
        .satisfies(e -> assertThat(((InvalidMessageException) e).fieldPath()).isEqualTo(path));
  }

  private static TemplateCarouselCard imageCard(String id) {
    return TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id(id)))
        .quickReplyButton(0, "p")
        .build();
  }

  // ---- name and language

  @Test
  void build_nameWithCapitals_failsAtName() {
    assertFails(() -> template("Order_Update").build(), "template.name")
        .hasMessageContaining("lowercase letters, digits and underscores");
  }

  @Test
  void build_nameWithHyphen_failsAtName() {
    assertFails(() -> template("order-update").build(), "template.name");
  }

  @Test
  void build_nameOverLimit_failsAtName() {
    assertFails(() -> template("a".repeat(TemplateLimits.NAME_MAX + 1)).build(), "template.name")
        .hasMessageContaining("at most 512 characters");
    assertThatNoException().isThrownBy(() -> template("a".repeat(TemplateLimits.NAME_MAX)).build());
  }

  @Test
  void build_languageCodeMalformed_failsAtLanguageCode() {
    assertFails(
        () -> Message.to(TemplateSamples.TO).template("t", "en-US").build(),
        "template.language.code");
    assertFails(
        () -> Message.to(TemplateSamples.TO).template("t", "english").build(),
        "template.language.code");
  }

  @Test
  void build_languageCodesOfEveryShape_accepted() {
    for (String code : List.of("en", "en_US", "pt_BR", "fil", "prs_AF", "zh_HK")) {
      assertThat(Message.to(TemplateSamples.TO).template("t", code).build().languageCode())
          .isEqualTo(code);
    }
  }

  // ---- header and body text

  @Test
  void build_headerTextOver60_failsAtHeaderText() {
    assertFails(
            () -> template("t").header(TemplateParameter.text("h".repeat(61))).build(),
            "template.components[0].parameters[0].text")
        .hasMessageContaining("at most 60 characters")
        .hasMessageContaining("61 characters");
  }

  @Test
  void build_bodyTextOver1024AfterHeader_failsAtSecondComponent() {
    assertFails(
        () ->
            template("t")
                .header(TemplateParameter.text("h"))
                .bodyText("ok", "b".repeat(TemplateLimits.BODY_TEXT_PARAMETER_MAX + 1))
                .build(),
        "template.components[1].parameters[1].text");
  }

  @Test
  void build_bodyOnlyTemplate_allowsLongBodyUpTo32768() {
    assertThatNoException()
        .isThrownBy(
            () ->
                template("t")
                    .bodyOnlyTemplate()
                    .bodyText("b".repeat(TemplateLimits.BODY_ONLY_TEXT_PARAMETER_MAX))
                    .build());
    assertFails(
        () ->
            template("t")
                .bodyOnlyTemplate()
                .bodyText("b".repeat(TemplateLimits.BODY_ONLY_TEXT_PARAMETER_MAX + 1))
                .build(),
        "template.components[0].parameters[0].text");
  }

  @Test
  void build_bodyOnlyTemplateWithButton_failsAtButton() {
    assertFails(
            () -> template("t").bodyOnlyTemplate().bodyText("b").quickReplyButton(0, "p").build(),
            "template.components[1]")
        .hasMessageContaining("bodyOnlyTemplate()");
  }

  @Test
  void build_bodyTextWithNewline_failsAtText() {
    assertFails(
            () -> template("t").bodyText("line 1\nline 2").build(),
            "template.components[0].parameters[0].text")
        .hasMessageContaining("a newline");
  }

  @Test
  void build_bodyTextWithTab_failsAtText() {
    assertFails(
            () -> template("t").bodyText("a\tb").build(),
            "template.components[0].parameters[0].text")
        .hasMessageContaining("a tab");
  }

  @Test
  void build_bodyTextWithFiveSpaces_failsAtText() {
    assertFails(
            () -> template("t").bodyText("a     b").build(),
            "template.components[0].parameters[0].text")
        .hasMessageContaining("5 consecutive spaces");
    assertThatNoException().isThrownBy(() -> template("t").bodyText("a    b").build());
  }

  @Test
  void build_headerTextWithNewline_failsAtHeaderText() {
    assertFails(
        () -> template("t").header(TemplateParameter.text("a\r\nb")).build(),
        "template.components[0].parameters[0].text");
  }

  @Test
  void build_blankBodyText_failsAtText() {
    assertFails(
        () -> template("t").bodyText("   ").build(), "template.components[0].parameters[0].text");
    assertFails(
        () -> template("t").bodyText("").build(), "template.components[0].parameters[0].text");
  }

  // ---- named and positional parameters

  @Test
  void build_namedThenPositionalInBody_failsAtSecondParameterName() {
    assertFails(
            () -> template("t").bodyNamed("first_name", "Pablo").bodyText("positional").build(),
            "template.components[0].parameters[1].parameter_name")
        .hasMessageContaining("cannot be mixed")
        .hasMessageContaining("template.components[0].parameters[0] is named");
  }

  @Test
  void build_positionalHeaderNamedBody_failsAtBodyParameterName() {
    assertFails(
            () ->
                template("t")
                    .header(TemplateParameter.text("h"))
                    .bodyNamed("first_name", "Pablo")
                    .build(),
            "template.components[1].parameters[0].parameter_name")
        .hasMessageContaining("template.components[0].parameters[0] is positional");
  }

  @Test
  void build_namedCarouselCardInPositionalTemplate_failsAtCardParameterName() {
    assertFails(
        () ->
            template("t")
                .bodyText("Pablo")
                .carousel(
                    TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("1")))
                        .body(TemplateParameter.namedText("code", "X"))
                        .build())
                .build(),
        "template.components[1].cards[0].components[1].parameters[0].parameter_name");
  }

  @Test
  void build_parameterNameWithCapitalsOrHyphen_failsAtParameterName() {
    assertFails(
        () -> template("t").bodyNamed("First_Name", "Pablo").build(),
        "template.components[0].parameters[0].parameter_name");
    assertFails(
        () -> template("t").bodyNamed("first-name", "Pablo").build(),
        "template.components[0].parameters[0].parameter_name");
    assertThatNoException().isThrownBy(() -> template("t").bodyNamed("order_2", "x").build());
  }

  @Test
  void build_parameterNameTwiceInBody_failsAtSecond() {
    assertFails(
            () -> template("t").bodyNamed("name", "a").bodyNamed("name", "b").build(),
            "template.components[0].parameters[1].parameter_name")
        .hasMessageContaining("unique");
  }

  // ---- currency and header kinds

  @Test
  void build_currencyCodeNotThreeCapitals_failsAtCode() {
    for (String code : List.of("usd", "US", "USDT", "U$D")) {
      assertFails(
          () -> template("t").body(TemplateParameter.currency("$1", code, 1000)).build(),
          "template.components[0].parameters[0].currency.code");
    }
  }

  @Test
  void build_currencyAmountBeyondInt32_failsAtAmount() {
    assertFails(
        () ->
            template("t")
                .body(TemplateParameter.currency("big", "IDR", Integer.MAX_VALUE + 1L))
                .build(),
        "template.components[0].parameters[0].currency.amount_1000");
    assertThatNoException()
        .isThrownBy(
            () ->
                template("t")
                    .body(TemplateParameter.currency("big", "IDR", Integer.MAX_VALUE))
                    .build());
  }

  @Test
  void build_blankCurrencyFallback_failsAtFallbackValue() {
    assertFails(
        () -> template("t").body(TemplateParameter.currency(" ", "USD", 1)).build(),
        "template.components[0].parameters[0].currency.fallback_value");
  }

  @Test
  void build_emptyDateTimeFallback_failsAtFallbackValue() {
    assertFails(
        () -> template("t").body(TemplateParameter.dateTime("")).build(),
        "template.components[0].parameters[0].date_time.fallback_value");
  }

  @Test
  void build_currencyInHeader_failsAtHeaderType() {
    assertFails(
            () -> template("t").header(TemplateParameter.currency("$1", "USD", 1000)).build(),
            "template.components[0].parameters[0].type")
        .hasMessageContaining("currency");
  }

  @Test
  void build_locationOutOfRange_failsAtCoordinate() {
    assertFails(
        () -> template("t").header(TemplateParameter.location(90.5, 0)).build(),
        "template.components[0].parameters[0].location.latitude");
    assertFails(
        () -> template("t").header(TemplateParameter.location(0, Double.NaN)).build(),
        "template.components[0].parameters[0].location.longitude");
  }

  @Test
  void build_blankProductIds_failAtProductField() {
    assertFails(
        () -> template("t").header(TemplateParameter.product(" ", "SKU")).build(),
        "template.components[0].parameters[0].product.catalog_id");
    assertFails(
        () -> template("t").header(TemplateParameter.product("1", "")).build(),
        "template.components[0].parameters[0].product.product_retailer_id");
  }

  // ---- buttons

  @Test
  void build_buttonIndexOutOfRange_failsAtIndex() {
    assertFails(
            () -> template("t").quickReplyButton(10, "p").build(), "template.components[0].index")
        .hasMessageContaining("0 to 9");
    assertFails(() -> template("t").urlButton(-1, "s").build(), "template.components[0].index");
  }

  @Test
  void build_duplicateButtonIndex_failsAtSecond() {
    assertFails(
            () -> template("t").bodyText("x").quickReplyButton(1, "a").urlButton(1, "b").build(),
            "template.components[2].index")
        .hasMessageContaining("also used by template.components[1]");
  }

  @Test
  void build_couponCodeOver15_failsAtCouponCode() {
    assertFails(
        () -> template("t").copyCodeButton(0, "C".repeat(16)).build(),
        "template.components[0].parameters[0].coupon_code");
  }

  @Test
  void build_oneTimePasswordOver15_failsAtText() {
    assertFails(
        () -> template("t").otpButton("1".repeat(16)).build(),
        "template.components[0].parameters[0].text");
  }

  @Test
  void build_urlSuffixOver2000_failsAtText() {
    assertFails(
        () -> template("t").urlButton(0, "s".repeat(2001)).build(),
        "template.components[0].parameters[0].text");
  }

  @Test
  void build_emptyQuickReplyPayload_failsAtPayload() {
    assertFails(
        () -> template("t").quickReplyButton(0, "").build(),
        "template.components[0].parameters[0].payload");
  }

  @Test
  void build_blankFlowToken_failsAtFlowToken() {
    assertFails(
        () -> template("t").flowButton(0, " ").build(),
        "template.components[0].parameters[0].action.flow_token");
  }

  @Test
  void build_flowDataWithUnsupportedValue_failsAtItsPath() {
    assertFails(
            () ->
                template("t")
                    .flowButton(0, "tok", Map.of("screen", Map.of("when", new Object())))
                    .build(),
            "template.components[0].parameters[0].action.flow_action_data.screen.when")
        .hasMessageContaining("a Object");
    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    assertFails(
        () -> template("t").flowButton(0, "tok", Map.of("items", withNull)).build(),
        "template.components[0].parameters[0].action.flow_action_data.items[0]");
    assertFails(
        () -> template("t").flowButton(0, "tok", Map.of("ratio", Double.NaN)).build(),
        "template.components[0].parameters[0].action.flow_action_data.ratio");
  }

  @Test
  void build_blankCatalogThumbnail_failsAtThumbnail() {
    assertFails(
        () -> template("t").catalogButton(0, "").build(),
        "template.components[0].parameters[0].action.thumbnail_product_retailer_id");
  }

  @Test
  void build_mpmElevenSections_failsAtSections() {
    List<TemplateProductSection> sections = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      sections.add(TemplateProductSection.of("S" + i, "SKU" + i));
    }

    assertFails(
            () -> template("t").mpmButton(0, "SKU0", sections).build(),
            "template.components[0].parameters[0].action.sections")
        .hasMessageContaining("1 to 10 items");
  }

  @Test
  void build_mpmThirtyOneProducts_failsAtSections() {
    List<String> twenty = new ArrayList<>();
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add("A" + i);
    }
    for (int i = 0; i < 11; i++) {
      eleven.add("B" + i);
    }

    assertFails(
            () ->
                template("t")
                    .mpmButton(
                        0,
                        "A0",
                        List.of(
                            new TemplateProductSection("A", twenty),
                            new TemplateProductSection("B", eleven)))
                    .build(),
            "template.components[0].parameters[0].action.sections")
        .hasMessageContaining("31 product_items");
  }

  @Test
  void build_mpmSectionTitleOver24_failsAtTitle() {
    assertFails(
        () ->
            template("t")
                .mpmButton(0, "A", List.of(TemplateProductSection.of("T".repeat(25), "A")))
                .build(),
        "template.components[0].parameters[0].action.sections[0].title");
  }

  @Test
  void build_mpmEmptySection_failsAtProductItems() {
    assertFails(
        () -> template("t").mpmButton(0, "A", List.of(TemplateProductSection.of("Empty"))).build(),
        "template.components[0].parameters[0].action.sections[0].product_items");
  }

  @Test
  void build_mpmBlankProductId_failsAtItsPath() {
    assertFails(
        () ->
            template("t")
                .mpmButton(0, "A", List.of(TemplateProductSection.of("S", "A", " ")))
                .build(),
        "template.components[0].parameters[0].action.sections[0].product_items[1]"
            + ".product_retailer_id");
  }

  // ---- carousel

  @Test
  void build_carouselElevenCards_failsAtCards() {
    List<TemplateCarouselCard> cards = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      cards.add(imageCard(String.valueOf(i)));
    }

    assertFails(
        () -> template("t").bodyText("x").carousel(cards).build(), "template.components[1].cards");
    assertThatNoException()
        .isThrownBy(() -> template("t").bodyText("x").carousel(cards.subList(0, 10)).build());
  }

  @Test
  void build_carouselNoCards_failsAtCards() {
    assertFails(() -> template("t").carousel(List.of()).build(), "template.components[0].cards");
  }

  @Test
  void build_cardWithThreeButtons_failsAtThirdButton() {
    TemplateCarouselCard card =
        TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("1")))
            .body(TemplateParameter.text("b"))
            .quickReplyButton(0, "a")
            .urlButton(1, "b")
            .quickReplyButton(1, "c")
            .build();

    assertFails(
            () -> template("t").carousel(card).build(),
            "template.components[0].cards[0].components[4]")
        .hasMessageContaining("at most 2 buttons");
  }

  @Test
  void build_cardButtonIndexTwo_failsAtIndex() {
    TemplateCarouselCard card =
        TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("1")))
            .urlButton(2, "b")
            .build();

    assertFails(
        () -> template("t").carousel(card).build(),
        "template.components[0].cards[0].components[1].index");
  }

  @Test
  void build_cardButtonsWithSameIndex_failsAtSecond() {
    TemplateCarouselCard card =
        TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("1")))
            .quickReplyButton(0, "a")
            .urlButton(0, "b")
            .build();

    assertFails(
        () -> template("t").carousel(card).build(),
        "template.components[0].cards[0].components[2].index");
  }

  @Test
  void build_cardWithCopyCodeButton_failsAtSubType() {
    TemplateCarouselCard card =
        TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("1")))
            .button(TemplateButton.copyCode(0, "C"))
            .build();

    assertFails(
        () -> template("t").carousel(card).build(),
        "template.components[0].cards[0].components[1].sub_type");
  }

  @Test
  void build_cardWithTextHeader_failsAtHeaderType() {
    TemplateCarouselCard card = TemplateCarouselCard.builder(TemplateParameter.text("h")).build();

    assertFails(
        () -> template("t").carousel(card).build(),
        "template.components[0].cards[0].components[0].parameters[0].type");
  }

  @Test
  void build_cardBodyTextOver160_failsAtCardText() {
    TemplateCarouselCard card =
        TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("1")))
            .body(TemplateParameter.text("c".repeat(161)))
            .build();

    assertFails(
        () -> template("t").carousel(card).build(),
        "template.components[0].cards[0].components[1].parameters[0].text");
  }

  @Test
  void build_cardsWithDifferentComponents_failsAtSecondCard() {
    TemplateCarouselCard first = imageCard("1");
    TemplateCarouselCard second =
        TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("2")))
            .urlButton(0, "x")
            .build();

    assertFails(
            () -> template("t").carousel(first, second).build(),
            "template.components[0].cards[1].components")
        .hasMessageContaining("image header, quick_reply button 0")
        .hasMessageContaining("image header, url button 0");
  }

  @Test
  void build_cardsWithDifferentHeaderKinds_failsAtSecondCard() {
    TemplateCarouselCard video =
        TemplateCarouselCard.builder(TemplateParameter.video(MediaRef.id("2")))
            .quickReplyButton(0, "p")
            .build();

    assertFails(
        () -> template("t").carousel(imageCard("1"), video).build(),
        "template.components[0].cards[1].components");
  }

  @Test
  void build_carouselWithHeader_failsAtHeader() {
    assertFails(
            () ->
                template("t").header(TemplateParameter.text("h")).carousel(imageCard("1")).build(),
            "template.components[0]")
        .hasMessageContaining("carousel");
  }

  @Test
  void build_carouselWithTopLevelButton_failsAtButton() {
    assertFails(
        () -> template("t").carousel(imageCard("1")).quickReplyButton(0, "p").build(),
        "template.components[1]");
  }

  // ---- limited-time offer and tap target

  @Test
  void build_limitedTimeOfferInSeconds_failsAtExpiration() {
    assertFails(
            () -> template("t").limitedTimeOffer(1_767_225_599L).build(),
            "template.components[0].parameters[0].limited_time_offer.expiration_time_ms")
        .hasMessageContaining("not seconds");
  }

  @Test
  void build_tapTargetNotHttp_failsAtUrl() {
    assertFails(
        () -> template("t").tapTarget("ftp://example.com/x", "Offer").build(),
        "template.components[0].parameters[0].tap_target_configuration[0].url");
    assertFails(
        () -> template("t").tapTarget("/relative", "Offer").build(),
        "template.components[0].parameters[0].tap_target_configuration[0].url");
  }

  @Test
  void build_tapTargetBlankTitle_failsAtTitle() {
    assertFails(
        () -> template("t").tapTarget("https://example.com", " ").build(),
        "template.components[0].parameters[0].tap_target_configuration[0].title");
  }

  // ---- components given directly to the record

  @Test
  void constructor_twoHeaders_failsAtSecond() {
    TemplateMessage valid = template("t").build();
    List<TemplateComponent> components =
        List.of(
            new TemplateComponent.Header(TemplateParameter.text("a")),
            new TemplateComponent.Header(TemplateParameter.text("b")));

    assertFails(
            () ->
                new TemplateMessage(
                    valid.envelope(),
                    "t",
                    TemplateLanguage.of("en"),
                    components,
                    TemplateCategory.UNKNOWN,
                    false),
            "template.components[1]")
        .hasMessageContaining("the only header component");
  }

  @Test
  void constructor_componentsInAnyOrder_pathsFollowTheGivenOrder() {
    TemplateMessage valid = template("t").build();
    List<TemplateComponent> components =
        List.of(
            TemplateButton.quickReply(0, "p"),
            new TemplateComponent.Body(List.of(TemplateParameter.text("x".repeat(1025)))));

    assertFails(
        () ->
            new TemplateMessage(
                valid.envelope(),
                "t",
                TemplateLanguage.of("en"),
                components,
                TemplateCategory.UNKNOWN,
                false),
        "template.components[1].parameters[0].text");
  }

  @Test
  void constructor_emptyBody_failsAtParameters() {
    TemplateMessage valid = template("t").build();

    assertFails(
        () ->
            new TemplateMessage(
                valid.envelope(),
                "t",
                TemplateLanguage.of("en"),
                List.of(new TemplateComponent.Body(List.of())),
                TemplateCategory.UNKNOWN,
                false),
        "template.components[0].parameters");
  }
}
