package dev.wasdk.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the Markdown table of the {@code http2} suite of {@code run-benchmarks.sh}: sends per
 * second of each half of {@code Http2SendBenchmark}'s groups (two sides sending at the same
 * moment), the time ratios within each repetition, the connections the server saw, and the first
 * request on a new client from {@code FirstRequestTime}; each as the median and min–max over the
 * repetitions.
 *
 * <p>Input, in {@code <dir>/raw}: {@code http2-<name>-r<rep>.json} (JMH {@code -rf json} of one
 * group at one thread count), {@code http2-<name>-r<rep>.log} (its output, with the {@code RESULT
 * http2.connections.*} lines) and {@code http2-first-r<rep>.txt}. Output: {@code <dir>/http2.md}.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.report.Http2Report whatsapp-sdk-benchmarks/target/report
 * </pre>
 */
public final class Http2Report {
  private static final Pattern FILE = Pattern.compile("^http2-(.+)-r(\\d+)\\.(json|log|txt)$");

  /** key (such as {@code wasdkVersions_h2@t8} or {@code conn.wasdk-t8.h2}), repetition, value. */
  private final Map<String, Map<Integer, Double>> figures = new TreeMap<>();

  private Http2Report() {}

  /**
   * Reads {@code <dir>/raw} and writes {@code <dir>/http2.md}.
   *
   * @param args the report directory
   * @throws IOException if the input cannot be read or the output written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "whatsapp-sdk-benchmarks/target/report");
    String md = read(dir.resolve("raw")).markdown();
    Files.writeString(dir.resolve("http2.md"), md, StandardCharsets.UTF_8);
    System.out.print(md);
  }

  static Http2Report read(Path raw) throws IOException {
    Http2Report report = new Http2Report();
    JsonMapper json = JsonMapper.builder().build();
    List<Path> files;
    try (Stream<Path> s = Files.list(raw)) {
      files = s.sorted().toList();
    }
    for (Path file : files) {
      Matcher m = FILE.matcher(file.getFileName().toString());
      if (!m.matches() || Files.size(file) == 0) {
        continue;
      }
      String name = m.group(1);
      int rep = Integer.parseInt(m.group(2));
      switch (m.group(3)) {
        case "json" -> {
          for (JsonNode run : json.readTree(Files.readAllBytes(file))) {
            JsonNode halves = run.path("secondaryMetrics");
            int sides = Math.max(1, halves.size());
            int perSide = run.path("threads").asInt() / sides;
            for (Map.Entry<String, JsonNode> half : halves.properties()) {
              report.put(half.getKey() + "@t" + perSide, rep, half.getValue().path("score"));
            }
          }
        }
        case "log", "txt" -> {
          for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith(Results.PREFIX)) {
              String[] f = line.substring(Results.PREFIX.length()).trim().split(" ");
              if (f.length == 2) {
                String key = f[0].startsWith("http2.connections.") ? "conn." + name + "." : "";
                report.put(key + f[0], rep, Double.parseDouble(f[1]));
              }
            }
          }
        }
        default -> {}
      }
    }
    return report;
  }

  private void put(String key, int rep, JsonNode score) {
    put(key, rep, score.asDouble());
  }

  private void put(String key, int rep, double value) {
    figures.computeIfAbsent(key, k -> new TreeMap<>()).put(rep, value);
  }

  private BenchReport.Spread figure(String key) {
    Map<Integer, Double> v = figures.get(key);
    return v == null ? BenchReport.Spread.NONE : BenchReport.Spread.of(v.values());
  }

  /** The time ratio {@code a ÷ b} of two halves: b's sends per second ÷ a's, per repetition. */
  BenchReport.Spread timeRatio(String a, String b) {
    Map<Integer, Double> x = figures.getOrDefault(a, Map.of());
    Map<Integer, Double> y = figures.getOrDefault(b, Map.of());
    List<Double> r = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : x.entrySet()) {
      Double other = y.get(e.getKey());
      if (other != null && e.getValue() > 0) {
        r.add(other / e.getValue());
      }
    }
    return BenchReport.Spread.of(r);
  }

  private Set<Integer> threads(String group) {
    Set<Integer> t = new TreeSet<>();
    for (String k : figures.keySet()) {
      if (k.startsWith(group + "_")) {
        t.add(Integer.parseInt(k.substring(k.lastIndexOf("@t") + 2)));
      }
    }
    return t;
  }

  String markdown() {
    StringBuilder md = new StringBuilder("## HTTP/2 against HTTP/1.1 over TLS on loopback\n\n");
    md.append("Sends per second of each half of a group (both halves at the same moment);")
        .append(" a time ratio is the other half's sends per second ÷ this half's, per")
        .append(" repetition; median (min–max).\n\n");
    pair(md, "wasdkVersions", "wasdk", "h2", "h11", "wasdk-t", "HTTP/2", "HTTP/1.1");
    pair(md, "rawVersions", "raw", "h2", "h11", "raw-t", "HTTP/2", "HTTP/1.1");
    pair(md, "h2Pair", "HTTP/2", "wasdk", "raw", "h2pair-t", "wasdk", "raw");
    String[] kinds = {"wasdkH2", "wasdkH11", "rawH2", "rawH11"};
    if (figures.containsKey("http2.first.wasdkH2.us")) {
      md.append("First and second request on a new client (new TLS context: a full handshake),")
          .append(" µs:\n\n| kind | first request | second request |\n|---|---|---|\n");
      for (String k : kinds) {
        md.append("| ")
            .append(k)
            .append(" | ")
            .append(figure("http2.first." + k + ".us").format(BenchReport::integer))
            .append(" | ")
            .append(figure("http2.second." + k + ".us").format(BenchReport::integer))
            .append(" |\n");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private void pair(
      StringBuilder md,
      String group,
      String title,
      String a,
      String b,
      String logPrefix,
      String aName,
      String bName) {
    Set<Integer> threads = threads(group);
    if (threads.isEmpty()) {
      return;
    }
    md.append(String.format(Locale.ROOT, "%s, %s against %s:%n%n", title, aName, bName))
        .append(
            String.format(
                Locale.ROOT,
                "| threads per side | %s sends/s | %s sends/s | %s time ÷ %s | connections"
                    + " h2 / HTTP/1.1 |%n|---|---|---|---|---|%n",
                aName,
                bName,
                aName,
                bName));
    for (int t : threads) {
      String ka = group + "_" + a + "@t" + t;
      String kb = group + "_" + b + "@t" + t;
      String conn = "conn." + logPrefix + t + ".http2.connections.";
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %s | **%s** | %s / %s |%n",
              t,
              figure(ka).format(BenchReport::integer),
              figure(kb).format(BenchReport::integer),
              timeRatio(ka, kb).format(BenchReport::times),
              figure(conn + "h2").format(BenchReport::integer),
              figure(conn + "http11").format(BenchReport::integer)));
    }
    md.append('\n');
  }
}
