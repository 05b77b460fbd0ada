package dev.wasdk.webhooks.event;

import static dev.wasdk.webhooks.event.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batches: several entries and changes in one body (API-FACTS §6.3). */
class BatchFixturesTest {

  @Test
  void twoEntriesFiveChanges_yieldOneEventPerElementInPayloadOrder() {
    List<WebhookEvent> events = parse("batches/two_entries_five_changes.json");
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly(
            "TextReceived",
            "MessageStatusChanged",
            "MessageStatusChanged",
            "TemplateStatusChanged",
            "AccountReviewUpdated",
            "UnknownEvent");
    assertThat(events.subList(0, 3))
        .allSatisfy(e -> assertThat(e.context().wabaId()).isEqualTo("102290129340398"));
    assertThat(events.subList(3, 6))
        .allSatisfy(
            e -> {
              assertThat(e.context().wabaId()).isEqualTo("498765432101234");
              assertThat(e.context().entryTime()).contains(Instant.ofEpochSecond(1750264300L));
            });
    assertThat(events.get(1).dedupeKey()).contains("wamid.S1:sent");
    assertThat(events.get(2).dedupeKey()).contains("wamid.S1:delivered");
    assertThat(((AccountReviewUpdated) events.get(4)).decision()).isEqualTo(ReviewDecision.PENDING);
    UnknownEvent unknown = (UnknownEvent) events.get(5);
    assertThat(unknown.field()).isEqualTo("brand_new_field");
    assertThat(unknown.rawJson().replaceAll("\\s", "")).isEqualTo("{\"anything\":[1,2,3]}");
  }

  @Test
  void entryIdAfterChanges_andFieldBeforeValue_stillReadInFull() {
    TextReceived t = Fixtures.single("batches/entry_id_after_changes.json", TextReceived.class);
    assertThat(t.context().wabaId()).isEqualTo("102290129340398");
    assertThat(t.context().field()).isEqualTo("messages");
    assertThat(t.body()).isEqualTo("field first");
  }
}
