package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A problem Meta found in a Flow's JSON, with where it sits. A Flow with validation errors cannot
 * be published.
 *
 * @param error the error key, such as {@code INVALID_PROPERTY}
 * @param errorType the error family, such as {@code JSON_SCHEMA_ERROR}
 * @param message the description
 * @param lineStart the first line, if given
 * @param lineEnd the last line, if given
 * @param columnStart the first column, if given
 * @param columnEnd the last column, if given
 */
public record FlowValidationError(
    String error,
    String errorType,
    String message,
    Optional<Long> lineStart,
    Optional<Long> lineEnd,
    Optional<Long> columnStart,
    Optional<Long> columnEnd) {
  /** Checks for nulls. */
  public FlowValidationError {
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(lineStart, "lineStart");
    Objects.requireNonNull(lineEnd, "lineEnd");
    Objects.requireNonNull(columnStart, "columnStart");
    Objects.requireNonNull(columnEnd, "columnEnd");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
