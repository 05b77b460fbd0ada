package dev.wasdk.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenEnumsTest {
  enum Color {
    DARK_RED,
    GREEN,
    UNKNOWN
  }

  private static Color parse(String raw) {
    return OpenEnums.parse(Color.class, raw, Color.UNKNOWN);
  }

  @Test
  void parse_anyLetterCaseAndSurroundingSpace_matchesTheName() {
    assertThat(parse("GREEN")).isEqualTo(Color.GREEN);
    assertThat(parse("green")).isEqualTo(Color.GREEN);
    assertThat(parse("  Green\t")).isEqualTo(Color.GREEN);
  }

  @Test
  void parse_spacesAndHyphens_readAsUnderscores() {
    assertThat(parse("dark_red")).isEqualTo(Color.DARK_RED);
    assertThat(parse("Dark Red")).isEqualTo(Color.DARK_RED);
    assertThat(parse("dark-red")).isEqualTo(Color.DARK_RED);
  }

  @Test
  void parse_camelCase_readsEachCaseStepAsAWordBreak() {
    assertThat(parse("DarkRed")).isEqualTo(Color.DARK_RED);
    assertThat(parse("darkRed")).isEqualTo(Color.DARK_RED);
    assertThat(parse("DARKRED")).isEqualTo(Color.UNKNOWN);
  }

  @Test
  void parse_nullEmptyBlankOrNew_isUnknown() {
    assertThat(parse(null)).isEqualTo(Color.UNKNOWN);
    assertThat(parse("")).isEqualTo(Color.UNKNOWN);
    assertThat(parse("   ")).isEqualTo(Color.UNKNOWN);
    assertThat(parse("BLUE")).isEqualTo(Color.UNKNOWN);
    assertThat(parse("GREEN!")).isEqualTo(Color.UNKNOWN);
  }

  @Test
  void parse_overLongText_isUnknownWithoutWork() {
    assertThat(parse("G".repeat(129))).isEqualTo(Color.UNKNOWN);
    assertThat(parse(" ".repeat(10_000) + "GREEN")).isEqualTo(Color.GREEN);
  }

  @Test
  void find_sameRuleAsParse_emptyWhenNothingMatches() {
    assertThat(OpenEnums.find(java.time.DayOfWeek.class, " monday "))
        .contains(java.time.DayOfWeek.MONDAY);
    assertThat(OpenEnums.find(java.time.DayOfWeek.class, "Mon")).isEmpty();
    assertThat(OpenEnums.find(java.time.DayOfWeek.class, "")).isEmpty();
    assertThat(OpenEnums.find(java.time.DayOfWeek.class, null)).isEmpty();
  }

  @Test
  void parse_aliases_matchedByTheSameRuleAfterTheNames() {
    java.util.Map<String, Color> aliases = java.util.Map.of("CRIMSON", Color.DARK_RED);
    assertThat(OpenEnums.parse(Color.class, " crimson", Color.UNKNOWN, aliases))
        .isEqualTo(Color.DARK_RED);
    assertThat(OpenEnums.parse(Color.class, "green", Color.UNKNOWN, aliases))
        .isEqualTo(Color.GREEN);
    assertThat(OpenEnums.parse(Color.class, "  ", Color.UNKNOWN, aliases)).isEqualTo(Color.UNKNOWN);
    assertThat(OpenEnums.parse(Color.class, "BLUE", Color.UNKNOWN, aliases))
        .isEqualTo(Color.UNKNOWN);
  }
}
