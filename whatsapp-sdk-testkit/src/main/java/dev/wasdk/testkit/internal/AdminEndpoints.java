package dev.wasdk.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account-administration endpoints of the simulator: the two-step verification PIN and the
 * display name ({@code POST /{phone}}), conversational automation, and resumable upload sessions
 * ({@code POST /{app}/uploads}, {@code POST|GET /upload:<id>}), with Meta's error code 100 for
 * invalid input. An upload can be made to break part-way, to exercise resuming. Thread-safe; each
 * session is guarded by its own lock.
 */
public final class AdminEndpoints {
  private static final Pattern PIN = Pattern.compile("[0-9]{6}");
  private static final Set<String> FILE_TYPES =
      Set.of("application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4");

  /** One upload session. */
  static final class Session {
    final long length;
    final String type;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();

    Session(long length, String type) {
      this.length = length;
      this.type = type;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> automation = new ConcurrentHashMap<>();
  private final Map<String, String> displayNames = new ConcurrentHashMap<>();
  private final Map<String, String> pins = new ConcurrentHashMap<>();
  private volatile long breakAfter = -1;

  AdminEndpoints() {}

  /** Returns whether an id names an upload session. */
  static boolean isSession(String id) {
    return id.startsWith("upload:");
  }

  SimResponse phonePost(Simulator.Phone phone, SimRequest req) {
    JsonNode body = JsonIo.parseOrNull(req.body());
    if (body == null || !body.isObject()) {
      throw GraphErrorException.of(100, "the body must be a JSON object");
    }
    if (body.has("pin")) {
      String pin = body.path("pin").asString("");
      if (!PIN.matcher(pin).matches()) {
        throw GraphErrorException.of(100, "pin: must be 6 digits");
      }
      pins.put(phone.id, pin);
      return SimResponse.success();
    }
    if (body.has("new_display_name")) {
      String name = body.path("new_display_name").asString("");
      if (name.length() < 2 || name.length() > 75) {
        throw GraphErrorException.of(100, "new_display_name: 2 to 75 characters");
      }
      displayNames.put(phone.id, name);
      return SimResponse.success();
    }
    throw GraphErrorException.of(100, "name pin or new_display_name");
  }

  SimResponse conversationalAutomation(Simulator.Phone phone, String method, SimRequest req) {
    if (method.equals("GET")) {
      ObjectNode o = JsonIo.MAPPER.createObjectNode();
      ObjectNode a = automation.get(phone.id);
      o.set("conversational_automation", a == null ? JsonIo.MAPPER.createObjectNode() : a);
      o.put("id", phone.id);
      return SimResponse.json(JsonIo.bytes(o));
    }
    Simulator.requireMethod(method, phone.id, "POST");
    JsonNode body = JsonIo.parseOrNull(req.body());
    if (body == null || !body.isObject()) {
      throw GraphErrorException.of(100, "the body must be a JSON object");
    }
    if (body.path("prompts").size() > 4) {
      throw GraphErrorException.of(100, "prompts: at most 4 ice breakers");
    }
    if (body.path("commands").size() > 30) {
      throw GraphErrorException.of(100, "commands: at most 30");
    }
    automation.put(phone.id, (ObjectNode) body.deepCopy());
    return SimResponse.success();
  }

  SimResponse displayName(Simulator.Phone phone) {
    ObjectNode o = JsonIo.MAPPER.createObjectNode();
    o.put("verified_name", phone.verifiedName);
    o.put("name_status", "APPROVED");
    String requested = displayNames.get(phone.id);
    if (requested != null) {
      o.put("new_display_name", requested);
      o.put("new_name_status", "PENDING_REVIEW");
    }
    o.put("id", phone.id);
    return SimResponse.json(JsonIo.bytes(o));
  }

  /** Returns the display name requested for a number, if any. */
  public Optional<String> requestedDisplayName(String phoneId) {
    return Optional.ofNullable(displayNames.get(phoneId));
  }

  /** Returns whether a two-step PIN was set on a number. */
  public boolean hasTwoStepPin(String phoneId) {
    return pins.containsKey(phoneId);
  }

  /** Makes the next upload stop after this many bytes and fail with a 500; -1 removes it. */
  public void breakNextUploadAfter(long bytes) {
    breakAfter = bytes;
  }

  SimResponse openSession(SimRequest req) {
    String name = req.query("file_name").orElse("");
    long length;
    try {
      length = Long.parseLong(req.query("file_length").orElse(""));
    } catch (NumberFormatException e) {
      throw GraphErrorException.of(100, "file_length: a number of bytes is required");
    }
    String type = req.query("file_type").orElse("");
    if (name.isBlank() || length < 1 || !FILE_TYPES.contains(type)) {
      throw GraphErrorException.of(100, "file_name, file_length and a supported file_type");
    }
    byte[] b = new byte[12];
    ThreadLocalRandom.current().nextBytes(b);
    String id = "upload:" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    sessions.put(id, new Session(length, type));
    return SimResponse.json(JsonIo.bytes(JsonIo.MAPPER.createObjectNode().put("id", id)));
  }

  SimResponse session(String method, String id, SimRequest req) {
    Session s = sessions.get(id);
    if (s == null) {
      throw GraphErrorException.unknownObject(method, id);
    }
    Simulator.requireMethod(method, id, "GET", "POST");
    if (method.equals("GET")) {
      synchronized (s) {
        return SimResponse.json(
            JsonIo.bytes(
                JsonIo.MAPPER
                    .createObjectNode()
                    .put("id", id)
                    .put("file_offset", s.received.size())));
      }
    }
    long offset;
    try {
      offset = Long.parseLong(req.header("file_offset").orElse(""));
    } catch (NumberFormatException e) {
      throw GraphErrorException.of(100, "file_offset: the header is required");
    }
    byte[] data = req.body();
    long cut = breakAfter;
    synchronized (s) {
      if (offset != s.received.size()) {
        throw GraphErrorException.of(
            100, "file_offset: expected " + s.received.size() + ", got " + offset);
      }
      if (cut >= 0 && cut < data.length) {
        breakAfter = -1;
        s.received.write(data, 0, (int) cut);
        throw GraphErrorException.of(500, 1, "the upload was interrupted");
      }
      s.received.write(data, 0, data.length);
      if (s.received.size() > s.length) {
        throw GraphErrorException.of(100, "more bytes than file_length");
      }
      if (s.received.size() < s.length) {
        return SimResponse.json(
            JsonIo.bytes(JsonIo.MAPPER.createObjectNode().put("file_offset", s.received.size())));
      }
    }
    String handle =
        "4::"
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (s.type + ":" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return SimResponse.json(JsonIo.bytes(JsonIo.MAPPER.createObjectNode().put("h", handle)));
  }
}
