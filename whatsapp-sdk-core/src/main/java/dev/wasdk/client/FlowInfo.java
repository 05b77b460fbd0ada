package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A WhatsApp Flow as the Flows API describes it. Which parts are present depends on the fields
 * asked for: a list carries id, name, status, categories and validation errors; {@link
 * FlowsApi#get(String)} asks for everything below.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the Flow's id
 * @param name its name, unique in the WABA
 * @param status its state
 * @param categories what it is for
 * @param validationErrors problems in its Flow JSON; empty when none
 * @param jsonVersion the Flow JSON version, such as {@code 7.3}
 * @param dataApiVersion the data API version, such as {@code 3.0}, for Flows with an endpoint
 * @param endpointUri the data endpoint ({@code endpoint_uri}, or {@code data_channel_uri} in older
 *     answers)
 * @param preview the preview link, when asked for
 * @param healthStatus whether it can be sent, when asked for
 * @param applicationId the id of the connected Meta app
 * @param updatedAt when it was last changed
 * @param rawJson the object as received
 */
public record FlowInfo(
    String id,
    Optional<String> name,
    FlowStatus status,
    List<FlowCategory> categories,
    List<FlowValidationError> validationErrors,
    Optional<String> jsonVersion,
    Optional<String> dataApiVersion,
    Optional<String> endpointUri,
    Optional<FlowPreview> preview,
    Optional<FlowHealth> healthStatus,
    Optional<String> applicationId,
    Optional<Instant> updatedAt,
    String rawJson) {
  /** Copies the lists and checks for nulls. */
  public FlowInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    categories = List.copyOf(categories);
    validationErrors = List.copyOf(validationErrors);
    Objects.requireNonNull(jsonVersion, "jsonVersion");
    Objects.requireNonNull(dataApiVersion, "dataApiVersion");
    Objects.requireNonNull(endpointUri, "endpointUri");
    Objects.requireNonNull(preview, "preview");
    Objects.requireNonNull(healthStatus, "healthStatus");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
