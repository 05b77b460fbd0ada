package dev.wasdk.webhooks.event;

import static dev.wasdk.webhooks.event.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.testing.RecordsWithOptionals;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Events print their values, never {@code Optional[...]}, a full phone number or the raw JSON. */
class EventToStringTest {

  @Test
  void everyPublicRecordWithOptionalComponents_declaresItsOwnToString() throws Exception {
    assertThat(RecordsWithOptionals.withoutOwnToString(Path.of("target/classes"))).isEmpty();
  }

  @Test
  void textReceived_toString_printsValuesMaskedAndNoOptional() {
    TextReceived t = single("messages/text_phone_and_bsuid.json", TextReceived.class);

    assertThat(t.toString())
        .contains("US.13491208655302741918", "Sheena Nelson", "Both ids")
        .doesNotContain("Optional", "16505551234");
  }
}
