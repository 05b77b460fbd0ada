package dev.wasdk.conversations;

import dev.wasdk.client.TypingIndicator;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.sender.ServiceWindowTracker;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the messages a bot answers with: the one seam between {@link Conversations}, {@link
 * ReplyContext} and the network.
 *
 * <p>{@link #of(MessageSender)} sends through the pacing sender, so that throughput, pair-rate,
 * consent and service-window rules apply to bot replies as to everything else; {@link
 * #of(MessageSender, WhatsAppClient)} can also mark messages read. Implementations must be
 * thread-safe and must not block: return a future and complete it later.
 *
 * <pre>{@code
 * Replier replier = Replier.of(sender, wa);
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
   * Marks a received message read, optionally showing the typing indicator. Default: a future
   * failed with {@link UnsupportedOperationException}, for repliers that only send.
   *
   * @param wamid the id of the received message
   * @param typing the indicator to show, if any
   * @return completes once WhatsApp accepted it
   */
  default CompletableFuture<Void> markRead(String wamid, Optional<TypingIndicator> typing) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException(
            "this replier cannot mark messages read; use Replier.of(sender, client)"));
  }

  /**
   * Returns whether the user's 24-hour customer-service window is open, so that free-form messages
   * may be sent. Default: true, for repliers that do not track windows (the sender still refuses a
   * free-form message outside the window when it enforces it).
   *
   * @param recipient the user
   * @param now the current time
   * @return whether the window is open
   */
  default boolean windowOpen(Recipient recipient, Instant now) {
    return true;
  }

  /**
   * Returns a replier that submits to a pacing sender and reads its service windows. It cannot mark
   * messages read; see {@link #of(MessageSender, WhatsAppClient)}.
   *
   * @param sender the sender
   * @return the replier
   */
  static Replier of(MessageSender sender) {
    Objects.requireNonNull(sender, "sender");
    ServiceWindowTracker windows = sender.serviceWindows();
    return new Replier() {
      @Override
      public CompletableFuture<SendOutcome> send(Message message) {
        return sender.submit(message);
      }

      @Override
      public boolean windowOpen(Recipient recipient, Instant now) {
        return windowOf(windows, recipient, now);
      }
    };
  }

  /**
   * Returns a replier that submits to a pacing sender, reads its service windows and marks messages
   * read through the client.
   *
   * @param sender the sender
   * @param client the client the sender uses
   * @return the replier
   */
  static Replier of(MessageSender sender, WhatsAppClient client) {
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(client, "client");
    ServiceWindowTracker windows = sender.serviceWindows();
    return new Replier() {
      @Override
      public CompletableFuture<SendOutcome> send(Message message) {
        return sender.submit(message);
      }

      @Override
      public CompletableFuture<Void> markRead(String wamid, Optional<TypingIndicator> typing) {
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(typing, "typing");
        try {
          return typing.isPresent()
              ? client.messages().markReadAsync(wamid, typing.get())
              : client.messages().markReadAsync(wamid);
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      }

      @Override
      public boolean windowOpen(Recipient recipient, Instant now) {
        return windowOf(windows, recipient, now);
      }
    };
  }

  private static boolean windowOf(ServiceWindowTracker windows, Recipient recipient, Instant now) {
    Objects.requireNonNull(recipient, "recipient");
    String user =
        recipient.kind() == Recipient.Kind.GROUP ? "group:" + recipient.value() : recipient.value();
    return windows.isOpen(user, now);
  }
}
