package dev.wasdk.examples.spring;

import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
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
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers users: a text gets an echo and two reply buttons, a tapped button gets a thank-you. The
 * answers go through the pacing {@link MessageSender}, which the starter feeds with every webhook
 * event first, so the user's 24-hour service window is already open when a listener runs.
 *
 * <p>Listeners only submit and return: the webhook is acknowledged at once, and each answer's
 * outcome is logged when it is known. Thread-safe.
 */
@Component
public class ChatBot {
  /** The id of the button that says the answer helped. */
  static final String BUTTON_YES = "helped-yes";

  /** The id of the button that says it did not. */
  static final String BUTTON_NO = "helped-no";

  private static final Logger log = LoggerFactory.getLogger(ChatBot.class);

  private final MessageSender sender;
  private final Set<CompletableFuture<SendOutcome>> pending = ConcurrentHashMap.newKeySet();

  /**
   * Creates the bot.
   *
   * @param sender the auto-configured pacing sender
   */
  public ChatBot(MessageSender sender) {
    this.sender = sender;
  }

  // tag::listener[]
  /**
   * Echoes a text and asks, with two reply buttons, whether that helped.
   *
   * @param text the user's message
   */
  @EventListener
  public void onText(TextReceived text) {
    submit(Message.replyTo(text).text("You said: " + text.body()));
    submit(
        Message.to(text)
            .buttons()
            .body("Did that help?")
            .button(BUTTON_YES, "Yes")
            .button(BUTTON_NO, "No")
            .build());
  }

  /**
   * Thanks the user for tapping a button.
   *
   * @param reply the tapped button
   */
  @EventListener
  public void onButton(ButtonReplyReceived reply) {
    String answer =
        BUTTON_YES.equals(reply.buttonId())
            ? "Glad to help!"
            : "Sorry about that. A person will reply soon.";
    submit(Message.replyTo(reply).text(answer));
  }

  // end::listener[]

  // tag::send[]
  private void submit(Message message) {
    CompletableFuture<SendOutcome> outcome = sender.submit(message);
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
   * Waits until every answer submitted so far has an outcome; the simulated conversation uses it to
   * take turns.
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
