package dev.wasdk.testkit.internal;

import dev.wasdk.message.TemplateCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The message templates the simulator knows, created through the management API or registered by a
 * test, with what a send must supply: the number (and names) of body parameters and whether the
 * header takes one. Thread-safe.
 */
public final class TemplateStore {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
  private static final Set<String> MEDIA_HEADERS = Set.of("IMAGE", "VIDEO", "DOCUMENT", "LOCATION");

  /**
   * One template.
   *
   * @param id the template id
   * @param name the name
   * @param language the language code
   * @param category MARKETING, UTILITY or AUTHENTICATION
   * @param status APPROVED, PAUSED, DISABLED, PENDING, REJECTED, …
   * @param parameterFormat POSITIONAL or NAMED
   * @param components the components as created
   * @param bodyParams how many body parameters a send must supply
   * @param bodyNames the body parameter names, for a named template
   * @param headerParam whether the header takes a parameter
   * @param bodyOnly whether the template has only a body
   * @param createdOrder the creation order, for stable listing
   */
  public record Template(
      String id,
      String name,
      String language,
      String category,
      String status,
      String parameterFormat,
      ArrayNode components,
      int bodyParams,
      Set<String> bodyNames,
      boolean headerParam,
      boolean bodyOnly,
      long createdOrder) {

    /** Returns the category as the message model's enum. */
    public TemplateCategory typedCategory() {
      return TemplateCategory.fromString(category);
    }

    Template withStatus(String newStatus) {
      return new Template(
          id,
          name,
          language,
          category,
          newStatus,
          parameterFormat,
          components,
          bodyParams,
          bodyNames,
          headerParam,
          bodyOnly,
          createdOrder);
    }
  }

  private final Map<String, Template> byId = new ConcurrentHashMap<>();
  private final Map<String, String> idByKey = new ConcurrentHashMap<>();
  private long order;

  private static String key(String name, String language) {
    return name + "\u0000" + language;
  }

  /**
   * Creates a template from the body of {@code POST /{waba-id}/message_templates}.
   *
   * @param request the request body
   * @param status the status the new template gets
   * @return the template
   * @throws GraphErrorException with code 100 when the request is invalid or the name and language
   *     exist
   */
  public synchronized Template create(JsonNode request, String status) {
    if (request == null || !request.isObject()) {
      throw invalid("the body must be a JSON object");
    }
    String name = text(request, "name");
    if (!NAME.matcher(name).matches()) {
      throw invalid("name: must be 1 to 512 lowercase letters, digits or underscores");
    }
    String language = text(request, "language");
    String category = text(request, "category").toUpperCase(Locale.ROOT);
    if (!Set.of("MARKETING", "UTILITY", "AUTHENTICATION").contains(category)) {
      throw invalid("category: must be MARKETING, UTILITY or AUTHENTICATION");
    }
    JsonNode components = request.get("components");
    if (components == null || !components.isArray() || components.isEmpty()) {
      throw invalid("components: must be a non-empty array");
    }
    if (idByKey.containsKey(key(name, language))) {
      throw new GraphErrorException(
          400,
          100,
          2388024,
          "OAuthException",
          "(#100) Invalid parameter",
          "Content in this language already exists: there is already "
              + language
              + " content for this template. Add a new language or edit the existing content.");
    }
    Template t =
        analyse(
            Ids.numeric(),
            name,
            language,
            category,
            status,
            (ArrayNode) components.deepCopy(),
            order++);
    byId.put(t.id(), t);
    idByKey.put(key(name, language), t.id());
    return t;
  }

  /**
   * Replaces a template's components and, optionally, its category ({@code POST /{template-id}}).
   *
   * @return the edited template
   */
  public synchronized Template edit(String id, JsonNode request) {
    Template t = byId.get(id);
    if (t == null) {
      throw GraphErrorException.unknownObject("POST", id);
    }
    if (request == null || !request.isObject()) {
      throw invalid("the body must be a JSON object");
    }
    String category = t.category();
    JsonNode c = request.get("category");
    if (c != null) {
      if (!c.isString()
          || !Set.of("MARKETING", "UTILITY", "AUTHENTICATION")
              .contains(c.stringValue().toUpperCase(Locale.ROOT))) {
        throw invalid("category: must be MARKETING, UTILITY or AUTHENTICATION");
      }
      category = c.stringValue().toUpperCase(Locale.ROOT);
    }
    ArrayNode components = t.components();
    JsonNode comps = request.get("components");
    if (comps != null) {
      if (!comps.isArray() || comps.isEmpty()) {
        throw invalid("components: must be a non-empty array");
      }
      components = (ArrayNode) comps.deepCopy();
    }
    if (c == null && comps == null) {
      throw invalid("give category or components to edit");
    }
    Template edited =
        analyse(t.id(), t.name(), t.language(), category, t.status(), components, t.createdOrder());
    byId.put(id, edited);
    return edited;
  }

  /** Sets a template's status; returns the template, if it exists. */
  public synchronized Optional<Template> setStatus(String name, String language, String status) {
    String id = idByKey.get(key(name, language));
    if (id == null) {
      return Optional.empty();
    }
    Template t = byId.get(id).withStatus(status);
    byId.put(id, t);
    return Optional.of(t);
  }

  /** Returns the template with a name and language. */
  public Optional<Template> find(String name, String language) {
    String id = idByKey.get(key(name, language));
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  /** Returns the template with an id. */
  public Optional<Template> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Returns every template, oldest first. */
  public List<Template> all() {
    List<Template> out = new ArrayList<>(byId.values());
    out.sort(Comparator.comparingLong(Template::createdOrder));
    return out;
  }

  /**
   * Deletes templates by name: every language, or only the one with {@code id} when given.
   *
   * @return how many were deleted
   */
  public synchronized int delete(String name, String id) {
    int n = 0;
    for (Template t : all()) {
      if (t.name().equals(name) && (id == null || t.id().equals(id))) {
        byId.remove(t.id());
        idByKey.remove(key(t.name(), t.language()));
        n++;
      }
    }
    return n;
  }

  /** Writes a template as the management API returns it. */
  public static ObjectNode toJson(Template t) {
    ObjectNode o = JsonIo.MAPPER.createObjectNode();
    o.put("name", t.name());
    o.put("parameter_format", t.parameterFormat());
    o.set("components", t.components().deepCopy());
    o.put("language", t.language());
    o.put("status", t.status());
    o.put("category", t.category());
    o.put("id", t.id());
    return o;
  }

  private static Template analyse(
      String id,
      String name,
      String language,
      String category,
      String status,
      ArrayNode components,
      long order) {
    boolean headerParam = false;
    boolean onlyBody = true;
    boolean sawBody = false;
    Set<String> names = new LinkedHashSet<>();
    int positional = 0;
    for (int i = 0; i < components.size(); i++) {
      JsonNode c = components.get(i);
      if (!c.isObject() || !c.path("type").isString()) {
        throw invalid("components[" + i + "].type: must be a string");
      }
      String type = c.path("type").stringValue().toUpperCase(Locale.ROOT);
      switch (type) {
        case "HEADER":
          onlyBody = false;
          String format = c.path("format").asString("TEXT").toUpperCase(Locale.ROOT);
          if (MEDIA_HEADERS.contains(format)) {
            headerParam = true;
          } else {
            headerParam = PLACEHOLDER.matcher(c.path("text").asString("")).find();
          }
          break;
        case "BODY":
          sawBody = true;
          Matcher m = PLACEHOLDER.matcher(c.path("text").asString(""));
          Set<String> positions = new LinkedHashSet<>();
          while (m.find()) {
            String p = m.group(1);
            if (p.chars().allMatch(Character::isDigit)) {
              positions.add(p);
            } else {
              names.add(p);
            }
          }
          positional = positions.size();
          if (!c.has("text") && "AUTHENTICATION".equals(category)) {
            // Authentication bodies are written by Meta: "{{1}} is your verification code."
            positional = 1;
          }
          break;
        default:
          onlyBody = false;
          break;
      }
    }
    if (!sawBody) {
      throw invalid("components: must include a BODY component");
    }
    if (!names.isEmpty() && positional > 0) {
      throw invalid("components: named and positional parameters cannot be mixed");
    }
    boolean named = !names.isEmpty();
    return new Template(
        id,
        name,
        language,
        category,
        status,
        named ? "NAMED" : "POSITIONAL",
        components,
        named ? names.size() : positional,
        Set.copyOf(names),
        headerParam,
        onlyBody,
        order);
  }

  private static String text(JsonNode request, String field) {
    JsonNode v = request.get(field);
    if (v == null || !v.isString() || v.stringValue().isBlank()) {
      throw invalid(field + ": is required and must be a string");
    }
    return v.stringValue();
  }

  private static GraphErrorException invalid(String details) {
    return GraphErrorException.of(100, details);
  }
}
