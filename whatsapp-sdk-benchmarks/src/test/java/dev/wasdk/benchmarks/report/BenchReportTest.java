package dev.wasdk.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
  @TempDir Path dir;

  private static String jmh(String benchmark, int threads, String params, double score) {
    return "{\"benchmark\":\"dev.wasdk.benchmarks.send."
        + benchmark
        + "\",\"mode\":\"thrpt\",\"threads\":"
        + threads
        + (params == null ? "" : ",\"params\":" + params)
        + ",\"primaryMetric\":{\"score\":"
        + score
        + ",\"scoreUnit\":\"ops/s\"}}";
  }

  private Path raw() throws IOException {
    return Files.createDirectories(dir.resolve("raw"));
  }

  private void write(String name, String... lines) throws IOException {
    Files.writeString(raw().resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void spreadOf_oddAndEvenCounts_medianAndRange() {
    BenchReport.Spread odd = BenchReport.Spread.of(List.of(3.0, 1.0, 2.0));
    BenchReport.Spread even = BenchReport.Spread.of(List.of(4.0, 1.0, 2.0, 3.0));

    assertThat(odd.median()).isEqualTo(2.0);
    assertThat(odd.min()).isEqualTo(1.0);
    assertThat(odd.max()).isEqualTo(3.0);
    assertThat(even.median()).isEqualTo(2.5);
    assertThat(even.n()).isEqualTo(4);
  }

  @Test
  void format_oneOrManyValues_medianThenRange() {
    assertThat(BenchReport.Spread.of(List.of(1.5)).format(BenchReport::times)).isEqualTo("1.50×");
    assertThat(BenchReport.Spread.of(List.of(1.0, 1.2, 2.0)).format(BenchReport::times))
        .isEqualTo("1.20× (1.00×–2.00×)");
    assertThat(BenchReport.Spread.NONE.format(BenchReport::times)).isEqualTo("–");
  }

  @Test
  void verdict_spreadAcrossTheCeiling_saysWhetherEveryRepetitionMetIt() {
    assertThat(BenchReport.verdict(BenchReport.Spread.of(List.of(1.0, 1.05, 1.08)), 1.10))
        .isEqualTo("met (1.05×)");
    assertThat(BenchReport.verdict(BenchReport.Spread.of(List.of(1.0, 1.05, 1.2)), 1.10))
        .isEqualTo("met by the median (1.05×), not in every repetition");
    assertThat(BenchReport.verdict(BenchReport.Spread.of(List.of(1.0, 1.15, 1.2)), 1.10))
        .isEqualTo("not met (1.15×)");
    assertThat(BenchReport.verdict(BenchReport.Spread.of(List.of(1.1022)), 1.10))
        .isEqualTo("not met (1.102×)");
  }

  @Test
  void ratio_twoRepetitions_takenWithinEachRepetitionNotOfMedians() throws IOException {
    write(
        "send-t8-r1.json",
        "[" + jmh("SendBenchmark.raw", 8, null, 100) + ",",
        jmh("SendBenchmark.wasdk", 8, null, 50) + "]");
    write(
        "send-t8-r2.json",
        "[" + jmh("SendBenchmark.raw", 8, null, 200) + ",",
        jmh("SendBenchmark.wasdk", 8, null, 200) + "]");

    BenchReport report = BenchReport.read(raw());

    BenchReport.Spread ratio = report.ratio("SendBenchmark.raw@t8", "SendBenchmark.wasdk@t8");
    // Per repetition: 2.0 and 1.0; the ratio of the medians would be 150 / 125 = 1.2.
    assertThat(ratio.median()).isCloseTo(1.5, within(1e-9));
    assertThat(ratio.min()).isCloseTo(1.0, within(1e-9));
    assertThat(ratio.max()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void read_jmhParamsAndResultLines_keyedByBenchmarkParamsAndThreads() throws IOException {
    write(
        "limiter-t2-r1.json",
        "[" + jmh("InMemoryLimiterBenchmark.wasdkTryTake", 2, "{\"rate\":\"80\"}", 42.5) + "]");
    write(
        "pacing-1-r1.txt",
        "paced n=640 rate=80/s: some human-readable line",
        "RESULT pacing.accuracy_80_8.achievedPerSecond 78.1000",
        "RESULT pacing.accuracy_80_8.throttled 0.00000");

    BenchReport report = BenchReport.read(raw());

    assertThat(report.figure("InMemoryLimiterBenchmark.wasdkTryTake[rate=80]@t2").median())
        .isEqualTo(42.5);
    assertThat(report.figure("pacing.accuracy_80_8.achievedPerSecond").median()).isEqualTo(78.1);
    assertThat(report.figure("pacing.accuracy_80_8.throttled").n()).isEqualTo(1);
    assertThat(report.figure("no.such.figure").n()).isZero();
  }

  @Test
  void section_sendWithTwoThreadCounts_statesWhichMeetTheTarget() throws IOException {
    write(
        "send-t1-r1.json",
        "[" + jmh("SendBenchmark.raw", 1, null, 1050) + ",",
        jmh("SendBenchmark.wasdk", 1, null, 1000) + "]");
    write(
        "send-t64-r1.json",
        "[" + jmh("SendBenchmark.raw", 64, null, 1200) + ",",
        jmh("SendBenchmark.wasdk", 64, null, 1000) + "]");
    write("commands.tsv", "send\tjava -jar benchmarks.jar 'SendBenchmark' -t 1");

    String md = BenchReport.read(raw()).section("send");

    assertThat(md)
        .contains("| 1 | 1,050 | 1,000 | **1.05×**")
        .contains("| 64 | 1,200 | 1,000 | **1.20×**")
        .contains("1 thread: met (1.05×); 64 threads: not met (1.20×)")
        .contains("java -jar benchmarks.jar 'SendBenchmark' -t 1");
    assertThat(BenchReport.read(raw()).section("redis")).isNull();
  }

  @Test
  void section_sendWithOkHttp_addsItsColumnsAndWasdksRatioToIt() throws IOException {
    write(
        "send-t8-r1.json",
        "[" + jmh("SendBenchmark.raw", 8, null, 1000) + ",",
        jmh("SendBenchmark.wasdk", 8, null, 800) + ",",
        jmh("SendBenchmark.camel", 8, null, 250) + ",",
        jmh("SendBenchmark.okhttp", 8, null, 1200) + "]");

    String md = BenchReport.read(raw()).section("send");

    assertThat(md)
        .contains("| raw OkHttp | OkHttp time ÷ raw | wasdk time ÷ OkHttp |")
        .contains("|---|---|---|---|---|---|---|---|---|\n")
        .contains("| 8 | 1,000 | 800 | **1.25×** | 250 | 4.00× | 1,200 | 0.83× | 1.50× |");
  }

  @Test
  void section_sendWithRounds_addsTheAlternatingRoundsTableAndItsVerdicts() throws IOException {
    write(
        "send-t1-r1.json",
        "[" + jmh("SendBenchmark.raw", 1, null, 1000) + ",",
        jmh("SendBenchmark.wasdk", 1, null, 900) + "]");
    write(
        "send-rounds-r1.txt",
        "RESULT sendRounds.jdk.t1.ratio 1.02",
        "RESULT sendRounds.okhttp.t1.ratio 1.08",
        "RESULT sendRounds.jdk.t8.ratio 1.20",
        "RESULT sendRounds.okhttp.t8.ratio 0.97");
    write(
        "send-rounds-r2.txt",
        "RESULT sendRounds.jdk.t1.ratio 1.04",
        "RESULT sendRounds.okhttp.t1.ratio 1.02",
        "RESULT sendRounds.jdk.t8.ratio 1.00",
        "RESULT sendRounds.okhttp.t8.ratio 0.99");

    String md = BenchReport.read(raw()).section("send");

    assertThat(md)
        .contains("| threads | wasdk time ÷ raw `HttpClient` | wasdk-okhttp time ÷ raw OkHttp |")
        .contains("| 1 | **1.03× (1.02×–1.04×)** | **1.05× (1.02×–1.08×)** |")
        .contains("| 8 | **1.10× (1.00×–1.20×)** | **0.98× (0.97×–0.99×)** |")
        .contains("Target wasdk ≤ 1.10× raw `HttpClient`: 1 thread: met")
        .contains("Target wasdk-okhttp ≤ 1.05× raw OkHttp: 1 thread: met by the median");
  }

  @Test
  void section_sendWithoutOkHttp_hasNoOkHttpColumns() throws IOException {
    write(
        "send-t1-r1.json",
        "[" + jmh("SendBenchmark.raw", 1, null, 1000) + ",",
        jmh("SendBenchmark.wasdk", 1, null, 1000) + "]");

    assertThat(BenchReport.read(raw()).section("send"))
        .doesNotContain("OkHttp")
        .contains("|---|---|---|---|---|---|\n| 1 |");
  }

  @Test
  void main_rawDirectory_writesOneFilePerSuiteAndTheWholeReport() throws IOException {
    write("env.txt", "mode=quick", "reps=1", "nproc=2", "java=openjdk version 17.0.15");
    write("memory-dedupe-r1.txt", "RESULT memory.dedupe.100000.totalBytesPerKey 217.3");

    BenchReport.main(new String[] {dir.toString()});

    assertThat(dir.resolve("memory.md")).content().contains("| 100,000 | **217** |");
    assertThat(dir.resolve("report.md"))
        .content()
        .contains("Machine: 2 cores")
        .contains("Mode `quick`")
        .contains("## Memory");
    assertThat(dir.resolve("send.md")).doesNotExist();
  }

  @Test
  void section_senderWithTwoRepetitions_mediansOfSubmitAndQueuedMemory() throws IOException {
    write(
        "sender-submit-r1.txt",
        "RESULT sender.submit.healthy.wall.p99Micros 500",
        "RESULT sender.submit.stalling.wall.p99Micros 10",
        "RESULT sender.submit.ratio.p99 0.02");
    write(
        "sender-submit-r2.txt",
        "RESULT sender.submit.healthy.wall.p99Micros 300",
        "RESULT sender.submit.stalling.wall.p99Micros 30",
        "RESULT sender.submit.ratio.p99 0.1");
    write(
        "sender-queued-r1.txt",
        "RESULT memory.senderDeadlines.1000000.queueBytesPerMessage 470",
        "RESULT memory.senderDeadlines.1000000.afterCancelBytesPerMessage 24");
    write(
        "commands.tsv",
        "sender\tjava -cp benchmarks.jar dev.wasdk.benchmarks.pacing.SubmitLatency");

    String md = BenchReport.read(raw()).section("sender");

    assertThat(md)
        .contains("| in-memory stores | – | **400 µs (300 µs–500 µs)** |")
        .contains("| stores sleeping 1 s then throwing | – | **20.0 µs (10.0 µs–30.0 µs)** |")
        .contains("| – | 0.06× (0.02×–0.10×) | – |")
        .contains("the sender's cost per queued message, future included | 1,000,000 | 470 |")
        .contains("left after all are cancelled, sender open | 1,000,000 | 24.0 |")
        .contains("dev.wasdk.benchmarks.pacing.SubmitLatency");
  }
}
