package dev.wasdk.webhooks.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.webhooks.WebhookParseException;
import dev.wasdk.webhooks.WebhookParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code parse -> store (hand-off JSON + context) -> rebuild} gives an equal event, raw JSON
 * included, for every type.
 */
class RebuildRoundTripTest {
  private static final WebhookParser PARSER = WebhookParser.create();

  static Stream<String> fixtures() {
    return Fixtures.all().stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void rebuild_everyEventOfAFixture_equalsTheParsedEvent(String name) {
    for (WebhookEvent e : Fixtures.parse(name)) {
      WebhookEvent rebuilt = PARSER.rebuild(PARSER.handoffJson(e), e.context());
      assertThat(rebuilt).as("%s: %s", name, e.getClass().getSimpleName()).isEqualTo(e);
    }
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void handoffJson_eventsReadingOnlyTheirElement_isTheRawJson(String name) {
    for (WebhookEvent e : Fixtures.parse(name)) {
      if (!(e instanceof CallTerminated) && !(e instanceof GroupParticipantsChanged)) {
        assertThat(PARSER.handoffJson(e)).as("%s: %s", name, e).isEqualTo(e.rawJson());
      }
    }
  }

  @Test
  void rebuild_fixturesTogether_coverEveryEventType() {
    Set<Class<?>> seen = new HashSet<>();
    for (String name : Fixtures.all()) {
      for (WebhookEvent e : Fixtures.parse(name)) {
        seen.add(PARSER.rebuild(PARSER.handoffJson(e), e.context()).getClass());
      }
    }
    assertThat(seen).containsAll(leafTypes());
  }

  @Test
  void rebuild_wholeValueOfAMessagesChange_staysUnknown() {
    byte[] body =
        ("{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\"2\"},"
                + "\"something_new\":[1]}}]}]}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<WebhookEvent> events = PARSER.parse(body);
    assertThat(events).singleElement().isInstanceOf(UnknownEvent.class);
    WebhookEvent e = events.get(0);
    assertThat(PARSER.rebuild(e.rawJson(), e.context())).isEqualTo(e);
  }

  @ParameterizedTest
  @MethodSource("valuesWithoutElements")
  void rebuild_wholeValueWithoutElements_staysUnknown(String field) {
    byte[] body =
        ("{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\""
                + field
                + "\",\"value\":{\"messaging_product\":\"whatsapp\","
                + "\"metadata\":{\"phone_number_id\":\"2\"},\"something_new\":[1]}}]}]}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    List<WebhookEvent> events = PARSER.parse(body);
    assertThat(events).singleElement().isInstanceOf(UnknownEvent.class);
    WebhookEvent e = events.get(0);
    assertThat(PARSER.rebuild(PARSER.handoffJson(e), e.context())).isEqualTo(e);
  }

  static Stream<String> valuesWithoutElements() {
    return Stream.of(
        "history",
        "smb_app_state_sync",
        "automatic_events",
        "calls",
        "group_lifecycle_update",
        "group_participants_update",
        "group_settings_update",
        "group_status_update");
  }

  @Test
  void rebuild_malformedRaw_throwsParseException() {
    EventContext ctx = new EventContext("1", "messages", Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> PARSER.rebuild("{\"id\":", ctx))
        .isInstanceOf(WebhookParseException.class);
  }

  private static Set<Class<?>> leafTypes() {
    Set<Class<?>> leaves = new HashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(List.of(WebhookEvent.class));
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      Class<?>[] permitted = c.getPermittedSubclasses();
      if (permitted == null || permitted.length == 0) {
        leaves.add(c);
      } else {
        todo.addAll(List.of(permitted));
      }
    }
    return leaves;
  }
}
