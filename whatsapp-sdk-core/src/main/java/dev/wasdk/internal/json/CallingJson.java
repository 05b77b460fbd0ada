package dev.wasdk.internal.json;

import dev.wasdk.client.CallHours;
import dev.wasdk.client.CallPermission;
import dev.wasdk.client.CallingSettings;
import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.message.Recipient;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the Calling API: the bodies of {@code POST /{phone-number-id}/calls}, the {@code
 * calling} object of the phone number settings, and the call permission answer.
 */
public final class CallingJson {
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);

  private CallingJson() {}

  /** Returns a call action body: {@code messaging_product}, the target and {@code action}. */
  public static ObjectNode action(String action) {
    ObjectNode body = ManagementJson.object();
    body.put("messaging_product", "whatsapp");
    return body.put("action", action);
  }

  /**
   * Returns the {@code connect} body. A phone number is sent as digits without '+', as Meta's
   * examples do; a business-scoped user id goes in {@code recipient}.
   */
  public static byte[] connect(
      Recipient to, String sdpOffer, Optional<String> bizOpaqueCallbackData) {
    ObjectNode body = ManagementJson.object();
    body.put("messaging_product", "whatsapp");
    if (to.kind() == Recipient.Kind.USER_ID) {
      body.put("recipient", to.value());
    } else {
      body.put("to", to.value().startsWith("+") ? to.value().substring(1) : to.value());
    }
    body.put("action", "connect");
    session(body, "offer", sdpOffer);
    bizOpaqueCallbackData.ifPresent(d -> body.put("biz_opaque_callback_data", d));
    return ManagementJson.bytes(body);
  }

  /** Returns the body of an action on an existing call, with an SDP answer when given. */
  public static byte[] onCall(
      String action,
      String callId,
      Optional<String> sdpAnswer,
      Optional<String> bizOpaqueCallbackData) {
    ObjectNode body = ManagementJson.object();
    body.put("messaging_product", "whatsapp");
    body.put("call_id", callId);
    body.put("action", action);
    sdpAnswer.ifPresent(sdp -> session(body, "answer", sdp));
    bizOpaqueCallbackData.ifPresent(d -> body.put("biz_opaque_callback_data", d));
    return ManagementJson.bytes(body);
  }

  private static void session(ObjectNode body, String type, String sdp) {
    ObjectNode s = body.putObject("session");
    s.put("sdp_type", type);
    s.put("sdp", sdp);
  }

  /** Returns the call id of a {@code connect} answer, {@code calls[0].id}, or empty. */
  public static String callId(JsonNode body) {
    return ManagementJson.textOrEmpty(body.path("calls").path(0), "id");
  }

  // ---------------------------------------------------------------- settings

  /** Returns the settings body {@code {"calling":{...}}}. A SIP password is never written. */
  public static byte[] settings(CallingSettings s) {
    ObjectNode body = ManagementJson.object();
    ObjectNode c = body.putObject("calling");
    s.status().ifPresent(v -> c.put("status", v.name()));
    s.iconVisibility().ifPresent(v -> c.put("call_icon_visibility", v.name()));
    s.iconCountries()
        .ifPresent(
            list -> {
              ArrayNode a = c.putObject("call_icons").putArray("restrict_to_user_countries");
              list.forEach(a::add);
            });
    s.callHours().ifPresent(h -> writeHours(c.putObject("call_hours"), h));
    s.callbackPermission().ifPresent(v -> c.put("callback_permission_status", v.name()));
    s.srtpKeyExchange().ifPresent(v -> c.put("srtp_key_exchange_protocol", v.name()));
    s.sip()
        .ifPresent(
            sip -> {
              ObjectNode o = c.putObject("sip");
              o.put("status", sip.status().name());
              ArrayNode servers = o.putArray("servers");
              for (CallingSettings.SipServer server : sip.servers()) {
                ObjectNode n = servers.addObject();
                n.put("hostname", server.hostname());
                n.put("port", server.port());
                if (!server.requestUriUserParams().isEmpty()) {
                  ObjectNode p = n.putObject("request_uri_user_params");
                  server.requestUriUserParams().forEach(p::put);
                }
              }
            });
    return ManagementJson.bytes(body);
  }

  private static void writeHours(ObjectNode o, CallHours h) {
    o.put("status", h.status().name());
    h.timeZoneId().ifPresent(z -> o.put("timezone_id", z));
    if (!h.weeklyHours().isEmpty()) {
      ArrayNode w = o.putArray("weekly_operating_hours");
      for (CallHours.Range r : h.weeklyHours()) {
        ObjectNode n = w.addObject();
        n.put("day_of_week", r.day().name());
        n.put("open_time", HHMM.format(r.open()));
        n.put("close_time", HHMM.format(r.close()));
      }
    }
    if (!h.holidays().isEmpty()) {
      ArrayNode w = o.putArray("holiday_schedule");
      for (CallHours.Holiday d : h.holidays()) {
        ObjectNode n = w.addObject();
        n.put("date", d.date().toString());
        n.put("start_time", HHMM.format(d.start()));
        n.put("end_time", HHMM.format(d.end()));
      }
    }
  }

  /** Reads the {@code calling} object of a settings answer; absent parts read as empty. */
  public static CallingSettings readSettings(JsonNode body) {
    JsonNode c = body.path("calling");
    Optional<List<String>> countries =
        c.path("call_icons").has("restrict_to_user_countries")
            ? Optional.of(ManagementJson.texts(c.path("call_icons"), "restrict_to_user_countries"))
            : Optional.empty();
    return new CallingSettings(
        ManagementJson.text(c, "status").map(CallingSettings.Status::of),
        ManagementJson.text(c, "call_icon_visibility").map(CallingSettings.IconVisibility::of),
        countries,
        c.path("call_hours").isObject()
            ? Optional.of(readHours(c.path("call_hours")))
            : Optional.empty(),
        ManagementJson.text(c, "callback_permission_status").map(CallingSettings.Status::of),
        ManagementJson.text(c, "srtp_key_exchange_protocol")
            .map(CallingSettings.SrtpKeyExchange::of),
        c.path("sip").isObject() ? Optional.of(readSip(c.path("sip"))) : Optional.empty(),
        ManagementJson.objects(
            c.path("restrictions"),
            "restrictions_list",
            r ->
                new CallingSettings.Restriction(
                    ManagementJson.textOrEmpty(r, "type"),
                    ManagementJson.text(r, "reason"),
                    ManagementJson.number(r, "expiration").map(Instant::ofEpochSecond))));
  }

  private static CallHours readHours(JsonNode h) {
    List<CallHours.Range> weekly =
        ManagementJson.objects(
                h,
                "weekly_operating_hours",
                r -> {
                  Optional<DayOfWeek> day = day(ManagementJson.textOrEmpty(r, "day_of_week"));
                  Optional<LocalTime> open = time(ManagementJson.textOrEmpty(r, "open_time"));
                  Optional<LocalTime> close = time(ManagementJson.textOrEmpty(r, "close_time"));
                  return day.isPresent() && open.isPresent() && close.isPresent()
                      ? new CallHours.Range(day.get(), open.get(), close.get())
                      : null;
                })
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    List<CallHours.Holiday> holidays =
        ManagementJson.objects(
                h,
                "holiday_schedule",
                r -> {
                  Optional<LocalDate> date = date(ManagementJson.textOrEmpty(r, "date"));
                  Optional<LocalTime> start = time(ManagementJson.textOrEmpty(r, "start_time"));
                  Optional<LocalTime> end = time(ManagementJson.textOrEmpty(r, "end_time"));
                  return date.isPresent() && start.isPresent() && end.isPresent()
                      ? new CallHours.Holiday(date.get(), start.get(), end.get())
                      : null;
                })
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    return new CallHours(
        CallingSettings.Status.of(ManagementJson.text(h, "status").orElse(null)),
        ManagementJson.text(h, "timezone_id"),
        weekly,
        holidays);
  }

  private static CallingSettings.Sip readSip(JsonNode s) {
    return new CallingSettings.Sip(
        CallingSettings.Status.of(ManagementJson.text(s, "status").orElse(null)),
        ManagementJson.objects(
            s,
            "servers",
            n -> {
              Map<String, String> params = new LinkedHashMap<>();
              JsonNode p = n.path("request_uri_user_params");
              for (Map.Entry<String, JsonNode> e : p.properties()) {
                ManagementJson.text(p, e.getKey()).ifPresent(v -> params.put(e.getKey(), v));
              }
              long port = ManagementJson.number(n, "port").orElse(5061L);
              return new CallingSettings.SipServer(
                  ManagementJson.text(n, "hostname").orElse("?"),
                  port >= 1 && port <= 65535 ? (int) port : 5061,
                  params,
                  ManagementJson.text(n, "sip_user_password"));
            }));
  }

  private static Optional<DayOfWeek> day(String s) {
    return OpenEnums.find(DayOfWeek.class, s);
  }

  /** Reads {@code HHMM}; Meta writes the end of a day as {@code 2359} but {@code 2400} is read. */
  private static Optional<LocalTime> time(String s) {
    String t = s.trim();
    if (t.equals("2400")) {
      return Optional.of(LocalTime.of(23, 59));
    }
    try {
      return Optional.of(LocalTime.parse(t, HHMM));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> date(String s) {
    try {
      return Optional.of(LocalDate.parse(s.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- permissions

  /** Reads the answer of {@code GET /{phone-number-id}/call_permissions}. */
  public static CallPermission readPermission(JsonNode body) {
    JsonNode p = body.path("permission");
    String raw = ManagementJson.textOrEmpty(p, "status");
    return new CallPermission(
        CallPermission.Status.of(raw),
        raw,
        ManagementJson.number(p, "expiration_time").map(Instant::ofEpochSecond),
        ManagementJson.objects(
            body,
            "actions",
            a ->
                new CallPermission.Action(
                    ManagementJson.textOrEmpty(a, "action_name"),
                    ManagementJson.bool(a, "can_perform_action").orElse(false),
                    ManagementJson.objects(
                        a,
                        "limits",
                        l ->
                            new CallPermission.Limit(
                                ManagementJson.textOrEmpty(l, "time_period"),
                                ManagementJson.number(l, "max_allowed").orElse(0L),
                                ManagementJson.number(l, "current_usage").orElse(0L),
                                ManagementJson.number(l, "limit_expiration_time")
                                    .map(Instant::ofEpochSecond))))));
  }
}
