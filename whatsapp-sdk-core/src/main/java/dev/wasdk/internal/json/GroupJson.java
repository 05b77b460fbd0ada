package dev.wasdk.internal.json;

import dev.wasdk.client.GroupCreate;
import dev.wasdk.client.GroupInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of the Groups API: request bodies and the answers of the group endpoints. */
public final class GroupJson {
  private GroupJson() {}

  private static ObjectNode base() {
    ObjectNode body = ManagementJson.object();
    body.put("messaging_product", "whatsapp");
    return body;
  }

  /** Returns the body of {@code POST /{phone-number-id}/groups}. */
  public static byte[] create(GroupCreate g) {
    ObjectNode body = base();
    body.put("subject", g.subject());
    g.description().ifPresent(d -> body.put("description", d));
    g.joinApprovalMode()
        .ifPresent(m -> body.put("join_approval_mode", m.name().toLowerCase(Locale.ROOT)));
    return ManagementJson.bytes(body);
  }

  /** Returns the body of a settings update: the subject and description given. */
  public static byte[] settings(Optional<String> subject, Optional<String> description) {
    ObjectNode body = base();
    subject.ifPresent(s -> body.put("subject", s));
    description.ifPresent(d -> body.put("description", d));
    return ManagementJson.bytes(body);
  }

  /** Returns {@code {"messaging_product":"whatsapp"}}. */
  public static byte[] product() {
    return ManagementJson.bytes(base());
  }

  /** Returns the body of a participants removal. */
  public static byte[] participants(List<String> users) {
    ObjectNode body = base();
    ArrayNode a = body.putArray("participants");
    users.forEach(u -> a.addObject().put("user", u));
    return ManagementJson.bytes(body);
  }

  /** Returns the body of a join request approval or rejection. */
  public static byte[] joinRequests(List<String> ids) {
    ObjectNode body = base();
    ArrayNode a = body.putArray("join_requests");
    ids.forEach(a::add);
    return ManagementJson.bytes(body);
  }

  /** Reads a group info answer. */
  public static GroupInfo readInfo(JsonNode n) {
    List<GroupInfo.Participant> participants =
        ManagementJson.objects(n, "participants", GroupJson::participant);
    return new GroupInfo(
        ManagementJson.textOrEmpty(n, "id"),
        ManagementJson.textOrEmpty(n, "subject"),
        ManagementJson.text(n, "description"),
        time(n, "creation_timestamp"),
        ManagementJson.bool(n, "suspended").orElse(false),
        ManagementJson.number(n, "total_participant_count")
            .map(Long::intValue)
            .orElse(participants.size()),
        participants,
        GroupCreate.JoinApprovalMode.of(ManagementJson.text(n, "join_approval_mode").orElse(null)));
  }

  private static GroupInfo.Participant participant(JsonNode p) {
    return new GroupInfo.Participant(
        ManagementJson.text(p, "wa_id"),
        ManagementJson.text(p, "user_id"),
        ManagementJson.text(p, "username"));
  }

  /** Reads the groups of a list answer: {@code data.groups[]}, or a flat {@code data[]}. */
  public static List<GroupInfo.Summary> readSummaries(JsonNode body) {
    JsonNode data = body.path("data");
    JsonNode holder = data.isObject() ? data : body;
    String field = data.isObject() ? "groups" : "data";
    return ManagementJson.objects(
        holder,
        field,
        g ->
            new GroupInfo.Summary(
                ManagementJson.textOrEmpty(g, "id"),
                ManagementJson.textOrEmpty(g, "subject"),
                time(g, "created_at").or(() -> time(g, "creation_timestamp"))));
  }

  /** Reads the join requests of a list answer. */
  public static List<GroupInfo.JoinRequest> readJoinRequests(JsonNode body) {
    return ManagementJson.objects(
        body,
        "data",
        r ->
            new GroupInfo.JoinRequest(
                ManagementJson.textOrEmpty(r, "join_request_id"),
                ManagementJson.text(r, "wa_id"),
                ManagementJson.text(r, "user_id"),
                time(r, "creation_timestamp")));
  }

  /** Reads an approval or rejection answer; {@code doneField} names the list of done ids. */
  public static GroupInfo.JoinRequestsResult readJoinRequestsResult(
      JsonNode body, String doneField) {
    return new GroupInfo.JoinRequestsResult(
        ManagementJson.texts(body, doneField),
        ManagementJson.objects(
            body,
            "failed_join_requests",
            f -> {
              JsonNode e = f.path("errors").path(0);
              return new GroupInfo.FailedJoinRequest(
                  ManagementJson.textOrEmpty(f, "join_request_id"),
                  ManagementJson.number(e, "code").orElse(-1L).intValue(),
                  ManagementJson.textOrEmpty(e, "message"));
            }));
  }

  /** Reads a Unix time in seconds, sent as a number or a numeric string. */
  private static Optional<Instant> time(JsonNode n, String field) {
    return ManagementJson.number(n, field).map(Instant::ofEpochSecond);
  }
}
