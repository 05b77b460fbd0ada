package dev.wasdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Cursor paging of Graph list responses, as Meta's list endpoints page. Stateless. */
final class Paging {
  private Paging() {}

  // ---- paging ----------------------------------------------------------------------------------

  /** Returns one page of a list as {@code {"data":[…],"paging":{"cursors":{…},"next":…}}}. */
  static <T> ObjectNode page(
      Simulator sim, SimRequest req, List<T> all, Function<T, ObjectNode> json) {
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
