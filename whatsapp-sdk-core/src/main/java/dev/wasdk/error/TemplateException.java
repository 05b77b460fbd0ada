package dev.wasdk.error;

/**
 * Thrown when a template is missing, unapproved, paused, disabled, or does not match its parameters
 * (codes 132xxx, 134100–134102, 2388xxx).
 *
 * <p>See {@link ApiException} for what every API error carries.
 */
public final class TemplateException extends ApiException {
  private static final long serialVersionUID = 1L;

  TemplateException(ApiError error, ResponseFacts facts) {
    super(error, ErrorCategory.TEMPLATE, facts);
  }
}
