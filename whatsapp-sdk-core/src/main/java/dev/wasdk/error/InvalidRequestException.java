package dev.wasdk.error;

/**
 * Thrown when the request is malformed or has an invalid value (codes 100, 131008, 131009, 131051,
 * ...). Fix the request; sending it unchanged fails again.
 *
 * <p>See {@link ApiException} for what every API error carries.
 */
public final class InvalidRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  InvalidRequestException(ApiError error, ResponseFacts facts) {
    super(error, ErrorCategory.INVALID_REQUEST, facts);
  }
}
