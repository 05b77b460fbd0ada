package dev.wasdk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasdk.error.InvalidMessageException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on {@link InvalidMessageException}s. */
final class Invalid {
  private Invalid() {}

  /** Asserts that the call fails with the field path and actual size, and returns the failure. */
  static InvalidMessageException assertInvalid(
      ThrowingCallable call, String fieldPath, String actual) {
    InvalidMessageException e = catchThrowableOfType(InvalidMessageException.class, call);
    assertThat(e).as("expected an InvalidMessageException at " + fieldPath).isNotNull();
    assertThat(e.fieldPath()).isEqualTo(fieldPath);
    assertThat(e.actual()).isEqualTo(actual);
    return e;
  }
}
