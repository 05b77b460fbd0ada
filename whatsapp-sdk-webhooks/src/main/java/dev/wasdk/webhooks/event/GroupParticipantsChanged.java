package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is in a group changed, or someone asked to join ({@code group_participants_update}): users
 * joined through the invite link, the business removed users or a user left, or a join request was
 * made or withdrawn. The first join is the signal that the business may message the group.
 *
 * <pre>{@code
 * router.on(GroupParticipantsChanged.class, g -> {
 *   switch (g.type()) {
 *     case GROUP_PARTICIPANTS_ADD -> members.addAll(g.groupId(), g.added());
 *     case GROUP_JOIN_REQUEST_CREATED -> approvals.queue(g.groupId(), g.joinRequestId());
 *     default -> {}
 *   }
 * });
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param groupId the group id; empty if absent
 * @param rawType the kind as sent, such as {@code group_participants_add}; {@link #type()} reads it
 * @param requestId the id the remove call returned, for removals by the business
 * @param rawInitiatedBy who removed, as sent ({@code business} or {@code participant}); {@link
 *     #initiatedBy()} reads it. Read from the group object, or else from the change's value, where
 *     some of Meta's samples put it
 * @param rawReason why, as sent, such as {@code invite_link}; {@link #reason()} reads it
 * @param added the users who joined
 * @param removed the users removed or who left
 * @param failed the users the business could not remove, with why
 * @param joinRequestId the join request, for join requests
 * @param requester the user asking to join, for join requests
 * @param timestamp when it happened; {@link Instant#EPOCH} if unreadable
 * @param errors why the operation failed, in whole or in part; empty on success
 * @param rawJson the raw JSON of the group ({@code value.groups[]} element)
 */
public record GroupParticipantsChanged(
    EventContext context,
    String groupId,
    String rawType,
    Optional<String> requestId,
    Optional<String> rawInitiatedBy,
    Optional<String> rawReason,
    List<Participant> added,
    List<Participant> removed,
    List<FailedParticipant> failed,
    Optional<String> joinRequestId,
    UserRef requester,
    Instant timestamp,
    List<WebhookError> errors,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null and copies the lists. */
  public GroupParticipantsChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(rawType, "rawType");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(rawInitiatedBy, "rawInitiatedBy");
    Objects.requireNonNull(rawReason, "rawReason");
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    failed = List.copyOf(failed);
    Objects.requireNonNull(joinRequestId, "joinRequestId");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(timestamp, "timestamp");
    errors = List.copyOf(errors);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * Returns the kind; {@link Type#UNKNOWN} when absent or not known. The names in Meta's OpenAPI
   * file ({@code group_add_participants}, {@code group_remove_participants}) read as the guide's.
   */
  public Type type() {
    return Type.of(rawType);
  }

  /** Returns who removed; {@link InitiatedBy#UNKNOWN} when absent or not known. */
  public InitiatedBy initiatedBy() {
    return InitiatedBy.of(rawInitiatedBy.orElse(null));
  }

  /** Returns why; {@link Reason#UNKNOWN} when absent or not known. */
  public Reason reason() {
    return Reason.of(rawReason.orElse(null));
  }

  /**
   * A user in a participants change.
   *
   * @param user the user's ids ({@code wa_id}, {@code user_id}, {@code parent_user_id})
   * @param input the phone number or id the business used, when given
   * @param username the user's username (from 2026), when given
   */
  public record Participant(UserRef user, Optional<String> input, Optional<String> username) {
    /** Checks that no component is null. */
    public Participant {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(username, "username");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A user the business could not remove.
   *
   * @param input the phone number or id the business used
   * @param errors why
   */
  public record FailedParticipant(String input, List<WebhookError> errors) {
    /** Checks that no component is null and copies the list. */
    public FailedParticipant {
      Objects.requireNonNull(input, "input");
      errors = List.copyOf(errors);
    }
  }

  /**
   * The kind of a {@link GroupParticipantsChanged}. Open: values this version does not know map to
   * {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Type {
    /** Users joined the group. */
    GROUP_PARTICIPANTS_ADD,
    /** Users were removed, or left. */
    GROUP_PARTICIPANTS_REMOVE,
    /** A user asked to join a group that needs approval. */
    GROUP_JOIN_REQUEST_CREATED,
    /** A user withdrew a join request. */
    GROUP_JOIN_REQUEST_REVOKED,
    /** A value this version does not know. */
    UNKNOWN;

    /** The names in Meta's OpenAPI file, which read as the guide's. */
    private static final Map<String, Type> ALIASES =
        Map.of(
            "GROUP_ADD_PARTICIPANTS", GROUP_PARTICIPANTS_ADD,
            "GROUP_REMOVE_PARTICIPANTS", GROUP_PARTICIPANTS_REMOVE);

    /**
     * Returns the kind for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the kind; never null
     */
    public static Type of(String value) {
      return OpenEnums.parse(Type.class, value, UNKNOWN, ALIASES);
    }
  }

  /**
   * Who removed participants from a group. Open: values this version does not know map to {@link
   * #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum InitiatedBy {
    /** The business removed them. */
    BUSINESS,
    /** The participant left. */
    PARTICIPANT,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the initiator for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the initiator; never null
     */
    public static InitiatedBy of(String value) {
      return OpenEnums.parse(InitiatedBy.class, value, UNKNOWN);
    }
  }

  /**
   * Why participants joined or asked to join. Open: values this version does not know map to {@link
   * #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Reason {
    /** Through the group's invite link. */
    INVITE_LINK,
    /** Through a join request the business must approve. */
    ADMIN_APPROVAL,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the reason for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the reason; never null
     */
    public static Reason of(String value) {
      return OpenEnums.parse(Reason.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
