package dev.wasdk.testkit.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * How the simulator writes a Flow for {@code GET /{flow-id}} (with its {@code health_status} and
 * {@code preview}) and answers {@code migrate_flows}. Called with the Flow's lock held by the
 * caller where it reads one Flow; writes only JSON, nothing slow.
 */
final class FlowAnswers {
  /** How long a preview link lasts. */
  static final Duration PREVIEW_LIFETIME = Duration.ofDays(30);

  private static final Pattern INVALIDATE =
      Pattern.compile("preview\\.invalidate\\((true|false)\\)");
  private static final DateTimeFormatter META_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private FlowAnswers() {}

  /**
   * Writes a Flow. With no {@code fields}, every field; otherwise {@code health_status} and {@code
   * preview} only when asked, and a {@code preview.invalidate(..)} request answers with just the id
   * and the preview, as Meta does.
   *
   * @param now the simulator's time, or null where no preview can be made (lists)
   */
  static void writeFlow(JsonGenerator g, FlowStore.Flow f, String fields, Instant now) {
    Matcher invalidate = INVALIDATE.matcher(fields);
    boolean previewOnly = invalidate.find() && !fields.contains("status");
    boolean all = fields.isBlank();
    g.writeStartObject();
    g.writeStringProperty("id", f.id);
    if (!previewOnly) {
      g.writeStringProperty("name", f.name);
      g.writeStringProperty("status", f.status);
      g.writeArrayPropertyStart("categories");
      for (String c : f.categories) {
        g.writeString(c);
      }
      g.writeEndArray();
      g.writeArrayPropertyStart("validation_errors");
      g.writeEndArray();
      g.writeStringProperty("json_version", FlowStore.versionOf(f.flowJson));
      if (f.endpointUri != null) {
        g.writeStringProperty("endpoint_uri", f.endpointUri);
      }
      if (f.applicationId != null) {
        g.writeObjectPropertyStart("application");
        g.writeStringProperty("id", f.applicationId);
        g.writeEndObject();
      }
      if (all || fields.contains("health_status")) {
        writeHealth(g, f);
      }
    }
    if (now != null && (all || fields.contains("preview"))) {
      boolean rotate = previewOnly && Boolean.parseBoolean(invalidate.group(1));
      if (rotate || f.previewToken == null || !now.isBefore(f.previewExpiresAt)) {
        byte[] token = new byte[12];
        RANDOM.nextBytes(token);
        f.previewToken = HexFormat.of().formatHex(token);
        f.previewExpiresAt = now.plus(PREVIEW_LIFETIME);
      }
      g.writeObjectPropertyStart("preview");
      g.writeStringProperty(
          "preview_url",
          "https://business.facebook.com/wa/manage/flows/"
              + f.id
              + "/preview/?token="
              + f.previewToken);
      g.writeStringProperty("expires_at", META_TIME.format(f.previewExpiresAt));
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /**
   * The Flow's {@code health_status}: the Flow entity follows its status (THROTTLED is LIMITED,
   * BLOCKED is BLOCKED, anything else AVAILABLE), the simulated WABA is available, and the overall
   * value is the worst of them.
   */
  private static void writeHealth(JsonGenerator g, FlowStore.Flow f) {
    String flow =
        switch (f.status) {
          case "BLOCKED" -> "BLOCKED";
          case "THROTTLED" -> "LIMITED";
          default -> "AVAILABLE";
        };
    g.writeObjectPropertyStart("health_status");
    g.writeStringProperty("can_send_message", flow);
    g.writeArrayPropertyStart("entities");
    g.writeStartObject();
    g.writeStringProperty("entity_type", "FLOW");
    g.writeStringProperty("id", f.id);
    g.writeStringProperty("can_send_message", flow);
    g.writeEndObject();
    if (f.applicationId != null) {
      g.writeStartObject();
      g.writeStringProperty("entity_type", "APP");
      g.writeStringProperty("id", f.applicationId);
      g.writeStringProperty("can_send_message", "AVAILABLE");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * Answers {@code migrate_flows}. The body is JSON or a form; {@code source_flow_names} is a JSON
   * array, or a JSON-array string as in Meta's reference. A name missing from the source fails with
   * 4233041 as Meta documents; a name already used here fails with 100, the code Meta gives a name
   * that is not unique.
   */
  static SimResponse migrate(
      FlowStore store, Map<String, Map<String, FlowStore.Flow>> others, SimRequest req) {
    JsonNode body = JsonIo.parseOrNull(req.body());
    String source = null;
    List<String> names = new ArrayList<>();
    if (body != null && body.isObject()) {
      source = body.path("source_waba_id").asString(null);
      JsonNode n = body.path("source_flow_names");
      if (n.isString()) {
        n = JsonIo.parseOrNull(n.asString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      if (n != null && n.isArray()) {
        n.forEach(x -> names.add(x.asString()));
      }
    }
    if (source == null || source.isBlank()) {
      throw GraphErrorException.of(100, "The parameter source_waba_id is required.");
    }
    Map<String, FlowStore.Flow> from = others.get(source);
    if (from == null) {
      throw GraphErrorException.of(
          100, "source_waba_id " + source + " is not a WABA of the same business.");
    }
    if (names.size() > 100) {
      throw GraphErrorException.of(100, "At most 100 flows can be migrated per request.");
    }
    List<String> wanted = names.isEmpty() ? new ArrayList<>(from.keySet()) : names;
    wanted.sort(null);
    List<String[]> migrated = new ArrayList<>();
    List<String[]> failed = new ArrayList<>();
    for (String name : wanted) {
      FlowStore.Flow f = from.get(name);
      if (f == null) {
        failed.add(
            new String[] {
              name, "4233041", "Flows Migration Error: Flow name not found in source WABA."
            });
        continue;
      }
      String[] id = new String[1];
      if (store.addCopy(f, id)) {
        migrated.add(new String[] {name, f.id, id[0]});
      } else {
        failed.add(
            new String[] {
              name, "100", "Flows Migration Error: Flow name is not unique in the destination WABA."
            });
      }
    }
    return SimResponse.json(
        JsonIo.write(
            g -> {
              g.writeStartObject();
              g.writeArrayPropertyStart("migrated_flows");
              for (String[] m : migrated) {
                g.writeStartObject();
                g.writeStringProperty("source_name", m[0]);
                g.writeStringProperty("source_id", m[1]);
                g.writeStringProperty("migrated_id", m[2]);
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeArrayPropertyStart("failed_flows");
              for (String[] m : failed) {
                g.writeStartObject();
                g.writeStringProperty("source_name", m[0]);
                g.writeStringProperty("error_code", m[1]);
                g.writeStringProperty("error_message", m[2]);
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeEndObject();
            }));
  }
}
