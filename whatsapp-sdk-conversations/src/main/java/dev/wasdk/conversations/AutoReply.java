package dev.wasdk.conversations;

import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers messages no route took with canned replies: keyword rules, then a default reply, each at
 * most once per cool-down per user, so that nobody gets the same answer ten times in a minute.
 *
 * <p>Rules are tried in the order they were added; the first whose filter matches answers. While a
 * rule (or the default) is cooling down for a user, a message it would answer is taken silently.
 * The marks live in the {@link ConversationState}, so they end with the conversation.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * AutoReply auto = AutoReply.builder()
 *     .keyword("hours", "We are open Monday to Friday, 9:00 to 18:00.")
 *     .rule("price", Filters.keyword("price", "prices", "precio"), "Our prices: https://…")
 *     .defaultReply("Thanks for your message! Type HOURS or PRICE, or AGENT for a person.")
 *     .coolDown(Duration.ofMinutes(10))
 *     .build();
 * }</pre>
 */
public final class AutoReply {
  /** The rule name under which the default reply keeps its cool-down mark. */
  public static final String DEFAULT_RULE = "default";

  private record Rule(String name, Filter<MessageReceived> filter, String text) {}

  private final List<Rule> rules;
  private final Optional<String> defaultReply;
  private final Duration coolDown;

  private AutoReply(Builder b) {
    this.rules = List.copyOf(b.rules);
    this.defaultReply = b.defaultReply;
    this.coolDown = b.coolDown;
  }

  /** Returns a builder with no rules, no default reply and a 10-minute cool-down. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Answers the turn's message if a rule or the default applies.
   *
   * @param turn a turn with a message
   * @return true if a rule or the default applies, whether it answered or was cooling down
   */
  boolean apply(Turn turn) {
    if (turn.isTimeout()) {
      return false;
    }
    MessageReceived message = turn.message();
    for (Rule r : rules) {
      if (r.filter().test(message)) {
        answer(turn, r.name(), r.text());
        return true;
      }
    }
    if (defaultReply.isPresent()) {
      answer(turn, DEFAULT_RULE, defaultReply.get());
      return true;
    }
    return false;
  }

  private void answer(Turn turn, String rule, String text) {
    Instant now = turn.now();
    Instant last = turn.state().repliedAt().get(rule);
    if (last != null && now.isBefore(last.plus(coolDown))) {
      return;
    }
    turn.reply(text);
    turn.replace(turn.state().withRepliedAt(rule, now));
  }

  /** Builds an {@link AutoReply}. Not thread-safe. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private Optional<String> defaultReply = Optional.empty();
    private Duration coolDown = Duration.ofMinutes(10);

    private Builder() {}

    /**
     * Adds a rule that answers a text starting with {@code keyword} (see {@link Filters#keyword});
     * the keyword is also the rule's name.
     *
     * @param keyword the keyword
     * @param text the reply
     * @return this builder
     */
    public Builder keyword(String keyword, String text) {
      return rule(keyword, Filters.keyword(keyword), text);
    }

    /**
     * Adds a rule.
     *
     * @param name the rule's name, unique; its cool-down mark is kept under it
     * @param filter which messages it answers
     * @param text the reply
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or taken
     */
    public Builder rule(String name, Filter<MessageReceived> filter, String text) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(filter, "filter");
      Objects.requireNonNull(text, "text");
      if (name.isBlank() || name.equals(DEFAULT_RULE) || !names.add(name)) {
        throw new IllegalArgumentException(
            "rule name must be non-blank, unique and not '" + DEFAULT_RULE + "': " + name);
      }
      if (text.isBlank()) {
        throw new IllegalArgumentException("the reply of rule " + name + " is blank");
      }
      rules.add(new Rule(name, filter, text));
      return this;
    }

    /**
     * Sets the reply to messages no rule matches. Default: none, so they stay unhandled.
     *
     * @param text the reply
     * @return this builder
     */
    public Builder defaultReply(String text) {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("the default reply is blank");
      }
      this.defaultReply = Optional.of(text);
      return this;
    }

    /**
     * Sets how long a rule stays silent for a user after answering them. Default: 10 minutes.
     *
     * @param coolDown zero or more
     * @return this builder
     */
    public Builder coolDown(Duration coolDown) {
      Objects.requireNonNull(coolDown, "coolDown");
      if (coolDown.isNegative()) {
        throw new IllegalArgumentException("coolDown must not be negative: " + coolDown);
      }
      this.coolDown = coolDown;
      return this;
    }

    /** Returns the auto-reply. */
    public AutoReply build() {
      return new AutoReply(this);
    }
  }
}
