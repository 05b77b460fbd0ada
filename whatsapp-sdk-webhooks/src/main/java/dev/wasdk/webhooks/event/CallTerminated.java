package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A call ended, for any reason: a hang-up on either side, a rejection, a missed call or a failure
 * ({@code calls} field, {@code event: terminate}). Start, end and duration are given only when the
 * call was answered; a failure carries calling errors (138019 to 138023 for media and relay
 * failures).
 *
 * <pre>{@code
 * router.on(CallTerminated.class, t -> billing.record(t.callId(), t.durationSeconds().orElse(0)));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its contact is the user's profile, when given
 * @param callId the call id ({@code wacid.…}); empty if absent
 * @param from the caller
 * @param to the callee
 * @param timestamp when the call ended; {@link Instant#EPOCH} if unreadable
 * @param rawDirection who started the call, as sent; {@link #direction()} reads it
 * @param rawStatus how it ended, as sent ({@code COMPLETED} or {@code FAILED}); {@link #status()}
 *     reads it
 * @param startTime when the call was answered, if it was
 * @param endTime when it ended, if it was answered
 * @param durationSeconds how long it lasted, in seconds, if it was answered
 * @param deeplinkPayload the {@code biz_payload} of the {@code wa.me/call} link the user followed
 * @param ctaPayload the payload of the call button the user tapped
 * @param bizOpaqueCallbackData the tracking string the business set on {@code connect} or {@code
 *     accept}
 * @param errors why the call failed; usually empty. Meta sends them beside the call, in the
 *     change's {@code value.errors}, so they are not part of {@link #rawJson()}
 * @param rawJson the raw JSON of the call ({@code value.calls[]} element)
 */
public record CallTerminated(
    EventContext context,
    String callId,
    UserRef from,
    UserRef to,
    Instant timestamp,
    String rawDirection,
    String rawStatus,
    Optional<Instant> startTime,
    Optional<Instant> endTime,
    OptionalLong durationSeconds,
    Optional<String> deeplinkPayload,
    Optional<String> ctaPayload,
    Optional<String> bizOpaqueCallbackData,
    List<WebhookError> errors,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null and copies the list. */
  public CallTerminated {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(rawDirection, "rawDirection");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(durationSeconds, "durationSeconds");
    Objects.requireNonNull(deeplinkPayload, "deeplinkPayload");
    Objects.requireNonNull(ctaPayload, "ctaPayload");
    Objects.requireNonNull(bizOpaqueCallbackData, "bizOpaqueCallbackData");
    errors = List.copyOf(errors);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns who started the call; {@link CallDirection#UNKNOWN} when absent or not known. */
  public CallDirection direction() {
    return CallDirection.of(rawDirection);
  }

  /** Returns how the call ended; {@link Status#UNKNOWN} when absent or not known. */
  public Status status() {
    return Status.of(rawStatus);
  }

  /** Returns whether the call was answered: the payload gives its start time or duration. */
  public boolean wasAnswered() {
    return startTime.isPresent() || durationSeconds.isPresent();
  }

  /** Returns {@code "calls:" + callId + ":terminate"}; empty when the payload has no call id. */
  @Override
  public Optional<String> dedupeKey() {
    return callId.isEmpty() ? Optional.empty() : Optional.of("calls:" + callId + ":terminate");
  }

  /**
   * How a call ended. Open: values this version does not know map to {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Status {
    /** The call ended normally. */
    COMPLETED,
    /** The call failed; the errors say why. */
    FAILED,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the status for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the status; never null
     */
    public static Status of(String value) {
      return OpenEnums.parse(Status.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
