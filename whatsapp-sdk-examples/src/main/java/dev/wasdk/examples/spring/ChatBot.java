package dev.wasdk.examples.spring;

import dev.wasdk.conversations.ReplyContext;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.spring.WhatsAppHandler;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.TextReceived;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers users from {@link WhatsAppHandler} methods: a text gets an echo (quoting it) and two
 * reply buttons, a tapped button gets a thank-you, and anything else a hint. Each handler gets a
 * {@link ReplyContext} that answers the same user through the pacing {@link
 * dev.wasdk.sender.MessageSender}, which the starter feeds with every webhook event first, so the
 * user's 24-hour service window is already open when a handler runs.
 *
 * <p>Handlers only submit and return: the webhook is acknowledged at once, and each answer's
 * outcome is logged when it is known. Thread-safe.
 */
@Component
public class ChatBot {
  /** The id of the button that says the answer helped. */
  static final String BUTTON_YES = "helped-yes";

  /** The id of the button that says it did not. */
  static final String BUTTON_NO = "helped-no";

  private static final Logger log = LoggerFactory.getLogger(ChatBot.class);

  private final Set<CompletableFuture<SendOutcome>> pending = ConcurrentHashMap.newKeySet();

  /** Creates the bot. */
  public ChatBot() {}

  // tag::listener[]
  /**
   * Echoes a text and asks, with two reply buttons, whether that helped.
   *
   * @param text the user's message
   * @param ctx answers the user
   */
  @WhatsAppHandler
  public void onText(TextReceived text, ReplyContext ctx) {
    track(ctx.reply("You said: " + text.body()));
    track(
        ctx.send(
            to ->
                to.buttons()
                    .body("Did that help?")
                    .button(BUTTON_YES, "Yes")
                    .button(BUTTON_NO, "No")
                    .build()));
  }

  /**
   * Thanks the user for tapping a button.
   *
   * @param reply the tapped button
   * @param ctx answers the user
   */
  @WhatsAppHandler(replyId = {BUTTON_YES, BUTTON_NO})
  public void onButton(ButtonReplyReceived reply, ReplyContext ctx) {
    String answer =
        BUTTON_YES.equals(reply.buttonId())
            ? "Glad to help!"
            : "Sorry about that. A person will reply soon.";
    track(ctx.reply(answer));
  }

  /**
   * Answers every other message, such as a photo, with a hint; it runs last.
   *
   * @param message the user's message
   * @param ctx answers the user
   */
  @WhatsAppHandler(priority = -10)
  public void onAnythingElse(MessageReceived message, ReplyContext ctx) {
    track(ctx.send("I read texts and button taps only. Write me a message!"));
  }

  // end::listener[]

  // tag::send[]
  private void track(CompletableFuture<SendOutcome> outcome) {
    pending.add(outcome);
    outcome.whenComplete(
        (result, failure) -> {
          pending.remove(outcome);
          if (result == null || !result.isSent()) {
            log.warn("Answer not sent: {}", failure != null ? failure.toString() : result);
          }
        });
  }

  // end::send[]

  /**
   * Waits until every answer submitted so far has an outcome.
   *
   * @param timeout the longest wait
   * @throws TimeoutException if answers are still pending after the timeout
   */
  void awaitAnswers(Duration timeout)
      throws TimeoutException, InterruptedException, ExecutionException {
    List<CompletableFuture<SendOutcome>> now = List.copyOf(pending);
    CompletableFuture.allOf(now.toArray(CompletableFuture[]::new))
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
