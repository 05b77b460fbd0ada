package dev.wasdk.internal.json;

import dev.wasdk.client.FlowCategory;
import dev.wasdk.client.FlowCreated;
import dev.wasdk.client.FlowDefinition;
import dev.wasdk.client.FlowGranularity;
import dev.wasdk.client.FlowHealth;
import dev.wasdk.client.FlowInfo;
import dev.wasdk.client.FlowMetric;
import dev.wasdk.client.FlowMetricName;
import dev.wasdk.client.FlowMigration;
import dev.wasdk.client.FlowPreview;
import dev.wasdk.client.FlowStatus;
import dev.wasdk.client.FlowValidationError;
import dev.wasdk.client.Page;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the Flows API requests (create, metadata update, migration) and reads Flows, their
 * previews, health, validation errors, metrics and migration results.
 */
public final class FlowsJson {
  private static final DateTimeFormatter META_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  private FlowsJson() {}

  /** Returns the body of a create request. */
  public static byte[] create(FlowDefinition definition) {
    ObjectNode body = ManagementJson.object();
    body.put("name", definition.name().get());
    ArrayNode categories = body.putArray("categories");
    definition.categories().forEach(c -> categories.add(c.name()));
    definition.cloneFlowId().ifPresent(id -> body.put("clone_flow_id", id));
    definition.endpointUri().ifPresent(u -> body.put("endpoint_uri", u.toString()));
    definition.flowJson().ifPresent(j -> body.put("flow_json", j));
    if (definition.publish()) {
      body.put("publish", true);
    }
    return ManagementJson.bytes(body);
  }

  /** Returns the body of a metadata update: only what the definition sets. */
  public static byte[] update(FlowDefinition changes) {
    ObjectNode body = ManagementJson.object();
    changes.name().ifPresent(n -> body.put("name", n));
    if (!changes.categories().isEmpty()) {
      ArrayNode categories = body.putArray("categories");
      changes.categories().forEach(c -> categories.add(c.name()));
    }
    changes.endpointUri().ifPresent(u -> body.put("endpoint_uri", u.toString()));
    changes.applicationId().ifPresent(a -> body.put("application_id", a));
    return ManagementJson.bytes(body);
  }

  /** Returns the body of a migration; no names means every Flow. */
  public static byte[] migrate(String sourceWabaId, List<String> sourceFlowNames) {
    ObjectNode body = ManagementJson.object();
    body.put("source_waba_id", sourceWabaId);
    if (!sourceFlowNames.isEmpty()) {
      ArrayNode names = body.putArray("source_flow_names");
      sourceFlowNames.forEach(n -> names.add(Objects.requireNonNull(n, "flow name")));
    }
    return ManagementJson.bytes(body);
  }

  /** Reads the answer to a create request; empty when it carries no id. */
  public static Optional<FlowCreated> readCreated(JsonNode answer) {
    String id = ManagementJson.textOrEmpty(answer, "id");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new FlowCreated(id, validationErrors(answer), ManagementJson.raw(answer)));
  }

  /** Reads the answer to a Flow JSON upload: the validation errors of the Flow. */
  public static FlowCreated readUploaded(JsonNode answer, String flowId) {
    return new FlowCreated(flowId, validationErrors(answer), ManagementJson.raw(answer));
  }

  /** Reads one page of Flows. */
  public static Page<FlowInfo> readPage(JsonNode body) {
    return new Page<>(
        ManagementJson.objects(body, "data", FlowsJson::read),
        ManagementJson.before(body),
        ManagementJson.after(body));
  }

  /** Reads the {@code preview} field of a Flow; empty without a readable preview URL. */
  public static Optional<FlowPreview> readPreviewField(JsonNode body) {
    return readPreview(body.path("preview"));
  }

  /**
   * Reads a data-endpoint metric; the id, name and granularity asked for stand in for absent ones.
   */
  public static FlowMetric readMetric(
      JsonNode body, String flowId, FlowMetricName name, FlowGranularity granularity) {
    JsonNode metric = body.path("metric");
    List<FlowMetric.DataPoint> points =
        ManagementJson.objects(
            metric,
            "data_points",
            p -> {
              Map<String, BigDecimal> values = new LinkedHashMap<>();
              for (JsonNode kv : p.path("data")) {
                ManagementJson.text(kv, "key")
                    .ifPresent(
                        k -> ManagementJson.money(kv, "value").ifPresent(v -> values.put(k, v)));
              }
              return new FlowMetric.DataPoint(time(ManagementJson.text(p, "timestamp")), values);
            });
    return new FlowMetric(
        ManagementJson.text(body, "id").orElse(flowId),
        ManagementJson.text(metric, "name").orElse(name.name()),
        ManagementJson.text(metric, "granularity").orElse(granularity.name()),
        points,
        ManagementJson.raw(body));
  }

  /** Reads the result of a migration: the Flows copied and those that failed. */
  public static FlowMigration readMigration(JsonNode answer) {
    return new FlowMigration(
        ManagementJson.objects(
            answer,
            "migrated_flows",
            n ->
                new FlowMigration.Migrated(
                    ManagementJson.textOrEmpty(n, "source_name"),
                    ManagementJson.textOrEmpty(n, "source_id"),
                    ManagementJson.textOrEmpty(n, "migrated_id"))),
        ManagementJson.objects(
            answer,
            "failed_flows",
            n ->
                new FlowMigration.Failed(
                    ManagementJson.textOrEmpty(n, "source_name"),
                    ManagementJson.textOrEmpty(n, "error_code"),
                    ManagementJson.textOrEmpty(n, "error_message"))),
        ManagementJson.raw(answer));
  }

  /** Reads a Flow with whichever fields the answer has. */
  public static FlowInfo read(JsonNode n) {
    List<FlowCategory> categories = new ArrayList<>();
    ManagementJson.texts(n, "categories").forEach(c -> categories.add(FlowCategory.of(c)));
    JsonNode health = n.path("health_status");
    return new FlowInfo(
        ManagementJson.textOrEmpty(n, "id"),
        ManagementJson.text(n, "name"),
        FlowStatus.of(ManagementJson.text(n, "status").orElse(null)),
        categories,
        validationErrors(n),
        ManagementJson.text(n, "json_version"),
        ManagementJson.text(n, "data_api_version"),
        ManagementJson.text(n, "endpoint_uri").or(() -> ManagementJson.text(n, "data_channel_uri")),
        readPreview(n.path("preview")),
        health.isObject() ? Optional.of(readHealth(health)) : Optional.empty(),
        ManagementJson.text(n.path("application"), "id"),
        time(ManagementJson.text(n, "updated_at")),
        ManagementJson.raw(n));
  }

  private static Optional<FlowPreview> readPreview(JsonNode p) {
    Optional<String> url = ManagementJson.text(p, "preview_url");
    if (url.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(url.get());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new FlowPreview(uri, time(ManagementJson.text(p, "expires_at"))));
  }

  private static FlowHealth readHealth(JsonNode h) {
    return new FlowHealth(
        FlowHealth.Availability.of(ManagementJson.text(h, "can_send_message").orElse(null)),
        ManagementJson.objects(
            h,
            "entities",
            e ->
                new FlowHealth.Entity(
                    ManagementJson.textOrEmpty(e, "entity_type"),
                    ManagementJson.textOrEmpty(e, "id"),
                    FlowHealth.Availability.of(
                        ManagementJson.text(e, "can_send_message").orElse(null)),
                    ManagementJson.objects(
                        e,
                        "errors",
                        p ->
                            new FlowHealth.Problem(
                                ManagementJson.number(p, "error_code").orElse(0L),
                                ManagementJson.textOrEmpty(p, "error_description"),
                                ManagementJson.textOrEmpty(p, "possible_solution"))))));
  }

  private static List<FlowValidationError> validationErrors(JsonNode n) {
    return ManagementJson.objects(
        n,
        "validation_errors",
        e ->
            new FlowValidationError(
                ManagementJson.textOrEmpty(e, "error"),
                ManagementJson.textOrEmpty(e, "error_type"),
                ManagementJson.textOrEmpty(e, "message"),
                ManagementJson.number(e, "line_start"),
                ManagementJson.number(e, "line_end"),
                ManagementJson.number(e, "column_start"),
                ManagementJson.number(e, "column_end")));
  }

  /** Reads Meta's {@code 2024-01-28T08:00:00+0000}, ISO-8601 or epoch seconds; empty otherwise. */
  private static Optional<Instant> time(Optional<String> text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get().trim();
    try {
      return Optional.of(OffsetDateTime.parse(t, META_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // try epoch seconds
    }
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
