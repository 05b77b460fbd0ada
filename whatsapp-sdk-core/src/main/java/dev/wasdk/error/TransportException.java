package dev.wasdk.error;

import java.util.Objects;

/**
 * Thrown when a request failed below the Graph API: no connection, a timeout, a broken connection,
 * or an unreadable success response. It always says whether the request could have reached Meta:
 *
 * <ul>
 *   <li>{@link RequestNotSentException} ({@link RequestState#NOT_SENT}): nothing was written, so
 *       sending the same message again cannot deliver it twice.
 *   <li>{@link RequestMaybeSentException} ({@link RequestState#MAYBE_SENT}): the request may have
 *       been processed; a message may reach the user. Check its status webhooks before resending.
 * </ul>
 *
 * <pre>{@code
 * } catch (TransportException e) {
 *   if (e.requestState() == RequestState.NOT_SENT) {
 *     retryLater(message);
 *   } else {
 *     markUnknown(message); // reconcile from the status webhooks
 *   }
 * }
 * }</pre>
 */
public abstract sealed class TransportException extends WhatsAppException
    permits RequestNotSentException, RequestMaybeSentException {
  private static final long serialVersionUID = 1L;

  private final TransportFailure failure;

  TransportException(String message, TransportFailure failure, Throwable cause) {
    super(message, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /** Returns whether the request could have reached Meta. */
  public abstract RequestState requestState();

  /** Returns what went wrong. */
  public TransportFailure failure() {
    return failure;
  }
}
