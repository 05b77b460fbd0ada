package dev.wasdk.testkit.internal;

import dev.wasdk.client.QualityRating;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The management endpoints: media, templates, phone numbers, business profile and blocked users,
 * with the response shapes of Meta's OpenAPI spec. Thread-safe.
 */
final class ManagementEndpoints {
  /** Where media downloads are served, as on Meta's lookaside host. */
  static final String DOWNLOAD_PATH = "/whatsapp_business/attachments/";

  private static final long MB = 1024L * 1024;
  private static final Map<String, Long> MEDIA_LIMITS = mediaLimits();
  private static final Duration MEDIA_LIFETIME = Duration.ofDays(30);
  private static final Duration URL_LIFETIME = Duration.ofMinutes(5);
  private static final List<String> PHONE_DEFAULT_FIELDS =
      List.of(
          "verified_name",
          "code_verification_status",
          "display_phone_number",
          "quality_rating",
          "platform_type",
          "throughput",
          "id");
  private static final List<String> LIST_DEFAULT_FIELDS =
      List.of(
          "verified_name",
          "code_verification_status",
          "display_phone_number",
          "quality_rating",
          "platform_type",
          "throughput",
          "status",
          "id");
  private static final Set<String> VERTICALS =
      Set.of(
          "",
          "UNDEFINED",
          "OTHER",
          "AUTO",
          "BEAUTY",
          "APPAREL",
          "EDU",
          "ENTERTAIN",
          "EVENT_PLAN",
          "FINANCE",
          "GROCERY",
          "GOVT",
          "HOTEL",
          "HEALTH",
          "NONPROFIT",
          "PROF_SERVICES",
          "RETAIL",
          "TRAVEL",
          "RESTAURANT",
          "ALCOHOL",
          "ONLINE_GAMBLING",
          "PHYSICAL_GAMBLING",
          "OTC_DRUGS");
  private static final List<String> PROFILE_FIELDS =
      List.of(
          "about",
          "address",
          "description",
          "email",
          "profile_picture_url",
          "websites",
          "vertical");

  private final Simulator sim;

  ManagementEndpoints(Simulator sim) {
    this.sim = sim;
  }

  private static Map<String, Long> mediaLimits() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String t : List.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg")) {
      m.put(t, 16 * MB);
    }
    for (String t :
        List.of(
            "text/plain",
            "application/pdf",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation")) {
      m.put(t, 100 * MB);
    }
    m.put("image/jpeg", 5 * MB);
    m.put("image/png", 5 * MB);
    m.put("image/webp", 500 * 1024L);
    m.put("video/mp4", 16 * MB);
    m.put("video/3gpp", 16 * MB);
    return m;
  }

  static ObjectNode defaultProfile() {
    ObjectNode p = JsonIo.MAPPER.createObjectNode();
    p.put("about", "Hey there! I am using WhatsApp.");
    p.put("vertical", "OTHER");
    return p;
  }

  // ---- objects: GET/POST/DELETE /{id} ----------------------------------------------------------

  SimResponse object(String method, String id, SimRequest req, Instant now) {
    Simulator.Phone phone = sim.phones.get(id);
    if (phone != null) {
      Simulator.requireMethod(method, id, "GET");
      return SimResponse.json(
          JsonIo.bytes(phoneJson(phone, fields(req, PHONE_DEFAULT_FIELDS), false)));
    }
    if (id.equals(sim.settings.wabaId())) {
      Simulator.requireMethod(method, id, "GET");
      Optional<ObjectNode> analytics = sim.reactions.analytics(req.query("fields"));
      return SimResponse.json(JsonIo.bytes(analytics.orElseGet(this::wabaJson)));
    }
    Optional<MediaStore.Media> media = sim.media.get(id).filter(m -> alive(m, now));
    if (media.isPresent()) {
      Simulator.requireMethod(method, id, "GET", "DELETE");
      MediaStore.Media m = media.get();
      Optional<String> owner = req.query("phone_number_id");
      if (owner.isPresent() && !owner.get().equals(m.phoneNumberId())) {
        throw GraphErrorException.of(
            100, "phone_number_id: the media does not belong to this phone number");
      }
      if (method.equals("DELETE")) {
        sim.media.delete(id);
        return SimResponse.success();
      }
      return SimResponse.json(mediaJson(m, now));
    }
    Optional<TemplateStore.Template> template = sim.templates.byId(id);
    if (template.isPresent()) {
      Simulator.requireMethod(method, id, "GET", "POST");
      if (method.equals("POST")) {
        sim.templates.edit(id, JsonIo.parseOrNull(req.body()));
        return SimResponse.success();
      }
      return SimResponse.json(JsonIo.bytes(TemplateStore.toJson(template.get())));
    }
    throw GraphErrorException.unknownObject(method, id);
  }

  private ObjectNode wabaJson() {
    ObjectNode o = JsonIo.MAPPER.createObjectNode();
    o.put("id", sim.settings.wabaId());
    o.put("name", sim.primary.verifiedName);
    o.put("currency", "USD");
    o.put("timezone_id", "1");
    o.put("message_template_namespace", "simulator_namespace");
    o.put("whatsapp_business_manager_messaging_limit", sim.tier.name());
    return o;
  }

  private static List<String> fields(SimRequest req, List<String> defaults) {
    Optional<String> f = req.query("fields");
    if (f.isEmpty() || f.get().isBlank()) {
      return defaults;
    }
    List<String> out = new ArrayList<>();
    for (String s : f.get().split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  /**
   * Writes a phone number's fields. {@code status} differs by where it is read, as in the spec: the
   * number's own node reports its account status (CONNECTED), the WABA's list its link status
   * (LINKED).
   */
  private ObjectNode phoneJson(Simulator.Phone phone, List<String> fields, boolean listing) {
    ObjectNode o = JsonIo.MAPPER.createObjectNode();
    for (String f : fields) {
      switch (f) {
        case "id":
          break;
        case "display_phone_number":
          o.put(f, formatted(phone.display));
          break;
        case "verified_name":
          o.put(f, phone.verifiedName);
          break;
        case "quality_rating":
          o.put(f, phone.quality == QualityRating.UNKNOWN ? "UNKNOWN" : phone.quality.name());
          break;
        case "code_verification_status":
          o.put(f, "VERIFIED");
          break;
        case "name_status":
          o.put(f, "APPROVED");
          break;
        case "platform_type":
          o.put(f, "CLOUD_API");
          break;
        case "status":
          o.put(f, listing ? "LINKED" : "CONNECTED");
          break;
        case "account_mode":
          o.put(f, "LIVE");
          break;
        case "is_official_business_account":
          o.put(f, false);
          break;
        case "throughput":
          o.putObject(f).put("level", phone.throughput >= 1000 ? "HIGH" : "STANDARD");
          break;
        case "whatsapp_business_manager_messaging_limit":
        case "messaging_limit_tier":
          o.put(f, sim.tier.name());
          break;
        default:
          throw Simulator.nonexistingField(f, "WhatsAppBusinessPhoneNumber");
      }
    }
    o.put("id", phone.id);
    return o;
  }

  /** Formats digits as Graph shows a display number: {@code +1 555-078-3881} for NANP numbers. */
  static String formatted(String digits) {
    if (digits.length() == 11 && digits.startsWith("1")) {
      return "+1 "
          + digits.substring(1, 4)
          + "-"
          + digits.substring(4, 7)
          + "-"
          + digits.substring(7);
    }
    return "+" + digits;
  }

  SimResponse phoneNumbers(SimRequest req) {
    List<String> fields = fields(req, LIST_DEFAULT_FIELDS);
    List<ObjectNode> all = new ArrayList<>();
    for (Simulator.Phone p : sim.phones.values()) {
      all.add(phoneJson(p, fields, true));
    }
    return SimResponse.json(JsonIo.bytes(page(req, all, o -> o)));
  }

  // ---- media -----------------------------------------------------------------------------------

  SimResponse upload(Simulator.Phone phone, SimRequest req, Instant now) {
    List<SimRequest.Part> parts = req.parts();
    if (parts.isEmpty()) {
      throw GraphErrorException.of(
          100,
          "The request must be multipart/form-data with the parts messaging_product, file and"
              + " type.");
    }
    SimRequest.Part product = part(parts, "messaging_product");
    if (product == null) {
      throw GraphErrorException.of(100, "The parameter messaging_product is required.");
    }
    String productValue = new String(product.body(), StandardCharsets.UTF_8).trim();
    if (!productValue.equals("whatsapp")) {
      throw GraphErrorException.of(
          100, "Param messaging_product must be one of {WHATSAPP} - got \"" + productValue + "\".");
    }
    SimRequest.Part file = part(parts, "file");
    if (file == null) {
      throw GraphErrorException.of(100, "The parameter file is required.");
    }
    SimRequest.Part typePart = part(parts, "type");
    String mime =
        typePart != null
            ? new String(typePart.body(), StandardCharsets.UTF_8).trim()
            : file.contentType().orElse("");
    int semicolon = mime.indexOf(';');
    if (semicolon >= 0) {
      mime = mime.substring(0, semicolon).trim();
    }
    mime = mime.toLowerCase(Locale.ROOT);
    if (mime.isEmpty()) {
      throw GraphErrorException.of(100, "The parameter type is required.");
    }
    Long max = MEDIA_LIMITS.get(mime);
    if (max == null) {
      throw GraphErrorException.of(
          131053,
          "Param file must be a file with one of the following types: "
              + String.join(", ", MEDIA_LIMITS.keySet())
              + ". Received file of type '"
              + mime
              + "'.");
    }
    if (file.body().length == 0) {
      throw GraphErrorException.of(131053, "file: must not be empty");
    }
    if (file.body().length > max) {
      throw GraphErrorException.of(
          131053,
          "file: must be at most "
              + max
              + " bytes for "
              + mime
              + ", but was "
              + file.body().length
              + " bytes");
    }
    MediaStore.Media m = sim.media.put(phone.id, file.body(), mime, now.toEpochMilli());
    return SimResponse.json(
        JsonIo.write(
            g -> {
              g.writeStartObject();
              g.writeStringProperty("id", m.id());
              g.writeEndObject();
            }));
  }

  private static SimRequest.Part part(List<SimRequest.Part> parts, String name) {
    for (SimRequest.Part p : parts) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  private static boolean alive(MediaStore.Media m, Instant now) {
    return now.toEpochMilli() - m.createdMillis() < MEDIA_LIFETIME.toMillis();
  }

  private byte[] mediaJson(MediaStore.Media m, Instant now) {
    long expires = now.plus(URL_LIFETIME).getEpochSecond();
    String url =
        sim.baseUrl
            + DOWNLOAD_PATH
            + "?mid="
            + m.id()
            + "&ext="
            + expires
            + "&hash="
            + urlHash(m.id(), expires);
    return JsonIo.write(
        g -> {
          g.writeStartObject();
          g.writeStringProperty("messaging_product", "whatsapp");
          g.writeStringProperty("url", url);
          g.writeStringProperty("mime_type", m.mimeType());
          g.writeStringProperty("sha256", m.sha256Hex());
          g.writeStringProperty("file_size", Long.toString(m.bytes().length));
          g.writeStringProperty("id", m.id());
          g.writeEndObject();
        });
  }

  private String urlHash(String id, long expires) {
    String signed =
        new Hmac(sim.settings.appSecret())
            .sign((id + ":" + expires).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(signed.substring(7, 31).getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code GET <media url>}: the bytes, for a caller with the current token, within 5 minutes. */
  SimResponse download(SimRequest req, Instant now) {
    if (!req.method().equals("GET")) {
      throw GraphErrorException.unknownObject(req.method(), "attachments");
    }
    if (!sim.authorized(req, now)) {
      throw new GraphErrorException(
          401,
          190,
          null,
          "OAuthException",
          "Invalid OAuth access token - Cannot parse access token",
          null);
    }
    String id = req.query("mid").orElse("");
    long expires;
    try {
      expires = Long.parseLong(req.query("ext").orElse(""));
    } catch (NumberFormatException e) {
      throw notFound();
    }
    Optional<MediaStore.Media> m = sim.media.get(id).filter(x -> alive(x, now));
    if (m.isEmpty()
        || now.getEpochSecond() > expires
        || !urlHash(id, expires).equals(req.query("hash").orElse(""))) {
      throw notFound();
    }
    return new SimResponse(200, m.get().mimeType(), m.get().bytes(), 0);
  }

  private static GraphErrorException notFound() {
    return new GraphErrorException(
        404,
        100,
        null,
        "GraphMethodException",
        "(#100) The media URL is unknown or has expired. Retrieve a new URL.",
        null);
  }

  // ---- templates -------------------------------------------------------------------------------

  SimResponse templates(String method, SimRequest req) {
    switch (method) {
      case "GET":
        {
          Optional<String> name = req.query("name");
          Optional<String> status = req.query("status");
          Optional<String> category = req.query("category");
          Optional<String> language = req.query("language");
          List<TemplateStore.Template> list = new ArrayList<>();
          for (TemplateStore.Template t : sim.templates.all()) {
            if (name.isPresent() && !t.name().contains(name.get())) {
              continue;
            }
            if (status.isPresent() && !listContains(status.get(), t.status())) {
              continue;
            }
            if (category.isPresent() && !listContains(category.get(), t.category())) {
              continue;
            }
            if (language.isPresent() && !listContains(language.get(), t.language())) {
              continue;
            }
            list.add(t);
          }
          return SimResponse.json(JsonIo.bytes(page(req, list, TemplateStore::toJson)));
        }
      case "POST":
        {
          TemplateStore.Template t =
              sim.templates.create(JsonIo.parseOrNull(req.body()), "APPROVED");
          if (sim.webhooks.active()) {
            sim.emitField(
                "message_template_status_update",
                WebhookPayloads.templateStatus(
                    "APPROVED", t.id(), t.name(), t.language(), t.category()));
          }
          return SimResponse.json(
              JsonIo.write(
                  g -> {
                    g.writeStartObject();
                    g.writeStringProperty("id", t.id());
                    g.writeStringProperty("status", t.status());
                    g.writeStringProperty("category", t.category());
                    g.writeEndObject();
                  }));
        }
      case "DELETE":
        {
          String name =
              req.query("name")
                  .filter(s -> !s.isBlank())
                  .orElseThrow(
                      () -> GraphErrorException.of(100, "The parameter name is required."));
          String hsmId = req.query("hsm_id").orElse(null);
          if (sim.templates.delete(name, hsmId) == 0) {
            throw GraphErrorException.of(100, "Message template \"" + name + "\" was not found.");
          }
          return SimResponse.success();
        }
      default:
        throw GraphErrorException.unknownObject(method, sim.settings.wabaId());
    }
  }

  private static boolean listContains(String commaList, String value) {
    for (String s : commaList.split(",")) {
      if (s.trim().equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }

  // ---- business profile ------------------------------------------------------------------------

  SimResponse profile(Simulator.Phone phone, String method, SimRequest req) {
    if (method.equals("GET")) {
      ObjectNode current = phone.profile;
      List<String> fields = fields(req, List.of());
      ObjectNode profile = JsonIo.MAPPER.createObjectNode();
      profile.put("messaging_product", "whatsapp");
      for (String f : fields.isEmpty() ? PROFILE_FIELDS : fields) {
        if (!PROFILE_FIELDS.contains(f)) {
          throw Simulator.nonexistingField(f, "WhatsAppBusinessProfile");
        }
        if (current.has(f)) {
          profile.set(f, current.get(f).deepCopy());
        }
      }
      ObjectNode body = JsonIo.MAPPER.createObjectNode();
      body.putArray("data").addObject().set("business_profile", profile);
      return SimResponse.json(JsonIo.bytes(body));
    }
    Simulator.requireMethod(method, phone.id, "POST");
    JsonNode root = JsonIo.parseOrNull(req.body());
    if (root == null || !root.isObject()) {
      throw GraphErrorException.of(100, "The request body must be a JSON object.");
    }
    if (!"whatsapp".equals(root.path("messaging_product").asString(""))) {
      throw GraphErrorException.of(100, "The parameter messaging_product is required.");
    }
    synchronized (phone) {
      ObjectNode next = phone.profile.deepCopy();
      text(root, next, "about", 1, 139);
      text(root, next, "address", 0, 256);
      text(root, next, "description", 0, 512);
      text(root, next, "email", 0, 128);
      if (root.has("email")
          && !next.path("email").asString("").isEmpty()
          && !next.path("email").asString("").contains("@")) {
        throw GraphErrorException.of(100, "email: must be an e-mail address");
      }
      JsonNode vertical = root.get("vertical");
      if (vertical != null) {
        if (!vertical.isString() || !VERTICALS.contains(vertical.stringValue())) {
          throw GraphErrorException.of(100, "vertical: must be one of " + VERTICALS);
        }
        next.put("vertical", vertical.stringValue());
      }
      JsonNode websites = root.get("websites");
      if (websites != null) {
        if (!websites.isArray() || websites.size() > 2) {
          throw GraphErrorException.of(100, "websites: must be an array of at most 2 URLs");
        }
        for (int i = 0; i < websites.size(); i++) {
          JsonNode w = websites.get(i);
          if (!w.isString()
              || w.stringValue().length() > 256
              || !(w.stringValue().startsWith("http://")
                  || w.stringValue().startsWith("https://"))) {
            throw GraphErrorException.of(
                100,
                "websites["
                    + i
                    + "]: must be an http:// or https:// URL of at most 256 characters");
          }
        }
        next.set("websites", websites.deepCopy());
      }
      JsonNode handle = root.get("profile_picture_handle");
      if (handle != null) {
        if (!handle.isString() || handle.stringValue().isBlank()) {
          throw GraphErrorException.of(100, "profile_picture_handle: must be an upload handle");
        }
        next.put(
            "profile_picture_url",
            "https://pps.whatsapp.net/v/simulated/" + Math.abs(handle.stringValue().hashCode()));
      }
      phone.profile = next;
    }
    return SimResponse.success();
  }

  private static void text(JsonNode root, ObjectNode profile, String field, int min, int max) {
    JsonNode v = root.get(field);
    if (v == null) {
      return;
    }
    if (!v.isString() || v.stringValue().length() < min || v.stringValue().length() > max) {
      throw GraphErrorException.of(
          100,
          field
              + ": must be a string of "
              + (min > 0 ? min + " to " : "at most ")
              + max
              + " characters");
    }
    profile.put(field, v.stringValue());
  }

  // ---- blocked users ---------------------------------------------------------------------------

  SimResponse blockUsers(Simulator.Phone phone, String method, SimRequest req, Instant now) {
    if (method.equals("GET")) {
      List<String> blocked;
      synchronized (phone.blocked) {
        blocked = new ArrayList<>(phone.blocked);
      }
      return SimResponse.json(
          JsonIo.bytes(
              page(
                  req,
                  blocked,
                  w -> {
                    ObjectNode o = JsonIo.MAPPER.createObjectNode();
                    o.put("messaging_product", "whatsapp");
                    o.put("wa_id", w);
                    return o;
                  })));
    }
    Simulator.requireMethod(method, phone.id, "POST", "DELETE");
    boolean block = method.equals("POST");
    JsonNode root = JsonIo.parseOrNull(req.body());
    if (root == null || !root.isObject()) {
      throw GraphErrorException.of(100, "The request body must be a JSON object.");
    }
    if (!"whatsapp".equals(root.path("messaging_product").asString(""))) {
      throw GraphErrorException.of(100, "The parameter messaging_product is required.");
    }
    JsonNode users = root.get("block_users");
    if (users == null || !users.isArray() || users.isEmpty()) {
      throw GraphErrorException.of(
          100, "block_users: must be a non-empty array of {\"user\": <phone number>}");
    }
    long nowMillis = now.toEpochMilli();
    List<String[]> done = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < users.size(); i++) {
      JsonNode u = users.get(i).path("user");
      if (!u.isString()) {
        throw GraphErrorException.of(100, "block_users[" + i + "].user: must be a string");
      }
      String input = u.stringValue();
      String waId;
      try {
        waId = Simulator.waId(input);
      } catch (IllegalArgumentException e) {
        failures++;
        continue;
      }
      if (block && !sim.windowOpen(phone, waId, nowMillis)) {
        // Meta blocks only users who messaged the business in the last 24 hours.
        failures++;
        continue;
      }
      if (block) {
        phone.blocked.add(waId);
      } else {
        phone.blocked.remove(waId);
      }
      done.add(new String[] {input, waId});
    }
    if (failures > 0) {
      throw GraphErrorException.of(
          139100,
          failures
              + " of "
              + users.size()
              + " users could not be "
              + (block ? "blocked" : "unblocked")
              + ": only users who messaged the business in the last 24 hours can be blocked");
    }
    return SimResponse.json(
        JsonIo.write(
            g -> {
              g.writeStartObject();
              g.writeStringProperty("messaging_product", "whatsapp");
              g.writeObjectPropertyStart("block_users");
              g.writeArrayPropertyStart(block ? "added_users" : "removed_users");
              for (String[] d : done) {
                g.writeStartObject();
                g.writeStringProperty("input", d[0]);
                g.writeStringProperty("wa_id", d[1]);
                g.writeEndObject();
              }
              g.writeEndArray();
              g.writeEndObject();
              g.writeEndObject();
            }));
  }

  // ---- paging ----------------------------------------------------------------------------------

  /** Returns one page of a list as {@code {"data":[…],"paging":{"cursors":{…},"next":…}}}. */
  private <T> ObjectNode page(SimRequest req, List<T> all, Function<T, ObjectNode> json) {
    int limit = 25;
    Optional<String> l = req.query("limit");
    if (l.isPresent()) {
      try {
        limit = Integer.parseInt(l.get());
      } catch (NumberFormatException e) {
        throw GraphErrorException.of(100, "limit: must be a positive integer");
      }
      if (limit < 1) {
        throw GraphErrorException.of(100, "limit: must be a positive integer");
      }
    }
    int start = 0;
    Optional<String> after = req.query("after");
    if (after.isPresent()) {
      start = decodeCursor(after.get()) + 1;
    }
    Optional<String> before = req.query("before");
    int end;
    if (before.isPresent() && after.isEmpty()) {
      end = decodeCursor(before.get());
      start = Math.max(0, end - limit);
    } else {
      end = Math.min(all.size(), start + limit);
    }
    start = Math.min(start, all.size());
    end = Math.max(start, Math.min(end, all.size()));
    ObjectNode out = JsonIo.MAPPER.createObjectNode();
    ArrayNode data = out.putArray("data");
    for (int i = start; i < end; i++) {
      data.add(json.apply(all.get(i)));
    }
    if (end > start) {
      ObjectNode paging = out.putObject("paging");
      ObjectNode cursors = paging.putObject("cursors");
      cursors.put("before", cursor(start));
      cursors.put("after", cursor(end - 1));
      if (end < all.size()) {
        paging.put(
            "next", sim.baseUrl + req.path() + "?limit=" + limit + "&after=" + cursor(end - 1));
      }
      if (start > 0) {
        paging.put(
            "previous", sim.baseUrl + req.path() + "?limit=" + limit + "&before=" + cursor(start));
      }
    }
    return out;
  }

  private static String cursor(int index) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("idx:" + index).getBytes(StandardCharsets.US_ASCII));
  }

  private static int decodeCursor(String cursor) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (s.startsWith("idx:")) {
        return Integer.parseInt(s.substring(4));
      }
    } catch (IllegalArgumentException e) {
      // Falls through to the error below.
    }
    throw GraphErrorException.of(100, "The pagination cursor is invalid.");
  }
}
