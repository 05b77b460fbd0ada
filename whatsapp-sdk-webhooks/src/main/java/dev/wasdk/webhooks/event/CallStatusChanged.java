package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A call the business started is ringing, was accepted or was rejected ({@code calls} field, {@code
 * statuses[]} with {@code type: call}). {@code ACCEPTED} usually arrives after the call is already
 * connected; {@code REJECTED} is followed by a {@link CallTerminated}. These are not message
 * statuses: they come on the {@code calls} field, never as {@link MessageStatusChanged}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its contact is the user's profile, when given
 * @param callId the call id ({@code wacid.…}); empty if absent
 * @param rawStatus the status as sent ({@code RINGING}, {@code ACCEPTED} or {@code REJECTED});
 *     {@link #status()} reads it
 * @param timestamp when the status changed; {@link Instant#EPOCH} if unreadable
 * @param recipient the user called ({@code recipient_id}, {@code recipient_user_id}, {@code
 *     parent_recipient_user_id})
 * @param bizOpaqueCallbackData the tracking string the business set on {@code connect}
 * @param errors errors attached to the status; usually empty
 * @param rawJson the raw JSON of the status ({@code value.statuses[]} element)
 */
public record CallStatusChanged(
    EventContext context,
    String callId,
    String rawStatus,
    Instant timestamp,
    UserRef recipient,
    Optional<String> bizOpaqueCallbackData,
    List<WebhookError> errors,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null and copies the list. */
  public CallStatusChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(bizOpaqueCallbackData, "bizOpaqueCallbackData");
    errors = List.copyOf(errors);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the status; {@link Status#UNKNOWN} when absent or not known. */
  public Status status() {
    return Status.of(rawStatus);
  }

  /**
   * Returns {@code "calls:" + callId + ":" + status}: a call goes through each status once. Empty
   * when the payload lacks the id or the status.
   */
  @Override
  public Optional<String> dedupeKey() {
    if (callId.isEmpty() || rawStatus.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("calls:" + callId + ":" + rawStatus);
  }

  /**
   * The status of a call the business started. Open: values this version does not know map to
   * {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Status {
    /** The user's phone is ringing. */
    RINGING,
    /** The user answered. */
    ACCEPTED,
    /** The user declined. */
    REJECTED,
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
