package dev.wasdk.testkit.internal;

import static dev.wasdk.testkit.internal.GroupPayloads.body;
import static dev.wasdk.testkit.internal.GroupPayloads.changed;
import static dev.wasdk.testkit.internal.GroupPayloads.description;
import static dev.wasdk.testkit.internal.GroupPayloads.groupEvent;
import static dev.wasdk.testkit.internal.GroupPayloads.newLink;
import static dev.wasdk.testkit.internal.GroupPayloads.requestAnswer;
import static dev.wasdk.testkit.internal.GroupPayloads.requestId;
import static dev.wasdk.testkit.internal.GroupPayloads.sha256;
import static dev.wasdk.testkit.internal.GroupPayloads.subject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Groups API of the simulator: create, list, read, update and delete groups, the invite link,
 * join requests and participants, with the {@code group_lifecycle_update}, {@code
 * group_participants_update} and {@code group_settings_update} webhooks; and the user's side
 * (joining, leaving, writing to the group). Limits as Meta documents them: a subject of 1 to 128
 * characters, a description of at most 2,048, 8 participants. Thread-safe; each group is guarded by
 * its own lock, never held while a webhook is queued.
 */
public final class GroupEndpoints {
  /** Meta caps a group at this many participants. */
  public static final int MAX_PARTICIPANTS = 8;

  /** One group. */
  static final class Group {
    final String id;
    final String phoneId;
    final long createdAt;
    String subject;
    String description;
    String joinApprovalMode;
    String inviteLink;
    final Set<String> participants = new LinkedHashSet<>();
    final Set<String> removed = new LinkedHashSet<>();
    final Map<String, String> joinRequests = new LinkedHashMap<>(); // id → user

    Group(String id, String phoneId, long createdAt) {
      this.id = id;
      this.phoneId = phoneId;
      this.createdAt = createdAt;
    }
  }

  private final Simulator sim;
  private final Map<String, Group> groups = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong(120363409558960765L);

  GroupEndpoints(Simulator sim) {
    this.sim = sim;
  }

  /** Returns whether an id names a group of this simulator. */
  boolean has(String id) {
    return groups.containsKey(id);
  }

  // ---- business side --------------------------------------------------------------------------

  SimResponse phoneEdge(Simulator.Phone phone, String method, SimRequest req, Instant now) {
    Simulator.requireMethod(method, phone.id, "GET", "POST");
    if (method.equals("GET")) {
      ObjectNode o = JsonIo.MAPPER.createObjectNode();
      ArrayNode list = o.putObject("data").putArray("groups");
      for (Group g : groups.values()) {
        if (g.phoneId.equals(phone.id)) {
          synchronized (g) {
            list.addObject()
                .put("id", g.id)
                .put("subject", g.subject)
                .put("created_at", g.createdAt);
          }
        }
      }
      o.putObject("paging").putObject("cursors");
      return SimResponse.json(JsonIo.bytes(o));
    }
    JsonNode body = body(req);
    String subject = subject(body.path("subject").asString(""));
    String description = description(body.path("description").asString(""));
    String mode = body.path("join_approval_mode").asString("auto_approve");
    if (!mode.equals("auto_approve") && !mode.equals("approval_required")) {
      throw GraphErrorException.of(100, "join_approval_mode: auto_approve or approval_required");
    }
    String digits = phone.display.replaceAll("[^0-9]", "");
    String id =
        Base64.getEncoder()
            .withoutPadding()
            .encodeToString(
                ("capi_group:" + digits + ":" + sequence.incrementAndGet())
                    .getBytes(StandardCharsets.US_ASCII));
    Group g = new Group(id, phone.id, now.getEpochSecond());
    g.subject = subject;
    g.description = description;
    g.joinApprovalMode = mode;
    g.inviteLink = newLink();
    groups.put(id, g);
    String requestId = requestId();
    emit(
        phone,
        "group_lifecycle_update",
        groupEvent(
            g,
            "group_create",
            requestId,
            now,
            w -> {
              w.writeStringProperty("subject", subject);
              if (!description.isEmpty()) {
                w.writeStringProperty("description", description);
              }
              w.writeStringProperty("invite_link", g.inviteLink);
              w.writeStringProperty("join_approval_mode", mode);
            }));
    return requestAnswer(requestId);
  }

  SimResponse object(String method, String id, SimRequest req, Instant now) {
    Group g = groups.get(id);
    Simulator.Phone phone = sim.phone(g.phoneId);
    switch (method) {
      case "GET" -> {
        ObjectNode o = JsonIo.MAPPER.createObjectNode().put("messaging_product", "whatsapp");
        o.put("id", g.id);
        synchronized (g) {
          o.put("subject", g.subject);
          if (!g.description.isEmpty()) {
            o.put("description", g.description);
          }
          o.put("creation_timestamp", g.createdAt);
          o.put("suspended", false);
          o.put("total_participant_count", g.participants.size());
          ArrayNode p = o.putArray("participants");
          g.participants.forEach(u -> p.addObject().put("wa_id", u));
          o.put("join_approval_mode", g.joinApprovalMode);
        }
        return SimResponse.json(JsonIo.bytes(o));
      }
      case "POST" -> {
        String requestId = requestId();
        if (!req.parts().isEmpty()) {
          SimRequest.Part file =
              req.parts().stream()
                  .filter(p -> p.name().equals("file"))
                  .findFirst()
                  .orElseThrow(() -> GraphErrorException.of(100, "file: a JPEG is required"));
          if (!file.contentType().orElse("").equals("image/jpeg")) {
            throw GraphErrorException.of(100, "file: the photo must be image/jpeg");
          }
          emit(
              phone,
              "group_settings_update",
              groupEvent(
                  g,
                  "group_settings_update",
                  requestId,
                  now,
                  w -> {
                    w.writeObjectPropertyStart("profile_picture");
                    w.writeStringProperty("mime_type", "image/jpeg");
                    w.writeStringProperty("sha256", sha256(file.body()));
                    w.writeBooleanProperty("update_successful", true);
                    w.writeEndObject();
                  }));
          return requestAnswer(requestId);
        }
        JsonNode body = body(req);
        Optional<String> subject =
            body.has("subject")
                ? Optional.of(subject(body.path("subject").asString("")))
                : Optional.empty();
        Optional<String> description =
            body.has("description")
                ? Optional.of(description(body.path("description").asString("")))
                : Optional.empty();
        if (subject.isEmpty() && description.isEmpty()) {
          throw GraphErrorException.of(100, "name a subject or a description to update");
        }
        synchronized (g) {
          subject.ifPresent(s -> g.subject = s);
          description.ifPresent(d -> g.description = d);
        }
        emit(
            phone,
            "group_settings_update",
            groupEvent(
                g,
                "group_settings_update",
                requestId,
                now,
                w -> {
                  subject.ifPresent(s -> changed(w, "group_subject", s));
                  description.ifPresent(d -> changed(w, "group_description", d));
                }));
        return requestAnswer(requestId);
      }
      case "DELETE" -> {
        groups.remove(id);
        emit(
            phone,
            "group_lifecycle_update",
            groupEvent(g, "group_delete", requestId(), now, w -> {}));
        return SimResponse.success();
      }
      default -> throw GraphErrorException.unknownObject(method, id);
    }
  }

  SimResponse edge(String method, String id, String edge, SimRequest req, Instant now) {
    Group g = groups.get(id);
    Simulator.Phone phone = sim.phone(g.phoneId);
    switch (edge) {
      case "invite_link" -> {
        Simulator.requireMethod(method, id, "GET", "POST");
        String link;
        synchronized (g) {
          if (method.equals("POST")) {
            g.inviteLink = newLink();
          }
          link = g.inviteLink;
        }
        return SimResponse.json(
            JsonIo.bytes(
                JsonIo.MAPPER
                    .createObjectNode()
                    .put("messaging_product", "whatsapp")
                    .put("invite_link", link)));
      }
      case "join_requests" -> {
        if (method.equals("GET")) {
          ObjectNode o = JsonIo.MAPPER.createObjectNode();
          ArrayNode data = o.putArray("data");
          synchronized (g) {
            g.joinRequests.forEach(
                (rid, user) ->
                    data.addObject()
                        .put("join_request_id", rid)
                        .put("wa_id", user)
                        .put("creation_timestamp", now.getEpochSecond()));
          }
          o.putObject("paging").putObject("cursors");
          return SimResponse.json(JsonIo.bytes(o));
        }
        Simulator.requireMethod(method, id, "POST", "DELETE");
        boolean approve = method.equals("POST");
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> joined = new ArrayList<>();
        for (JsonNode r : body(req).path("join_requests")) {
          String rid = r.asString("");
          synchronized (g) {
            String user = g.joinRequests.remove(rid);
            if (user == null) {
              failed.add(rid);
            } else {
              done.add(rid);
              if (approve && g.participants.size() < MAX_PARTICIPANTS) {
                g.participants.add(user);
                joined.add(user);
              }
            }
          }
        }
        for (String user : joined) {
          emitAdded(phone, g, user, now);
        }
        ObjectNode o = JsonIo.MAPPER.createObjectNode().put("messaging_product", "whatsapp");
        ArrayNode d = o.putArray(approve ? "approved_join_requests" : "rejected_join_requests");
        done.forEach(d::add);
        if (!failed.isEmpty()) {
          ArrayNode f = o.putArray("failed_join_requests");
          for (String rid : failed) {
            ObjectNode e = f.addObject().put("join_request_id", rid);
            e.putArray("errors")
                .addObject()
                .put("code", 131213)
                .put("message", "Join request not found");
          }
        }
        return SimResponse.json(JsonIo.bytes(o));
      }
      case "participants" -> {
        Simulator.requireMethod(method, id, "DELETE");
        JsonNode list = body(req).path("participants");
        if (!list.isArray() || list.isEmpty() || list.size() > MAX_PARTICIPANTS) {
          throw GraphErrorException.of(100, "participants: 1 to 8 entries");
        }
        List<String> removed = new ArrayList<>();
        synchronized (g) {
          for (JsonNode p : list) {
            String user = Simulator.waId(p.path("user").asString(""));
            if (!g.participants.contains(user)) {
              throw GraphErrorException.of(400, 131212, "the user is not a participant");
            }
          }
          for (JsonNode p : list) {
            String user = Simulator.waId(p.path("user").asString(""));
            g.participants.remove(user);
            g.removed.add(user);
            removed.add(user);
          }
        }
        String requestId = requestId();
        emit(
            phone,
            "group_participants_update",
            groupEvent(
                g,
                "group_participants_remove",
                requestId,
                now,
                w -> {
                  w.writeStringProperty("initiated_by", "business");
                  w.writeArrayPropertyStart("removed_participants");
                  for (String u : removed) {
                    w.writeStartObject();
                    w.writeStringProperty("input", u);
                    w.writeEndObject();
                  }
                  w.writeEndArray();
                }));
        return requestAnswer(requestId);
      }
      default -> throw Simulator.nonexistingField(edge, "Group");
    }
  }

  // ---- user side ------------------------------------------------------------------------------

  /**
   * A user opens the invite link: joins at once, or leaves a join request when the group needs
   * approval.
   *
   * @return the join request id, or empty when the user joined
   */
  public Optional<String> userJoins(String groupId, String from) {
    Group g = group(groupId);
    String user = Simulator.waId(from);
    Simulator.Phone phone = sim.phone(g.phoneId);
    Instant now = sim.clock.instant();
    String requestId = null;
    synchronized (g) {
      if (g.removed.contains(user)) {
        throw new IllegalStateException("a removed participant cannot rejoin through the link");
      }
      if (g.participants.contains(user)) {
        return Optional.empty();
      }
      if (g.joinApprovalMode.equals("approval_required")) {
        requestId = Ids.numeric();
        g.joinRequests.put(requestId, user);
      } else {
        if (g.participants.size() >= MAX_PARTICIPANTS) {
          throw new IllegalStateException("the group is full (8 participants)");
        }
        g.participants.add(user);
      }
    }
    if (requestId == null) {
      emitAdded(phone, g, user, now);
      return Optional.empty();
    }
    String rid = requestId;
    emit(
        phone,
        "group_participants_update",
        groupEvent(
            g,
            "group_join_request_created",
            null,
            now,
            w -> {
              w.writeStringProperty("join_request_id", rid);
              w.writeStringProperty("wa_id", user);
            }));
    return Optional.of(requestId);
  }

  /** A participant leaves the group. */
  public void userLeaves(String groupId, String from) {
    Group g = group(groupId);
    String user = Simulator.waId(from);
    synchronized (g) {
      if (!g.participants.remove(user)) {
        throw new IllegalStateException("not a participant");
      }
    }
    emit(
        sim.phone(g.phoneId),
        "group_participants_update",
        groupEvent(
            g,
            "group_participants_remove",
            null,
            sim.clock.instant(),
            w -> {
              w.writeStringProperty("initiated_by", "participant");
              w.writeArrayPropertyStart("removed_participants");
              w.writeStartObject();
              w.writeStringProperty("wa_id", user);
              w.writeEndObject();
              w.writeEndArray();
            }));
  }

  /** A participant writes a text to the group: an inbound message with {@code group_id}. */
  public String userSendsToGroup(String groupId, String from, String text) {
    Group g = group(groupId);
    String user = Simulator.waId(from);
    synchronized (g) {
      if (!g.participants.contains(user)) {
        throw new IllegalStateException("only a participant can write to the group");
      }
    }
    return sim.events.inbound(
        g.phoneId,
        user,
        "Simulated User",
        "text",
        null,
        w -> {
          w.writeStringProperty("group_id", g.id);
          w.writeObjectPropertyStart("text");
          w.writeStringProperty("body", text);
          w.writeEndObject();
        });
  }

  /** Returns the participants' WhatsApp ids. */
  public List<String> participants(String groupId) {
    Group g = group(groupId);
    synchronized (g) {
      return List.copyOf(g.participants);
    }
  }

  /** Returns the ids of the groups of a phone number, oldest first. */
  public List<String> groupIds(String phoneNumberId) {
    String phone = sim.phone(phoneNumberId).id;
    return groups.values().stream()
        .filter(g -> g.phoneId.equals(phone))
        .sorted(java.util.Comparator.comparingLong((Group g) -> g.createdAt))
        .map(g -> g.id)
        .toList();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Group group(String groupId) {
    Group g = groups.get(groupId);
    if (g == null) {
      throw new IllegalArgumentException("unknown group " + groupId);
    }
    return g;
  }

  private void emitAdded(Simulator.Phone phone, Group g, String user, Instant now) {
    emit(
        phone,
        "group_participants_update",
        groupEvent(
            g,
            "group_participants_add",
            null,
            now,
            w -> {
              w.writeStringProperty("reason", "invite_link");
              w.writeArrayPropertyStart("added_participants");
              w.writeStartObject();
              w.writeStringProperty("wa_id", user);
              w.writeEndObject();
              w.writeEndArray();
            }));
  }

  private void emit(Simulator.Phone phone, String field, Consumer<JsonGenerator> groupObject) {
    if (!sim.webhooks.active()) {
      return;
    }
    sim.emitField(
        field,
        w -> {
          WebhookPayloads.metadata(w, phone.display, phone.id);
          w.writeArrayPropertyStart("groups");
          w.writeStartObject();
          groupObject.accept(w);
          w.writeEndObject();
          w.writeEndArray();
        });
  }
}
