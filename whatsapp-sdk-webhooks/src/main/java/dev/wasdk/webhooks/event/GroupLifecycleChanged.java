package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group was created or deleted, or the attempt failed ({@code group_lifecycle_update}). Creating
 * a group is asynchronous: this event, with the {@code request_id} the create call returned, brings
 * the new group's id and invite link.
 *
 * <pre>{@code
 * router.on(GroupLifecycleChanged.class, g -> {
 *   if (g.type() == GroupLifecycleChanged.Type.GROUP_CREATE && g.isSuccess()) {
 *     pending.complete(g.requestId().orElseThrow(), g.groupId(), g.inviteLink());
 *   }
 * });
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param groupId the group id; empty if absent
 * @param rawType the kind as sent ({@code group_create} or {@code group_delete}); {@link #type()}
 *     reads it
 * @param requestId the id the create or delete call returned, if given
 * @param subject the group's subject, for a creation
 * @param description the group's description, for a creation
 * @param inviteLink the group's invite link, for a creation
 * @param rawJoinApprovalMode the join approval mode as sent ({@code auto_approve} or {@code
 *     approval_required}), for a creation; {@link #joinApprovalMode()} reads it
 * @param timestamp when it happened; {@link Instant#EPOCH} if unreadable
 * @param errors why the operation failed; empty on success
 * @param rawJson the raw JSON of the group ({@code value.groups[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/webhooks">Groups
 *     webhooks</a>
 */
public record GroupLifecycleChanged(
    EventContext context,
    String groupId,
    String rawType,
    Optional<String> requestId,
    Optional<String> subject,
    Optional<String> description,
    Optional<String> inviteLink,
    Optional<String> rawJoinApprovalMode,
    Instant timestamp,
    List<WebhookError> errors,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null and copies the list. */
  public GroupLifecycleChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(rawType, "rawType");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inviteLink, "inviteLink");
    Objects.requireNonNull(rawJoinApprovalMode, "rawJoinApprovalMode");
    Objects.requireNonNull(timestamp, "timestamp");
    errors = List.copyOf(errors);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the kind; {@link Type#UNKNOWN} when absent or not known. */
  public Type type() {
    return Type.of(rawType);
  }

  /** Returns the join approval mode; {@link JoinApprovalMode#UNKNOWN} when absent or not known. */
  public JoinApprovalMode joinApprovalMode() {
    return JoinApprovalMode.of(rawJoinApprovalMode.orElse(null));
  }

  /** Returns whether the operation succeeded: the event carries no errors. */
  public boolean isSuccess() {
    return errors.isEmpty();
  }

  /**
   * The kind of a {@link GroupLifecycleChanged}. Open: values this version does not know map to
   * {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Type {
    /** A group was created. */
    GROUP_CREATE,
    /** A group was deleted. */
    GROUP_DELETE,
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

  /**
   * How users join a group. Open: values this version does not know map to {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum JoinApprovalMode {
    /** Anyone with the invite link joins. */
    AUTO_APPROVE,
    /** The business approves each join request. */
    APPROVAL_REQUIRED,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the mode for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the mode; never null
     */
    public static JoinApprovalMode of(String value) {
      return OpenEnums.parse(JoinApprovalMode.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
