package dev.wasdk.error;

/**
 * Thrown when a request failed before any of it was written to the network: the connection could
 * not be opened, the TLS handshake rejected the server, or no access token was available. Sending
 * the same message again cannot deliver it twice.
 */
public final class RequestNotSentException extends TransportException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed; must not contain tokens or full phone numbers
   * @param failure what went wrong
   * @param cause the underlying failure, may be null
   */
  public RequestNotSentException(String message, TransportFailure failure, Throwable cause) {
    super(message, failure, cause);
  }

  /** Returns {@link RequestState#NOT_SENT}. */
  @Override
  public RequestState requestState() {
    return RequestState.NOT_SENT;
  }
}
