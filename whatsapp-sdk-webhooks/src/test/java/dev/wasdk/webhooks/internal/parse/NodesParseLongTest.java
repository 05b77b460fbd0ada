package dev.wasdk.webhooks.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The one-pass integer parser accepts exactly what {@link Long#parseLong} accepts. */
class NodesParseLongTest {

  @Test
  void parseLong_edgeCases_matchLongParseLong() {
    for (String s :
        new String[] {
          "0",
          "-0",
          "+0",
          "1750263773",
          "+42",
          "-42",
          "9223372036854775807",
          "-9223372036854775808",
          "9223372036854775808",
          "-9223372036854775809",
          "99999999999999999999",
          "",
          "-",
          "+",
          "12a",
          "1 2",
          "--1",
          "٣",
          "00000000000000000001"
        }) {
      assertThat(Nodes.parseLong(s)).as(s).isEqualTo(reference(s));
    }
  }

  @Property(tries = 2000)
  void parseLong_anyLong_roundTrips(@ForAll long value) {
    assertThat(Nodes.parseLong(Long.toString(value))).isEqualTo(OptionalLong.of(value));
  }

  @Property(tries = 2000)
  void parseLong_anyShortText_matchesLongParseLong(@ForAll @StringLength(max = 21) String text) {
    assertThat(Nodes.parseLong(text)).isEqualTo(reference(text));
  }

  /** What the parser accepted before: ASCII digits after one optional sign, within a long. */
  private static OptionalLong reference(String s) {
    if (s.isEmpty() || s.length() > 20) {
      return OptionalLong.empty();
    }
    int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
    if (i == s.length()) {
      return OptionalLong.empty();
    }
    for (int j = i; j < s.length(); j++) {
      if (s.charAt(j) < '0' || s.charAt(j) > '9') {
        return OptionalLong.empty();
      }
    }
    try {
      return OptionalLong.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
