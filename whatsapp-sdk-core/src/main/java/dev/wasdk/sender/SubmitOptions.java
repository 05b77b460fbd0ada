package dev.wasdk.sender;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-message options for {@link MessageSender#submit(dev.wasdk.message.Message, SubmitOptions)}: a
 * priority other than the default, and a deadline after which a message that is still waiting ends
 * {@link SendOutcome.Deferred} instead of being sent late.
 *
 * <pre>{@code
 * sender.submit(otp, SubmitOptions.defaults().withDeadline(clock.instant().plusSeconds(60)));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SubmitOptions {
  private static final SubmitOptions DEFAULTS = new SubmitOptions(null, null);

  private final Priority priority;
  private final Instant deadline;

  private SubmitOptions(Priority priority, Instant deadline) {
    this.priority = priority;
    this.deadline = deadline;
  }

  /**
   * Returns the defaults: the priority from the message's category, and no deadline.
   *
   * @return the defaults
   */
  public static SubmitOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a copy with the given priority.
   *
   * @param priority the priority
   * @return the copy
   */
  public SubmitOptions withPriority(Priority priority) {
    return new SubmitOptions(Objects.requireNonNull(priority, "priority"), deadline);
  }

  /**
   * Returns a copy with the given deadline: the latest time the message may be handed to the
   * network.
   *
   * @param deadline the deadline
   * @return the copy
   */
  public SubmitOptions withDeadline(Instant deadline) {
    return new SubmitOptions(priority, Objects.requireNonNull(deadline, "deadline"));
  }

  /** Returns the priority, when one was set. */
  public Optional<Priority> priority() {
    return Optional.ofNullable(priority);
  }

  /** Returns the deadline, when one was set. */
  public Optional<Instant> deadline() {
    return Optional.ofNullable(deadline);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SubmitOptions s
        && Objects.equals(s.priority, priority)
        && Objects.equals(s.deadline, deadline);
  }

  @Override
  public int hashCode() {
    return Objects.hash(priority, deadline);
  }

  @Override
  public String toString() {
    return "SubmitOptions[priority=" + priority + ", deadline=" + deadline + "]";
  }
}
