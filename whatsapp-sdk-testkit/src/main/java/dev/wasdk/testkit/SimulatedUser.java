package dev.wasdk.testkit;

import dev.wasdk.message.ListMessage;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.ListSection;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.ReplyButton;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A scripted user of a bot under test: writes, taps reply buttons and picks list rows, and checks
 * the bot's answers one by one, in order, each within a timeout. Obtained from {@link
 * WhatsAppSimulator#user(String)}.
 *
 * <p>What the user sends goes out as a signed webhook to the URL given to {@link
 * WhatsAppSimulator#deliverWebhooksTo}; the answers are the messages the simulated Cloud API
 * accepted for this user ({@link WhatsAppSimulator#sentMessages()}), so a test covers the whole
 * path: the webhook endpoint, the bot's routing and the sender. The DSL knows nothing of how the
 * bot is built.
 *
 * <pre>{@code
 * SimulatedUser user = sim.user("+5511987654321");
 * user.says("menu")
 *     .expectReply(ListMessage.class, list -> assertThat(list.body()).contains("Menu"));
 * user.picksRow("pizza").expectText("How many?");
 * user.tapsButton("2").expectReply(reply -> assertThat(reply).isInstanceOf(TextMessage.class));
 * }</pre>
 *
 * <p>Not thread-safe: script one user from one thread. Each expectation waits on the condition that
 * a new answer arrived (polling the simulator's record), never for a fixed time.
 */
public final class SimulatedUser {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final WhatsAppSimulator sim;
  private final String phone;
  private final String digits;
  private Duration timeout = DEFAULT_TIMEOUT;
  private int seen;
  private final List<SentMessage> answers = new ArrayList<>();

  SimulatedUser(WhatsAppSimulator sim, String phone) {
    this.sim = Objects.requireNonNull(sim, "sim");
    this.phone = Objects.requireNonNull(phone, "phone");
    this.digits = digits(phone);
    if (digits.length() < 7 || digits.length() > 15) {
      throw new IllegalArgumentException(
          "a simulated user needs a phone number with country code (7 to 15 digits), got "
              + digits.length()
              + " digits");
    }
    // Answers sent before this user was scripted belong to an earlier part of the test.
    this.seen = (int) sim.sentMessages().stream().filter(this::isForMe).count();
  }

  /**
   * Sets how long each expectation waits for the next answer. Default 10 seconds.
   *
   * @param timeout positive
   * @return this user
   */
  public SimulatedUser within(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.timeout = timeout;
    return this;
  }

  /**
   * Sends a text message to the bot.
   *
   * @param text the text
   * @return this user, to chain the expectations
   */
  public SimulatedUser says(String text) {
    sim.userSends(phone, text);
    return this;
  }

  /**
   * Taps a reply button of the latest bot message that has one with this id or title.
   *
   * @param idOrTitle the button's id or title
   * @return this user
   * @throws AssertionError if no answer so far has such a button
   */
  public SimulatedUser tapsButton(String idOrTitle) {
    Objects.requireNonNull(idOrTitle, "idOrTitle");
    for (int i = answers.size() - 1; i >= 0; i--) {
      if (answers.get(i).message() instanceof ReplyButtonsMessage buttons) {
        for (ReplyButton b : buttons.buttons()) {
          if (b.id().equals(idOrTitle) || b.title().equals(idOrTitle)) {
            sim.userRepliesWithButton(phone, answers.get(i).wamid(), b.id(), b.title());
            return this;
          }
        }
      }
    }
    throw new AssertionError(
        "no reply-button message checked so far has a button '" + idOrTitle + "'");
  }

  /**
   * Picks a row of the latest bot list message that has one with this id or title.
   *
   * @param idOrTitle the row's id or title
   * @return this user
   * @throws AssertionError if no answer so far has such a row
   */
  public SimulatedUser picksRow(String idOrTitle) {
    Objects.requireNonNull(idOrTitle, "idOrTitle");
    for (int i = answers.size() - 1; i >= 0; i--) {
      if (answers.get(i).message() instanceof ListMessage list) {
        for (ListSection section : list.sections()) {
          for (ListRow row : section.rows()) {
            if (row.id().equals(idOrTitle) || row.title().equals(idOrTitle)) {
              sim.userRepliesWithListRow(
                  phone,
                  answers.get(i).wamid(),
                  row.id(),
                  row.title(),
                  row.description().orElse(null));
              return this;
            }
          }
        }
      }
    }
    throw new AssertionError("no list message checked so far has a row '" + idOrTitle + "'");
  }

  /**
   * Waits for the bot's next answer to this user and checks it.
   *
   * @param check assertions on the message, such as AssertJ's
   * @return this user
   * @throws AssertionError if no answer arrives within the timeout, or the check fails
   */
  public SimulatedUser expectReply(Consumer<? super Message> check) {
    Objects.requireNonNull(check, "check");
    check.accept(next().message());
    return this;
  }

  /**
   * Waits for the bot's next answer, checks that it is of {@code type}, and checks it.
   *
   * @param type the expected kind, such as {@code ListMessage.class}
   * @param check assertions on it
   * @param <T> the kind
   * @return this user
   * @throws AssertionError if no answer arrives in time, it is of another kind, or the check fails
   */
  public <T extends Message> SimulatedUser expectReply(Class<T> type, Consumer<? super T> check) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(check, "check");
    Message m = next().message();
    if (!type.isInstance(m)) {
      throw new AssertionError(
          "expected a "
              + type.getSimpleName()
              + " from the bot but got a "
              + m.getClass().getSimpleName()
              + describe(m));
    }
    check.accept(type.cast(m));
    return this;
  }

  /**
   * Waits for the bot's next answer and checks that it is exactly this text.
   *
   * @param body the expected text
   * @return this user
   * @throws AssertionError if no answer arrives in time or it is not this text
   */
  public SimulatedUser expectText(String body) {
    Objects.requireNonNull(body, "body");
    return expectReply(
        TextMessage.class,
        t -> {
          if (!t.body().equals(body)) {
            throw new AssertionError(
                "expected the bot to say \"" + body + "\" but it said \"" + t.body() + "\"");
          }
        });
  }

  /**
   * Returns the answers not yet checked that have already arrived, without waiting; a test can
   * assert that this is empty at the end of a script, once it waited for the last expected answer.
   *
   * @return the messages, oldest first
   */
  public List<Message> unchecked() {
    List<Message> out = new ArrayList<>();
    List<SentMessage> mine = mine();
    for (int i = seen; i < mine.size(); i++) {
      out.add(mine.get(i).message());
    }
    return out;
  }

  /** Returns the answers checked so far, oldest first. */
  public List<SentMessage> checked() {
    return List.copyOf(answers);
  }

  private SentMessage next() {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<SentMessage> mine = mine();
      if (mine.size() > seen) {
        SentMessage m = mine.get(seen++);
        answers.add(m);
        return m;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            "the bot sent no further answer to the user within "
                + timeout
                + " ("
                + answers.size()
                + " checked so far)");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the bot's answer", e);
      }
    }
  }

  private List<SentMessage> mine() {
    List<SentMessage> out = new ArrayList<>();
    for (SentMessage s : sim.sentMessages()) {
      if (isForMe(s)) {
        out.add(s);
      }
    }
    return out;
  }

  private boolean isForMe(SentMessage s) {
    Recipient r = s.message().recipient();
    return r.kind() == Recipient.Kind.PHONE && digits(r.value()).equals(digits);
  }

  private static String digits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String describe(Message m) {
    return m instanceof TextMessage t ? " (\"" + t.body() + "\")" : "";
  }

  @Override
  public String toString() {
    return "SimulatedUser[" + answers.size() + " answers checked]";
  }
}
