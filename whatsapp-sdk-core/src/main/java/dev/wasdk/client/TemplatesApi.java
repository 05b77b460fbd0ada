package dev.wasdk.client;

import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.ManagementJson;
import dev.wasdk.internal.json.TemplateDefinitionJson;
import dev.wasdk.internal.json.TemplateLibraryJson;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.Template;
import dev.wasdk.template.TemplateDefinition;
import dev.wasdk.template.TemplateEdit;
import dev.wasdk.template.TemplateStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Lists, reads, creates, edits, deletes and unpauses message templates of the WhatsApp Business
 * Account ({@code /{waba-id}/message_templates} and {@code /{template-id}}). Get it from {@link
 * WhatsAppClient#templates()}; it needs the client's {@code wabaId}, and says so when it is
 * missing.
 *
 * <pre>{@code
 * TemplateCreated created = wa.templates().create(definition);
 * try (Stream<Template> approved = wa.templates().stream(
 *     TemplateQuery.builder().status(TemplateStatus.APPROVED).build())) {
 *   approved.forEach(t -> System.out.println(t.name() + " " + t.language()));
 * }
 * }</pre>
 *
 * <p><b>Limits.</b> These calls share the per-app and per-WABA hourly budgets (errors 4 and 80007);
 * reads and deletes are retried within the {@link RetryPolicy}; a creation or an edit only when
 * Meta provably did not process it. {@link #lastUsage()} shows how much of the budget is used. At
 * most 100 templates can be created per WABA per hour. A stale or foreign page cursor fails with
 * 131059: list again from the start.
 *
 * <p>Thread-safe; share one instance.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates">Message
 *     templates</a>
 */
public final class TemplatesApi {
  private final ManagementCalls calls;
  private final String wabaId;

  TemplatesApi(ManagementCalls calls, String wabaId) {
    this.calls = calls;
    this.wabaId = wabaId;
  }

  /**
   * Returns the first page of all the account's templates; {@link #stream()} walks every page.
   *
   * @return the first page
   */
  public Page<Template> list() {
    return list(TemplateQuery.all());
  }

  /** The async twin of {@link #list()}. */
  public CompletableFuture<Page<Template>> listAsync() {
    return listAsync(TemplateQuery.all());
  }

  /**
   * Returns every template of the account as a lazy stream that fetches pages as it goes.
   *
   * @return the templates
   */
  public Stream<Template> stream() {
    return stream(TemplateQuery.all());
  }

  /**
   * Returns one page of templates.
   *
   * @param query the filters
   * @return the first page
   */
  public Page<Template> list(TemplateQuery query) {
    return calls.call(listCall(query, Optional.empty()));
  }

  /** The async twin of {@link #list(TemplateQuery)}. */
  public CompletableFuture<Page<Template>> listAsync(TemplateQuery query) {
    return calls.callAsync(listCall(query, Optional.empty()));
  }

  /**
   * Returns the page after a cursor.
   *
   * @param query the filters
   * @param after the {@link Page#after()} cursor of the previous page, or empty for the first
   * @return the page
   */
  public Page<Template> list(TemplateQuery query, Optional<String> after) {
    return calls.call(listCall(query, after));
  }

  /** The async twin of {@link #list(TemplateQuery, Optional)}. */
  public CompletableFuture<Page<Template>> listAsync(TemplateQuery query, Optional<String> after) {
    return calls.callAsync(listCall(query, after));
  }

  private ManagementCalls.Call<Page<Template>> listCall(
      TemplateQuery query, Optional<String> after) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(after, "after");
    return ManagementCalls.json(
        GraphRequest.get(
            calls.uri(waba() + "/message_templates", query.toQuery(after)), "list templates"),
        body ->
            new Page<>(
                ManagementJson.objects(body, "data", TemplateDefinitionJson::read),
                ManagementJson.before(body),
                ManagementJson.after(body)));
  }

  /**
   * Returns every matching template as a lazy stream that fetches pages as it goes.
   *
   * @param query the filters
   * @return the templates
   */
  public Stream<Template> stream(TemplateQuery query) {
    Objects.requireNonNull(query, "query");
    waba();
    return Pages.stream(after -> list(query, after));
  }

  /**
   * Returns every matching template as a lazy iterable; each iteration lists again from the start.
   *
   * @param query the filters
   * @return the templates
   */
  public Iterable<Template> iterable(TemplateQuery query) {
    Objects.requireNonNull(query, "query");
    waba();
    return Pages.iterable(after -> list(query, after));
  }

  /**
   * Returns a template by id, with Meta's default fields.
   *
   * @param templateId the id
   * @return the template
   */
  public Template get(String templateId) {
    return calls.call(getCall(templateId));
  }

  /** The async twin of {@link #get(String)}. */
  public CompletableFuture<Template> getAsync(String templateId) {
    return calls.callAsync(getCall(templateId));
  }

  /**
   * Returns a template by id with the given fields, such as {@code status}, {@code components},
   * {@code quality_score}.
   *
   * @param templateId the id
   * @param fields the field names
   * @return the template; fields not asked for are empty
   */
  public Template get(String templateId, String... fields) {
    return calls.call(getCall(templateId, fields));
  }

  /** The async twin of {@link #get(String, String...)}. */
  public CompletableFuture<Template> getAsync(String templateId, String... fields) {
    return calls.callAsync(getCall(templateId, fields));
  }

  private ManagementCalls.Call<Template> getCall(String templateId, String... fields) {
    Map<String, String> q = new LinkedHashMap<>();
    if (fields.length > 0) {
      q.put("fields", String.join(",", fields));
    }
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(GraphTransport.segment(templateId), q), "get template"),
        TemplateDefinitionJson::read);
  }

  /**
   * Creates a template and submits it for review. Not retried after a timeout: a creation may have
   * happened; look the name up before creating it again.
   *
   * @param definition the checked definition
   * @return the new id, status and category
   */
  public TemplateCreated create(TemplateDefinition definition) {
    return calls.call(createCall(definition));
  }

  /** The async twin of {@link #create(TemplateDefinition)}; retried the same way. */
  public CompletableFuture<TemplateCreated> createAsync(TemplateDefinition definition) {
    return calls.callAsync(createCall(definition));
  }

  private ManagementCalls.Call<TemplateCreated> createCall(TemplateDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    return ManagementCalls.json(
        GraphRequest.json(
            "POST",
            calls.uri(waba() + "/message_templates"),
            ManagementJson.bytes(TemplateDefinitionJson.write(definition)),
            false,
            "create template",
            null),
        TemplatesApi::readCreated);
  }

  private static TemplateCreated readCreated(JsonNode body) {
    String id =
        ManagementJson.text(body, "id")
            .orElseThrow(
                () ->
                    new RequestMaybeSentException(
                        "create template was probably done, but the answer carried no id",
                        TransportFailure.UNREADABLE_RESPONSE,
                        null));
    return new TemplateCreated(
        id,
        TemplateStatus.of(ManagementJson.text(body, "status").orElse(null)),
        TemplateCategory.fromString(ManagementJson.text(body, "category").orElse(null)));
  }

  /**
   * Edits a template: a new category, components or send time-to-live. Meta allows few edits of an
   * approved template (one in 24 hours, ten in 30 days), so an edit is retried only when it
   * provably did not reach Meta, never after a timeout or a 5xx.
   *
   * @param templateId the id
   * @param edit the change
   */
  public void edit(String templateId, TemplateEdit edit) {
    calls.call(editCall(templateId, edit));
  }

  /** The async twin of {@link #edit(String, TemplateEdit)}; retried the same way. */
  public CompletableFuture<Void> editAsync(String templateId, TemplateEdit edit) {
    return calls.callAsync(editCall(templateId, edit));
  }

  private ManagementCalls.Call<Void> editCall(String templateId, TemplateEdit edit) {
    Objects.requireNonNull(edit, "edit");
    return ManagementCalls.success(
        GraphRequest.json(
            "POST",
            calls.uri(GraphTransport.segment(templateId)),
            ManagementJson.bytes(TemplateDefinitionJson.write(edit)),
            false,
            "edit template",
            null));
  }

  /**
   * Edits a template by sending a whole definition (name, language, category and components), as
   * Meta's reference example does; the name and language must match the template's. Retried like
   * {@link #edit(String, TemplateEdit)}: only when it provably did not reach Meta.
   *
   * @param templateId the id
   * @param definition the definition
   */
  public void edit(String templateId, TemplateDefinition definition) {
    calls.call(editCall(templateId, definition));
  }

  /** The async twin of {@link #edit(String, TemplateDefinition)}; retried the same way. */
  public CompletableFuture<Void> editAsync(String templateId, TemplateDefinition definition) {
    return calls.callAsync(editCall(templateId, definition));
  }

  private ManagementCalls.Call<Void> editCall(String templateId, TemplateDefinition definition) {
    Objects.requireNonNull(definition, "definition");
    return ManagementCalls.success(
        GraphRequest.json(
            "POST",
            calls.uri(GraphTransport.segment(templateId)),
            ManagementJson.bytes(TemplateDefinitionJson.write(definition)),
            false,
            "edit template",
            null));
  }

  /**
   * Deletes every language of a template. An approved template's name cannot be reused for 30 days.
   *
   * @param name the template name
   */
  public void deleteByName(String name) {
    calls.call(deleteByNameCall(name));
  }

  /** The async twin of {@link #deleteByName(String)}. */
  public CompletableFuture<Void> deleteByNameAsync(String name) {
    return calls.callAsync(deleteByNameCall(name));
  }

  private ManagementCalls.Call<Void> deleteByNameCall(String name) {
    Objects.requireNonNull(name, "name");
    return ManagementCalls.success(
        GraphRequest.delete(
            calls.uri(waba() + "/message_templates", Map.of("name", name)), "delete template"));
  }

  /**
   * Deletes one language of a template, by its id and name.
   *
   * @param templateId the id ({@code hsm_id})
   * @param name the template name
   */
  public void delete(String templateId, String name) {
    calls.call(deleteCall(templateId, name));
  }

  /** The async twin of {@link #delete(String, String)}. */
  public CompletableFuture<Void> deleteAsync(String templateId, String name) {
    return calls.callAsync(deleteCall(templateId, name));
  }

  private ManagementCalls.Call<Void> deleteCall(String templateId, String name) {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(name, "name");
    Map<String, String> q = new LinkedHashMap<>();
    q.put("hsm_id", templateId);
    q.put("name", name);
    return ManagementCalls.success(
        GraphRequest.delete(calls.uri(waba() + "/message_templates", q), "delete template"));
  }

  /**
   * Unpauses a template that was paused for low quality ({@code POST /{template-id}/unpause}).
   *
   * @param templateId the id
   */
  public void unpause(String templateId) {
    calls.call(unpauseCall(templateId));
  }

  /** The async twin of {@link #unpause(String)}. */
  public CompletableFuture<Void> unpauseAsync(String templateId) {
    return calls.callAsync(unpauseCall(templateId));
  }

  private ManagementCalls.Call<Void> unpauseCall(String templateId) {
    return ManagementCalls.success(
        GraphRequest.json(
            "POST",
            calls.uri(GraphTransport.segment(templateId) + "/unpause"),
            new byte[] {'{', '}'},
            true,
            "unpause template",
            null));
  }

  /**
   * Returns one page of Meta's template library, the ready-made templates a business can create
   * without review of their text. Needs no WABA id.
   *
   * @param query the filters, or {@link LibraryQuery#all()}
   * @param after the cursor of the previous page, or empty
   * @return the page
   */
  public Page<LibraryTemplate> library(LibraryQuery query, Optional<String> after) {
    return calls.call(libraryCall(query, after));
  }

  /** The async twin of {@link #library(LibraryQuery, Optional)}. */
  public CompletableFuture<Page<LibraryTemplate>> libraryAsync(
      LibraryQuery query, Optional<String> after) {
    return calls.callAsync(libraryCall(query, after));
  }

  private ManagementCalls.Call<Page<LibraryTemplate>> libraryCall(
      LibraryQuery query, Optional<String> after) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(after, "after");
    Map<String, String> q = query.params();
    after.ifPresent(a -> q.put("after", a));
    return ManagementCalls.json(
        GraphRequest.get(calls.uri("message_template_library", q), "browse template library"),
        body ->
            new Page<>(
                ManagementJson.objects(body, "data", TemplateLibraryJson::readTemplate),
                ManagementJson.before(body),
                ManagementJson.after(body)));
  }

  /**
   * Creates a template from a library template. Not retried once it may have reached Meta.
   *
   * @param template the new template's name, language, category and library inputs
   * @return the new id, status (library templates are often approved at once) and category
   */
  public TemplateCreated createFromLibrary(LibraryTemplateCreate template) {
    return calls.call(createFromLibraryCall(template));
  }

  /** The async twin of {@link #createFromLibrary(LibraryTemplateCreate)}. */
  public CompletableFuture<TemplateCreated> createFromLibraryAsync(LibraryTemplateCreate template) {
    return calls.callAsync(createFromLibraryCall(template));
  }

  private ManagementCalls.Call<TemplateCreated> createFromLibraryCall(
      LibraryTemplateCreate template) {
    Objects.requireNonNull(template, "template");
    return ManagementCalls.json(
        GraphRequest.json(
            "POST",
            calls.uri(waba() + "/message_templates"),
            TemplateLibraryJson.create(template),
            false,
            "create template from library",
            null),
        TemplatesApi::readCreated);
  }

  /**
   * Copies one batch of up to 500 approved templates from another WABA of the same business
   * portfolio into this client's WABA. Not retried once it may have reached Meta.
   *
   * @param sourceWabaId the WABA to copy from
   * @param pageNumber the batch, from 0
   * @return the templates migrated and those that failed, with reasons
   */
  public TemplateMigration migrateFrom(String sourceWabaId, int pageNumber) {
    return calls.call(migrateCall(sourceWabaId, pageNumber));
  }

  /** The async twin of {@link #migrateFrom(String, int)}. */
  public CompletableFuture<TemplateMigration> migrateFromAsync(
      String sourceWabaId, int pageNumber) {
    return calls.callAsync(migrateCall(sourceWabaId, pageNumber));
  }

  private ManagementCalls.Call<TemplateMigration> migrateCall(String sourceWabaId, int pageNumber) {
    Objects.requireNonNull(sourceWabaId, "sourceWabaId");
    if (!sourceWabaId.matches("[0-9]{1,30}")) {
      throw new IllegalArgumentException("sourceWabaId must be a WABA id, digits only");
    }
    if (pageNumber < 0) {
      throw new IllegalArgumentException("pageNumber must be 0 or more, was " + pageNumber);
    }
    return ManagementCalls.json(
        GraphRequest.json(
            "POST",
            calls.uri(waba() + "/migrate_message_templates"),
            TemplateLibraryJson.migrate(sourceWabaId, pageNumber),
            false,
            "migrate templates",
            null),
        TemplateLibraryJson::readMigration);
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private String waba() {
    if (wabaId == null) {
      throw new IllegalStateException(
          "the templates API needs a WhatsApp Business Account id: set it with"
              + " WhatsAppClient.builder().wabaId(...)");
    }
    return GraphTransport.segment(wabaId);
  }
}
