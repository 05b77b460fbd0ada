package dev.wasdk.conversations;

import java.time.Duration;
import java.time.Instant;

// tag::contract[]
class InMemoryConversationStoreTest extends ConversationStoreContract {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final InMemoryConversationStore store = ConversationStore.inMemory(clock);

  @Override
  protected ConversationStore store() {
    return store;
  }

  @Override
  protected void elapse(Duration d) {
    clock.advance(d);
  }
}
// end::contract[]
