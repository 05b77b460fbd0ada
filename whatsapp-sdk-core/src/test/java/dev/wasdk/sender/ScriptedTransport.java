package dev.wasdk.sender;

import dev.wasdk.client.SendResult;
import dev.wasdk.message.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Stands in for {@code wa.messages()::sendAsync}: records each call with the clock's time, and
 * answers at once through {@link #answer}, or leaves the call pending when that returns null.
 */
final class ScriptedTransport implements Function<Message, CompletableFuture<SendResult>> {
  record Call(Message message, Instant at, CompletableFuture<SendResult> future) {
    String to() {
      return message.recipient().value();
    }
  }

  private final Clock clock;
  private final List<Call> calls = new ArrayList<>();
  private Function<Message, Object> answer;

  ScriptedTransport(Clock clock) {
    this.clock = clock;
    this.answer = m -> ok("wamid." + calls.size());
  }

  /** Sets the answer: a SendResult, a Throwable, or null to leave the call pending. */
  synchronized ScriptedTransport answering(Function<Message, Object> answer) {
    this.answer = answer;
    return this;
  }

  ScriptedTransport pending() {
    return answering(m -> null);
  }

  static SendResult ok(String wamid) {
    return new SendResult(
        wamid, "+1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Override
  public CompletableFuture<SendResult> apply(Message message) {
    CompletableFuture<SendResult> f = new CompletableFuture<>();
    Object a;
    synchronized (this) {
      calls.add(new Call(message, clock.instant(), f));
      a = answer.apply(message);
    }
    if (a instanceof SendResult r) {
      f.complete(r);
    } else if (a instanceof Throwable t) {
      f.completeExceptionally(t);
    }
    return f;
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Instant> times() {
    return calls.stream().map(Call::at).toList();
  }
}
