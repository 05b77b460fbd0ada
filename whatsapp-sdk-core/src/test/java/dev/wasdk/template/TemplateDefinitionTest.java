package dev.wasdk.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.TemplateCategory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateDefinitionTest {
  private static TemplateDefinition.Builder marketing() {
    return TemplateDefinition.builder("promo", "en_US", TemplateCategory.MARKETING);
  }

  private static void fails(TemplateDefinition.Builder b, String path, String rule) {
    assertThatThrownBy(b::build)
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> {
              assertThat(e.fieldPath()).isEqualTo(path);
              assertThat(e.limit()).contains(rule);
            });
  }

  @Test
  void build_validFullTemplate_keepsComponents() {
    TemplateDefinition d =
        marketing()
            .components(
                Component.textHeader("Our {{1}} is on!", "Summer Sale"),
                Component.body("Shop until {{1}} with {{2}} off.", "August", "25%"),
                Component.footer("Reply STOP to opt out"),
                Component.buttons(
                    Button.quickReply("Stop"),
                    Button.quickReply("More"),
                    Button.url("Shop", "https://example.com/s?c={{1}}", "x1"),
                    Button.phoneNumber("Call", "+16467043595"),
                    Button.copyCode("SUMMER25")))
            .build();
    assertThat(d.components()).hasSize(4);
  }

  @Test
  void build_nameWithUppercase_failsOnName() {
    fails(
        TemplateDefinition.builder("Promo", "en", TemplateCategory.MARKETING)
            .component(Component.body("Hello")),
        "name",
        "lowercase");
  }

  @Test
  void build_nameOver512_failsOnName() {
    fails(
        TemplateDefinition.builder("a".repeat(513), "en", TemplateCategory.MARKETING)
            .component(Component.body("Hello")),
        "name",
        "512");
  }

  @Test
  void build_unknownCategory_fails() {
    fails(
        TemplateDefinition.builder("a", "en", TemplateCategory.UNKNOWN)
            .component(Component.body("Hello")),
        "category",
        "MARKETING");
  }

  @Test
  void build_headerTextOver60_failsOnHeaderText() {
    fails(
        marketing().components(Component.textHeader("x".repeat(61)), Component.body("Hi")),
        "components[0].text",
        "60");
  }

  @Test
  void build_headerWithTwoVariables_fails() {
    fails(
        marketing().components(Component.textHeader("{{1}} and {{2}}", "a"), Component.body("Hi")),
        "components[0].text",
        "at most 1 variable");
  }

  @Test
  void build_headerVariableWithoutExample_fails() {
    fails(
        marketing()
            .components(
                new Component.Header(
                    HeaderFormat.TEXT,
                    java.util.Optional.of("Hi {{1}}"),
                    List.of(),
                    Map.of(),
                    List.of()),
                Component.body("Hi")),
        "components[0].example.header_text",
        "1 example");
  }

  @Test
  void build_mediaHeaderWithoutHandle_fails() {
    fails(
        marketing()
            .components(
                new Component.Header(
                    HeaderFormat.IMAGE, java.util.Optional.empty(), List.of(), Map.of(), List.of()),
                Component.body("Hi")),
        "components[0].example.header_handle",
        "handle");
  }

  @Test
  void build_bodyOver1024_fails() {
    fails(marketing().component(Component.body("x".repeat(1025))), "components[0].text", "1024");
  }

  @Test
  void build_bodyExampleCountMismatch_fails() {
    fails(
        marketing().component(Component.body("Hi {{1}} and {{2}} ok", "a")),
        "components[0].example.body_text",
        "2 examples");
  }

  @Test
  void build_bodyEndingWithVariable_fails() {
    fails(
        marketing().component(Component.body("Your code is {{1}}", "a")),
        "components[0].text",
        "neither starts nor ends");
  }

  @Test
  void build_positionalOutOfOrder_fails() {
    fails(
        marketing().component(Component.body("Hi {{2}} and {{1}} ok", "a", "b")),
        "components[0].text",
        "in order");
  }

  @Test
  void build_namedBodyWithNamedFormat_accepts() {
    Map<String, String> ex = new LinkedHashMap<>();
    ex.put("first_name", "Mark");
    TemplateDefinition d =
        marketing()
            .parameterFormat(ParameterFormat.NAMED)
            .component(Component.namedBody("Hi {{first_name}}, welcome", ex))
            .build();
    assertThat(d.parameterFormat()).contains(ParameterFormat.NAMED);
  }

  @Test
  void build_namedVariablesInPositionalTemplate_fails() {
    fails(
        marketing().component(Component.body("Hi {{first_name}}, ok", "a")),
        "components[0].text",
        "positional");
  }

  @Test
  void build_footerOver60_fails() {
    fails(
        marketing().components(Component.body("Hi"), Component.footer("f".repeat(61))),
        "components[1].text",
        "60");
  }

  @Test
  void build_elevenButtons_fails() {
    Button[] b = new Button[11];
    for (int i = 0; i < b.length; i++) {
      b[i] = Button.quickReply("q" + i);
    }
    fails(
        marketing().components(Component.body("Hi"), Component.buttons(b)),
        "components[1].buttons",
        "1 to 10 buttons");
  }

  @Test
  void build_quickRepliesSplit_fails() {
    fails(
        marketing()
            .components(
                Component.body("Hi"),
                Component.buttons(
                    Button.quickReply("a"),
                    Button.url("Go", "https://example.com"),
                    Button.quickReply("b"))),
        "components[1].buttons[2]",
        "grouped");
  }

  @Test
  void build_threeUrlButtons_fails() {
    fails(
        marketing()
            .components(
                Component.body("Hi"),
                Component.buttons(
                    Button.url("a", "https://a.example"),
                    Button.url("b", "https://b.example"),
                    Button.url("c", "https://c.example"))),
        "components[1].buttons",
        "at most 2 URL");
  }

  @Test
  void build_twoPhoneButtons_fails() {
    fails(
        marketing()
            .components(
                Component.body("Hi"),
                Component.buttons(Button.phoneNumber("a", "+1"), Button.phoneNumber("b", "+2"))),
        "components[1].buttons",
        "PHONE_NUMBER");
  }

  @Test
  void build_labelOver25_fails() {
    fails(
        marketing()
            .components(Component.body("Hi"), Component.buttons(Button.quickReply("x".repeat(26)))),
        "components[1].buttons[0].text",
        "25");
  }

  @Test
  void build_urlVariableNotTrailing_fails() {
    fails(
        marketing()
            .components(
                Component.body("Hi"),
                Component.buttons(Button.url("Go", "https://e.com/{{1}}/x", "a"))),
        "components[1].buttons[0].url",
        "at the end");
  }

  @Test
  void build_otpInMarketing_fails() {
    fails(
        marketing().components(Component.body("Hi"), Component.buttons(Button.otpCopyCode("Copy"))),
        "components[1].buttons[0]",
        "AUTHENTICATION");
  }

  @Test
  void build_oneTapWithoutApps_fails() {
    fails(
        TemplateDefinition.builder("otp", "en", TemplateCategory.AUTHENTICATION)
            .components(
                Component.authenticationBody(true),
                Component.buttons(Button.otpOneTap("Copy", "Autofill", List.of()))),
        "components[1].buttons[0].supported_apps",
        "Android");
  }

  @Test
  void build_zeroTapWithApp_accepts() {
    TemplateDefinition d =
        TemplateDefinition.builder("otp", "en", TemplateCategory.AUTHENTICATION)
            .components(
                Component.authenticationBody(true),
                Component.codeExpirationFooter(10),
                Component.buttons(
                    Button.otpZeroTap(
                        "Copy",
                        "Autofill",
                        List.of(new Button.AndroidApp("com.example.app", "K8a/AINcGX7")))))
            .build();
    assertThat(d.category()).isEqualTo(TemplateCategory.AUTHENTICATION);
  }

  @Test
  void build_carouselCardWithThreeButtons_fails() {
    Component.Card card =
        Component.Card.of(
            Component.mediaHeader(HeaderFormat.IMAGE, "4::h"),
            Component.body("Card"),
            Component.buttons(
                Button.quickReply("a"), Button.quickReply("b"), Button.quickReply("c")));
    fails(
        marketing().components(Component.body("Hi"), Component.carousel(List.of(card))),
        "components[1].cards[0].components[2].buttons",
        "1 to 2 buttons");
  }

  @Test
  void build_limitedTimeOfferWithFooter_fails() {
    fails(
        marketing()
            .components(
                Component.limitedTimeOffer("Sale", true),
                Component.body("Hi"),
                Component.footer("f")),
        "components",
        "no FOOTER");
  }

  @Test
  void build_noBody_fails() {
    fails(marketing().component(Component.footer("f")), "components", "one BODY");
  }

  @Test
  void edit_withoutChanges_isRejected() {
    assertThatThrownBy(
            () ->
                new TemplateEdit(java.util.Optional.empty(), List.of(), java.util.Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
