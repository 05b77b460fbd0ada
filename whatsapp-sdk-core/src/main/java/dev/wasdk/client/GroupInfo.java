package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group's details: subject, description, participants, join mode and state. Read with {@link
 * GroupsApi#get(String)}.
 *
 * <pre>{@code
 * GroupInfo g = wa.groups().get(groupId);
 * log.info("{} has {} participants", g.subject(), g.totalParticipantCount());
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@link #toString()} masks participants' numbers.
 *
 * @param id the group id
 * @param subject the subject, empty when not returned
 * @param description the description, when set
 * @param createdAt when the group was created, when returned
 * @param suspended whether WhatsApp suspended the group
 * @param totalParticipantCount the participants, not counting the business
 * @param participants the participants
 * @param joinApprovalMode how people join
 */
public record GroupInfo(
    String id,
    String subject,
    Optional<String> description,
    Optional<Instant> createdAt,
    boolean suspended,
    int totalParticipantCount,
    List<Participant> participants,
    GroupCreate.JoinApprovalMode joinApprovalMode) {
  /** Shows present values and leaves out empty ones. */
  @Override
  public String toString() {
    return Values.toString(this);
  }

  /** Copies the list and checks for nulls. */
  public GroupInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(createdAt, "createdAt");
    participants = List.copyOf(participants);
    Objects.requireNonNull(joinApprovalMode, "joinApprovalMode");
  }

  /**
   * A group participant. Either id may be missing: a business-scoped user id can replace the
   * phone-based WhatsApp id.
   *
   * @param waId the WhatsApp id, when given
   * @param userId the business-scoped user id, when given
   * @param username the user name, when given
   */
  public record Participant(
      Optional<String> waId, Optional<String> userId, Optional<String> username) {
    /** Checks for nulls. */
    public Participant {
      Objects.requireNonNull(waId, "waId");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(username, "username");
    }

    /** Masks the WhatsApp id. */
    @Override
    public String toString() {
      return "Participant[waId="
          + waId.map(dev.wasdk.internal.text.Redact::mask).orElse("-")
          + ", userId="
          + userId.orElse("-")
          + ", username="
          + username.orElse("-")
          + "]";
    }
  }

  /**
   * One active group in a list.
   *
   * @param id the group id
   * @param subject the subject
   * @param createdAt when it was created, when given
   */
  public record Summary(String id, String subject, Optional<Instant> createdAt) {
    /** Shows present values and leaves out empty ones. */
    @Override
    public String toString() {
      return Values.toString(this);
    }

    /** Checks for nulls. */
    public Summary {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(createdAt, "createdAt");
    }
  }

  /**
   * A pending request to join an {@link GroupCreate.JoinApprovalMode#APPROVAL_REQUIRED} group.
   *
   * @param id the join request id
   * @param waId the user's WhatsApp id, when given
   * @param userId the user's business-scoped id, when given
   * @param createdAt when it was made, when given
   */
  public record JoinRequest(
      String id, Optional<String> waId, Optional<String> userId, Optional<Instant> createdAt) {
    /** Checks for nulls. */
    public JoinRequest {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(waId, "waId");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Masks the WhatsApp id. */
    @Override
    public String toString() {
      return "JoinRequest[id="
          + id
          + ", waId="
          + waId.map(dev.wasdk.internal.text.Redact::mask).orElse("-")
          + ", userId="
          + userId.orElse("-")
          + "]";
    }
  }

  /**
   * The outcome of approving or rejecting join requests: which were done and which failed.
   *
   * @param done the join request ids approved or rejected
   * @param failed the ids that failed, with Meta's error code and message
   */
  public record JoinRequestsResult(List<String> done, List<FailedJoinRequest> failed) {
    /** Copies the lists. */
    public JoinRequestsResult {
      done = List.copyOf(done);
      failed = List.copyOf(failed);
    }
  }

  /**
   * A join request that could not be approved or rejected.
   *
   * @param id the join request id
   * @param code Meta's error code, such as 131213 for an unknown request; -1 when not given
   * @param message Meta's error message, empty when not given
   */
  public record FailedJoinRequest(String id, int code, String message) {
    /** Checks for nulls. */
    public FailedJoinRequest {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(message, "message");
    }
  }
}
