package dev.wasdk.testkit.internal;

import static dev.wasdk.testkit.internal.Paging.page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The block-users endpoint of a phone number: list, block and unblock. Thread-safe. */
final class BlockedUserEndpoints {
  private final Simulator sim;

  BlockedUserEndpoints(Simulator sim) {
    this.sim = sim;
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
                  sim,
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
}
