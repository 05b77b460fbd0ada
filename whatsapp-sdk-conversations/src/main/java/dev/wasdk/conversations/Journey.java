package dev.wasdk.conversations;

import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.sender.ServiceWindowTracker;
import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A keyword journey: a trigger, then a sequence of steps that {@link Conversations} runs for one
 * user over hours or days: messages, waits, a wait for the user's answer, conditions on that answer
 * and branches.
 *
 * <p><b>Triggers.</b> A keyword ({@link Builder#triggerKeyword}), a reply-button or list-row id
 * ({@link Builder#triggerReplyId}), or a call from the app ({@link Conversations#startJourney},
 * allowed only for journeys built with {@link Builder#apiTrigger}).
 *
 * <p><b>The 24-hour rule, at definition time.</b> Free-form messages may go out only within 24
 * hours of the user's last message. {@link Builder#build()} follows every path through the steps,
 * adding up the waits since the trigger or the last {@linkplain Builder#awaitAnswer answer} (a
 * journey started by the app counts as outside the window from its start), and refuses a {@link
 * Builder#message} step that a path could reach 24 hours or more after the user last wrote: use
 * {@link Builder#template} there.
 *
 * <p><b>Consent.</b> A user's {@linkplain Conversations.Builder#journeyStop stop word} (default
 * STOP) leaves every journey at once, before any other route runs.
 *
 * <p><b>Persistence.</b> Where each user stands in a journey, and when its next step is due, is
 * kept in the {@link ConversationStore}, so a journey resumes after a restart. A step is recorded
 * as done before its message is handed to the sender: after a restart it is never sent again,
 * whatever its outcome was (an {@code Unknown} outcome included), so a message is sent at most
 * once.
 *
 * <p>Journeys are immutable and thread-safe.
 *
 * <pre>{@code
 * Journey feedback = Journey.builder("feedback")
 *     .triggerKeyword("feedback")
 *     .message(to -> to.buttons().body("Did you enjoy it?")
 *         .button("yes", "Yes").button("no", "No").build())
 *     .awaitAnswer(Duration.ofHours(2))
 *     .when(Filters.replyId("yes"), "happy")
 *     .when(Filters.replyId("no"), "sorry")
 *     .wait(Duration.ofDays(2))                         // no answer: remind later
 *     .template(to -> to.template("feedback_reminder", "en_US").build())
 *     .end()
 *     .label("happy").message(to -> to.text("Thank you!")).end()
 *     .label("sorry").message(to -> to.text("Sorry to hear that. A colleague will call."))
 *     .build();
 * }</pre>
 */
public final class Journey {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Duration WINDOW = ServiceWindowTracker.WINDOW;

  /** One step; {@code target} is resolved from labels at build time. */
  sealed interface Step {}

  record Send(Function<Message.Builder, ? extends Message> build, boolean template)
      implements Step {}

  record Pause(Duration duration) implements Step {}

  record AwaitAnswer(Duration timeout) implements Step {}

  record When(Filter<? super MessageReceived> condition, int target) implements Step {}

  record GoTo(int target) implements Step {}

  record End() implements Step {}

  private final String name;
  private final List<String> keywords;
  private final List<String> replyIds;
  private final boolean apiTrigger;
  private final List<Step> steps;

  private Journey(Builder b, List<Step> steps) {
    this.name = b.name;
    this.keywords = List.copyOf(b.keywords);
    this.replyIds = List.copyOf(b.replyIds);
    this.apiTrigger = b.apiTrigger;
    this.steps = List.copyOf(steps);
  }

  /**
   * Starts a journey definition.
   *
   * @param name unique among the journeys of a bot and stable across releases (it is stored):
   *     letters, digits, {@code _ . -}, at most 64
   * @return the builder
   */
  public static Builder builder(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a journey name is 1 to 64 letters, digits, '_', '.' or '-', was '" + name + "'");
    }
    return new Builder(name);
  }

  /** Returns the journey's name. */
  public String name() {
    return name;
  }

  /** Returns whether the app may start it with {@link Conversations#startJourney}. */
  public boolean apiTrigger() {
    return apiTrigger;
  }

  /** Returns the filter of the messages that start it, or empty if only the app starts it. */
  Optional<Filter<MessageReceived>> trigger() {
    Filter<MessageReceived> f = null;
    if (!keywords.isEmpty()) {
      f = Filters.keyword(keywords.toArray(String[]::new));
    }
    if (!replyIds.isEmpty()) {
      Filter<MessageReceived> r = Filters.replyId(replyIds.toArray(String[]::new));
      f = f == null ? r : f.or(r);
    }
    return Optional.ofNullable(f);
  }

  List<Step> steps() {
    return steps;
  }

  @Override
  public String toString() {
    return "Journey[" + name + ", steps=" + steps.size() + "]";
  }

  /** Builds a {@link Journey}; steps run in the order added. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<String> keywords = new ArrayList<>();
    private final List<String> replyIds = new ArrayList<>();
    private boolean apiTrigger;
    // Steps with unresolved targets: a When or GoTo holds its label until build().
    private final List<Object> raw = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();

    private record PendingWhen(Filter<? super MessageReceived> condition, String label) {}

    private record PendingGoTo(String label) {}

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Starts the journey when a user sends one of these keywords (matched as {@link
     * Filters#keyword} does: whole words, any case and accents).
     *
     * @param keywords the keywords
     * @return this builder
     */
    public Builder triggerKeyword(String... keywords) {
      for (String k : keywords) {
        this.keywords.add(Objects.requireNonNull(k, "keyword"));
      }
      return this;
    }

    /**
     * Starts the journey when a user taps a reply button or picks a list row with one of these ids.
     *
     * @param ids the ids
     * @return this builder
     */
    public Builder triggerReplyId(String... ids) {
      for (String id : ids) {
        this.replyIds.add(Objects.requireNonNull(id, "id"));
      }
      return this;
    }

    /**
     * Lets the app start the journey with {@link Conversations#startJourney}, for users who may not
     * have written for a day: the 24-hour rule then treats the start as outside the window, so the
     * steps before the first {@linkplain #awaitAnswer answer} must be templates.
     *
     * @return this builder
     */
    public Builder apiTrigger() {
      this.apiTrigger = true;
      return this;
    }

    /**
     * Adds a free-form message step (text, buttons, list, media…). It must come within 24 hours of
     * the user's last message on every path, or {@link #build()} fails.
     *
     * @param build builds the message from a builder addressed to the user
     * @return this builder
     */
    public Builder message(Function<Message.Builder, ? extends Message> build) {
      raw.add(new Send(Objects.requireNonNull(build, "build"), false));
      return this;
    }

    /**
     * Adds a template message step, which may go out at any time.
     *
     * @param build builds the template from a builder addressed to the user
     * @return this builder
     */
    public Builder template(Function<Message.Builder, TemplateMessage> build) {
      Objects.requireNonNull(build, "build");
      raw.add(new Send(build, true));
      return this;
    }

    /**
     * Adds a pause before the next step.
     *
     * @param duration positive
     * @return this builder
     */
    public Builder wait(Duration duration) {
      raw.add(new Pause(positive(duration, "duration")));
      return this;
    }

    /**
     * Waits for the user's next message. The {@link #when} steps right after it test the answer
     * (the first that matches jumps to its label); when none matches, the journey goes on after
     * them. If no answer comes within {@code timeout}, the journey skips those {@code when} steps
     * and goes on after them too. The answer opens a new 24-hour window.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder awaitAnswer(Duration timeout) {
      raw.add(new AwaitAnswer(positive(timeout, "timeout")));
      return this;
    }

    /**
     * Jumps to {@code label} if the answer the preceding {@link #awaitAnswer} received matches.
     *
     * @param condition a filter on the answer, such as {@code Filters.replyId("yes")}
     * @param label where to go
     * @return this builder
     * @throws IllegalStateException if not placed right after an {@code awaitAnswer} or another
     *     {@code when}
     */
    public Builder when(Filter<? super MessageReceived> condition, String label) {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(label, "label");
      Object previous = raw.isEmpty() ? null : raw.get(raw.size() - 1);
      if (!(previous instanceof AwaitAnswer) && !(previous instanceof PendingWhen)) {
        throw new IllegalStateException(
            "when(...) must follow awaitAnswer(...) or another when(...)");
      }
      raw.add(new PendingWhen(condition, label));
      return this;
    }

    /**
     * Jumps to {@code label}.
     *
     * @param label where to go
     * @return this builder
     */
    public Builder goTo(String label) {
      raw.add(new PendingGoTo(Objects.requireNonNull(label, "label")));
      return this;
    }

    /**
     * Ends the journey here.
     *
     * @return this builder
     */
    public Builder end() {
      raw.add(new End());
      return this;
    }

    /**
     * Names the position of the next step, for {@link #when} and {@link #goTo}.
     *
     * @param label unique in this journey
     * @return this builder
     */
    public Builder label(String label) {
      Objects.requireNonNull(label, "label");
      if (labels.putIfAbsent(label, raw.size()) != null) {
        throw new IllegalArgumentException("label '" + label + "' is used twice");
      }
      return this;
    }

    /**
     * Returns the journey, after checking its labels and the 24-hour rule on every path.
     *
     * @return the journey
     * @throws IllegalStateException if it has no trigger or no step, names an unknown label, or a
     *     free-form message could go out 24 hours or more after the user's last message
     */
    public Journey build() {
      if (keywords.isEmpty() && replyIds.isEmpty() && !apiTrigger) {
        throw new IllegalStateException(
            "journey '" + name + "' has no trigger: add a keyword, a reply id or apiTrigger()");
      }
      if (raw.isEmpty()) {
        throw new IllegalStateException("journey '" + name + "' has no steps");
      }
      List<Step> steps = new ArrayList<>(raw.size());
      for (Object o : raw) {
        if (o instanceof PendingWhen w) {
          steps.add(new When(w.condition(), target(w.label())));
        } else if (o instanceof PendingGoTo g) {
          steps.add(new GoTo(target(g.label())));
        } else {
          steps.add((Step) o);
        }
      }
      checkWindow(steps);
      return new Journey(this, steps);
    }

    private int target(String label) {
      Integer t = labels.get(label);
      if (t == null) {
        throw new IllegalStateException("journey '" + name + "' has no label '" + label + "'");
      }
      return t;
    }

    /**
     * Walks every path, keeping for each step the time since the user's last message (capped at the
     * window, so that loops end), and refuses a free-form message at or past the window.
     */
    private void checkWindow(List<Step> steps) {
      long windowMillis = WINDOW.toMillis();
      Deque<long[]> todo = new ArrayDeque<>();
      Set<String> seen = new HashSet<>();
      todo.push(new long[] {0, apiTrigger ? windowMillis : 0});
      while (!todo.isEmpty()) {
        long[] at = todo.pop();
        int i = (int) at[0];
        long elapsed = Math.min(at[1], windowMillis);
        if (i >= steps.size() || !seen.add(i + "@" + elapsed)) {
          continue;
        }
        Step s = steps.get(i);
        if (s instanceof Send send) {
          if (!send.template() && elapsed >= windowMillis) {
            throw new IllegalStateException(
                "journey '"
                    + name
                    + "': step "
                    + i
                    + " is a free-form message that can go out 24 hours or more after the"
                    + " user's last message; use template(...) there");
          }
          todo.push(new long[] {i + 1, elapsed});
        } else if (s instanceof Pause p) {
          todo.push(new long[] {i + 1, elapsed + p.duration().toMillis()});
        } else if (s instanceof AwaitAnswer a) {
          todo.push(new long[] {i + 1, 0});
          todo.push(new long[] {afterWhens(steps, i), elapsed + a.timeout().toMillis()});
        } else if (s instanceof When w) {
          todo.push(new long[] {w.target(), elapsed});
          todo.push(new long[] {i + 1, elapsed});
        } else if (s instanceof GoTo g) {
          todo.push(new long[] {g.target(), elapsed});
        }
      }
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }

  /** Returns the index of the first step after the {@code when} steps following step {@code i}. */
  static int afterWhens(List<Step> steps, int i) {
    int j = i + 1;
    while (j < steps.size() && steps.get(j) instanceof When) {
      j++;
    }
    return j;
  }
}
