package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationStateCodecTest {
  private static ConversationState roundTrip(ConversationState s) {
    return ConversationStateCodec.decode(ConversationStateCodec.encode(s));
  }

  @Test
  void encode_everyFieldWithAwkwardText_decodesEqual() {
    Instant t = Instant.ofEpochSecond(1_765_100_000L, 123_456_789);
    ConversationState s =
        new ConversationState(
            Optional.of(new ConversationState.Wait("-", Optional.of(t), Optional.of("a;b&c=d"))),
            Map.of("-", "-", "", "", "k;=&%", "v\nline ü 🍕"),
            true,
            false,
            Map.of("rule;1", t, "-", Instant.EPOCH),
            t);

    assertThat(roundTrip(s)).isEqualTo(s);
  }

  @Test
  void encode_startState_decodesEqual() {
    ConversationState s = ConversationState.start(Instant.parse("1969-12-31T23:59:59.5Z"));

    assertThat(roundTrip(s)).isEqualTo(s);
    assertThat(ConversationStateCodec.encode(s)).doesNotContain("\n");
  }

  @Test
  void encode_waitWithoutDeadlineOrTimeoutStep_decodesEqual() {
    ConversationState s =
        ConversationState.start(Instant.EPOCH)
            .withWaiting(
                Optional.of(
                    new ConversationState.Wait("size", Optional.empty(), Optional.empty())));

    assertThat(roundTrip(s)).isEqualTo(s);
  }

  @Test
  void decode_garbage_failsClearly() {
    assertThatThrownBy(() -> ConversationStateCodec.decode("hello"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a stored conversation state");
    assertThatThrownBy(() -> ConversationStateCodec.decode("c1;-;-;-;0;0;x;;"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed");
  }
}
