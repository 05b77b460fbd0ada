package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;

/**
 * WhatsApp suspended a group, or lifted the suspension ({@code group_status_update}). No message
 * can be sent to a suspended group.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param groupId the group id; empty if absent
 * @param rawType the kind as sent ({@code group_suspend} or {@code group_suspend_cleared}); {@link
 *     #type()} reads it
 * @param timestamp when it happened; {@link Instant#EPOCH} if unreadable
 * @param rawJson the raw JSON of the group ({@code value.groups[]} element)
 */
public record GroupStatusChanged(
    EventContext context, String groupId, String rawType, Instant timestamp, String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public GroupStatusChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(rawType, "rawType");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the kind; {@link Type#UNKNOWN} when absent or not known. */
  public Type type() {
    return Type.of(rawType);
  }

  /** Returns whether the group is now suspended. */
  public boolean isSuspended() {
    return type() == Type.GROUP_SUSPEND;
  }

  /**
   * The kind of a {@link GroupStatusChanged}. Open: values this version does not know map to {@link
   * #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Type {
    /** The group was suspended. */
    GROUP_SUSPEND,
    /** The suspension was lifted. */
    GROUP_SUSPEND_CLEARED,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the kind for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the kind; never null
     */
    public static Type of(String value) {
      return OpenEnums.parse(Type.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
