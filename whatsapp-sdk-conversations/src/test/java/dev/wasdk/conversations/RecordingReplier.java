package dev.wasdk.conversations;

import dev.wasdk.message.Message;
import dev.wasdk.message.TextMessage;
import dev.wasdk.sender.SendOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Replier} that records what it is given and leaves every outcome pending: the
 * conversation logic under test never depends on outcomes. Thread-safe.
 */
public final class RecordingReplier implements Replier {
  private final List<Message> sent = new ArrayList<>();

  @Override
  public synchronized CompletableFuture<SendOutcome> send(Message message) {
    sent.add(message);
    return new CompletableFuture<>();
  }

  /** Returns every message so far, in order. */
  public synchronized List<Message> messages() {
    return List.copyOf(sent);
  }

  /** Returns the bodies of the text messages so far, in order. */
  public synchronized List<String> texts() {
    List<String> out = new ArrayList<>();
    for (Message m : sent) {
      if (m instanceof TextMessage t) {
        out.add(t.body());
      }
    }
    return out;
  }

  /** Forgets what was sent so far. */
  public synchronized void clear() {
    sent.clear();
  }
}
