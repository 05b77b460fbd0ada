package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.testing.RecordsWithOptionals;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The testkit's records print their values, never {@code Optional[...]}. */
class ToStringTest {
  @Test
  void everyPublicRecordWithOptionalComponents_declaresItsOwnToString() throws Exception {
    assertThat(RecordsWithOptionals.withoutOwnToString(Path.of("target/classes"))).isEmpty();
  }
}
