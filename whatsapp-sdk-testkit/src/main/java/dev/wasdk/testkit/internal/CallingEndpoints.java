package dev.wasdk.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Calling API of the simulator: {@code POST /{phone}/calls} (connect, pre_accept, accept,
 * reject, terminate), {@code GET /{phone}/call_permissions}, the phone number's {@code /settings},
 * and the user's side (calling, answering, hanging up, granting permission), each with its signed
 * {@code calls} or {@code messages} webhook. No media flows: SDP is opaque text. Thread-safe; no
 * lock is held while a webhook is queued.
 */
public final class CallingEndpoints {
  /** The SDP the simulated user's phone offers or answers with. */
  public static final String USER_SDP =
      "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=simulated user\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";

  private static final Duration TEMPORARY_PERMISSION = Duration.ofDays(7);

  /** One call. */
  public static final class Call {
    final String id;
    final String phoneId;
    final String user;
    final boolean userInitiated;
    volatile String state; // RINGING, PRE_ACCEPTED, ACCEPTED, ENDED
    volatile String businessSdp;
    volatile String callbackData;
    volatile Instant connectedAt;

    Call(String id, String phoneId, String user, boolean userInitiated) {
      this.id = id;
      this.phoneId = phoneId;
      this.user = user;
      this.userInitiated = userInitiated;
      this.state = "RINGING";
    }

    /** Returns the call id. */
    public String id() {
      return id;
    }

    /** Returns RINGING, PRE_ACCEPTED, ACCEPTED or ENDED. */
    public String state() {
      return state;
    }

    /** Returns the SDP the business sent (offer or answer), when it sent one. */
    public Optional<String> businessSdp() {
      return Optional.ofNullable(businessSdp);
    }
  }

  private final Simulator sim;
  private final Map<String, Call> calls = new ConcurrentHashMap<>();

  /** phone id + "/" + user → permission expiry in epoch seconds, or Long.MAX_VALUE if permanent. */
  private final Map<String, Long> permissions = new ConcurrentHashMap<>();

  private final Map<String, ObjectNode> settings = new ConcurrentHashMap<>();

  CallingEndpoints(Simulator sim) {
    this.sim = sim;
  }

  // ---- business side: HTTP --------------------------------------------------------------------

  SimResponse calls(Simulator.Phone phone, SimRequest req, Instant now) {
    JsonNode body = JsonIo.parseOrNull(req.body());
    if (body == null || !body.isObject()) {
      throw GraphErrorException.of(100, "the body must be a JSON object");
    }
    if (!"whatsapp".equals(body.path("messaging_product").asString(""))) {
      throw GraphErrorException.of(100, "messaging_product must be whatsapp");
    }
    String action = body.path("action").asString("");
    if (action.equals("connect")) {
      return connect(phone, body, now);
    }
    String callId = body.path("call_id").asString("");
    Call call = calls.get(callId);
    if (call == null || !call.phoneId.equals(phone.id)) {
      throw GraphErrorException.of(100, "call_id: unknown call " + clip(callId));
    }
    if (call.state.equals("ENDED")) {
      throw GraphErrorException.of(100, "call_id: the call has ended");
    }
    switch (action) {
      case "pre_accept", "accept" -> {
        if (!call.userInitiated) {
          throw GraphErrorException.of(100, "action: only a user-initiated call is accepted");
        }
        String sdp = sdp(body, "answer");
        if (action.equals("accept")
            && call.state.equals("PRE_ACCEPTED")
            && !sdp.equals(call.businessSdp)) {
          throw GraphErrorException.of(
              100, "session: the SDP of accept must equal the SDP of pre_accept");
        }
        call.businessSdp = sdp;
        if (body.has("biz_opaque_callback_data")) {
          call.callbackData = body.path("biz_opaque_callback_data").asString("");
        }
        if (action.equals("accept")) {
          call.state = "ACCEPTED";
          call.connectedAt = now;
        } else {
          call.state = "PRE_ACCEPTED";
        }
      }
      case "reject" -> {
        if (!call.userInitiated) {
          throw GraphErrorException.of(100, "action: only a user-initiated call is rejected");
        }
        end(call, "FAILED", now);
      }
      case "terminate" -> end(call, "COMPLETED", now);
      default -> throw GraphErrorException.of(100, "action: unknown action " + clip(action));
    }
    return SimResponse.json(
        JsonIo.bytes(
            JsonIo.MAPPER
                .createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("success", true)));
  }

  private SimResponse connect(Simulator.Phone phone, JsonNode body, Instant now) {
    String to = body.path("to").asString("");
    if (to.isEmpty()) {
      throw GraphErrorException.of(100, "to: a callee is required");
    }
    String user = Simulator.waId(to);
    String sdp = sdp(body, "offer");
    if (!hasPermission(phone.id, user, now)) {
      throw GraphErrorException.of(401, 138006, "No approved call permission from the recipient");
    }
    Call call = new Call(newCallId(), phone.id, user, false);
    call.businessSdp = sdp;
    if (body.has("biz_opaque_callback_data")) {
      call.callbackData = body.path("biz_opaque_callback_data").asString("");
    }
    calls.put(call.id, call);
    emitCall(phone, call, "connect", now, g -> session(g, "answer", USER_SDP));
    emitStatus(phone, call, "RINGING", now);
    ObjectNode answer = JsonIo.MAPPER.createObjectNode().put("messaging_product", "whatsapp");
    answer.putArray("calls").addObject().put("id", call.id);
    return SimResponse.json(JsonIo.bytes(answer));
  }

  private static String sdp(JsonNode body, String type) {
    JsonNode s = body.path("session");
    if (!s.isObject() || !type.equals(s.path("sdp_type").asString(""))) {
      throw GraphErrorException.of(100, "session: an SDP " + type + " is required");
    }
    String sdp = s.path("sdp").asString("");
    if (!sdp.startsWith("v=")) {
      throw GraphErrorException.of(100, "session.sdp: not an SDP session description");
    }
    return sdp;
  }

  SimResponse permissions(Simulator.Phone phone, SimRequest req, Instant now) {
    String user =
        Simulator.waId(
            req.query("user_wa_id")
                .orElseThrow(() -> GraphErrorException.of(100, "user_wa_id is required")));
    Long until = permissions.get(phone.id + "/" + user);
    boolean granted = hasPermission(phone.id, user, now);
    ObjectNode o = JsonIo.MAPPER.createObjectNode().put("messaging_product", "whatsapp");
    ObjectNode p = o.putObject("permission");
    if (!granted) {
      p.put("status", "no_permission");
    } else if (until == Long.MAX_VALUE) {
      p.put("status", "permanent");
    } else {
      p.put("status", "temporary").put("expiration_time", until);
    }
    var actions = o.putArray("actions");
    actions
        .addObject()
        .put("action_name", "send_call_permission_request")
        .put("can_perform_action", !granted || until != Long.MAX_VALUE);
    actions.addObject().put("action_name", "start_call").put("can_perform_action", granted);
    return SimResponse.json(JsonIo.bytes(o));
  }

  SimResponse settings(Simulator.Phone phone, String method, SimRequest req) {
    Simulator.requireMethod(method, phone.id, "GET", "POST");
    ObjectNode stored =
        settings.computeIfAbsent(
            phone.id,
            id -> {
              ObjectNode s = JsonIo.MAPPER.createObjectNode();
              s.putObject("calling").put("status", "DISABLED");
              return s;
            });
    if (method.equals("GET")) {
      synchronized (stored) {
        return SimResponse.json(JsonIo.bytes(stored));
      }
    }
    JsonNode body = JsonIo.parseOrNull(req.body());
    if (body == null || !body.isObject() || body.isEmpty()) {
      throw GraphErrorException.of(100, "the body must name a setting");
    }
    synchronized (stored) {
      for (Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("calling") && e.getValue().isObject()) {
          ObjectNode calling = (ObjectNode) stored.get("calling");
          calling.setAll((ObjectNode) e.getValue().deepCopy());
        } else {
          stored.set(e.getKey(), e.getValue().deepCopy());
        }
      }
    }
    return SimResponse.success();
  }

  // ---- user side ------------------------------------------------------------------------------

  /** A user calls the business: the {@code connect} webhook carries the user's SDP offer. */
  public String userCalls(String phoneNumberId, String from, String sdpOffer) {
    Simulator.Phone phone = sim.phone(phoneNumberId);
    String user = Simulator.waId(from);
    Call call = new Call(newCallId(), phone.id, user, true);
    calls.put(call.id, call);
    emitCall(phone, call, "connect", sim.clock.instant(), g -> session(g, "offer", sdpOffer));
    return call.id;
  }

  /** The user picks up a business-initiated call: status ACCEPTED. */
  public void userAccepts(String callId) {
    Call call = open(callId);
    call.state = "ACCEPTED";
    call.connectedAt = sim.clock.instant();
    emitStatus(sim.phone(call.phoneId), call, "ACCEPTED", sim.clock.instant());
  }

  /** The user declines a business-initiated call: status REJECTED, then terminate. */
  public void userRejects(String callId) {
    Call call = open(callId);
    emitStatus(sim.phone(call.phoneId), call, "REJECTED", sim.clock.instant());
    end(call, "FAILED", sim.clock.instant());
  }

  /** The user hangs up: terminate, with the duration when the call was connected. */
  public void userHangsUp(String callId) {
    end(open(callId), "COMPLETED", sim.clock.instant());
  }

  /**
   * The user answers a call-permission request: the {@code call_permission_reply} message.
   *
   * @return the reply's message id
   */
  public String userRepliesToPermissionRequest(
      String phoneNumberId, String from, String requestWamid, boolean accept, boolean permanent) {
    Simulator.Phone phone = sim.phone(phoneNumberId);
    String user = Simulator.waId(from);
    long now = sim.clock.instant().getEpochSecond();
    long until = permanent ? Long.MAX_VALUE : now + TEMPORARY_PERMISSION.toSeconds();
    if (accept) {
      permissions.put(phone.id + "/" + user, until);
    } else {
      permissions.remove(phone.id + "/" + user);
    }
    return sim.events.inbound(
        phone.id,
        user,
        "Simulated User",
        "interactive",
        requestWamid,
        g -> {
          g.writeObjectPropertyStart("interactive");
          g.writeStringProperty("type", "call_permission_reply");
          g.writeObjectPropertyStart("call_permission_reply");
          g.writeStringProperty("response", accept ? "accept" : "reject");
          g.writeBooleanProperty("is_permanent", accept && permanent);
          if (accept && !permanent) {
            g.writeNumberProperty("expiration_timestamp", until);
          }
          g.writeStringProperty("response_source", "user_action");
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** Returns a call, when the simulator knows it. */
  public Optional<Call> call(String callId) {
    return Optional.ofNullable(calls.get(callId));
  }

  // ---- helpers --------------------------------------------------------------------------------

  private boolean hasPermission(String phoneId, String user, Instant now) {
    Long until = permissions.get(phoneId + "/" + user);
    return until != null && now.getEpochSecond() < until;
  }

  private Call open(String callId) {
    Call call = calls.get(callId);
    if (call == null) {
      throw new IllegalArgumentException("unknown call " + callId);
    }
    if (call.state.equals("ENDED")) {
      throw new IllegalStateException("the call " + callId + " has ended");
    }
    return call;
  }

  private void end(Call call, String status, Instant now) {
    Instant connected = call.connectedAt;
    call.state = "ENDED";
    emitCall(
        sim.phone(call.phoneId),
        call,
        "terminate",
        now,
        g -> {
          g.writeStringProperty("status", status);
          if (connected != null) {
            g.writeStringProperty("start_time", Long.toString(connected.getEpochSecond()));
            g.writeStringProperty("end_time", Long.toString(now.getEpochSecond()));
            g.writeNumberProperty(
                "duration", Math.max(0, now.getEpochSecond() - connected.getEpochSecond()));
          }
        });
  }

  private void emitCall(
      Simulator.Phone phone, Call call, String event, Instant now, Consumer<JsonGenerator> extra) {
    if (!sim.webhooks.active()) {
      return;
    }
    String business = phone.display.replaceAll("[^0-9]", "");
    sim.emitField(
        "calls",
        g -> {
          WebhookPayloads.metadata(g, phone.display, phone.id);
          g.writeArrayPropertyStart("contacts");
          g.writeStartObject();
          g.writeObjectPropertyStart("profile");
          g.writeStringProperty("name", "Simulated User");
          g.writeEndObject();
          g.writeStringProperty("wa_id", call.user);
          g.writeEndObject();
          g.writeEndArray();
          g.writeArrayPropertyStart("calls");
          g.writeStartObject();
          g.writeStringProperty("id", call.id);
          g.writeStringProperty("from", call.userInitiated ? call.user : business);
          g.writeStringProperty("to", call.userInitiated ? business : call.user);
          g.writeStringProperty("event", event);
          g.writeStringProperty("timestamp", Long.toString(now.getEpochSecond()));
          g.writeStringProperty(
              "direction", call.userInitiated ? "USER_INITIATED" : "BUSINESS_INITIATED");
          if (call.callbackData != null) {
            g.writeStringProperty("biz_opaque_callback_data", call.callbackData);
          }
          extra.accept(g);
          g.writeEndObject();
          g.writeEndArray();
        });
  }

  private void emitStatus(Simulator.Phone phone, Call call, String status, Instant now) {
    if (!sim.webhooks.active()) {
      return;
    }
    sim.emitField(
        "calls",
        g -> {
          WebhookPayloads.metadata(g, phone.display, phone.id);
          g.writeArrayPropertyStart("statuses");
          g.writeStartObject();
          g.writeStringProperty("id", call.id);
          g.writeStringProperty("type", "call");
          g.writeStringProperty("status", status);
          g.writeStringProperty("timestamp", Long.toString(now.getEpochSecond()));
          g.writeStringProperty("recipient_id", call.user);
          if (call.callbackData != null) {
            g.writeStringProperty("biz_opaque_callback_data", call.callbackData);
          }
          g.writeEndObject();
          g.writeEndArray();
        });
  }

  private static void session(JsonGenerator g, String type, String sdp) {
    g.writeObjectPropertyStart("session");
    g.writeStringProperty("sdp_type", type);
    g.writeStringProperty("sdp", sdp);
    g.writeEndObject();
  }

  private static String newCallId() {
    byte[] b = new byte[24];
    java.util.concurrent.ThreadLocalRandom.current().nextBytes(b);
    return "wacid." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
