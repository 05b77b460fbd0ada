package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FiltersProperties {
  private static final String PLAIN = "abcdefghijklmnopqrstuvwxyz";
  private static final String ACCENTED = "áàâãäçéèêëíìîïñóòôõöúùûü";

  @Provide
  Arbitrary<String> phrases() {
    return Arbitraries.strings()
        .withChars(PLAIN + ACCENTED + "  ")
        .ofMinLength(1)
        .ofMaxLength(30)
        .filter(s -> !s.isBlank());
  }

  @Property(tries = 300)
  void textEquals_matchesTheSamePhraseWrittenAnotherWay(@ForAll("phrases") String phrase) {
    String shouted = "  " + phrase.toUpperCase(Locale.ROOT).replace(" ", "   ") + " ";

    assertThat(Filters.textEquals(phrase).test(Events.text(shouted))).isTrue();
    assertThat(Filters.textEquals(shouted).test(Events.text(phrase))).isTrue();
    assertThat(Filters.textContains(phrase).test(Events.text("x " + shouted + " y"))).isTrue();
  }

  @Property(tries = 300)
  void keyword_matchesAsFirstWordOnly(@ForAll("phrases") String phrase) {
    String word = phrase.strip().split("\\s+")[0];

    assertThat(Filters.keyword(word).test(Events.text(word.toUpperCase(Locale.ROOT) + " 42")))
        .isTrue();
    assertThat(Filters.keyword(word).test(Events.text("z" + word))).isFalse();
  }
}
