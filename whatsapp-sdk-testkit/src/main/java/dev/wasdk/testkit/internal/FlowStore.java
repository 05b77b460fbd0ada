package dev.wasdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The Flows the simulated WABA holds, with their life cycle (DRAFT, PUBLISHED, DEPRECATED, and the
 * THROTTLED and BLOCKED states a test sets), their Flow JSON, and the business public key of each
 * phone number. Thread-safe: each Flow is changed under its own lock, and nothing slow happens
 * under it.
 */
public final class FlowStore {
  /** One Flow. */
  static final class Flow {
    final String id;
    String name;
    List<String> categories;
    String endpointUri;
    String applicationId;
    String status = "DRAFT";
    String flowJson;
    String previewToken;
    Instant previewExpiresAt;
    final Deque<Instant> sends = FlowSendGate.newLog();

    Flow(String id) {
      this.id = id;
    }
  }

  private final Map<String, Flow> flows = new ConcurrentHashMap<>();
  private final Map<String, String> publicKeys = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(4_210_000_000_000_000L);
  private final Map<String, Map<String, Flow>> otherWabas = new ConcurrentHashMap<>();
  private final FlowEndpointMetrics metrics = new FlowEndpointMetrics();

  /** Returns the data-endpoint calls recorded per Flow, and the metrics made from them. */
  public FlowEndpointMetrics metrics() {
    return metrics;
  }

  /**
   * Forgets the recorded endpoint calls and the Flow messages counted toward the throttled hour;
   * the Flows, their statuses and the public keys stay.
   */
  void resetRecords() {
    metrics.clear();
    for (Flow f : flows.values()) {
      synchronized (f) {
        f.sends.clear();
      }
    }
  }

  Flow byId(String id) {
    return flows.get(id);
  }

  Flow byName(String name) {
    for (Flow f : flows.values()) {
      synchronized (f) {
        if (name.equals(f.name)) {
          return f;
        }
      }
    }
    return null;
  }

  /**
   * Puts a Flow into another WABA of the same business, as a source for {@code migrate_flows}.
   *
   * @return the Flow's id there
   */
  public String addToOtherWaba(
      String wabaId, String name, List<String> categories, String status, String flowJson) {
    Flow f = new Flow(Long.toString(ids.incrementAndGet()));
    f.name = name;
    f.categories = new ArrayList<>(categories);
    f.status = status;
    f.flowJson = flowJson;
    Map<String, Flow> waba = otherWabas.computeIfAbsent(wabaId, k -> new ConcurrentHashMap<>());
    if (waba.putIfAbsent(name, f) != null) {
      throw new IllegalArgumentException("WABA " + wabaId + " already has a flow named " + name);
    }
    return f.id;
  }

  /** Checks a message about to be sent against its Flow's health (132068, 132069). */
  void admitSend(dev.wasdk.message.Message message, Instant now) {
    FlowSendGate.admit(this, message, now);
  }

  /** Returns whether an id names a Flow. */
  public boolean has(String id) {
    return flows.containsKey(id);
  }

  /** Returns a Flow's status, if it exists. */
  public Optional<String> status(String id) {
    Flow f = flows.get(id);
    if (f == null) {
      return Optional.empty();
    }
    synchronized (f) {
      return Optional.of(f.status);
    }
  }

  /** Sets a Flow's status, as Meta's health checks would. */
  public void setStatus(String id, String status) {
    Flow f = flows.get(id);
    if (f == null) {
      throw new IllegalArgumentException("no flow " + id);
    }
    synchronized (f) {
      f.status = status;
    }
  }

  /** Returns a Flow's uploaded JSON, if any. */
  public Optional<String> flowJson(String id) {
    Flow f = flows.get(id);
    if (f == null) {
      return Optional.empty();
    }
    synchronized (f) {
      return Optional.ofNullable(f.flowJson);
    }
  }

  /** Returns a phone number's business public key, if uploaded. */
  public Optional<String> publicKey(String phoneNumberId) {
    return Optional.ofNullable(publicKeys.get(phoneNumberId));
  }

  /** {@code /{waba}/flows}: create (POST) or list (GET). */
  SimResponse waba(String method, SimRequest req) {
    Simulator.requireMethod(method, "flows", "GET", "POST");
    if (method.equals("GET")) {
      List<Flow> all = new ArrayList<>(flows.values());
      all.sort((a, b) -> a.id.compareTo(b.id));
      return SimResponse.json(
          JsonIo.write(
              g -> {
                g.writeStartObject();
                g.writeArrayPropertyStart("data");
                for (Flow f : all) {
                  synchronized (f) {
                    FlowAnswers.writeFlow(g, f, req.query("fields").orElse(""), null);
                  }
                }
                g.writeEndArray();
                g.writeEndObject();
              }));
    }
    JsonNode body = JsonIo.parseOrNull(req.body());
    String name = body == null ? "" : body.path("name").asString("");
    if (name.isBlank()
        || body == null
        || !body.path("categories").isArray()
        || body.path("categories").isEmpty()) {
      throw GraphErrorException.of(100, "A flow needs a name and at least one category.");
    }
    for (Flow f : flows.values()) {
      synchronized (f) {
        if (name.equals(f.name)) {
          throw GraphErrorException.of(100, "Flow name is not unique in this WABA.");
        }
      }
    }
    Flow f = new Flow(Long.toString(ids.incrementAndGet()));
    f.name = name;
    f.categories = new ArrayList<>();
    body.path("categories").forEach(c -> f.categories.add(c.asString()));
    f.endpointUri = body.path("endpoint_uri").asString(null);
    String clone = body.path("clone_flow_id").asString(null);
    if (clone != null) {
      f.flowJson = flowJson(clone).orElse(null);
    }
    if (body.path("flow_json").isString()) {
      f.flowJson = body.path("flow_json").asString();
    }
    if (body.path("publish").asBoolean(false)) {
      if (f.flowJson == null) {
        throw flowError(139002, "Publishing needs the Flow JSON.");
      }
      f.status = "PUBLISHED";
    }
    flows.put(f.id, f);
    return SimResponse.json(
        JsonIo.write(
            g -> {
              g.writeStartObject();
              g.writeStringProperty("id", f.id);
              if (body.has("flow_json")) {
                g.writeBooleanProperty("success", true);
                g.writeArrayPropertyStart("validation_errors");
                g.writeEndArray();
              }
              g.writeEndObject();
            }));
  }

  /** {@code /{flow-id}}: read (GET), update metadata (POST), delete a draft (DELETE). */
  SimResponse object(String method, String id, SimRequest req, Instant now) {
    Flow f = flows.get(id);
    Simulator.requireMethod(method, id, "GET", "POST", "DELETE");
    switch (method) {
      case "GET":
        {
          String fields = req.query("fields").orElse("");
          if (FlowEndpointMetrics.asksForMetric(fields)) {
            return SimResponse.json(metrics.answer(id, fields));
          }
          synchronized (f) {
            return SimResponse.json(JsonIo.write(g -> FlowAnswers.writeFlow(g, f, fields, now)));
          }
        }
      case "POST":
        {
          JsonNode body = JsonIo.parseOrNull(req.body());
          if (body == null) {
            throw GraphErrorException.of(100, "The body must be a JSON object.");
          }
          synchronized (f) {
            if (body.has("name")) {
              f.name = body.path("name").asString();
            }
            if (body.path("categories").isArray()) {
              f.categories = new ArrayList<>();
              body.path("categories").forEach(c -> f.categories.add(c.asString()));
            }
            if (body.has("endpoint_uri")) {
              f.endpointUri = body.path("endpoint_uri").asString();
            }
            if (body.has("application_id")) {
              f.applicationId = body.path("application_id").asString();
            }
          }
          return SimResponse.success();
        }
      default:
        synchronized (f) {
          if (!f.status.equals("DRAFT")) {
            throw flowError(139004, "Only draft flows can be deleted.");
          }
        }
        flows.remove(id);
        return SimResponse.success();
    }
  }

  /** {@code /{flow-id}/assets}, {@code /publish} and {@code /deprecate}. */
  SimResponse edge(String method, String id, String edge, SimRequest req) {
    Flow f = flows.get(id);
    Simulator.requireMethod(method, id, "POST");
    switch (edge) {
      case "assets":
        {
          String json = null;
          for (SimRequest.Part p : req.parts()) {
            if (p.name().equals("file")) {
              json = new String(p.body(), StandardCharsets.UTF_8);
            }
          }
          if (json == null || JsonIo.parseOrNull(json.getBytes(StandardCharsets.UTF_8)) == null) {
            throw GraphErrorException.of(100, "The file part must hold the Flow JSON.");
          }
          synchronized (f) {
            if (!f.status.equals("DRAFT")) {
              throw flowError(139001, "A published flow cannot be changed.");
            }
            f.flowJson = json;
          }
          return SimResponse.json(
              JsonIo.write(
                  g -> {
                    g.writeStartObject();
                    g.writeBooleanProperty("success", true);
                    g.writeArrayPropertyStart("validation_errors");
                    g.writeEndArray();
                    g.writeEndObject();
                  }));
        }
      case "publish":
        synchronized (f) {
          if (!f.status.equals("DRAFT") || f.flowJson == null) {
            throw flowError(
                139002,
                f.flowJson == null ? "Upload the Flow JSON first." : "The flow is not a draft.");
          }
          f.status = "PUBLISHED";
        }
        return SimResponse.success();
      case "deprecate":
        synchronized (f) {
          if (!f.status.equals("PUBLISHED")
              && !f.status.equals("THROTTLED")
              && !f.status.equals("BLOCKED")) {
            throw flowError(139003, "Only published flows can be deprecated.");
          }
          f.status = "DEPRECATED";
        }
        return SimResponse.success();
      default:
        throw new GraphErrorException(
            400, 100, null, "OAuthException", "Unknown path components: /" + edge, null);
    }
  }

  /** {@code POST /{waba}/migrate_flows}: copies Flows of another WABA under the same names. */
  SimResponse migrate(String method, SimRequest req) {
    Simulator.requireMethod(method, "migrate_flows", "POST");
    return FlowAnswers.migrate(this, otherWabas, req);
  }

  /** Adds a migrated copy; false when the name is taken. */
  boolean addCopy(Flow source, String[] newId) {
    synchronized (this) {
      if (byName(source.name) != null) {
        return false;
      }
      Flow f = new Flow(Long.toString(ids.incrementAndGet()));
      synchronized (source) {
        f.name = source.name;
        f.categories = new ArrayList<>(source.categories);
        f.status = source.status;
        f.flowJson = source.flowJson;
        f.endpointUri = source.endpointUri;
      }
      flows.put(f.id, f);
      newId[0] = f.id;
      return true;
    }
  }

  /** {@code /{phone}/whatsapp_business_encryption}: upload (POST) or read (GET). */
  SimResponse encryption(String phoneNumberId, String method, SimRequest req) {
    Simulator.requireMethod(method, phoneNumberId, "GET", "POST");
    if (method.equals("POST")) {
      String form = new String(req.body(), StandardCharsets.UTF_8);
      String key = null;
      for (String pair : form.split("&")) {
        if (pair.startsWith("business_public_key=")) {
          key =
              java.net.URLDecoder.decode(
                  pair.substring("business_public_key=".length()), StandardCharsets.UTF_8);
        }
      }
      if (key == null) {
        JsonNode body = JsonIo.parseOrNull(req.body());
        key = body == null ? null : body.path("business_public_key").asString(null);
      }
      if (key == null || !key.contains("BEGIN PUBLIC KEY")) {
        throw GraphErrorException.of(100, "business_public_key must be a PEM public key.");
      }
      publicKeys.put(phoneNumberId, key);
      return SimResponse.success();
    }
    String key = publicKeys.get(phoneNumberId);
    return SimResponse.json(
        JsonIo.write(
            g -> {
              g.writeStartObject();
              g.writeArrayPropertyStart("data");
              if (key != null) {
                g.writeStartObject();
                g.writeStringProperty("business_public_key", key);
                g.writeStringProperty("business_public_key_signature_status", "VALID");
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeEndObject();
            }));
  }

  static String versionOf(String flowJson) {
    if (flowJson == null) {
      return "";
    }
    JsonNode n = JsonIo.parseOrNull(flowJson.getBytes(StandardCharsets.UTF_8));
    return n == null ? "" : n.path("version").asString("");
  }

  private static GraphErrorException flowError(int code, String details) {
    return new GraphErrorException(
        400, code, null, "OAuthException", "(#" + code + ") " + details, details);
  }
}
