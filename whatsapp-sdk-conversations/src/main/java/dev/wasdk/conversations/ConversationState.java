package dev.wasdk.conversations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot remembers about one conversation with one user: the step that awaits the user's next
 * message, the data collected so far, whether a person has taken over, and the marks the
 * auto-replies keep.
 *
 * <p>A conversation lasts while the user keeps writing: the store forgets it after the inactivity
 * period of {@link Conversations}, and the next message starts a new one.
 *
 * <p>Instances are immutable and thread-safe; the {@code with…} methods return changed copies.
 *
 * <pre>{@code
 * ConversationState s = ConversationState.start(now).withData("size", "L");
 * }</pre>
 *
 * @param waiting the step that takes the user's next message, if one waits
 * @param data values the steps collected, such as the chosen size
 * @param handedOver whether a person handles the conversation, so that the bot stays silent
 * @param outOfOfficeSent whether the out-of-office reply was sent in this conversation
 * @param repliedAt when each auto-reply rule last answered, for its cool-down
 * @param lastActivity when the user last wrote, or the bot last acted
 */
public record ConversationState(
    Optional<Wait> waiting,
    Map<String, String> data,
    boolean handedOver,
    boolean outOfOfficeSent,
    Map<String, Instant> repliedAt,
    Instant lastActivity) {

  /** Data keys starting with this belong to the toolkit (journeys) and survive {@link #cleared}. */
  static final String RESERVED_PREFIX = "~";

  /** Checks that no component is null and copies the maps. */
  public ConversationState {
    Objects.requireNonNull(waiting, "waiting");
    data = Map.copyOf(data);
    repliedAt = Map.copyOf(repliedAt);
    Objects.requireNonNull(lastActivity, "lastActivity");
  }

  /**
   * Returns the state of a conversation that starts now: nothing waits, no data.
   *
   * @param now the start
   * @return the state
   */
  public static ConversationState start(Instant now) {
    return new ConversationState(Optional.empty(), Map.of(), false, false, Map.of(), now);
  }

  /**
   * A step waiting for the user's next message.
   *
   * @param step the name of the step that takes the message
   * @param deadline when to give up waiting, if ever
   * @param timeoutStep the step to run at the deadline, if any; without one, the wait just ends
   */
  public record Wait(String step, Optional<Instant> deadline, Optional<String> timeoutStep) {
    /** Checks that no component is null or blank. */
    public Wait {
      Objects.requireNonNull(step, "step");
      if (step.isBlank()) {
        throw new IllegalArgumentException("step must not be blank");
      }
      Objects.requireNonNull(deadline, "deadline");
      Objects.requireNonNull(timeoutStep, "timeoutStep");
    }
  }

  /** Returns a copy in which {@code wait} waits, or nothing if empty. */
  public ConversationState withWaiting(Optional<Wait> wait) {
    return new ConversationState(wait, data, handedOver, outOfOfficeSent, repliedAt, lastActivity);
  }

  /** Returns a copy with {@code key} set to {@code value}. */
  public ConversationState withData(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Map<String, String> copy = new LinkedHashMap<>(data);
    copy.put(key, value);
    return new ConversationState(
        waiting, copy, handedOver, outOfOfficeSent, repliedAt, lastActivity);
  }

  /** Returns a copy with {@code key} removed. */
  public ConversationState withoutData(String key) {
    Map<String, String> copy = new LinkedHashMap<>(data);
    copy.remove(key);
    return new ConversationState(
        waiting, copy, handedOver, outOfOfficeSent, repliedAt, lastActivity);
  }

  /**
   * Returns a copy with no data and nothing waiting; hand-over and reply marks stay, and so do the
   * toolkit's own marks (data keys starting with {@code ~}, such as a journey awaiting an answer).
   */
  public ConversationState cleared() {
    Map<String, String> kept = new LinkedHashMap<>();
    data.forEach(
        (k, v) -> {
          if (k.startsWith(RESERVED_PREFIX)) {
            kept.put(k, v);
          }
        });
    return new ConversationState(
        Optional.empty(), kept, handedOver, outOfOfficeSent, repliedAt, lastActivity);
  }

  /** Returns a copy with the hand-over flag set as given. */
  public ConversationState withHandedOver(boolean value) {
    return new ConversationState(waiting, data, value, outOfOfficeSent, repliedAt, lastActivity);
  }

  /** Returns a copy with the out-of-office flag set as given. */
  public ConversationState withOutOfOfficeSent(boolean value) {
    return new ConversationState(waiting, data, handedOver, value, repliedAt, lastActivity);
  }

  /** Returns a copy noting that the auto-reply rule {@code rule} answered at {@code at}. */
  public ConversationState withRepliedAt(String rule, Instant at) {
    Map<String, Instant> copy = new LinkedHashMap<>(repliedAt);
    copy.put(Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(at, "at"));
    return new ConversationState(waiting, data, handedOver, outOfOfficeSent, copy, lastActivity);
  }

  /** Returns a copy whose last activity is {@code at}. */
  public ConversationState withLastActivity(Instant at) {
    return new ConversationState(waiting, data, handedOver, outOfOfficeSent, repliedAt, at);
  }
}
