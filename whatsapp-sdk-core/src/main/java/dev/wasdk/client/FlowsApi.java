package dev.wasdk.client;

import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.http.MultipartBody;
import dev.wasdk.internal.json.FlowsJson;
import dev.wasdk.internal.json.ManagementJson;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Creates, reads, changes, publishes and retires WhatsApp Flows, uploads their Flow JSON, reads
 * their endpoint metrics and copies them between WABAs. Get it from {@link WhatsAppClient#flows()};
 * the calls on the WABA (create, list, migrate) need the client's {@code wabaId}.
 *
 * <pre>{@code
 * FlowCreated created = wa.flows().create(FlowDefinition.builder()
 *     .name("booking")
 *     .category(FlowCategory.APPOINTMENT_BOOKING)
 *     .endpointUri(URI.create("https://flows.example.com/booking"))
 *     .build());
 * FlowCreated uploaded = wa.flows().uploadFlowJson(created.id(), flowJson);
 * if (uploaded.isValid()) {
 *   wa.flows().publish(created.id());
 * }
 * }</pre>
 *
 * <p>Every call has an {@code ...Async} twin returning a {@link CompletableFuture}, with the same
 * request, error mapping and retries; argument errors are thrown at once by both forms.
 *
 * <p>Publishing and deprecating cannot be undone: a published Flow and its JSON are frozen (create
 * a new one with {@link FlowDefinition.Builder#cloneFlowId}), and a deprecated Flow can no longer
 * be sent or opened. Only drafts can be deleted. Failures carry Meta's codes: 139001 (update),
 * 139002 (publish), 139003 (deprecate), 139004 (delete), 139000 (blocked by integrity); see {@link
 * dev.wasdk.error.ErrorCode}. Reads and idempotent changes are retried per the {@link RetryPolicy};
 * creations, publications, deprecations and migrations only when Meta provably did not get them.
 *
 * <p>Thread-safe; share one instance.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi">Flows
 *     API</a>
 */
public final class FlowsApi {
  /** The fields {@link #get(String)} asks for. */
  public static final String DEFAULT_FIELDS =
      "id,name,categories,preview,status,validation_errors,json_version,data_api_version,"
          + "endpoint_uri,health_status,application,updated_at";

  private static final String LIST_FIELDS = "id,name,categories,status,validation_errors";

  private final ManagementCalls calls;
  private final String wabaId;

  FlowsApi(ManagementCalls calls, String wabaId) {
    this.calls = calls;
    this.wabaId = wabaId;
  }

  /**
   * Creates a Flow in the client's WABA. It starts as a draft unless it is created with Flow JSON
   * and {@code publish(true)}. Not retried once the request may have reached Meta: a retry could
   * create a second Flow; list the Flows before creating it again.
   *
   * @param definition a name and at least one category; optionally a Flow to clone, the endpoint,
   *     the Flow JSON
   * @return the new Flow's id, and the validation errors of its Flow JSON
   * @throws IllegalArgumentException if the name or the categories are missing, or an application
   *     id is given (set it with {@link #update})
   */
  public FlowCreated create(FlowDefinition definition) {
    return calls.call(createCall(definition));
  }

  /** The async twin of {@link #create(FlowDefinition)}; retried the same way. */
  public CompletableFuture<FlowCreated> createAsync(FlowDefinition definition) {
    return calls.callAsync(createCall(definition));
  }

  private ManagementCalls.Call<FlowCreated> createCall(FlowDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    if (definition.name().isEmpty() || definition.categories().isEmpty()) {
      throw new IllegalArgumentException("a new Flow needs a name and at least one category");
    }
    if (definition.applicationId().isPresent()) {
      throw new IllegalArgumentException(
          "the application id is set by update(flowId, ...), not on creation");
    }
    // Not idempotent: a resent creation may make a second Flow.
    return ManagementCalls.json(
        GraphRequest.json(
            "POST",
            calls.uri(waba() + "/flows"),
            FlowsJson.create(definition),
            false,
            "create flow",
            null),
        answer -> FlowsJson.readCreated(answer).orElseThrow(FlowsApi::noIdInAnswer));
  }

  /**
   * Returns one page of the WABA's Flows, with id, name, status, categories and validation errors.
   *
   * @param after the cursor of the previous page, or empty for the first
   */
  public Page<FlowInfo> list(Optional<String> after) {
    return calls.call(listCall(after));
  }

  /** The async twin of {@link #list(Optional)}. */
  public CompletableFuture<Page<FlowInfo>> listAsync(Optional<String> after) {
    return calls.callAsync(listCall(after));
  }

  private ManagementCalls.Call<Page<FlowInfo>> listCall(Optional<String> after) {
    Objects.requireNonNull(after, "after");
    Map<String, String> q = new LinkedHashMap<>();
    q.put("fields", LIST_FIELDS);
    after.ifPresent(a -> q.put("after", a));
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(waba() + "/flows", q), "list flows"), FlowsJson::readPage);
  }

  private static RequestMaybeSentException noIdInAnswer() {
    return new RequestMaybeSentException(
        "create flow was probably done, but the answer carried no id; list the flows before"
            + " creating it again",
        TransportFailure.UNREADABLE_RESPONSE,
        null);
  }

  /** Returns every Flow of the WABA as a lazy stream that fetches pages as it goes. */
  public Stream<FlowInfo> stream() {
    return Pages.stream(this::list);
  }

  /**
   * Returns a Flow with {@linkplain #DEFAULT_FIELDS every field}: status, validation errors, health
   * status, preview link and more.
   *
   * @param flowId the Flow's id
   */
  public FlowInfo get(String flowId) {
    return calls.call(getCall(flowId, DEFAULT_FIELDS));
  }

  /** The async twin of {@link #get(String)}. */
  public CompletableFuture<FlowInfo> getAsync(String flowId) {
    return calls.callAsync(getCall(flowId, DEFAULT_FIELDS));
  }

  /**
   * Returns a Flow with the fields asked for.
   *
   * @param flowId the Flow's id
   * @param fields comma-separated Graph fields, such as {@code id,status}
   */
  public FlowInfo get(String flowId, String fields) {
    return calls.call(getCall(flowId, fields));
  }

  /** The async twin of {@link #get(String, String)}. */
  public CompletableFuture<FlowInfo> getAsync(String flowId, String fields) {
    return calls.callAsync(getCall(flowId, fields));
  }

  private ManagementCalls.Call<FlowInfo> getCall(String flowId, String fields) {
    Objects.requireNonNull(fields, "fields");
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(flow(flowId), Map.of("fields", fields)), "get flow " + flowId),
        FlowsJson::read);
  }

  /**
   * Returns the Flow's preview link.
   *
   * @param flowId the Flow's id
   * @param invalidate true to revoke the current link and make a new one
   */
  public FlowPreview preview(String flowId, boolean invalidate) {
    return calls.call(previewCall(flowId, invalidate));
  }

  /** The async twin of {@link #preview(String, boolean)}. */
  public CompletableFuture<FlowPreview> previewAsync(String flowId, boolean invalidate) {
    return calls.callAsync(previewCall(flowId, invalidate));
  }

  private ManagementCalls.Call<FlowPreview> previewCall(String flowId, boolean invalidate) {
    return ManagementCalls.json(
        GraphRequest.get(
            calls.uri(flow(flowId), Map.of("fields", "preview.invalidate(" + invalidate + ")")),
            "get flow preview"),
        body ->
            FlowsJson.readPreviewField(body)
                .orElseThrow(
                    () ->
                        new WhatsAppException(
                            "get flow preview answered without preview.preview_url")));
  }

  /**
   * Changes a Flow's name, categories, endpoint or connected app; what the definition leaves empty
   * stays as it is. Flow JSON, cloning and publishing are not metadata.
   *
   * @param flowId the Flow's id
   * @param changes the new values
   * @throws IllegalArgumentException if nothing is to change, or Flow JSON, a clone source or
   *     publishing is given
   */
  public void update(String flowId, FlowDefinition changes) {
    calls.call(updateCall(flowId, changes));
  }

  /** The async twin of {@link #update(String, FlowDefinition)}. */
  public CompletableFuture<Void> updateAsync(String flowId, FlowDefinition changes) {
    return calls.callAsync(updateCall(flowId, changes));
  }

  private ManagementCalls.Call<Void> updateCall(String flowId, FlowDefinition changes) {
    Objects.requireNonNull(changes, "changes");
    if (changes.flowJson().isPresent() || changes.cloneFlowId().isPresent() || changes.publish()) {
      throw new IllegalArgumentException(
          "update changes metadata only: upload Flow JSON with uploadFlowJson, publish with"
              + " publish");
    }
    if (changes.name().isEmpty()
        && changes.categories().isEmpty()
        && changes.endpointUri().isEmpty()
        && changes.applicationId().isEmpty()) {
      throw new IllegalArgumentException("nothing to update");
    }
    return ManagementCalls.success(
        GraphRequest.json(
            "POST",
            calls.uri(flow(flowId)),
            FlowsJson.update(changes),
            true,
            "update flow metadata",
            null));
  }

  /**
   * Uploads a Flow's JSON (the {@code flow.json} asset), replacing the previous one. Drafts only.
   *
   * @param flowId the Flow's id
   * @param flowJson the Flow JSON text
   * @return the validation errors Meta found; the Flow cannot be published while there are any
   */
  public FlowCreated uploadFlowJson(String flowId, String flowJson) {
    return calls.call(uploadFlowJsonCall(flowId, flowJson));
  }

  /** The async twin of {@link #uploadFlowJson(String, String)}. */
  public CompletableFuture<FlowCreated> uploadFlowJsonAsync(String flowId, String flowJson) {
    return calls.callAsync(uploadFlowJsonCall(flowId, flowJson));
  }

  private ManagementCalls.Call<FlowCreated> uploadFlowJsonCall(String flowId, String flowJson) {
    Objects.requireNonNull(flowJson, "flowJson");
    if (flowJson.isBlank()) {
      throw new IllegalArgumentException("flowJson must not be blank");
    }
    MultipartBody body =
        MultipartBody.create()
            .field("name", "flow.json")
            .field("asset_type", "FLOW_JSON")
            .file(
                "file", "flow.json", "application/json", flowJson.getBytes(StandardCharsets.UTF_8));
    return ManagementCalls.json(
        new GraphRequest(
            "POST",
            calls.uri(flow(flowId) + "/assets"),
            body.publisher(),
            body.contentType(),
            true,
            "upload flow JSON",
            null,
            null),
        answer -> {
          if (!ManagementJson.success(answer)) {
            throw new WhatsAppException(
                "upload flow JSON was not confirmed: the answer lacked success=true");
          }
          return FlowsJson.readUploaded(answer, flowId);
        });
  }

  /**
   * Publishes a draft. Cannot be undone; the Flow and its JSON become immutable. Retried only when
   * the request provably did not reach Meta.
   *
   * @param flowId the Flow's id
   */
  public void publish(String flowId) {
    calls.call(publishCall(flowId));
  }

  /** The async twin of {@link #publish(String)}; retried the same way. */
  public CompletableFuture<Void> publishAsync(String flowId) {
    return calls.callAsync(publishCall(flowId));
  }

  private ManagementCalls.Call<Void> publishCall(String flowId) {
    return ManagementCalls.success(
        new GraphRequest(
            "POST",
            calls.uri(flow(flowId) + "/publish"),
            null,
            null,
            false,
            "publish flow",
            null,
            null));
  }

  /**
   * Deprecates a published Flow: it can no longer be sent or opened. Cannot be undone. Retried only
   * when the request provably did not reach Meta.
   *
   * @param flowId the Flow's id
   */
  public void deprecate(String flowId) {
    calls.call(deprecateCall(flowId));
  }

  /** The async twin of {@link #deprecate(String)}; retried the same way. */
  public CompletableFuture<Void> deprecateAsync(String flowId) {
    return calls.callAsync(deprecateCall(flowId));
  }

  private ManagementCalls.Call<Void> deprecateCall(String flowId) {
    return ManagementCalls.success(
        new GraphRequest(
            "POST",
            calls.uri(flow(flowId) + "/deprecate"),
            null,
            null,
            false,
            "deprecate flow",
            null,
            null));
  }

  /**
   * Deletes a draft; published Flows cannot be deleted (139004), only deprecated.
   *
   * @param flowId the Flow's id
   */
  public void delete(String flowId) {
    calls.call(deleteCall(flowId));
  }

  /** The async twin of {@link #delete(String)}. */
  public CompletableFuture<Void> deleteAsync(String flowId) {
    return calls.callAsync(deleteCall(flowId));
  }

  private ManagementCalls.Call<Void> deleteCall(String flowId) {
    return ManagementCalls.success(GraphRequest.delete(calls.uri(flow(flowId)), "delete flow"));
  }

  /**
   * Returns a data-endpoint metric of a Flow.
   *
   * @param flowId the Flow's id
   * @param name the metric
   * @param granularity the grouping
   * @param since the first day, or empty for Meta's default
   * @param until the last day, or empty for Meta's default
   */
  public FlowMetric metric(
      String flowId,
      FlowMetricName name,
      FlowGranularity granularity,
      Optional<LocalDate> since,
      Optional<LocalDate> until) {
    return calls.call(metricCall(flowId, name, granularity, since, until));
  }

  /**
   * The async twin of {@link #metric(String, FlowMetricName, FlowGranularity, Optional, Optional)}.
   */
  public CompletableFuture<FlowMetric> metricAsync(
      String flowId,
      FlowMetricName name,
      FlowGranularity granularity,
      Optional<LocalDate> since,
      Optional<LocalDate> until) {
    return calls.callAsync(metricCall(flowId, name, granularity, since, until));
  }

  private ManagementCalls.Call<FlowMetric> metricCall(
      String flowId,
      FlowMetricName name,
      FlowGranularity granularity,
      Optional<LocalDate> since,
      Optional<LocalDate> until) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    if (since.isPresent() && until.isPresent() && since.get().isAfter(until.get())) {
      throw new IllegalArgumentException("since must not be after until");
    }
    StringBuilder field =
        new StringBuilder("metric.name(")
            .append(name.name())
            .append(").granularity(")
            .append(granularity.name())
            .append(')');
    since.ifPresent(d -> field.append(".since(").append(d).append(')'));
    until.ifPresent(d -> field.append(".until(").append(d).append(')'));
    return ManagementCalls.json(
        GraphRequest.get(
            calls.uri(flow(flowId), Map.of("fields", field.toString())), "get flow metric"),
        body -> FlowsJson.readMetric(body, flowId, name, granularity));
  }

  /**
   * Copies Flows from another WABA of the same business into the client's WABA, under the same
   * names; drafts stay drafts and published Flows stay published. A name clash fails that Flow
   * only. Retried only when the request provably did not reach Meta.
   *
   * @param sourceWabaId the WABA to copy from
   * @param sourceFlowNames the Flows to copy (at most 100); empty for all
   */
  public FlowMigration migrate(String sourceWabaId, List<String> sourceFlowNames) {
    return calls.call(migrateCall(sourceWabaId, sourceFlowNames));
  }

  /** The async twin of {@link #migrate(String, List)}; retried the same way. */
  public CompletableFuture<FlowMigration> migrateAsync(
      String sourceWabaId, List<String> sourceFlowNames) {
    return calls.callAsync(migrateCall(sourceWabaId, sourceFlowNames));
  }

  private ManagementCalls.Call<FlowMigration> migrateCall(
      String sourceWabaId, List<String> sourceFlowNames) {
    Objects.requireNonNull(sourceWabaId, "sourceWabaId");
    Objects.requireNonNull(sourceFlowNames, "sourceFlowNames");
    if (sourceWabaId.isBlank()) {
      throw new IllegalArgumentException("sourceWabaId must not be blank");
    }
    if (sourceFlowNames.size() > 100) {
      throw new IllegalArgumentException(
          "at most 100 flows per migration, got " + sourceFlowNames.size());
    }
    return ManagementCalls.json(
        GraphRequest.json(
            "POST",
            calls.uri(waba() + "/migrate_flows"),
            FlowsJson.migrate(sourceWabaId, sourceFlowNames),
            false,
            "migrate flows",
            null),
        FlowsJson::readMigration);
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private String waba() {
    if (wabaId == null) {
      throw new IllegalStateException(
          "creating, listing and migrating flows need a WhatsApp Business Account id: set it with"
              + " WhatsAppClient.builder().wabaId(...)");
    }
    return GraphTransport.segment(wabaId);
  }

  private static String flow(String flowId) {
    Objects.requireNonNull(flowId, "flowId");
    if (flowId.isBlank()) {
      throw new IllegalArgumentException("flowId must not be blank");
    }
    return GraphTransport.segment(flowId);
  }

  @Override
  public String toString() {
    return "FlowsApi[wabaId=" + (wabaId == null ? "unset" : wabaId) + "]";
  }
}
