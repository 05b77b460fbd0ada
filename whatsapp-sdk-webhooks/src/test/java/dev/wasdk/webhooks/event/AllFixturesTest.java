package dev.wasdk.webhooks.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Properties every fixture must have, whatever its type. */
class AllFixturesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<String> fixtures() {
    return Fixtures.all().stream();
  }

  @Test
  void fixtures_cover_atLeastOnePerDocumentedVariant() {
    assertThat(Fixtures.all()).hasSizeGreaterThanOrEqualTo(80);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void parse_anyFixture_rawJsonIsTheExactOriginalText(String name) {
    String body = new String(Fixtures.bytes(name), StandardCharsets.UTF_8);
    List<WebhookEvent> events = Fixtures.parse(name);
    assertThat(events).isNotEmpty();
    for (WebhookEvent e : events) {
      assertThat(body).contains(e.rawJson());
      assertThat(JSON.readTree(e.rawJson()).isObject()).isTrue();
      assertThat(e.context().field()).isNotEmpty();
      assertThat(e.context().wabaId()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void parse_anyFixture_dedupeKeysAreUniqueWithinTheBody(String name) {
    List<String> keys = Fixtures.parse(name).stream().flatMap(e -> e.dedupeKey().stream()).toList();
    assertThat(keys).doesNotHaveDuplicates();
  }
}
