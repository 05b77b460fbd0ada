package dev.wasdk.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the raw output of {@code run-benchmarks.sh} into Markdown tables: for every figure and
 * every ratio, the median over the run's repetitions and their spread (min–max). Ratios are taken
 * within each repetition (both sides measured in the same run, minutes apart at most) and then
 * summarized, never as a ratio of medians.
 *
 * <p>Input, in {@code <dir>/raw}: JMH result files ({@code -rf json}) and harness logs with {@link
 * Results} lines, each named {@code <suite>-<anything>-r<repetition>.json} or {@code .txt}; {@code
 * env.txt} ({@code key=value}: mode, repetitions, cores, JDK, load averages); {@code commands.tsv}
 * ({@code suite<TAB>command}). Output: {@code <dir>/<suite>.md} per suite and {@code
 * <dir>/report.md} with all of them.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.report.BenchReport whatsapp-sdk-benchmarks/target/report
 * </pre>
 */
public final class BenchReport {
  private static final Pattern REPETITION = Pattern.compile("-r(\\d+)\\.(json|txt)$");
  private static final Pattern SEND_ROUNDS_KEY =
      Pattern.compile("sendRounds\\.jdk\\.t(\\d+)\\.ratio");
  private static final List<String> SUITES =
      List.of(
          "send",
          "webhook",
          "limiter",
          "redis",
          "memory",
          "pacing",
          "simulator",
          "sender",
          "observe");

  /** figure key, then repetition, then value. */
  private final Map<String, Map<Integer, Double>> figures = new TreeMap<>();

  private final Map<String, String> env = new LinkedHashMap<>();
  private final Map<String, Set<String>> commands = new LinkedHashMap<>();

  private BenchReport() {}

  /**
   * Reads {@code <dir>/raw} and writes the Markdown files.
   *
   * @param args the report directory
   * @throws IOException if the input cannot be read or the output written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "whatsapp-sdk-benchmarks/target/report");
    BenchReport report = read(dir.resolve("raw"));
    StringBuilder all = new StringBuilder();
    all.append("# Benchmark report\n\n").append(report.machine()).append("\n\n");
    for (String suite : SUITES) {
      String md = report.section(suite);
      if (md != null) {
        Files.writeString(dir.resolve(suite + ".md"), md, StandardCharsets.UTF_8);
        all.append(md).append('\n');
      }
    }
    Files.writeString(dir.resolve("report.md"), all.toString(), StandardCharsets.UTF_8);
    System.out.println("wrote " + dir.resolve("report.md"));
  }

  /** Reads the raw files of a run. */
  static BenchReport read(Path raw) throws IOException {
    BenchReport report = new BenchReport();
    report.load(raw);
    return report;
  }

  private void load(Path raw) throws IOException {
    Path envFile = raw.resolve("env.txt");
    if (Files.exists(envFile)) {
      for (String line : Files.readAllLines(envFile, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          env.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
      }
    }
    Path commandFile = raw.resolve("commands.tsv");
    if (Files.exists(commandFile)) {
      for (String line : Files.readAllLines(commandFile, StandardCharsets.UTF_8)) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          commands
              .computeIfAbsent(line.substring(0, tab), k -> new LinkedHashSet<>())
              .add(line.substring(tab + 1));
        }
      }
    }
    JsonMapper json = JsonMapper.builder().build();
    List<Path> files;
    try (Stream<Path> s = Files.list(raw)) {
      files = s.sorted().toList();
    }
    for (Path file : files) {
      Matcher m = REPETITION.matcher(file.getFileName().toString());
      if (!m.find()) {
        continue;
      }
      int rep = Integer.parseInt(m.group(1));
      if ("json".equals(m.group(2))) {
        if (Files.size(file) == 0) {
          continue;
        }
        for (JsonNode run : json.readTree(Files.readAllBytes(file))) {
          put(jmhKey(run), rep, run.path("primaryMetric").path("score").asDouble());
        }
      } else {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith(Results.PREFIX)) {
            String[] f = line.substring(Results.PREFIX.length()).trim().split(" ");
            if (f.length == 2) {
              put(f[0], rep, Double.parseDouble(f[1]));
            }
          }
        }
      }
    }
  }

  /** {@code Class.method[param=value,...]@t<threads>}, the class without its package. */
  static String jmhKey(JsonNode run) {
    String[] parts = run.path("benchmark").asString().split("\\.");
    StringBuilder key = new StringBuilder();
    key.append(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]);
    JsonNode params = run.path("params");
    if (params.isObject() && !params.isEmpty()) {
      List<String> kv = new ArrayList<>();
      for (Map.Entry<String, JsonNode> p : params.properties()) {
        kv.add(p.getKey() + "=" + p.getValue().asString());
      }
      kv.sort(null);
      key.append('[').append(String.join(",", kv)).append(']');
    }
    return key.append("@t").append(run.path("threads").asInt()).toString();
  }

  private void put(String key, int rep, double value) {
    figures.computeIfAbsent(key, k -> new TreeMap<>()).put(rep, value);
  }

  // ----------------------------------------------------------------------------------------
  // Statistics

  /** The median and spread of a figure over repetitions. */
  record Spread(double median, double min, double max, int n) {
    static final Spread NONE = new Spread(Double.NaN, Double.NaN, Double.NaN, 0);

    static Spread of(Collection<Double> values) {
      if (values.isEmpty()) {
        return NONE;
      }
      List<Double> v = new ArrayList<>(values);
      v.sort(null);
      int n = v.size();
      double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
      return new Spread(median, v.get(0), v.get(n - 1), n);
    }

    String format(DoubleFunction<String> f) {
      if (n == 0) {
        return "–";
      }
      if (n == 1 || min == max) {
        return f.apply(median);
      }
      return f.apply(median) + " (" + f.apply(min) + "–" + f.apply(max) + ")";
    }
  }

  Spread figure(String key) {
    Map<Integer, Double> v = figures.get(key);
    return v == null ? Spread.NONE : Spread.of(v.values());
  }

  /** numerator ÷ denominator within each repetition where both were measured. */
  Spread ratio(String numerator, String denominator) {
    Map<Integer, Double> a = figures.getOrDefault(numerator, Map.of());
    Map<Integer, Double> b = figures.getOrDefault(denominator, Map.of());
    List<Double> r = new ArrayList<>();
    for (Map.Entry<Integer, Double> e : a.entrySet()) {
      Double d = b.get(e.getKey());
      if (d != null && d != 0) {
        r.add(e.getValue() / d);
      }
    }
    return Spread.of(r);
  }

  /** Says whether a ratio meets a ceiling: in every repetition, by the median only, or not. */
  static String verdict(Spread ratio, double ceiling) {
    // Near the ceiling, two decimals could show a ratio just over it as equal to it.
    String median =
        Math.abs(ratio.median() - ceiling) < 0.005
            ? String.format(Locale.ROOT, "%.3f×", ratio.median())
            : times(ratio.median());
    if (ratio.max() <= ceiling) {
      return "met (" + median + ")";
    }
    if (ratio.median() <= ceiling) {
      return "met by the median (" + median + "), not in every repetition";
    }
    return "not met (" + median + ")";
  }

  static String num(double v) {
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String ns(double v) {
    return num(v) + " ns";
  }

  static String us(double v) {
    return num(v) + " µs";
  }

  static String millis(double v) {
    return num(v) + " ms";
  }

  static String times(double v) {
    return String.format(Locale.ROOT, "%.2f×", v);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f %%", v);
  }

  static String signedPct(double v) {
    return String.format(Locale.ROOT, "%+.1f %%", v);
  }

  static String integer(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  // ----------------------------------------------------------------------------------------
  // Sections

  String machine() {
    return String.format(
        Locale.ROOT,
        "Machine: %s cores (%s), %s; %s. Mode `%s`, %s repetition(s) of each suite; started %s,"
            + " load average %s at the start and %s at the end.",
        env.getOrDefault("nproc", "?"),
        env.getOrDefault("cpu", "?"),
        env.getOrDefault("java", "?"),
        env.getOrDefault("os", "?"),
        env.getOrDefault("mode", "?"),
        env.getOrDefault("reps", "?"),
        env.getOrDefault("started", "?"),
        env.getOrDefault("load.start", "?"),
        env.getOrDefault("load.end", "?"));
  }

  private String header(String suite, String title) {
    return String.format(
        Locale.ROOT,
        "## %s%n%n_%s cores, %s; mode `%s`, %s repetition(s): median (min–max); load average %s"
            + " at the start of this suite._%n%n",
        title,
        env.getOrDefault("nproc", "?"),
        env.getOrDefault("java", "?"),
        env.getOrDefault("mode", "?"),
        env.getOrDefault("reps", "?"),
        env.getOrDefault("load." + suite, "?"));
  }

  private String footer(String suite) {
    Set<String> c = commands.get(suite);
    if (c == null || c.isEmpty()) {
      return "";
    }
    return "\n```sh\n" + String.join("\n", c) + "\n```\n";
  }

  String section(String suite) {
    boolean any = figures.keySet().stream().anyMatch(k -> belongs(suite, k));
    if (!any) {
      return null;
    }
    switch (suite) {
      case "send":
        return send();
      case "webhook":
        return webhook();
      case "limiter":
        return limiter();
      case "redis":
        return redis();
      case "memory":
        return memory();
      case "pacing":
        return pacing();
      case "simulator":
        return simulator();
      case "sender":
        return sender();
      case "observe":
        return observe();
      default:
        return null;
    }
  }

  private static boolean belongs(String suite, String key) {
    switch (suite) {
      case "send":
        return key.startsWith("SendBenchmark.");
      case "webhook":
        return key.startsWith("WebhookParseBenchmark.")
            || key.startsWith("SignatureVerifyBenchmark.");
      case "limiter":
        return key.startsWith("InMemoryLimiterBenchmark.");
      case "redis":
        return key.startsWith("RedisLimiterBenchmark.");
      case "observe":
        return key.startsWith("ObservedSendBenchmark.")
            || key.startsWith("ObservedWebhookBenchmark.");
      default:
        return key.startsWith(suite + ".");
    }
  }

  private Set<Integer> threads(String prefix) {
    Set<Integer> t = new TreeSet<>();
    for (String k : figures.keySet()) {
      if (k.startsWith(prefix)) {
        t.add(Integer.parseInt(k.substring(k.lastIndexOf("@t") + 2)));
      }
    }
    return t;
  }

  /** The alternating rounds in one JVM ({@code SendRounds}), when the run has them. */
  private void appendSendRounds(StringBuilder md) {
    Set<Integer> counts = new TreeSet<>();
    for (String k : figures.keySet()) {
      Matcher m = SEND_ROUNDS_KEY.matcher(k);
      if (m.matches()) {
        counts.add(Integer.parseInt(m.group(1)));
      }
    }
    if (counts.isEmpty()) {
      return;
    }
    md.append("\n**Alternating rounds in one JVM** (`SendRounds`): each round sends from one side")
        .append(" and then the other for the same time, the order alternating; a round's ratio is")
        .append(" the raw side's sends per second ÷ wasdk's; per repetition the median over the")
        .append(" rounds, here the median (min–max) over the repetitions.\n\n")
        .append("| threads | wasdk time ÷ raw `HttpClient` | wasdk-okhttp time ÷ raw OkHttp |\n")
        .append("|---|---|---|\n");
    List<String> jdk = new ArrayList<>();
    List<String> ok = new ArrayList<>();
    for (int t : counts) {
      Spread j = figure("sendRounds.jdk.t" + t + ".ratio");
      Spread o = figure("sendRounds.okhttp.t" + t + ".ratio");
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | **%s** | **%s** |%n",
              t,
              j.format(BenchReport::times),
              o.format(BenchReport::times)));
      String label = t == 1 ? "1 thread" : t + " threads";
      if (j.n() > 0) {
        jdk.add(label + ": " + verdict(j, 1.10));
      }
      if (o.n() > 0) {
        ok.add(label + ": " + verdict(o, 1.05));
      }
    }
    md.append("\nTarget wasdk ≤ 1.10× raw `HttpClient`: ")
        .append(String.join("; ", jdk))
        .append(". Target wasdk-okhttp ≤ 1.05× raw OkHttp: ")
        .append(String.join("; ", ok))
        .append(".\n");
  }

  private String send() {
    StringBuilder md = new StringBuilder(header("send", "Send path: sends per second"));
    boolean http11 =
        figures.keySet().stream().anyMatch(k -> k.startsWith("SendBenchmark.camelHttp11@"));
    boolean okhttp = figures.keySet().stream().anyMatch(k -> k.startsWith("SendBenchmark.okhttp@"));
    boolean onOkhttp =
        okhttp
            && figures.keySet().stream().anyMatch(k -> k.startsWith("SendBenchmark.wasdkOkhttp@"));
    md.append(
            "| threads | raw `HttpClient` | wasdk | wasdk time ÷ raw | Camel | Camel time ÷ raw |")
        .append(http11 ? " Camel, HTTP/1.1 client | its time ÷ raw |" : "")
        .append(okhttp ? " raw OkHttp | OkHttp time ÷ raw | wasdk time ÷ OkHttp |" : "")
        .append(onOkhttp ? " wasdk-okhttp | wasdk-okhttp ÷ okhttp |" : "")
        .append("\n|---|---|---|---|---|---|")
        .append(http11 ? "---|---|" : "")
        .append(okhttp ? "---|---|---|" : "")
        .append(onOkhttp ? "---|---|" : "")
        .append('\n');
    List<String> verdicts = new ArrayList<>();
    List<String> okhttpVerdicts = new ArrayList<>();
    for (int t : threads("SendBenchmark.")) {
      String raw = "SendBenchmark.raw@t" + t;
      String wasdk = "SendBenchmark.wasdk@t" + t;
      String camel = "SendBenchmark.camel@t" + t;
      String camel11 = "SendBenchmark.camelHttp11@t" + t;
      String ok = "SendBenchmark.okhttp@t" + t;
      Spread ratio = ratio(raw, wasdk);
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %s | **%s** | %s | %s |",
              t,
              figure(raw).format(BenchReport::integer),
              figure(wasdk).format(BenchReport::integer),
              ratio.format(BenchReport::times),
              figure(camel).format(BenchReport::integer),
              ratio(raw, camel).format(BenchReport::times)));
      if (http11) {
        md.append(
            String.format(
                Locale.ROOT,
                " %s | %s |",
                figure(camel11).format(BenchReport::integer),
                ratio(raw, camel11).format(BenchReport::times)));
      }
      if (okhttp) {
        md.append(
            String.format(
                Locale.ROOT,
                " %s | %s | %s |",
                figure(ok).format(BenchReport::integer),
                ratio(raw, ok).format(BenchReport::times),
                ratio(ok, wasdk).format(BenchReport::times)));
      }
      if (onOkhttp) {
        String onOk = "SendBenchmark.wasdkOkhttp@t" + t;
        Spread r = ratio(ok, onOk);
        md.append(
            String.format(
                Locale.ROOT,
                " %s | **%s** |",
                figure(onOk).format(BenchReport::integer),
                r.format(BenchReport::times)));
        if (r.n() > 0) {
          okhttpVerdicts.add((t == 1 ? "1 thread" : t + " threads") + ": " + verdict(r, 1.05));
        }
      }
      md.append('\n');
      if (ratio.n() > 0) {
        verdicts.add((t == 1 ? "1 thread" : t + " threads") + ": " + verdict(ratio, 1.10));
      }
    }
    md.append("\nA time ratio is raw sends per second ÷ the client's, within each repetition.")
        .append(" Target wasdk ≤ 1.10× raw: ")
        .append(String.join("; ", verdicts))
        .append(".\n");
    if (!okhttpVerdicts.isEmpty()) {
      md.append(
              "wasdk-okhttp is wasdk on its OkHttp transport (`whatsapp-sdk-okhttp`); its ratio is")
          .append(" raw OkHttp sends per second ÷ its own. Target ≤ 1.05× raw OkHttp: ")
          .append(String.join("; ", okhttpVerdicts))
          .append(".\n");
    }
    appendSendRounds(md);
    return md.append(footer("send")).toString();
  }

  private String webhook() {
    StringBuilder md = new StringBuilder(header("webhook", "Webhook: verify and parse"));
    md.append("| payload | baseline | wasdk | wasdk ÷ baseline |\n|---|---|---|---|\n");
    List<String> verdicts = new ArrayList<>();
    for (String payload : List.of("inboundText", "statuses1000")) {
      String base = "WebhookParseBenchmark.baselineHmacAndReadTree[payload=" + payload + "]@t1";
      String ours = "WebhookParseBenchmark.hmacAndParse[payload=" + payload + "]@t1";
      Spread r = ratio(ours, base);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s: HMAC + `readTree` vs HMAC + `WebhookParser.parse` | %s | %s | **%s** |%n",
              payload,
              figure(base).format(BenchReport::us),
              figure(ours).format(BenchReport::us),
              r.format(BenchReport::times)));
      if (r.n() > 0) {
        verdicts.add(payload + ": " + verdict(r, 1.3));
      }
    }
    String verify = "SignatureVerifyBenchmark.verify@t1";
    String mac = "SignatureVerifyBenchmark.rawMacReused@t1";
    md.append(
        String.format(
            Locale.ROOT,
            "| 1.5 KB body: raw `Mac` per thread vs `SignatureVerifier.verify` | %s | %s | %s |%n",
            figure(mac).format(BenchReport::ns),
            figure(verify).format(BenchReport::ns),
            ratio(verify, mac).format(BenchReport::times)));
    md.append("\nTarget parse ≤ 1.3× the baseline: ").append(String.join("; ", verdicts));
    md.append(".\n");
    return md.append(footer("webhook")).toString();
  }

  private String limiter() {
    StringBuilder md =
        new StringBuilder(header("limiter", "Limiter: in-memory store against Bucket4j"));
    boolean nano = figures.keySet().stream().anyMatch(k -> k.contains(".wasdkTryTakeNanoTime["));
    md.append("| rate | threads | wasdk (`Instant.now()`) | Bucket4j, keyed | wasdk ÷ Bucket4j |")
        .append(nano ? " wasdk (`nanoTime`) | wasdk (`nanoTime`) ÷ Bucket4j |" : "")
        .append(nano ? "\n|---|---|---|---|---|---|---|\n" : "\n|---|---|---|---|---|\n");
    for (String rate : List.of("1000000000", "80")) {
      for (int t : threads("InMemoryLimiterBenchmark.")) {
        String p = "[rate=" + rate + "]@t" + t;
        String instant = "InMemoryLimiterBenchmark.wasdkTryTake" + p;
        String nanoTime = "InMemoryLimiterBenchmark.wasdkTryTakeNanoTime" + p;
        String keyed = "InMemoryLimiterBenchmark.bucket4jKeyed" + p;
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | **%s** |",
                "80".equals(rate) ? "80/s (mostly refused)" : "unbounded (always succeeds)",
                t,
                figure(instant).format(BenchReport::ns),
                figure(keyed).format(BenchReport::ns),
                ratio(instant, keyed).format(BenchReport::times)));
        if (nano) {
          md.append(
              String.format(
                  Locale.ROOT,
                  " %s | %s |",
                  figure(nanoTime).format(BenchReport::ns),
                  ratio(nanoTime, keyed).format(BenchReport::times)));
        }
        md.append('\n');
      }
    }
    md.append(
        "\nTime per take (JMH average time per thread); lower is better. Bucket4j looks its"
            + " bucket up in a `ConcurrentHashMap` by the same key, as wasdk's store does.\n");
    return md.append(footer("limiter")).toString();
  }

  private String redis() {
    StringBuilder md =
        new StringBuilder(header("redis", "Limiter: Redis store against Bucket4j-Lettuce"));
    boolean admit = figures.keySet().stream().anyMatch(k -> k.contains(".wasdkAdmit@"));
    md.append("| threads | wasdk takes/s | Bucket4j takes/s | wasdk ÷ Bucket4j (throughput) |")
        .append(admit ? " wasdk unique-window admits/s |" : "")
        .append(admit ? "\n|---|---|---|---|---|\n" : "\n|---|---|---|---|\n");
    for (int t : threads("RedisLimiterBenchmark.")) {
      String ours = "RedisLimiterBenchmark.wasdkTryTake@t" + t;
      String theirs = "RedisLimiterBenchmark.bucket4jTryConsume@t" + t;
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %s | **%s** |",
              t,
              figure(ours).format(BenchReport::integer),
              figure(theirs).format(BenchReport::integer),
              ratio(ours, theirs).format(BenchReport::times)));
      if (admit) {
        md.append(' ')
            .append(figure("RedisLimiterBenchmark.wasdkAdmit@t" + t).format(BenchReport::integer))
            .append(" |");
      }
      md.append('\n');
    }
    md.append("\nBoth on the same local redis-server; higher is better.\n");
    return md.append(footer("redis")).toString();
  }

  private Set<String> middles(String prefix) {
    Set<String> out = new LinkedHashSet<>();
    for (String k : figures.keySet()) {
      if (k.startsWith(prefix)) {
        String rest = k.substring(prefix.length());
        int dot = rest.lastIndexOf('.');
        if (dot > 0) {
          out.add(rest.substring(0, dot));
        }
      }
    }
    return out;
  }

  private String memory() {
    StringBuilder md = new StringBuilder(header("memory", "Memory"));
    md.append("| what | N | bytes |\n|---|---|---|\n");
    for (String n : sortedNumerically(middles("memory.sender."))) {
      String k = "memory.sender." + n + ".";
      md.append(
          String.format(
              Locale.ROOT,
              "| `MessageSender` queue, per queued message (future included) | %s | %s |%n",
              integer(Double.parseDouble(n)),
              figure(k + "queueBytesPerMessage").format(BenchReport::num)));
      md.append(
          String.format(
              Locale.ROOT,
              "| the queued template `Message` itself | %s | %s |%n",
              integer(Double.parseDouble(n)),
              figure(k + "messageBytes").format(BenchReport::num)));
    }
    for (String n : sortedNumerically(middles("memory.dedupe."))) {
      String k = "memory.dedupe." + n + ".";
      md.append(
          String.format(
              Locale.ROOT,
              "| `InMemoryDeduplicator`, per key: the store's own structures | %s | %s |%n",
              integer(Double.parseDouble(n)),
              figure(k + "structureBytesPerKey").format(BenchReport::num)));
      md.append(
          String.format(
              Locale.ROOT,
              "| `InMemoryDeduplicator`, per key: with its 62-character key string | %s | **%s** |%n",
              integer(Double.parseDouble(n)),
              figure(k + "totalBytesPerKey").format(BenchReport::num)));
    }
    md.append("\nUsed heap after full collections (`MemoryMXBean`), compressed references on.\n");
    return md.append(footer("memory")).toString();
  }

  private String observe() {
    StringBuilder md =
        new StringBuilder(
            header(
                "observe", "Observability overhead: Micrometer and OpenTelemetry on against off"));
    md.append("| path | off | on | on ÷ off |\n|---|---|---|---|\n");
    List<String> verdicts = new ArrayList<>();
    String[][] rows = {
      {
        "ObservedSendBenchmark.send[observability=%s,transport=loopback]@t1",
        "send, loopback round trip",
        "target"
      },
      {
        "ObservedWebhookBenchmark.deliver[observability=%s]@t1",
        "webhook delivery: verify, parse, dispatch",
        "target"
      },
      {
        "ObservedSendBenchmark.send[observability=%s,transport=canned]@t1",
        "send, no network (wasdk's own cost)",
        ""
      }
    };
    for (String[] row : rows) {
      String off = String.format(Locale.ROOT, row[0], "off");
      String on = String.format(Locale.ROOT, row[0], "on");
      Spread r = ratio(on, off);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | **%s** |%n",
              row[1],
              figure(off).format(BenchReport::ns),
              figure(on).format(BenchReport::ns),
              r.format(BenchReport::times)));
      if (!row[2].isEmpty() && r.n() > 0) {
        verdicts.add(row[1] + ": " + verdict(r, 1.05));
      }
    }
    md.append(
            "\nTimes per operation; a ratio is taken within each repetition. Target on ≤ 1.05× off: ")
        .append(String.join("; ", verdicts))
        .append(".\n");
    if (figures.containsKey("observe.sendCanned.cpu.ratio")) {
      md.append(
          "\n| CPU time per operation | off | on | added | on ÷ off |\n|---|---|---|---|---|\n");
      for (String[] row :
          new String[][] {
            {"sendCanned.cpu", "send, no network (calling thread)"},
            {"webhook.cpu", "webhook delivery in memory (calling thread)"},
            {"sendLoopback.cpu", "send, loopback (whole process)"}
          }) {
        String k = "observe." + row[0] + ".";
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s |%n",
                row[1],
                figure(k + "offNanos").format(BenchReport::ns),
                figure(k + "onNanos").format(BenchReport::ns),
                ns(figure(k + "onNanos").median() - figure(k + "offNanos").median()),
                figure(k + "ratio").format(BenchReport::times)));
      }
    }
    return md.append(footer("observe")).toString();
  }

  private String sender() {
    StringBuilder md =
        new StringBuilder(
            header("sender", "Sender: `submit()` with a stalling store, memory with deadlines"));
    md.append("| `submit()` | wall p50 | wall p99 | wall p99.9 | CPU p50 | CPU p99 |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (String[] run :
        new String[][] {
          {"healthy", "in-memory stores"}, {"stalling", "stores sleeping 1 s then throwing"}
        }) {
      String k = "sender.submit." + run[0] + ".";
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | **%s** | %s | %s | %s |%n",
              run[1],
              figure(k + "wall.p50Micros").format(BenchReport::us),
              figure(k + "wall.p99Micros").format(BenchReport::us),
              figure(k + "wall.p99.9Micros").format(BenchReport::us),
              figure(k + "cpu.p50Micros").format(BenchReport::us),
              figure(k + "cpu.p99Micros").format(BenchReport::us)));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| ratio stalling / healthy (median of the rounds' ratios) | %s | %s | %s | | |%n",
            figure("sender.submit.ratio.p50").format(BenchReport::times),
            figure("sender.submit.ratio.p99").format(BenchReport::times),
            figure("sender.submit.ratio.p99.9").format(BenchReport::times)));
    Set<String> sizes = middles("memory.senderDeadlines.");
    if (!sizes.isEmpty()) {
      md.append("\n| queued with 1-day deadlines | N | bytes per message |\n|---|---|---|\n");
      String[][] rows = {
        {"messageBytes", "the template message itself"},
        {"queueBytesPerMessage", "the sender's cost per queued message, future included"},
        {"heldBytesPerMessage", "all the sender holds per queued message, message included"},
        {"afterCancelBytesPerMessage", "left after all are cancelled, sender open"},
        {"afterCloseBytesPerMessage", "left after `close(ZERO)`, closed sender still referenced"}
      };
      for (String n : sortedNumerically(sizes)) {
        for (String[] row : rows) {
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %s |%n",
                  row[1],
                  integer(Double.parseDouble(n)),
                  figure("memory.senderDeadlines." + n + "." + row[0]).format(BenchReport::num)));
        }
      }
    }
    md.append(
        "\n`submit()` timed per call from one thread, one every 2 ms, the two senders in"
            + " alternating rounds; used heap after full collections.\n");
    return md.append(footer("sender")).toString();
  }

  private static List<String> sortedNumerically(Set<String> names) {
    List<String> l = new ArrayList<>(names);
    l.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
    return l;
  }

  private String pacing() {
    StringBuilder md =
        new StringBuilder(
            header("pacing", "Pacing sender against a server answering after 200 ms"));
    md.append(
        "| run | achieved | % of nominal | max arrivals in any 1 s | 130429 | wall vs floor |"
            + " failed | peak client threads | peak open connections |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (String run : middles("pacing.")) {
      String k = "pacing." + run + ".";
      md.append(
          String.format(
              Locale.ROOT,
              "| `%s` | %s/s | %s | %s | %s | %s s vs %s s (%s) | %s | %s | %s |%n",
              run.replace('_', ' '),
              figure(k + "achievedPerSecond").format(BenchReport::num),
              figure(k + "percentOfNominal").format(BenchReport::pct),
              figure(k + "maxArrivalsPerWindow").format(BenchReport::integer),
              figure(k + "throttled").format(BenchReport::integer),
              figure(k + "wallSeconds").format(BenchReport::num),
              figure(k + "floorSeconds").format(BenchReport::num),
              figure(k + "wallOverFloorPercent").format(BenchReport::signedPct),
              figure(k + "failed").format(BenchReport::integer),
              figure(k + "peakClientThreads").format(BenchReport::integer),
              figure(k + "peakOpenConnections").format(BenchReport::integer)));
    }
    md.append(
        "\nServer-side figures (achieved rate, arrivals per sliding second, 130429 answers, open"
            + " connections) are counted by the server; thread counts are the harness JVM's peak."
            + " The floor is (N − 1) ÷ nominal rate + 200 ms.\n");
    return md.append(footer("pacing")).toString();
  }

  private String simulator() {
    StringBuilder md = new StringBuilder(header("simulator", "Simulator capacity"));
    md.append("| offered load | served req/s | accepted msg/s | 130429/s | p50 | p99 |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (String load : middles("simulator.")) {
      String k = "simulator." + load + ".";
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |%n",
              load.equals("closedLoop")
                  ? "as fast as possible"
                  : load.replace("offered", "") + " req/s",
              figure(k + "requestsPerSecond").format(BenchReport::integer),
              figure(k + "acceptedPerSecond").format(BenchReport::integer),
              figure(k + "throttledPerSecond").format(BenchReport::integer),
              figure(k + "p50Millis").format(BenchReport::millis),
              figure(k + "p99Millis").format(BenchReport::millis)));
    }
    return md.append(footer("simulator")).toString();
  }
}
