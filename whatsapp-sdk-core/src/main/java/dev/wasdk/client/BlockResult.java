package dev.wasdk.client;

import dev.wasdk.internal.text.Redact;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a block or unblock call: who was handled and who failed, and why. A partly failed
 * call (error 139100) still returns a result; only a call that failed as a whole throws.
 *
 * @param added the users handled (added to or removed from the block list)
 * @param failed the users that could not be handled, with Meta's reasons
 */
public record BlockResult(List<BlockedUser> added, List<FailedUser> failed) {
  /** Copies the lists. */
  public BlockResult {
    added = List.copyOf(added);
    failed = List.copyOf(failed);
  }

  /** Returns whether every user was handled. */
  public boolean allSucceeded() {
    return failed.isEmpty();
  }

  /**
   * A user Meta handled.
   *
   * @param input the user as given
   * @param waId the user's WhatsApp id
   */
  public record BlockedUser(String input, String waId) {
    /** Checks that nothing is null. */
    public BlockedUser {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(waId, "waId");
    }

    /** Masks the phone numbers. */
    @Override
    public String toString() {
      return "BlockedUser[" + Redact.mask(input) + "]";
    }
  }

  /**
   * A user Meta could not handle.
   *
   * @param input the user as given
   * @param waId the user's WhatsApp id, when known
   * @param code the error code, such as 139100
   * @param message Meta's message
   * @param details Meta's details, such as "User has not messaged in the last 24 hours"
   */
  public record FailedUser(String input, String waId, int code, String message, String details) {
    /** Checks that nothing is null. */
    public FailedUser {
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(waId, "waId");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(details, "details");
    }

    /** Masks the phone numbers. */
    @Override
    public String toString() {
      return "FailedUser[" + Redact.mask(input) + ", code=" + code + ", " + details + "]";
    }
  }
}
