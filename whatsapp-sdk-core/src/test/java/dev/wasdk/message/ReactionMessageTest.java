package dev.wasdk.message;

import static dev.wasdk.message.Invalid.assertInvalid;
import static dev.wasdk.message.MessageSamples.WAMID;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReactionMessageTest {
  @Test
  void reaction_withReplyTo_namesContext() {
    var e =
        assertInvalid(
            () -> to().replyTo(WAMID).reaction(WAMID, "\uD83D\uDC4D"), "context", "present");
    assertThat(e.limit()).contains("cannot be contextual replies");
  }

  @Test
  void removeReaction_withReplyTo_namesContext() {
    assertInvalid(() -> to().replyTo(WAMID).removeReaction(WAMID), "context", "present");
  }

  @Test
  void reaction_blankMessageId_namesMessageId() {
    assertInvalid(() -> to().reaction(" ", "\uD83D\uDC4D"), "reaction.message_id", "blank");
  }

  @Test
  void reaction_whitespaceEmoji_namesEmoji() {
    assertInvalid(() -> to().reaction(WAMID, " "), "reaction.emoji", "blank");
  }

  @Test
  void removeReaction_hasEmptyEmoji_andIsRemoval() {
    ReactionMessage r = to().removeReaction(WAMID);

    assertThat(r.emoji()).isEmpty();
    assertThat(r.isRemoval()).isTrue();
    assertThat(to().reaction(WAMID, "\uD83D\uDE00").isRemoval()).isFalse();
  }
}
