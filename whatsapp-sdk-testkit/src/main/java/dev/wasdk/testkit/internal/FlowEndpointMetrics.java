package dev.wasdk.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;

/**
 * The data-endpoint calls recorded for each Flow, and the metrics Meta derives from them: {@code
 * ENDPOINT_REQUEST_COUNT}, {@code ENDPOINT_REQUEST_ERROR} (one key per error kind), {@code
 * ENDPOINT_REQUEST_ERROR_RATE}, {@code ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL} (one key per whole
 * second) and {@code ENDPOINT_AVAILABILITY} ({@code succeeded}, {@code failed}), by {@code DAY},
 * {@code HOUR} or {@code LIFETIME}, in UTC. Thread-safe.
 */
public final class FlowEndpointMetrics {
  static final List<String> NAMES =
      List.of(
          "ENDPOINT_REQUEST_COUNT",
          "ENDPOINT_REQUEST_ERROR",
          "ENDPOINT_REQUEST_ERROR_RATE",
          "ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL",
          "ENDPOINT_AVAILABILITY");
  private static final Pattern FIELD =
      Pattern.compile(
          "metric\\.name\\(([A-Z_]+)\\)\\.granularity\\(([A-Z]+)\\)"
              + "(?:\\.since\\((\\d{4}-\\d{2}-\\d{2})\\))?(?:\\.until\\((\\d{4}-\\d{2}-\\d{2})\\))?");
  private static final DateTimeFormatter META_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** One call to a Flow's data endpoint. */
  record Call(Instant at, long latencyMillis, String errorKind) {}

  private final Map<String, List<Call>> calls = new ConcurrentHashMap<>();

  /**
   * Records one call.
   *
   * @param flowId the Flow
   * @param at when it was made
   * @param latency how long the endpoint took
   * @param errorKind null for a success, else a kind such as {@code timeout_error}
   */
  public void record(String flowId, Instant at, Duration latency, String errorKind) {
    calls
        .computeIfAbsent(flowId, k -> new CopyOnWriteArrayList<>())
        .add(new Call(at, latency.toMillis(), errorKind));
  }

  /** Forgets every recorded call. */
  void clear() {
    calls.clear();
  }

  /** Returns whether a {@code fields} value asks for a metric. */
  static boolean asksForMetric(String fields) {
    return fields.contains("metric.");
  }

  /** Answers {@code GET /{flow-id}?fields=metric.name(..).granularity(..)...}. */
  byte[] answer(String flowId, String fields) {
    Matcher m = FIELD.matcher(fields);
    if (!m.find()) {
      throw GraphErrorException.of(
          100, "metric needs name(...) and granularity(...), optionally since(...) and until(...)");
    }
    String name = m.group(1);
    String granularity = m.group(2);
    if (!NAMES.contains(name)) {
      throw GraphErrorException.of(100, "Unknown metric name " + name);
    }
    if (!List.of("DAY", "HOUR", "LIFETIME").contains(granularity)) {
      throw GraphErrorException.of(100, "granularity must be DAY, HOUR or LIFETIME");
    }
    LocalDate since = m.group(3) == null ? null : LocalDate.parse(m.group(3));
    LocalDate until = m.group(4) == null ? null : LocalDate.parse(m.group(4));
    TreeMap<Instant, List<Call>> buckets = new TreeMap<>();
    for (Call c : calls.getOrDefault(flowId, List.of())) {
      LocalDate day = c.at().atZone(ZoneOffset.UTC).toLocalDate();
      if ((since != null && day.isBefore(since)) || (until != null && day.isAfter(until))) {
        continue;
      }
      Instant key =
          switch (granularity) {
            case "DAY" -> c.at().truncatedTo(ChronoUnit.DAYS);
            case "HOUR" -> c.at().truncatedTo(ChronoUnit.HOURS);
            default -> Instant.EPOCH;
          };
      buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    return JsonIo.write(
        g -> {
          g.writeStartObject();
          g.writeStringProperty("id", flowId);
          g.writeObjectPropertyStart("metric");
          g.writeStringProperty("name", name);
          g.writeStringProperty("granularity", granularity);
          g.writeArrayPropertyStart("data_points");
          buckets.forEach(
              (start, in) -> {
                Instant stamp =
                    start.equals(Instant.EPOCH)
                        ? in.stream().map(Call::at).min(Instant::compareTo).orElse(start)
                        : start;
                g.writeStartObject();
                g.writeStringProperty("timestamp", META_TIME.format(stamp));
                g.writeArrayPropertyStart("data");
                values(name, in).forEach((k, v) -> entry(g, k, v));
                g.writeEndArray();
                g.writeEndObject();
              });
          g.writeEndArray();
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  private static Map<String, Number> values(String name, List<Call> in) {
    Map<String, Number> out = new TreeMap<>();
    long errors = in.stream().filter(c -> c.errorKind() != null).count();
    switch (name) {
      case "ENDPOINT_REQUEST_COUNT" -> out.put("value", in.size());
      case "ENDPOINT_REQUEST_ERROR" -> {
        for (Call c : in) {
          if (c.errorKind() != null) {
            out.merge(c.errorKind(), 1L, (a, b) -> a.longValue() + b.longValue());
          }
        }
      }
      case "ENDPOINT_REQUEST_ERROR_RATE" -> out.put("value", (double) errors / in.size());
      case "ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL" -> {
        for (Call c : in) {
          long ceil = Math.max(1, (c.latencyMillis() + 999) / 1000);
          out.merge(Long.toString(ceil), 1L, (a, b) -> a.longValue() + b.longValue());
        }
      }
      default -> {
        out.put("succeeded", in.size() - errors);
        out.put("failed", errors);
      }
    }
    return out;
  }

  private static void entry(JsonGenerator g, String key, Number value) {
    g.writeStartObject();
    g.writeStringProperty("key", key);
    if (value instanceof Double d) {
      g.writeNumberProperty("value", d);
    } else {
      g.writeNumberProperty("value", value.longValue());
    }
    g.writeEndObject();
  }
}
