package dev.wasdk.conversations;

import dev.wasdk.client.TypingIndicator;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers the user of one inbound message: replies quoting it or not, reacts, marks it read with
 * the typing indicator, sends any message to the same user, and falls back to a template when the
 * customer-service window is closed.
 *
 * <p>The recipient is derived once from the message ({@link MessageReceived#replyRecipient()}): the
 * group for a group message, else the sender's WhatsApp id, else their business-scoped user id (a
 * username user is reached through it). Every message goes through the {@link Replier}, so with
 * {@link Replier#of(dev.wasdk.sender.MessageSender)} the pacing sender's limits, consent and window
 * rules still apply.
 *
 * <p>In a {@link ConversationRouter} handler the messages leave at once; in a {@link Turn} of
 * {@link Conversations} they leave only after the turn's state is saved, and their futures fail
 * with {@link java.util.concurrent.CancellationException} when it is not.
 *
 * <p>Not thread-safe: use a context inside the handler it was given to. Its futures may be kept.
 *
 * <pre>{@code
 * router.onMessage(TextReceived.class, Filters.keyword("hours"), (text, ctx) -> {
 *   ctx.markRead(TypingIndicator.TEXT);
 *   ctx.reply("We open at 9:00.");                 // quotes the user's message
 *   ctx.sendOrTemplate(to -> to.text("Anything else?"),
 *       to -> to.template("follow_up", "en_US").build());
 * });
 * }</pre>
 */
public final class ReplyContext {

  /** Where a context's actions go: at once, or queued until a turn is saved. */
  interface Outlet {
    CompletableFuture<SendOutcome> send(Message message);

    CompletableFuture<Void> markRead(String wamid, Optional<TypingIndicator> typing);
  }

  private final Recipient recipient;
  private final MessageReceived message;
  private final Replier replier;
  private final Supplier<Instant> now;
  private final Outlet outlet;

  ReplyContext(
      Recipient recipient,
      MessageReceived message,
      Replier replier,
      Supplier<Instant> now,
      Outlet outlet) {
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.message = message;
    this.replier = replier;
    this.now = now;
    this.outlet = outlet;
  }

  /**
   * Returns a context that sends through {@code replier} at once, for handlers outside {@link
   * Conversations}.
   *
   * @param message the inbound message
   * @param replier where messages go
   * @param clock the clock for the window check
   * @return the context
   * @throws IllegalArgumentException if the message names nobody to answer
   */
  public static ReplyContext of(MessageReceived message, Replier replier, Clock clock) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(replier, "replier");
    Objects.requireNonNull(clock, "clock");
    Recipient to =
        message
            .replyRecipient()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the message names no WhatsApp id, user id or group to answer"));
    return new ReplyContext(
        to,
        message,
        replier,
        clock::instant,
        new Outlet() {
          @Override
          public CompletableFuture<SendOutcome> send(Message m) {
            return replier.send(m);
          }

          @Override
          public CompletableFuture<Void> markRead(String wamid, Optional<TypingIndicator> t) {
            return replier.markRead(wamid, t);
          }
        });
  }

  /** Returns who the messages go to, derived once from the inbound message. */
  public Recipient recipient() {
    return recipient;
  }

  /** Returns the inbound message, or empty in a timeout turn. */
  public Optional<MessageReceived> message() {
    return Optional.ofNullable(message);
  }

  /**
   * Replies with a text that quotes the user's message (or, in a timeout turn, does not).
   *
   * @param text the text
   * @return the send outcome
   */
  public CompletableFuture<SendOutcome> reply(String text) {
    Objects.requireNonNull(text, "text");
    return reply(to -> to.text(text));
  }

  /**
   * Replies with any message that quotes the user's message.
   *
   * @param build builds the message from a builder addressed to the user, quoting set
   * @return the send outcome
   */
  public CompletableFuture<SendOutcome> reply(Function<Message.Builder, ? extends Message> build) {
    return emit(build, true);
  }

  /**
   * Sends a text to the user without quoting.
   *
   * @param text the text
   * @return the send outcome
   */
  public CompletableFuture<SendOutcome> send(String text) {
    Objects.requireNonNull(text, "text");
    return send(to -> to.text(text));
  }

  /**
   * Sends any message to the user without quoting.
   *
   * <pre>{@code
   * ctx.send(to -> to.buttons().body("Confirm?").button("y", "Yes").button("n", "No").build());
   * }</pre>
   *
   * @param build builds the message from a builder addressed to the user
   * @return the send outcome
   */
  public CompletableFuture<SendOutcome> send(Function<Message.Builder, ? extends Message> build) {
    return emit(build, false);
  }

  /**
   * Reacts to the user's message with an emoji.
   *
   * @param emoji the emoji, such as {@code "👍"}
   * @return the send outcome
   * @throws IllegalStateException in a timeout turn, or when the message has no id
   */
  public CompletableFuture<SendOutcome> react(String emoji) {
    Objects.requireNonNull(emoji, "emoji");
    String id = messageId("react to");
    return emit(to -> to.reaction(id, emoji), false);
  }

  /**
   * Marks the user's message read.
   *
   * @return completes once WhatsApp accepted it
   * @throws IllegalStateException in a timeout turn, or when the message has no id
   */
  public CompletableFuture<Void> markRead() {
    return outlet.markRead(messageId("mark read"), Optional.empty());
  }

  /**
   * Marks the user's message read and shows the typing indicator until the next reply (or about 25
   * seconds).
   *
   * @param typing the indicator
   * @return completes once WhatsApp accepted it
   * @throws IllegalStateException in a timeout turn, or when the message has no id
   */
  public CompletableFuture<Void> markRead(TypingIndicator typing) {
    Objects.requireNonNull(typing, "typing");
    return outlet.markRead(messageId("mark read"), Optional.of(typing));
  }

  /**
   * Returns whether the user's 24-hour customer-service window is open now, as the replier sees it.
   */
  public boolean windowOpen() {
    return replier.windowOpen(recipient, now.get());
  }

  /**
   * Sends {@code freeForm} while the window is open, else the template {@code template} builds.
   *
   * @param freeForm builds the message to send inside the window
   * @param template builds the template to send outside it
   * @return the outcome of whichever was sent
   */
  public CompletableFuture<SendOutcome> sendOrTemplate(
      Function<Message.Builder, ? extends Message> freeForm,
      Function<Message.Builder, TemplateMessage> template) {
    Objects.requireNonNull(freeForm, "freeForm");
    Objects.requireNonNull(template, "template");
    return windowOpen() ? send(freeForm) : send(template);
  }

  /**
   * Sends {@code text} while the window is open, else the named template with no parameters.
   *
   * @param text the free-form text
   * @param templateName the approved template's name
   * @param languageCode its language, such as {@code en_US}
   * @return the outcome of whichever was sent
   */
  public CompletableFuture<SendOutcome> sendOrTemplate(
      String text, String templateName, String languageCode) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(templateName, "templateName");
    Objects.requireNonNull(languageCode, "languageCode");
    return sendOrTemplate(
        to -> to.text(text), to -> to.template(templateName, languageCode).build());
  }

  private String messageId(String action) {
    if (message == null) {
      throw new IllegalStateException("a timeout turn has no message to " + action);
    }
    String id = message.id();
    if (id == null || id.isEmpty()) {
      throw new IllegalStateException("the message has no id to " + action);
    }
    return id;
  }

  private CompletableFuture<SendOutcome> emit(
      Function<Message.Builder, ? extends Message> build, boolean quote) {
    Objects.requireNonNull(build, "build");
    Message.Builder to = Message.to(recipient);
    if (quote && message != null && message.id() != null && !message.id().isEmpty()) {
      to.replyTo(message.id());
    }
    Message m = Objects.requireNonNull(build.apply(to), "built message");
    if (!m.recipient().equals(recipient)) {
      throw new IllegalArgumentException("the message must go to the context's recipient");
    }
    return outlet.send(m);
  }

  @Override
  public String toString() {
    return "ReplyContext[" + recipient.kind() + "]";
  }
}
