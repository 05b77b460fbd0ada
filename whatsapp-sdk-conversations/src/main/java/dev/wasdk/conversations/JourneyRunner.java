package dev.wasdk.conversations;

import dev.wasdk.conversations.Journey.AwaitAnswer;
import dev.wasdk.conversations.Journey.End;
import dev.wasdk.conversations.Journey.GoTo;
import dev.wasdk.conversations.Journey.Pause;
import dev.wasdk.conversations.Journey.Send;
import dev.wasdk.conversations.Journey.Step;
import dev.wasdk.conversations.Journey.When;
import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Runs {@link Journey journeys} for {@link Conversations}: starts them, moves them on at their
 * deadlines and on the user's answers, and keeps where each user stands under its own store key,
 * {@code journey:<name>:<conversation>}. The conversation's own state marks a journey that awaits
 * the user's answer ({@link #MARK}), so a message costs no extra store call otherwise.
 *
 * <p>Used only on a conversation's lane, under its lease.
 */
final class JourneyRunner {
  /** The conversation data key naming the journey that awaits the user's answer. */
  static final String MARK = ConversationState.RESERVED_PREFIX + "journey";

  private static final String PREFIX = "journey:";
  private static final String PC = "pc";
  private static final String MODE = "mode";
  private static final String PAUSE = "pause";
  private static final String ANSWER = "answer";
  private static final String DONE = "done";
  private static final int MAX_STEPS_PER_TURN = 1_000;

  private final Map<String, Journey> journeys;
  private final Filter<MessageReceived> stop;
  private final ConversationStore store;
  private final Duration keep;
  private final BiConsumer<String, Instant> schedule;

  JourneyRunner(
      Map<String, Journey> journeys,
      Filter<MessageReceived> stop,
      ConversationStore store,
      Duration keep,
      BiConsumer<String, Instant> schedule) {
    this.journeys = new LinkedHashMap<>(journeys);
    this.stop = stop;
    this.store = store;
    this.keep = keep;
    this.schedule = schedule;
  }

  boolean isEmpty() {
    return journeys.isEmpty();
  }

  Optional<Journey> journey(String name) {
    return Optional.ofNullable(journeys.get(name));
  }

  static boolean isJourneyKey(String key) {
    return key.startsWith(PREFIX);
  }

  /** Returns the conversation a journey key belongs to. */
  static String conversationOf(String journeyKey) {
    int second = journeyKey.indexOf(':', PREFIX.length());
    return journeyKey.substring(second + 1);
  }

  /** Returns the journey a journey key belongs to. */
  static String journeyOf(String journeyKey) {
    return journeyKey.substring(PREFIX.length(), journeyKey.indexOf(':', PREFIX.length()));
  }

  static String key(String journey, String conversation) {
    return PREFIX + journey + ":" + conversation;
  }

  /** Leaves every journey when the message is the stop word; routing then goes on as usual. */
  void leaveAllIfStop(Turn turn) {
    if (journeys.isEmpty() || !stop.test(turn.message())) {
      return;
    }
    for (String name : journeys.keySet()) {
      store.delete(key(name, turn.conversation()));
    }
    turn.remove(MARK);
  }

  /** Gives the message to the journey awaiting it, if any; returns whether one took it. */
  boolean answer(Turn turn) {
    Optional<String> name = turn.get(MARK);
    if (name.isEmpty()) {
      return false;
    }
    turn.remove(MARK);
    Journey j = journeys.get(name.get());
    if (j == null) {
      return false;
    }
    String key = key(j.name(), turn.conversation());
    Optional<StoredConversation> stored = store.get(key);
    if (stored.isEmpty() || !ANSWER.equals(stored.get().state().data().get(MODE))) {
      return false;
    }
    ConversationState js = stored.get().state();
    int await = Integer.parseInt(js.data().get(PC));
    int pc = Journey.afterWhens(j.steps(), await);
    for (int i = await + 1; i < j.steps().size() && j.steps().get(i) instanceof When w; i++) {
      if (w.condition().test(turn.message())) {
        pc = w.target();
        break;
      }
    }
    advance(turn, j, key, js, stored.get().version(), pc);
    return true;
  }

  /** Starts the first journey whose trigger matches the message; returns whether one started. */
  boolean trigger(Turn turn) {
    for (Journey j : journeys.values()) {
      Optional<Filter<MessageReceived>> t = j.trigger();
      if (t.isPresent() && t.get().test(turn.message())) {
        String key = key(j.name(), turn.conversation());
        long version = store.get(key).map(StoredConversation::version).orElse(0L);
        advance(turn, j, key, ConversationState.start(turn.now()), version, 0);
        return true;
      }
    }
    return false;
  }

  /**
   * Runs a journey from {@code pc} in a message turn of the conversation, saving the journey's
   * state under its own key before the turn's replies can go out.
   */
  private void advance(
      Turn turn, Journey j, String key, ConversationState js, long version, int pc) {
    ConversationState next = run(turn, j, js, pc);
    if (!store.put(key, next, version, ttl(next, turn.now()))) {
      throw new IllegalStateException(
          "journey " + j.name() + " changed while this turn ran; its steps were not sent");
    }
    next.waiting()
        .flatMap(ConversationState.Wait::deadline)
        .ifPresent(d -> schedule.accept(key, d));
    if (ANSWER.equals(next.data().get(MODE))) {
      turn.put(MARK, j.name());
    }
  }

  /** Starts a journey in a turn on the journey's own key (the app's call). */
  void start(Turn journeyTurn, Journey j) {
    journeyTurn.replace(run(journeyTurn, j, ConversationState.start(journeyTurn.now()), 0));
  }

  /** Moves a journey on at its deadline, in a turn on the journey's own key. */
  void resume(Turn journeyTurn, String journeyKey) {
    ConversationState js = journeyTurn.state();
    Journey j = journeys.get(journeyOf(journeyKey));
    boolean due =
        js.waiting()
            .flatMap(ConversationState.Wait::deadline)
            .filter(d -> !journeyTurn.now().isBefore(d))
            .isPresent();
    if (j == null || !due || !js.data().containsKey(PC)) {
      journeyTurn.replace(null);
      return;
    }
    int at = Integer.parseInt(js.data().get(PC));
    int pc = ANSWER.equals(js.data().get(MODE)) ? Journey.afterWhens(j.steps(), at) : at;
    journeyTurn.replace(run(journeyTurn, j, js, pc));
  }

  /** Whether the journey state waits for the user's answer (the conversation must be marked). */
  static boolean awaitsAnswer(ConversationState js) {
    return ANSWER.equals(js.data().get(MODE));
  }

  /**
   * Queues the journey's messages on {@code turn} from step {@code pc} until a pause, an answer
   * wait or the end, and returns the journey state to save.
   */
  private static ConversationState run(Turn turn, Journey j, ConversationState js, int pc) {
    List<Step> steps = j.steps();
    Instant now = turn.now();
    int ran = 0;
    while (pc < steps.size()) {
      if (++ran > MAX_STEPS_PER_TURN) {
        throw new IllegalStateException(
            "journey " + j.name() + " loops without a wait; add wait(...) or awaitAnswer(...)");
      }
      Step s = steps.get(pc);
      if (s instanceof Send send) {
        turn.send(send.build());
        pc++;
      } else if (s instanceof Pause p) {
        return waiting(js, pc + 1, PAUSE, now.plus(p.duration()));
      } else if (s instanceof AwaitAnswer a) {
        return waiting(js, pc, ANSWER, now.plus(a.timeout()));
      } else if (s instanceof When) {
        pc++;
      } else if (s instanceof GoTo g) {
        pc = g.target();
      } else if (s instanceof End) {
        break;
      }
    }
    return ConversationState.start(now).withData(MODE, DONE);
  }

  private static ConversationState waiting(
      ConversationState js, int pc, String mode, Instant deadline) {
    return js.withData(PC, Integer.toString(pc))
        .withData(MODE, mode)
        .withWaiting(
            Optional.of(
                new ConversationState.Wait(
                    "journey",
                    Optional.of(deadline.truncatedTo(ChronoUnit.MILLIS)),
                    Optional.of("journey"))));
  }

  /** A journey's state lives until its deadline and then some, or briefly once done. */
  Duration ttl(ConversationState js, Instant now) {
    Optional<Instant> d = js.waiting().flatMap(ConversationState.Wait::deadline);
    return d.map(x -> Duration.between(now, x).plus(keep))
        .filter(x -> x.compareTo(keep) > 0)
        .orElse(keep);
  }
}
