package dev.wasdk.error;

/**
 * Thrown when the token lacks a permission or access to the asset (codes 3, 10, 200–299, 131005).
 * Grant the permission or assign the asset to the system user.
 *
 * <p>See {@link ApiException} for what every API error carries.
 */
public final class PermissionException extends ApiException {
  private static final long serialVersionUID = 1L;

  PermissionException(ApiError error, ResponseFacts facts) {
    super(error, ErrorCategory.PERMISSION, facts);
  }
}
