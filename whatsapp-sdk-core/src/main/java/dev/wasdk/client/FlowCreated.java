package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;

/**
 * The answer to creating a Flow or uploading its JSON.
 *
 * @param id the Flow's id (for an upload, the id it was uploaded to)
 * @param validationErrors problems Meta found in the Flow JSON; empty when none or when no JSON was
 *     given
 * @param rawJson the answer as received
 */
public record FlowCreated(String id, List<FlowValidationError> validationErrors, String rawJson) {
  /** Copies the list. */
  public FlowCreated {
    Objects.requireNonNull(id, "id");
    validationErrors = List.copyOf(validationErrors);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns whether Meta found no problem in the Flow JSON. */
  public boolean isValid() {
    return validationErrors.isEmpty();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
