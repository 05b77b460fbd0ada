package dev.wasdk.campaigns;

import dev.wasdk.error.ErrorCode;
import dev.wasdk.error.RecipientReason;

/**
 * What to do about a message whose status webhook said {@code failed}, read from its error code
 * through the {@link ErrorCode} catalog.
 *
 * <pre>{@code
 * switch (FailureAdvice.of(131049)) {
 *   case LATER -> scheduleAgain(tomorrow);
 *   case NOT_REACHABLE -> markUnreachable(user);
 *   default -> log(failure);
 * }
 * }</pre>
 */
public enum FailureAdvice {
  /**
   * Send again later: Meta held the message back for now, as with 131049 (per-user marketing limit,
   * wait about 24 hours), or the error is transient.
   */
  LATER,
  /**
   * The user cannot get messages from this number: not on WhatsApp, terms not accepted, or an old
   * client (131026). Do not resend until the number is known to work.
   */
  NOT_REACHABLE,
  /**
   * Stop sending to this user: the user opted out of marketing (131050) or blocked the business.
   */
  STOP,
  /** Resending the same message fails again; fix the message, template or account first. */
  DO_NOT_RETRY;

  /**
   * Returns the advice for a Graph error code; codes the catalog does not know get {@link
   * #DO_NOT_RETRY}.
   *
   * @param errorCode the code from the status's errors, such as 131049
   * @return the advice
   */
  public static FailureAdvice of(int errorCode) {
    ErrorCode code = ErrorCode.of(errorCode);
    if (code.recipientReason().orElse(null) == RecipientReason.UNDELIVERABLE) {
      return NOT_REACHABLE;
    }
    return switch (code.advice()) {
      case RETRY, RETRY_LATER -> LATER;
      case STOP -> STOP;
      case NO -> DO_NOT_RETRY;
    };
  }
}
