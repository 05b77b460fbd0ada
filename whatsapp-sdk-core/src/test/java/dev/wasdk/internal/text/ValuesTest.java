package dev.wasdk.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.sender.SenderStats;
import dev.wasdk.testing.RecordsWithOptionals;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ValuesTest {
  record Sample(
      String name, Optional<String> nick, OptionalLong count, OptionalInt none, String waId) {}

  record Event(String id, String rawJson) {}

  @Test
  void toString_optionals_printsValuesAndLeavesOutEmptyOnes() {
    String s =
        Values.toString(
            new Sample("Ana", Optional.of("an"), OptionalLong.of(100), OptionalInt.empty(), "x"));

    assertThat(s).isEqualTo("Sample[name=Ana, nick=an, count=100, waId=*]");
  }

  @Test
  void toString_phoneNumberComponent_isMasked() {
    String s =
        Values.toString(
            new Sample(
                "Ana", Optional.empty(), OptionalLong.empty(), OptionalInt.empty(), "16505551234"));

    assertThat(s).isEqualTo("Sample[name=Ana, waId=1650****234]").doesNotContain("16505551234");
  }

  @Test
  void toString_rawJson_showsOnlyItsLength() {
    assertThat(Values.toString(new Event("e1", "{\"from\":\"16505551234\"}")))
        .isEqualTo("Event[id=e1, rawJson=(22 characters)]");
  }

  @Test
  void senderStats_toString_printsTheTierUsageAsANumber() {
    SenderStats stats =
        new SenderStats(
            0,
            0,
            3,
            0,
            0,
            0,
            Map.of(),
            0,
            0,
            80,
            80.0,
            MessagingTier.TIER_250,
            OptionalLong.of(100));

    assertThat(stats.toString()).contains("tierUsed=100").doesNotContain("Optional");
  }

  @Test
  void everyPublicRecordWithOptionalComponents_declaresItsOwnToString() throws Exception {
    assertThat(RecordsWithOptionals.withoutOwnToString(Path.of("target/classes")))
        .as("public records whose toString() would print Optional[...]")
        .isEmpty();
  }
}
