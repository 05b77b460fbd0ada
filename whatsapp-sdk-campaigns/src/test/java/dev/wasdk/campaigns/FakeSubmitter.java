package dev.wasdk.campaigns;

import dev.wasdk.client.SendResult;
import dev.wasdk.message.Message;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.sender.SendOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Stands in for the sender: answers each message at once (sent, or refused for recipients a rule
 * names), or holds it until the test answers. Records every message it got.
 */
final class FakeSubmitter implements Function<Message, CompletableFuture<SendOutcome>> {
  final List<Message> received = new CopyOnWriteArrayList<>();
  final Map<Message, CompletableFuture<SendOutcome>> held = new ConcurrentHashMap<>();
  final Map<Long, String> wamidByIndex = new ConcurrentHashMap<>();
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private final String prefix = "wamid.f" + INSTANCES.incrementAndGet() + ".";
  private final AtomicInteger ids = new AtomicInteger();
  volatile Predicate<Message> refuse = m -> false;
  volatile boolean hold;

  @Override
  public CompletableFuture<SendOutcome> apply(Message m) {
    received.add(m);
    if (hold) {
      CompletableFuture<SendOutcome> f = new CompletableFuture<>();
      held.put(m, f);
      return f;
    }
    return CompletableFuture.completedFuture(answer(m));
  }

  SendOutcome answer(Message m) {
    if (refuse.test(m)) {
      return new SendOutcome.Rejected(m, RejectReason.NO_CONSENT, "not opted in", Optional.empty());
    }
    String wamid = prefix + ids.incrementAndGet();
    m.envelope()
        .bizOpaqueCallbackData()
        .flatMap(TrackingTag::decode)
        .ifPresent(t -> wamidByIndex.put(t.index(), wamid));
    return sent(m, wamid);
  }

  static SendOutcome sent(Message m, String wamid) {
    return new SendOutcome.Sent(
        m,
        new SendResult(
            wamid,
            m.recipient().value(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()),
        1);
  }

  /** Answers every held message. */
  void releaseAll() {
    held.forEach((m, f) -> f.complete(answer(m)));
    held.clear();
  }

  static TrackingTag tag(Message m) {
    return TrackingTag.parse(m.envelope().bizOpaqueCallbackData().orElseThrow());
  }

  static String wamid(SendOutcome o) {
    return o.wamid().orElseThrow();
  }
}
