package dev.wasdk.internal.json;

import dev.wasdk.client.UsageInfo;
import dev.wasdk.internal.http.ServerWaits;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Graph usage headers. {@code X-App-Usage} is an object of percentages; {@code
 * X-Business-Use-Case-Usage} maps business ids to lists of such objects, each with an optional
 * {@code estimated_time_to_regain_access} in minutes. Unreadable headers still keep their raw text.
 */
public final class UsageJson {
  private static final String[] PERCENT_FIELDS = {"call_count", "total_time", "total_cputime"};

  private UsageJson() {}

  /** Returns the usage the headers report, or empty when neither header is present. */
  public static Optional<UsageInfo> parse(HttpHeaders headers, Instant now) {
    Optional<String> app = headers.firstValue("X-App-Usage");
    Optional<String> buc = headers.firstValue("X-Business-Use-Case-Usage");
    if (app.isEmpty() && buc.isEmpty()) {
      return Optional.empty();
    }
    int[] highest = {0};
    long[] regainMinutes = {0};
    app.map(UsageJson::tree).ifPresent(n -> percentages(n, highest));
    buc.map(UsageJson::tree)
        .ifPresent(
            root -> {
              for (JsonNode list : root) {
                for (JsonNode entry : list) {
                  percentages(entry, highest);
                  ManagementJson.number(entry, "estimated_time_to_regain_access")
                      .ifPresent(m -> regainMinutes[0] = Math.max(regainMinutes[0], m));
                }
              }
            });
    return Optional.of(
        new UsageInfo(
            app,
            buc,
            highest[0],
            regainMinutes[0] > 0
                ? Optional.of(ServerWaits.ofMinutes(regainMinutes[0]))
                : Optional.empty(),
            now));
  }

  private static void percentages(JsonNode node, int[] highest) {
    if (node == null || !node.isObject()) {
      return;
    }
    for (String f : PERCENT_FIELDS) {
      ManagementJson.number(node, f)
          .ifPresent(v -> highest[0] = (int) Math.max(highest[0], Math.min(v, 10_000)));
    }
  }

  private static JsonNode tree(String raw) {
    try {
      return Json.MAPPER.readTree(raw);
    } catch (JacksonException e) {
      return null;
    }
  }
}
