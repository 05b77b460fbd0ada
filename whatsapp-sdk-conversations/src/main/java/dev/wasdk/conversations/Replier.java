package dev.wasdk.conversations;

import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the messages a bot answers with: the one seam between {@link Conversations} and the
 * network.
 *
 * <p>{@link #of(MessageSender)} sends through the pacing sender, so that throughput, pair-rate,
 * consent and service-window rules apply to bot replies as to everything else. Implementations must
 * be thread-safe and must not block: return a future and complete it later.
 *
 * <pre>{@code
 * Replier replier = Replier.of(sender);
 * Conversations bot = Conversations.builder(replier).build();
 * }</pre>
 */
@FunctionalInterface
public interface Replier {

  /**
   * Queues one message.
   *
   * @param message the message, addressed to the conversation's user
   * @return the outcome, once known
   */
  CompletableFuture<SendOutcome> send(Message message);

  /**
   * Returns a replier that submits to a pacing sender.
   *
   * @param sender the sender
   * @return the replier
   */
  static Replier of(MessageSender sender) {
    Objects.requireNonNull(sender, "sender");
    return sender::submit;
  }
}
