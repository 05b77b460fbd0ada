package dev.wasdk.benchmarks.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookLongFuzzTest {
  private static final Path FIXTURES =
      Paths.get("../whatsapp-sdk-webhooks/src/test/resources/webhooks");

  @Test
  void run_shortRunOverTheFixtures_reportsEveryKindAndNothingUnexpected(@TempDir Path out)
      throws Exception {
    List<byte[]> seeds = WebhookLongFuzz.readSeeds(FIXTURES);
    assertThat(seeds).hasSizeGreaterThan(80);
    WebhookLongFuzz fuzz = new WebhookLongFuzz(seeds, 7, out);

    String report = fuzz.run(3_000, false);

    assertThat(report).contains("3,000 inputs");
    for (WebhookLongFuzz.Kind kind : WebhookLongFuzz.Kind.values()) {
      assertThat(report).contains(kind + "=");
    }
    assertThat(report).contains("unexpected outcomes: 0");
    assertThat(fuzz.unexpected()).isZero();
  }

  @Test
  void create_noSeeds_failsClearly(@TempDir Path out) {
    assertThatThrownBy(() -> new WebhookLongFuzz(List.of(), 1, out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no seed payloads");
  }
}
