package dev.wasdk.webhooks.event;

import static dev.wasdk.webhooks.event.Fixtures.parse;
import static dev.wasdk.webhooks.event.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The fixtures of the Coexistence sync fields: {@code history} and {@code smb_app_state_sync}. */
class CoexistenceFieldFixturesTest {

  @Test
  void history_chunk_readsProgressChatsAndMessages() {
    HistorySynced h = single("fields/history.json", HistorySynced.class);
    assertThat(h.context().field()).isEqualTo("history");
    assertThat(h.context().phoneNumberId()).contains("106540352242922");
    assertThat(h.phase()).isEqualTo(OptionalInt.of(1));
    assertThat(h.chunkOrder()).isEqualTo(OptionalLong.of(3));
    assertThat(h.progress()).isEqualTo(OptionalInt.of(55));
    assertThat(h.isComplete()).isFalse();
    assertThat(h.isDeclined()).isFalse();
    assertThat(h.chats())
        .extracting(HistorySynced.Chat::waId)
        .containsExactly("16505551234", "16505559876");

    List<HistorySynced.PastMessage> first = h.chats().get(0).messages();
    assertThat(first).hasSize(2);
    HistorySynced.PastMessage text = first.get(0);
    assertThat(text.from()).contains("16505551234");
    assertThat(text.to()).isEmpty();
    assertThat(text.timestamp()).isEqualTo(Instant.ofEpochSecond(1749800000L));
    assertThat(text.status()).isEqualTo(HistorySynced.Status.READ);
    assertThat(text.content())
        .hasValueSatisfying(
            c -> assertThat(((TextReceived) c).body()).isEqualTo("Do you deliver on Sundays?"));

    HistorySynced.PastMessage placeholder = first.get(1);
    assertThat(placeholder.isMediaPlaceholder()).isTrue();
    assertThat(placeholder.content()).isEmpty();
    assertThat(placeholder.from()).contains("15550783881");
    assertThat(placeholder.to()).contains("16505551234");
    assertThat(placeholder.status()).isEqualTo(HistorySynced.Status.DELIVERED);

    HistorySynced.PastMessage numericTime = h.chats().get(1).messages().get(0);
    assertThat(numericTime.timestamp()).isEqualTo(Instant.ofEpochSecond(1749700000L));
    assertThat(numericTime.status()).isEqualTo(HistorySynced.Status.UNKNOWN);
    assertThat(numericTime.rawStatus()).contains("SOMETHING_NEW");
  }

  @Test
  void history_declined_carriesOnlyTheError() {
    HistorySynced h = single("fields/history_declined.json", HistorySynced.class);
    assertThat(h.isDeclined()).isTrue();
    assertThat(h.errors()).extracting(WebhookError::code).containsExactly(2593109);
    assertThat(h.errors().get(0).details())
        .contains("The business chose not to share its chat history.");
    assertThat(h.chats()).isEmpty();
    assertThat(h.phase()).isEmpty();
    assertThat(h.progress()).isEmpty();
  }

  @Test
  void appStateSync_oneEventPerContactWithAction() {
    List<WebhookEvent> events = parse("fields/smb_app_state_sync.json");
    assertThat(events).hasSize(2).allMatch(e -> e instanceof AppStateSynced);
    AppStateSynced add = (AppStateSynced) events.get(0);
    assertThat(add.context().field()).isEqualTo("smb_app_state_sync");
    assertThat(add.type()).isEqualTo("contact");
    assertThat(add.action()).isEqualTo(AppStateSynced.Action.ADD);
    assertThat(add.contact())
        .contains(
            new AppStateSynced.Contact(
                Optional.of("Sheena Nelson"), Optional.of("Sheena"), Optional.of("16505551234")));
    assertThat(add.timestamp()).contains(Instant.ofEpochSecond(1750090702L));
    assertThat(add.rawJson()).contains("\"action\": \"add\"").doesNotContain("remove");

    AppStateSynced remove = (AppStateSynced) events.get(1);
    assertThat(remove.action()).isEqualTo(AppStateSynced.Action.REMOVE);
    assertThat(remove.contact().orElseThrow().fullName()).isEmpty();
    assertThat(remove.contact().orElseThrow().phoneNumber()).contains("16505559876");
  }

  @Test
  void history_valueWithoutChunks_isOneUnknownEventWithTheValue() {
    String body =
        "{\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"history\","
            + "\"value\":{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"m1\"}]}}]}]}";
    List<WebhookEvent> events = Fixtures.PARSER.parse(body.getBytes(StandardCharsets.UTF_8));
    assertThat(events).hasSize(1);
    UnknownEvent u = (UnknownEvent) events.get(0);
    assertThat(u.field()).isEqualTo("history");
    assertThat(u.rawJson()).startsWith("{\"messaging_product\"").contains("\"m1\"");
  }
}
