package dev.wasdk.conversations;

import dev.wasdk.client.TypingIndicator;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.TextReceived;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One turn of a conversation, as a {@link TurnHandler} sees it: the user's message (or a timeout),
 * the conversation's state, and the replies to send.
 *
 * <p>Nothing a handler does leaves the turn until the handler returns: then the new state is saved,
 * and only if that succeeds are the replies sent, in order, and hand-over events published. A
 * handler that throws changes nothing and sends nothing.
 *
 * <p>Not thread-safe: use a turn only inside the handler it was given to.
 *
 * <pre>{@code
 * .step("size", turn -> {
 *   turn.put("size", turn.text());
 *   turn.reply("How many?");
 *   turn.ask("quantity", Duration.ofMinutes(10), "quantity-timeout");
 * })
 * }</pre>
 */
public final class Turn {
  private final String conversation;
  private final Recipient recipient;
  private final MessageReceived message;
  private final Instant now;
  private ConversationState state;
  private final Replier replier;
  private final List<Pending<?>> outbox = new ArrayList<>();
  private final List<HandoverEvent> handoverEvents = new ArrayList<>();
  private ReplyContext context;

  /** An action queued until the turn is saved, with the future its caller holds. */
  record Pending<T>(Function<Replier, CompletableFuture<T>> action, CompletableFuture<T> done) {
    void run(Replier replier) {
      CompletableFuture<T> started;
      try {
        started = action.apply(replier);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
        return;
      }
      started.whenComplete(
          (value, failure) -> {
            if (failure != null) {
              done.completeExceptionally(failure);
            } else {
              done.complete(value);
            }
          });
    }

    void drop() {
      done.completeExceptionally(
          new CancellationException("not sent: the conversation turn was not saved"));
    }
  }

  Turn(
      String conversation,
      Recipient recipient,
      MessageReceived message,
      ConversationState state,
      Instant now,
      Replier replier) {
    this.conversation = conversation;
    this.recipient = recipient;
    this.message = message;
    this.state = state;
    this.now = now;
    this.replier = replier;
  }

  /**
   * Returns this turn's reply context: quoting replies, reactions, read marks with typing, window
   * checks and template fallbacks. What it sends leaves after the turn is saved, in order with
   * {@link #reply} and {@link #send}.
   *
   * <pre>{@code
   * .on(MessageReceived.class, Filters.keyword("hi"), turn -> {
   *   turn.context().markRead(TypingIndicator.TEXT);
   *   turn.context().reply("Hello!");
   * })
   * }</pre>
   *
   * @return the context, the same instance for the whole turn
   */
  public ReplyContext context() {
    if (context == null) {
      context =
          new ReplyContext(
              recipient,
              message,
              replier,
              () -> now,
              new ReplyContext.Outlet() {
                @Override
                public CompletableFuture<SendOutcome> send(Message m) {
                  return queue(r -> r.send(m));
                }

                @Override
                public CompletableFuture<Void> markRead(
                    String wamid, Optional<TypingIndicator> typing) {
                  return queue(r -> r.markRead(wamid, typing));
                }
              });
    }
    return context;
  }

  private <T> CompletableFuture<T> queue(Function<Replier, CompletableFuture<T>> action) {
    CompletableFuture<T> done = new CompletableFuture<>();
    outbox.add(new Pending<>(action, done));
    return done;
  }

  /** Returns the conversation key (see {@link Conversations#keyOf}). */
  public String conversation() {
    return conversation;
  }

  /** Returns who replies go to: the user, or the group for a group conversation. */
  public Recipient recipient() {
    return recipient;
  }

  /** Returns whether this turn is a timeout, with no message. */
  public boolean isTimeout() {
    return message == null;
  }

  /**
   * Returns the user's message.
   *
   * @throws IllegalStateException in a timeout turn, which has none
   */
  public MessageReceived message() {
    if (message == null) {
      throw new IllegalStateException("a timeout turn has no message; check isTimeout()");
    }
    return message;
  }

  /** Returns the text of a text message as sent, or an empty string for other turns. */
  public String text() {
    return message instanceof TextReceived t ? t.body() : "";
  }

  /** Returns the time of this turn, from the conversation's clock. */
  public Instant now() {
    return now;
  }

  /** Returns the conversation's state as this turn has changed it so far. */
  public ConversationState state() {
    return state;
  }

  /**
   * Returns a value the conversation keeps.
   *
   * @param key the name
   * @return the value, if set
   */
  public Optional<String> get(String key) {
    return Optional.ofNullable(state.data().get(key));
  }

  /**
   * Keeps a value for the rest of the conversation.
   *
   * @param key the name
   * @param value the value
   */
  public void put(String key, String value) {
    state = state.withData(key, value);
  }

  /**
   * Forgets a value.
   *
   * @param key the name
   */
  public void remove(String key) {
    state = state.withoutData(key);
  }

  /**
   * Queues a text reply.
   *
   * @param text the text
   */
  public void reply(String text) {
    send(to -> to.text(text));
  }

  /**
   * Queues any message to the conversation's recipient.
   *
   * <pre>{@code
   * turn.send(to -> to.buttons().body("Confirm?").button("yes", "Yes").button("no", "No").build());
   * }</pre>
   *
   * @param build builds the message from a builder addressed to {@link #recipient()}
   */
  public void send(Function<Message.Builder, ? extends Message> build) {
    Objects.requireNonNull(build, "build");
    Message m = Objects.requireNonNull(build.apply(Message.to(recipient)), "built message");
    if (!m.recipient().equals(recipient)) {
      throw new IllegalArgumentException("the message must go to the conversation's recipient");
    }
    queue(r -> r.send(m));
  }

  /**
   * Makes the step {@code step} take the user's next message, with no time limit (the wait ends
   * with the conversation, after the inactivity period).
   *
   * @param step the name of a step registered with {@link Conversations.Builder#step}
   */
  public void await(String step) {
    state =
        state.withWaiting(
            Optional.of(new ConversationState.Wait(step, Optional.empty(), Optional.empty())));
  }

  /**
   * Makes the step {@code step} take the user's next message if it comes within {@code timeout};
   * otherwise the step {@code timeoutStep} runs at the deadline, in a turn with no message.
   *
   * @param step the step that takes the answer
   * @param timeout how long to wait; positive
   * @param timeoutStep the step to run when nothing came
   */
  public void ask(String step, Duration timeout, String timeoutStep) {
    Objects.requireNonNull(timeoutStep, "timeoutStep");
    waitFor(step, timeout, Optional.of(timeoutStep));
  }

  /**
   * Makes the step {@code step} take the user's next message if it comes within {@code timeout};
   * otherwise the wait just ends.
   *
   * @param step the step that takes the answer
   * @param timeout how long to wait; positive
   */
  public void ask(String step, Duration timeout) {
    waitFor(step, timeout, Optional.empty());
  }

  private void waitFor(String step, Duration timeout, Optional<String> timeoutStep) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    state =
        state.withWaiting(
            Optional.of(
                new ConversationState.Wait(
                    step,
                    // Whole milliseconds, which every store keeps exactly.
                    Optional.of(now.plus(timeout).truncatedTo(ChronoUnit.MILLIS)),
                    timeoutStep)));
  }

  /** Ends the current exchange: nothing waits any more and the kept values are dropped. */
  public void end() {
    state = state.cleared();
  }

  /**
   * Hands the conversation to a person: the bot stays silent until it is released, and the inbox
   * gets a {@link HandoverEvent.Kind#STARTED} event.
   *
   * @param reason why, for the inbox, such as {@code "asked for an agent"}
   */
  public void handOver(String reason) {
    Objects.requireNonNull(reason, "reason");
    state = state.withHandedOver(true).withWaiting(Optional.empty());
    handoverEvents.add(
        new HandoverEvent(
            HandoverEvent.Kind.STARTED, conversation, Optional.ofNullable(message), reason, now));
  }

  void replace(ConversationState next) {
    state = next;
  }

  void publish(HandoverEvent event) {
    handoverEvents.add(event);
  }

  List<Pending<?>> outbox() {
    return outbox;
  }

  List<HandoverEvent> handoverEvents() {
    return handoverEvents;
  }

  @Override
  public String toString() {
    return "Turn[" + (isTimeout() ? "timeout" : message.getClass().getSimpleName()) + "]";
  }
}
