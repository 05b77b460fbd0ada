package dev.wasdk.error;

/**
 * Thrown when Meta could not process the request now (codes 1, 2, 131000, 131016, 133004, 131057,
 * ...). Its advice is usually to retry later; wasdk retries idempotent calls, but never a message
 * send, because Meta does not guarantee that a message answered with a server error was not
 * accepted.
 *
 * <p>See {@link ApiException} for what every API error carries.
 */
public final class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  ServerException(ApiError error, ResponseFacts facts) {
    super(error, ErrorCategory.SERVER, facts);
  }
}
