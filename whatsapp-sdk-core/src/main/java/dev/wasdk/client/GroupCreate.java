package dev.wasdk.client;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A group to create: its subject, an optional description and how people join. Create it with
 * {@link GroupsApi#create(GroupCreate)}.
 *
 * <pre>{@code
 * String requestId = wa.groups().create(
 *     GroupCreate.of("Spring sale VIPs")
 *         .description("Early access to our spring offers")
 *         .joinApprovalMode(GroupCreate.JoinApprovalMode.APPROVAL_REQUIRED));
 * }</pre>
 *
 * <p>Checked when built, as Meta documents: a subject of 1 to 128 characters after trimming, a
 * description of at most 2,048 characters. Immutable and thread-safe.
 *
 * @param subject the subject, trimmed
 * @param description the description, when given
 * @param joinApprovalMode how people join; Meta's default is {@link JoinApprovalMode#AUTO_APPROVE}
 */
public record GroupCreate(
    String subject, Optional<String> description, Optional<JoinApprovalMode> joinApprovalMode) {
  /** Shows present values and leaves out empty ones. */
  @Override
  public String toString() {
    return Values.toString(this);
  }

  /** The longest subject, in characters. */
  public static final int MAX_SUBJECT = 128;

  /** The longest description, in characters. */
  public static final int MAX_DESCRIPTION = 2048;

  /** Checks the documented limits. */
  public GroupCreate {
    subject = checkSubject(subject);
    Objects.requireNonNull(description, "description");
    description.ifPresent(GroupCreate::checkDescription);
    Objects.requireNonNull(joinApprovalMode, "joinApprovalMode");
    joinApprovalMode.ifPresent(
        m -> {
          if (m == JoinApprovalMode.UNKNOWN) {
            throw new IllegalArgumentException(
                "joinApprovalMode must be AUTO_APPROVE or APPROVAL_REQUIRED");
          }
        });
  }

  /**
   * Returns a group with this subject.
   *
   * @param subject 1 to 128 characters after trimming
   * @return the group to create
   */
  public static GroupCreate of(String subject) {
    return new GroupCreate(subject, Optional.empty(), Optional.empty());
  }

  /**
   * Returns a copy with a description.
   *
   * @param description at most 2,048 characters
   * @return the copy
   */
  public GroupCreate description(String description) {
    return new GroupCreate(subject, Optional.of(description), joinApprovalMode);
  }

  /**
   * Returns a copy with a join approval mode.
   *
   * @param mode the mode
   * @return the copy
   */
  public GroupCreate joinApprovalMode(JoinApprovalMode mode) {
    return new GroupCreate(subject, description, Optional.of(mode));
  }

  /** Returns the subject, trimmed and checked. */
  static String checkSubject(String subject) {
    Objects.requireNonNull(subject, "subject");
    String s = subject.strip();
    if (s.isEmpty() || s.length() > MAX_SUBJECT) {
      throw new IllegalArgumentException(
          "a group subject must be 1 to " + MAX_SUBJECT + " characters, was " + s.length());
    }
    return s;
  }

  /** Returns the description, checked. */
  static String checkDescription(String description) {
    Objects.requireNonNull(description, "description");
    if (description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(
          "a group description must be at most "
              + MAX_DESCRIPTION
              + " characters, was "
              + description.length());
    }
    return description;
  }

  /** How people join a group through its invite link. */
  public enum JoinApprovalMode {
    /** Anyone with the link joins at once. */
    AUTO_APPROVE,
    /** The business approves each join request ({@link GroupsApi#joinRequests}). */
    APPROVAL_REQUIRED,
    /** A value this version does not know; never sent. */
    UNKNOWN;

    /**
     * Returns the mode for Meta's text; {@link #UNKNOWN} for anything else, including null.
     *
     * @param raw the text, may be null
     * @return the mode
     */
    public static JoinApprovalMode of(String raw) {
      return OpenEnums.parse(JoinApprovalMode.class, raw, UNKNOWN);
    }
  }
}
