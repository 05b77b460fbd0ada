package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryConversationStorePurgeTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final InMemoryConversationStore store = ConversationStore.inMemory(clock);

  @Test
  void purgeExpired_dropsOnlyExpiredEntries() {
    ConversationState s = ConversationState.start(clock.instant());
    store.put("a", s, 0, Duration.ofMinutes(1));
    store.put("b", s, 0, Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(5));

    assertThat(store.purgeExpired()).isEqualTo(1);

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.get("b")).isPresent();
  }
}
