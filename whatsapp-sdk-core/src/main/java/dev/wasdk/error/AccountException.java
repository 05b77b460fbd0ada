package dev.wasdk.error;

/**
 * Thrown when the business account or phone number is restricted, locked, unpaid, unregistered or
 * misconfigured (codes 368, 131031, 131042, 133xxx, ...). Fix the account in WhatsApp Manager.
 *
 * <p>See {@link ApiException} for what every API error carries.
 */
public final class AccountException extends ApiException {
  private static final long serialVersionUID = 1L;

  AccountException(ApiError error, ResponseFacts facts) {
    super(error, ErrorCategory.ACCOUNT, facts);
  }
}
