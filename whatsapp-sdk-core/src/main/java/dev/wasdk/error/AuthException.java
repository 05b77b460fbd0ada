package dev.wasdk.error;

/**
 * Thrown when the access token is invalid or expired (codes 0, 190). Replace or refresh the token;
 * retrying the same token fails again.
 *
 * <p>See {@link ApiException} for what every API error carries.
 */
public final class AuthException extends ApiException {
  private static final long serialVersionUID = 1L;

  AuthException(ApiError error, ResponseFacts facts) {
    super(error, ErrorCategory.AUTH, facts);
  }
}
