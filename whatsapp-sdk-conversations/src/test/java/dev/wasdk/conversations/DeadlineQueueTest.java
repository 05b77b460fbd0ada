package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.conversations.internal.DeadlineQueue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineQueueTest {
  private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void takeDue_returnsPassedDeadlinesInOrderOnce() {
    DeadlineQueue q = new DeadlineQueue();
    q.add("late", T.plusSeconds(60));
    q.add("b", T.plusSeconds(2));
    q.add("a", T.plusSeconds(1));
    q.add("a", T.plusSeconds(1));

    assertThat(q.takeDue(T)).isEmpty();
    assertThat(q.takeDue(T.plusSeconds(2))).containsExactly("a", "a", "b");
    assertThat(q.takeDue(T.plusSeconds(2))).isEmpty();
    assertThat(q.size()).isEqualTo(1);
  }
}
