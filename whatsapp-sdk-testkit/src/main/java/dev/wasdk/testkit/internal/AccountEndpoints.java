package dev.wasdk.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The account endpoints the simulator answered with "nonexisting field" before: registration and
 * verification of a phone number ({@code register}, {@code deregister}, {@code request_code},
 * {@code verify_code}), QR codes ({@code message_qrdls}, with {@code /{code}}), the WABA's webhook
 * subscriptions ({@code subscribed_apps}), analytics ({@code GET /{waba}?fields=analytics…}, {@code
 * pricing_analytics…}, {@code template_analytics…}) and template {@code unpause}. Invalid input
 * gets Meta's error 100. Analytics answer the documented shape with no data points: the simulator
 * keeps no history to count. Thread-safe: the state lives in concurrent maps.
 */
public final class AccountEndpoints {
  private static final Pattern VERSION = Pattern.compile("v[0-9]+\\.[0-9]+");
  private static final Pattern PIN = Pattern.compile("[0-9]{6}");
  private static final Pattern GRANULARITY = Pattern.compile("\\.granularity\\(([A-Z_]+)\\)");
  private static final String APP_ID = "1234567890";

  private final Simulator sim;
  private final Map<String, Boolean> registered = new ConcurrentHashMap<>();
  private final Map<String, Boolean> codeRequested = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> qrCodes = new ConcurrentHashMap<>();
  private final AtomicLong qrSeq = new AtomicLong();
  private volatile ObjectNode subscription;

  AccountEndpoints(Simulator sim) {
    this.sim = sim;
  }

  /**
   * Answers a request these endpoints own, or returns null for the simulator's other routes.
   *
   * @param seg the path segments: version, id, and up to two more
   */
  SimResponse route(String[] seg, String method, SimRequest req, Instant now) {
    if (seg.length < 2 || seg.length > 4 || !VERSION.matcher(seg[0]).matches()) {
      return null;
    }
    try {
      return answer(seg, method, req, now);
    } catch (GraphErrorException e) {
      return SimResponse.error(e);
    }
  }

  private SimResponse answer(String[] seg, String method, SimRequest req, Instant now) {
    String id = seg[1];
    Simulator.Phone phone = sim.phones.get(id);
    if (phone != null && seg.length >= 3 && seg[2].equals("message_qrdls")) {
      return qr(phone, method, seg.length == 4 ? seg[3] : null, req, now);
    }
    if (seg.length == 4) {
      return null;
    }
    String edge = seg.length == 3 ? seg[2] : null;
    if (phone != null && edge != null) {
      switch (edge) {
        case "register":
          return register(phone, method, req);
        case "deregister":
          Simulator.requireMethod(method, id, "POST");
          registered.put(phone.id, false);
          return SimResponse.success();
        case "request_code":
          return requestCode(phone, method, req);
        case "verify_code":
          return verifyCode(phone, method, req);
        default:
          return null;
      }
    }
    boolean waba = id.equals(sim.settings.wabaId());
    if (waba && "subscribed_apps".equals(edge)) {
      return subscribedApps(method, req);
    }
    if (waba && edge == null && method.equals("GET")) {
      Optional<String> fields = req.query("fields");
      if (fields.isPresent() && isAnalytics(fields.get())) {
        return analytics(fields.get());
      }
      return null;
    }
    if ("unpause".equals(edge) && sim.templates.byId(id).isPresent()) {
      return unpause(id, method);
    }
    return null;
  }

  // Registration and verification ---------------------------------------------------------------

  private SimResponse register(Simulator.Phone phone, String method, SimRequest req) {
    Simulator.requireMethod(method, phone.id, "POST");
    JsonNode body = object(req);
    if (!body.path("messaging_product").asString("").equals("whatsapp")) {
      throw GraphErrorException.of(100, "messaging_product: must be whatsapp");
    }
    if (!PIN.matcher(body.path("pin").asString("")).matches()) {
      throw GraphErrorException.of(100, "pin: must be 6 digits");
    }
    JsonNode region = body.path("data_localization_region");
    if (!region.isMissingNode() && !region.asString("").matches("[A-Z]{2}")) {
      throw GraphErrorException.of(100, "data_localization_region: must be an ISO 3166 code");
    }
    registered.put(phone.id, true);
    return SimResponse.success();
  }

  private SimResponse requestCode(Simulator.Phone phone, String method, SimRequest req) {
    Simulator.requireMethod(method, phone.id, "POST");
    JsonNode body = object(req);
    String codeMethod = body.path("code_method").asString("");
    if (!codeMethod.equals("SMS") && !codeMethod.equals("VOICE")) {
      throw GraphErrorException.of(100, "code_method: must be SMS or VOICE");
    }
    if (body.path("language").asString("").isBlank()) {
      throw GraphErrorException.of(100, "language: required");
    }
    codeRequested.put(phone.id, true);
    return SimResponse.success();
  }

  private SimResponse verifyCode(Simulator.Phone phone, String method, SimRequest req) {
    Simulator.requireMethod(method, phone.id, "POST");
    JsonNode body = object(req);
    if (!PIN.matcher(body.path("code").asString("")).matches()) {
      throw GraphErrorException.of(100, "code: must be the 6 digits received");
    }
    if (codeRequested.remove(phone.id) == null) {
      throw GraphErrorException.of(100, "code: no verification code was requested");
    }
    return SimResponse.success();
  }

  /** Returns whether a number was registered and not deregistered since. */
  public boolean isRegistered(String phoneNumberId) {
    return registered.getOrDefault(phoneNumberId, false);
  }

  // QR codes -------------------------------------------------------------------------------------

  private SimResponse qr(
      Simulator.Phone phone, String method, String code, SimRequest req, Instant now) {
    if (code != null) {
      Simulator.requireMethod(method, code, "GET", "DELETE");
      ObjectNode c = qrCodes.get(phone.id + "/" + code);
      if (c == null) {
        throw GraphErrorException.unknownObject(method, code);
      }
      if (method.equals("DELETE")) {
        qrCodes.remove(phone.id + "/" + code);
        return SimResponse.success();
      }
      ObjectNode out = JsonIo.MAPPER.createObjectNode();
      out.putArray("data").add(withImage(c, req));
      return SimResponse.json(JsonIo.bytes(out));
    }
    Simulator.requireMethod(method, phone.id, "GET", "POST");
    if (method.equals("GET")) {
      List<ObjectNode> mine = new ArrayList<>();
      qrCodes.forEach(
          (k, v) -> {
            if (k.startsWith(phone.id + "/")) {
              mine.add(v);
            }
          });
      mine.sort((a, b) -> Long.compare(b.path("seq").asLong(), a.path("seq").asLong()));
      ObjectNode out = JsonIo.MAPPER.createObjectNode();
      ArrayNode data = out.putArray("data");
      mine.forEach(c -> data.add(withImage(c, req)));
      return SimResponse.json(JsonIo.bytes(out));
    }
    JsonNode body = object(req);
    String message = body.path("prefilled_message").asString("");
    if (message.isBlank() || message.length() > 140) {
      throw GraphErrorException.of(100, "prefilled_message: 1 to 140 characters");
    }
    String image = body.path("generate_qr_image").asString("");
    if (!image.isEmpty() && !image.equals("PNG") && !image.equals("SVG")) {
      throw GraphErrorException.of(100, "generate_qr_image: must be PNG or SVG");
    }
    String existing = body.path("code").asString("");
    ObjectNode c;
    if (!existing.isEmpty()) {
      c = qrCodes.get(phone.id + "/" + existing);
      if (c == null) {
        throw GraphErrorException.of(100, "code: no such QR code on this number");
      }
      synchronized (c) {
        c.put("prefilled_message", message);
      }
    } else {
      long seq = qrSeq.incrementAndGet();
      String newCode = "SIMQR" + Long.toString(seq, 36).toUpperCase(java.util.Locale.ROOT);
      c = JsonIo.MAPPER.createObjectNode();
      c.put("code", newCode);
      c.put("prefilled_message", message);
      c.put("deep_link_url", "https://wa.me/message/" + newCode);
      c.put("creation_time", now.getEpochSecond());
      c.put("seq", seq);
      qrCodes.put(phone.id + "/" + newCode, c);
    }
    ObjectNode out;
    synchronized (c) {
      out = c.deepCopy();
    }
    out.remove("seq");
    if (!image.isEmpty()) {
      out.put("qr_image_url", imageUrl(out.path("code").asString(), image));
    }
    return SimResponse.json(JsonIo.bytes(out));
  }

  private static ObjectNode withImage(ObjectNode c, SimRequest req) {
    ObjectNode out;
    synchronized (c) {
      out = c.deepCopy();
    }
    out.remove("seq");
    Matcher m =
        Pattern.compile("qr_image_url\\.format\\(([A-Z]+)\\)")
            .matcher(req.query("fields").orElse(""));
    if (m.find()) {
      out.put("qr_image_url", imageUrl(out.path("code").asString(), m.group(1)));
    }
    return out;
  }

  private static String imageUrl(String code, String format) {
    return "https://scontent.example.invalid/qr/"
        + code
        + "."
        + format.toLowerCase(java.util.Locale.ROOT);
  }

  // Webhook subscriptions ------------------------------------------------------------------------

  private SimResponse subscribedApps(String method, SimRequest req) {
    Simulator.requireMethod(method, sim.settings.wabaId(), "GET", "POST", "DELETE");
    if (method.equals("DELETE")) {
      subscription = null;
      return SimResponse.success();
    }
    if (method.equals("POST")) {
      JsonNode body = req.body().length == 0 ? JsonIo.MAPPER.createObjectNode() : object(req);
      String uri = body.path("override_callback_uri").asString("");
      String token = body.path("verify_token").asString("");
      if (!uri.isEmpty() && !uri.startsWith("https://")) {
        throw GraphErrorException.of(100, "override_callback_uri: must be an https URL");
      }
      if (uri.isEmpty() != token.isEmpty()) {
        throw GraphErrorException.of(
            100, "override_callback_uri and verify_token: give both or neither");
      }
      ObjectNode s = JsonIo.MAPPER.createObjectNode();
      ObjectNode app = s.putObject("whatsapp_business_api_data");
      app.put("id", APP_ID);
      app.put("name", "wasdk simulator app");
      app.put("link", "https://www.facebook.com/games/?app_id=" + APP_ID);
      if (!uri.isEmpty()) {
        s.put("override_callback_uri", uri);
      }
      subscription = s;
      return SimResponse.success();
    }
    ObjectNode out = JsonIo.MAPPER.createObjectNode();
    ArrayNode data = out.putArray("data");
    ObjectNode s = subscription;
    if (s != null) {
      data.add(s.deepCopy());
    }
    return SimResponse.json(JsonIo.bytes(out));
  }

  // Analytics -------------------------------------------------------------------------------------

  private static boolean isAnalytics(String fields) {
    return fields.startsWith("analytics.")
        || fields.startsWith("pricing_analytics.")
        || fields.startsWith("template_analytics.");
  }

  private SimResponse analytics(String fields) {
    String field = fields.substring(0, fields.indexOf('.'));
    Matcher g = GRANULARITY.matcher(fields);
    if (!fields.contains(".start(") || !fields.contains(".end(") || !g.find()) {
      throw GraphErrorException.of(100, field + ": start, end and granularity are required");
    }
    if (field.equals("template_analytics") && sim.reactions.anyClicks()) {
      // the simulated audience's URL-button clicks, counted per template and day
      Optional<ObjectNode> clicks = sim.reactions.analytics(Optional.of(fields));
      if (clicks.isPresent()) {
        return SimResponse.json(JsonIo.bytes(clicks.get()));
      }
    }
    ObjectNode out = JsonIo.MAPPER.createObjectNode();
    ObjectNode a = out.putObject(field);
    if (field.equals("analytics")) {
      a.put("granularity", g.group(1));
      a.putArray("data_points");
    } else {
      ArrayNode data = a.putArray("data");
      data.addObject().putArray("data_points");
    }
    out.put("id", sim.settings.wabaId());
    return SimResponse.json(JsonIo.bytes(out));
  }

  // Templates -------------------------------------------------------------------------------------

  private SimResponse unpause(String id, String method) {
    Simulator.requireMethod(method, id, "POST");
    TemplateStore.Template t = sim.templates.byId(id).orElseThrow();
    if (!t.status().equals("PAUSED")) {
      throw GraphErrorException.of(100, "the template is " + t.status() + ", not PAUSED");
    }
    sim.templates.setStatus(t.name(), t.language(), "APPROVED");
    return SimResponse.success();
  }

  private static JsonNode object(SimRequest req) {
    JsonNode body = JsonIo.parseOrNull(req.body());
    if (body == null || !body.isObject()) {
      throw GraphErrorException.of(100, "the body must be a JSON object");
    }
    return body;
  }
}
