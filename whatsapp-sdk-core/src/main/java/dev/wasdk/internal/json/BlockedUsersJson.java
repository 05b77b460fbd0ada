package dev.wasdk.internal.json;

import dev.wasdk.client.BlockResult;
import dev.wasdk.client.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes block and unblock requests and reads their results and the blocked-user list. */
public final class BlockedUsersJson {
  private BlockedUsersJson() {}

  /** Returns the body of a block or unblock request. */
  public static byte[] write(List<String> users) {
    ObjectNode body = ManagementJson.object();
    body.put("messaging_product", "whatsapp");
    ArrayNode a = body.putArray("block_users");
    for (String u : users) {
      a.addObject().put("user", Objects.requireNonNull(u, "user"));
    }
    return ManagementJson.bytes(body);
  }

  /** Reads one page of blocked users' WhatsApp ids. */
  public static Page<String> readPage(JsonNode body) {
    JsonNode data = body.path("data");
    List<String> ids = new ArrayList<>();
    // Meta nests the list: data[0].block_users[].wa_id; a flat data[].wa_id is read too.
    for (JsonNode d : data) {
      if (d.has("block_users")) {
        ManagementJson.objects(d, "block_users", u -> ManagementJson.textOrEmpty(u, "wa_id"))
            .forEach(ids::add);
      } else {
        ManagementJson.text(d, "wa_id").ifPresent(ids::add);
      }
    }
    return new Page<>(ids, ManagementJson.before(body), ManagementJson.after(body));
  }

  /**
   * Reads the {@code block_users} result of a block or unblock answer; empty when the answer has no
   * such object (a body that is not JSON counts as none).
   */
  public static Optional<BlockResult> readResult(byte[] body) {
    JsonNode answer;
    try {
      answer = ManagementJson.tree(body);
    } catch (IllegalArgumentException e) {
      answer = ManagementJson.object();
    }
    JsonNode result = answer.path("block_users");
    return result.isObject() ? Optional.of(read(result)) : Optional.empty();
  }

  /** Returns the result of an answer without a {@code block_users} object: nobody listed. */
  public static BlockResult empty() {
    return read(ManagementJson.object());
  }

  private static BlockResult read(JsonNode r) {
    return new BlockResult(
        ManagementJson.objects(
            r,
            "added_users",
            u ->
                new BlockResult.BlockedUser(
                    ManagementJson.textOrEmpty(u, "input"),
                    ManagementJson.textOrEmpty(u, "wa_id"))),
        ManagementJson.objects(
            r,
            "failed_users",
            u -> {
              JsonNode e = u.path("errors").path(0);
              return new BlockResult.FailedUser(
                  ManagementJson.textOrEmpty(u, "input"),
                  ManagementJson.textOrEmpty(u, "wa_id"),
                  ManagementJson.number(e, "code").orElse(-1L).intValue(),
                  ManagementJson.textOrEmpty(e, "message"),
                  ManagementJson.textOrEmpty(e.path("error_data"), "details"));
            }));
  }
}
