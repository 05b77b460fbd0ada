package dev.wasdk.testkit.internal;

import static dev.wasdk.testkit.internal.ManagementEndpoints.fields;

import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The business profile endpoint of a phone number, with Meta's field limits. Thread-safe. */
final class ProfileEndpoints {
  private final Simulator sim;

  ProfileEndpoints(Simulator sim) {
    this.sim = sim;
  }

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

  static ObjectNode defaultProfile() {
    ObjectNode p = JsonIo.MAPPER.createObjectNode();
    p.put("about", "Hey there! I am using WhatsApp.");
    p.put("vertical", "OTHER");
    return p;
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
}
