package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to create a Flow with, or what to change in its metadata: name, categories, a Flow to clone,
 * the data endpoint, the connected app, and (on creation) its Flow JSON and whether to publish at
 * once.
 *
 * <p>Immutable and thread-safe once built.
 *
 * <pre>{@code
 * FlowDefinition booking = FlowDefinition.builder()
 *     .name("booking")
 *     .category(FlowCategory.APPOINTMENT_BOOKING)
 *     .endpointUri(URI.create("https://flows.example.com/booking"))
 *     .build();
 * FlowCreated created = wa.flows().create(booking);
 * }</pre>
 *
 * @param name the Flow's name, unique in the WABA
 * @param categories what it is for; at least one on creation
 * @param cloneFlowId the Flow to copy, on creation
 * @param endpointUri the data endpoint, an absolute https URL
 * @param applicationId the Meta app to connect (metadata updates only)
 * @param flowJson the Flow JSON text (creation only)
 * @param publish whether to publish at once (creation with Flow JSON only)
 */
public record FlowDefinition(
    Optional<String> name,
    List<FlowCategory> categories,
    Optional<String> cloneFlowId,
    Optional<URI> endpointUri,
    Optional<String> applicationId,
    Optional<String> flowJson,
    boolean publish) {

  /** Checks for nulls and copies the list. */
  public FlowDefinition {
    Objects.requireNonNull(name, "name");
    categories = List.copyOf(categories);
    Objects.requireNonNull(cloneFlowId, "cloneFlowId");
    Objects.requireNonNull(endpointUri, "endpointUri");
    Objects.requireNonNull(applicationId, "applicationId");
    Objects.requireNonNull(flowJson, "flowJson");
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link FlowDefinition}. Not thread-safe. */
  public static final class Builder {
    private String name;
    private final Set<FlowCategory> categories = new LinkedHashSet<>();
    private String cloneFlowId;
    private URI endpointUri;
    private String applicationId;
    private String flowJson;
    private boolean publish;

    private Builder() {}

    /**
     * Sets the name.
     *
     * @param name not blank; at most 200 characters
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || name.length() > 200) {
        throw new IllegalArgumentException("name must be 1 to 200 characters, not blank");
      }
      this.name = name;
      return this;
    }

    /**
     * Adds a category.
     *
     * @param category not {@link FlowCategory#UNKNOWN}
     */
    public Builder category(FlowCategory category) {
      Objects.requireNonNull(category, "category");
      if (category == FlowCategory.UNKNOWN) {
        throw new IllegalArgumentException("UNKNOWN is not a category Meta accepts");
      }
      categories.add(category);
      return this;
    }

    /**
     * Sets the Flow to copy; the new Flow starts with its Flow JSON.
     *
     * @param flowId the source Flow's id
     */
    public Builder cloneFlowId(String flowId) {
      this.cloneFlowId = id(flowId, "cloneFlowId");
      return this;
    }

    /**
     * Sets the data endpoint (Flow JSON 3.0 and later).
     *
     * @param endpointUri an absolute https URL
     */
    public Builder endpointUri(URI endpointUri) {
      Objects.requireNonNull(endpointUri, "endpointUri");
      if (!endpointUri.isAbsolute()
          || !"https".equalsIgnoreCase(endpointUri.getScheme())
          || endpointUri.getHost() == null) {
        throw new IllegalArgumentException(
            "endpointUri must be an absolute https URL, was " + endpointUri);
      }
      this.endpointUri = endpointUri;
      return this;
    }

    /**
     * Sets the Meta app to connect; its secret signs the endpoint's requests. Metadata updates
     * only.
     *
     * @param applicationId the app's id
     */
    public Builder applicationId(String applicationId) {
      this.applicationId = id(applicationId, "applicationId");
      return this;
    }

    /**
     * Sets the Flow JSON to create the Flow with. Creation only.
     *
     * @param flowJson the JSON text
     */
    public Builder flowJson(String flowJson) {
      Objects.requireNonNull(flowJson, "flowJson");
      if (flowJson.isBlank()) {
        throw new IllegalArgumentException("flowJson must not be blank");
      }
      this.flowJson = flowJson;
      return this;
    }

    /**
     * Sets whether to publish at once; needs {@link #flowJson}. Publishing cannot be undone.
     *
     * @param publish default false
     */
    public Builder publish(boolean publish) {
      this.publish = publish;
      return this;
    }

    private static String id(String id, String what) {
      Objects.requireNonNull(id, what);
      if (id.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return id;
    }

    /**
     * Returns the definition.
     *
     * @throws IllegalStateException if it publishes without Flow JSON
     */
    public FlowDefinition build() {
      if (publish && flowJson == null) {
        throw new IllegalStateException("publish(true) needs flowJson(...)");
      }
      return new FlowDefinition(
          Optional.ofNullable(name),
          new ArrayList<>(categories),
          Optional.ofNullable(cloneFlowId),
          Optional.ofNullable(endpointUri),
          Optional.ofNullable(applicationId),
          Optional.ofNullable(flowJson),
          publish);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
