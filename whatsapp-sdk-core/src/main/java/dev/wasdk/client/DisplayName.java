package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A phone number's display name and the review of a requested new one. Read with {@link
 * PhoneNumbersApi#displayName()}; request a change with {@link
 * PhoneNumbersApi#updateDisplayName(String)}.
 *
 * <pre>{@code
 * wa.phoneNumbers().updateDisplayName("Jaspers Market");
 * DisplayName d = wa.phoneNumbers().displayName();
 * d.newNameStatus().ifPresent(s -> log.info("review: {}", s)); // PENDING_REVIEW, APPROVED, ...
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param verifiedName the current name as submitted; its approval is in {@code nameStatus}
 * @param nameStatus the current name's status, such as {@code APPROVED} or {@code DECLINED}
 * @param newDisplayName the requested new name, while one is under review
 * @param newNameStatus the requested name's status, such as {@code PENDING_REVIEW}
 */
public record DisplayName(
    Optional<String> verifiedName,
    Optional<String> nameStatus,
    Optional<String> newDisplayName,
    Optional<String> newNameStatus) {
  /** Shows present values and leaves out empty ones. */
  @Override
  public String toString() {
    return Values.toString(this);
  }

  /** Checks for nulls. */
  public DisplayName {
    Objects.requireNonNull(verifiedName, "verifiedName");
    Objects.requireNonNull(nameStatus, "nameStatus");
    Objects.requireNonNull(newDisplayName, "newDisplayName");
    Objects.requireNonNull(newNameStatus, "newNameStatus");
  }
}
