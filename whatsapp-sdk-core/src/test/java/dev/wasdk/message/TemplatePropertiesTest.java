package dev.wasdk.message;

import static dev.wasdk.message.TemplateSamples.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.InvalidMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** At every limit, the value at the limit passes and one past it fails, naming the field path. */
class TemplatePropertiesTest {

  /** A length limit, how to build a message with a value of a given text, and the path. */
  enum LengthLimit {
    HEADER_TEXT(
        TemplateLimits.HEADER_TEXT_PARAMETER_MAX,
        v -> template("t").header(TemplateParameter.text(v)),
        "template.components[0].parameters[0].text"),
    BODY_TEXT(
        TemplateLimits.BODY_TEXT_PARAMETER_MAX,
        v -> template("t").header(TemplateParameter.text("h")).bodyText("a", v),
        "template.components[1].parameters[1].text"),
    BODY_ONLY_TEXT(
        TemplateLimits.BODY_ONLY_TEXT_PARAMETER_MAX,
        v -> template("t").bodyOnlyTemplate().bodyText(v),
        "template.components[0].parameters[0].text"),
    COUPON_CODE(
        TemplateLimits.COUPON_CODE_MAX,
        v -> template("t").bodyText("x").copyCodeButton(3, v),
        "template.components[1].parameters[0].coupon_code"),
    ONE_TIME_PASSWORD(
        TemplateLimits.ONE_TIME_PASSWORD_MAX,
        v -> template("t").otpButton(v),
        "template.components[0].parameters[0].text"),
    URL_SUFFIX(
        TemplateLimits.URL_BUTTON_SUFFIX_MAX,
        v -> template("t").quickReplyButton(0, "p").urlButton(1, v),
        "template.components[1].parameters[0].text"),
    MPM_SECTION_TITLE(
        TemplateLimits.MPM_SECTION_TITLE_MAX,
        v ->
            template("t")
                .mpmButton(
                    0,
                    "A",
                    List.of(
                        TemplateProductSection.of("first", "A"),
                        TemplateProductSection.of(v, "B"))),
        "template.components[0].parameters[0].action.sections[1].title"),
    CARD_BODY_TEXT(
        TemplateLimits.CAROUSEL_CARD_BODY_TEXT_PARAMETER_MAX,
        v ->
            template("t")
                .bodyText("x")
                .carousel(
                    TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("1")))
                        .body(TemplateParameter.text(v))
                        .build()),
        "template.components[1].cards[0].components[1].parameters[0].text"),
    NAME(TemplateLimits.NAME_MAX, v -> template(v), "template.name");

    final int limit;
    final Function<String, TemplateMessage.Builder> builder;
    final String path;

    LengthLimit(int limit, Function<String, TemplateMessage.Builder> builder, String path) {
      this.limit = limit;
      this.builder = builder;
      this.path = path;
    }
  }

  /** Short texts of letters, digits and underscores, valid in every field above. */
  @Provide
  Arbitrary<String> seeds() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars('0', '9', '_')
        .ofMinLength(1)
        .ofMaxLength(40);
  }

  private static String ofLength(String seed, int length) {
    return seed.repeat(length / seed.length() + 1).substring(0, length);
  }

  private static void assertFailsAt(Runnable build, String path) {
    assertThatThrownBy(build::run)
        .isInstanceOf(InvalidMessageException.class)
        .extracting(e -> ((InvalidMessageException) e).fieldPath())
        .isEqualTo(path);
  }

  @Property(tries = 200)
  void lengthLimit_valueAtLimit_passes(@ForAll LengthLimit limit, @ForAll("seeds") String seed) {
    String value = ofLength(seed, limit.limit);

    TemplateMessage m = limit.builder.apply(value).build();

    assertThat(m.name()).isNotEmpty();
  }

  @Property(tries = 200)
  void lengthLimit_onePastLimit_failsWithPath(
      @ForAll LengthLimit limit, @ForAll("seeds") String seed) {
    String value = ofLength(seed, limit.limit + 1);

    assertFailsAt(() -> limit.builder.apply(value).build(), limit.path);
  }

  @Property
  void spaceRun_upToFourPasses_fiveOrMoreFailsWithPath(
      @ForAll @IntRange(min = 1, max = 12) int spaces, @ForAll("seeds") String seed) {
    String value = seed + " ".repeat(spaces) + seed;

    if (spaces <= TemplateLimits.TEXT_PARAMETER_CONSECUTIVE_SPACES_MAX) {
      assertThat(template("t").bodyText(value).build().components()).hasSize(1);
    } else {
      assertFailsAt(
          () -> template("t").bodyText(value).build(), "template.components[0].parameters[0].text");
    }
  }

  @Property
  void buttonIndex_zeroToNinePasses_otherwiseFailsWithPath(
      @ForAll @IntRange(min = -20, max = 30) int index) {
    if (index >= 0 && index <= TemplateLimits.BUTTON_INDEX_MAX) {
      assertThat(template("t").quickReplyButton(index, "p").build().components()).hasSize(1);
    } else {
      assertFailsAt(
          () -> template("t").quickReplyButton(index, "p").build(), "template.components[0].index");
    }
  }

  @Property
  void namedAndPositional_mixedFailsAtFirstDisagreement(
      @ForAll @Size(min = 1, max = 8) List<Boolean> namedFlags) {
    TemplateMessage.Builder b = template("t");
    for (int i = 0; i < namedFlags.size(); i++) {
      b.body(
          namedFlags.get(i)
              ? TemplateParameter.namedText("p" + i, "v")
              : TemplateParameter.text("v"));
    }
    int firstDifferent = namedFlags.indexOf(!namedFlags.get(0));

    if (firstDifferent < 0) {
      assertThat(b.build().components()).hasSize(1);
    } else {
      assertFailsAt(
          b::build, "template.components[0].parameters[" + firstDifferent + "].parameter_name");
    }
  }

  @Property
  void currencyAmount_int32Passes_beyondFailsWithPath(@ForAll long amount1000) {
    TemplateMessage.Builder b =
        template("t").body(TemplateParameter.currency("x", "EUR", amount1000));

    if (amount1000 >= Integer.MIN_VALUE && amount1000 <= Integer.MAX_VALUE) {
      assertThat(b.build().components()).hasSize(1);
    } else {
      assertFailsAt(b::build, "template.components[0].parameters[0].currency.amount_1000");
    }
  }

  @Property
  void limitedTimeOffer_millisecondsPass_smallerValuesFailWithPath(
      @ForAll @LongRange(min = -1_000_000L, max = 4_000_000_000_000L) long expiration) {
    TemplateMessage.Builder b = template("t").limitedTimeOffer(expiration);

    if (expiration >= TemplateLimits.LIMITED_TIME_OFFER_EXPIRATION_MIN_MS) {
      assertThat(b.build().components()).hasSize(1);
    } else {
      assertFailsAt(
          b::build, "template.components[0].parameters[0].limited_time_offer.expiration_time_ms");
    }
  }

  @Property
  void mpmProducts_upToThirtyPass_moreFailWithPath(
      @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 1, max = 8) Integer> sectionSizes) {
    List<TemplateProductSection> sections = new ArrayList<>();
    int total = 0;
    for (int s = 0; s < sectionSizes.size(); s++) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < sectionSizes.get(s); i++) {
        ids.add("S" + s + "-" + i);
      }
      total += ids.size();
      sections.add(new TemplateProductSection("Section " + s, ids));
    }
    TemplateMessage.Builder b = template("t").mpmButton(0, "S0-0", sections);

    if (total <= TemplateLimits.MPM_PRODUCTS_MAX) {
      assertThat(b.build().components()).hasSize(1);
    } else {
      assertFailsAt(b::build, "template.components[0].parameters[0].action.sections");
    }
  }

  @Property
  void carouselCards_oneToTenPass_moreFailWithPath(@ForAll @IntRange(min = 1, max = 20) int n) {
    List<TemplateCarouselCard> cards = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cards.add(
          TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("m" + i)))
              .quickReplyButton(0, "p" + i)
              .urlButton(1, "u" + i)
              .build());
    }
    TemplateMessage.Builder b = template("t").bodyText("x").carousel(cards);

    if (n <= TemplateLimits.CAROUSEL_CARDS_MAX) {
      assertThat(b.build().components()).hasSize(2);
    } else {
      assertFailsAt(b::build, "template.components[1].cards");
    }
  }

  /** Names mostly of allowed characters, with some that are not, so both outcomes occur often. */
  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('0', '9')
        .withChars('_', '-', 'A', 'Z', ' ', '.', '\u00e9')
        .ofMinLength(1)
        .ofMaxLength(12);
  }

  @Property
  void templateName_onlyLowercaseDigitsUnderscorePass(@ForAll("names") String name) {
    if (name.matches("[a-z0-9_]+")) {
      assertThat(template(name).build().name()).isEqualTo(name);
    } else {
      assertFailsAt(() -> template(name).build(), "template.name");
    }
  }
}
