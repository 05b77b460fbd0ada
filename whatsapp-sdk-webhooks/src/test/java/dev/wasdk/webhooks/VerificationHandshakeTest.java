package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationHandshakeTest {
  private final VerificationHandshake handshake = VerificationHandshake.of("my-verify-token");

  @Test
  void check_subscribeWithRightToken_returnsChallenge() {
    assertThat(handshake.check("subscribe", "my-verify-token", "1158201444"))
        .contains("1158201444");
  }

  @Test
  void check_wrongToken_returnsEmpty() {
    assertThat(handshake.check("subscribe", "my-verify-tokeN", "1158201444")).isEmpty();
    assertThat(handshake.check("subscribe", "my-verify-token-and-more", "1158201444")).isEmpty();
    assertThat(handshake.check("subscribe", "", "1158201444")).isEmpty();
    assertThat(handshake.check("subscribe", null, "1158201444")).isEmpty();
  }

  @Test
  void check_wrongOrMissingMode_returnsEmpty() {
    assertThat(handshake.check("unsubscribe", "my-verify-token", "1158201444")).isEmpty();
    assertThat(handshake.check("Subscribe", "my-verify-token", "1158201444")).isEmpty();
    assertThat(handshake.check(null, "my-verify-token", "1158201444")).isEmpty();
  }

  @Test
  void check_missingChallenge_returnsEmpty() {
    assertThat(handshake.check("subscribe", "my-verify-token", null)).isEmpty();
    assertThat(handshake.check("subscribe", "my-verify-token", "")).isEmpty();
  }

  @Test
  void evaluate_eachFailure_namesItsOutcome() {
    assertThat(handshake.evaluate("x", "my-verify-token", "1"))
        .isEqualTo(VerificationHandshake.Outcome.WRONG_MODE);
    assertThat(handshake.evaluate("subscribe", "nope", "1"))
        .isEqualTo(VerificationHandshake.Outcome.WRONG_TOKEN);
    assertThat(handshake.evaluate("subscribe", "my-verify-token", null))
        .isEqualTo(VerificationHandshake.Outcome.MISSING_CHALLENGE);
    assertThat(handshake.evaluate("subscribe", "my-verify-token", "<script>"))
        .isEqualTo(VerificationHandshake.Outcome.BAD_CHALLENGE);
  }

  @Test
  void check_challengeOfLettersAndDigitsUpToTheCap_echoed() {
    String longest = "aZ9".repeat(42) + "xy";
    assertThat(longest).hasSize(VerificationHandshake.MAX_CHALLENGE_LENGTH);
    assertThat(handshake.check("subscribe", "my-verify-token", longest)).contains(longest);
  }

  @Test
  void check_challengeTooLongOrWithOtherCharacters_refused() {
    String tooLong = "1".repeat(VerificationHandshake.MAX_CHALLENGE_LENGTH + 1);
    assertThat(handshake.check("subscribe", "my-verify-token", tooLong)).isEmpty();
    for (String bad : List.of("12 34", "1<b>", "abc%0d", "é1", "1-2", "a\nb")) {
      assertThat(handshake.check("subscribe", "my-verify-token", bad)).as(bad).isEmpty();
    }
  }

  @Test
  void of_emptyToken_throws() {
    assertThatThrownBy(() -> VerificationHandshake.of(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_omitsToken() {
    assertThat(handshake.toString()).doesNotContain("my-verify-token");
  }
}
