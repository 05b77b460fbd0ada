package dev.wasdk.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Http2ReportTest {
  @TempDir Path dir;

  private static String group(String name, int threads, double h2, double h11) {
    return "[{\"benchmark\":\"dev.wasdk.benchmarks.send.Http2SendBenchmark."
        + name
        + "\",\"mode\":\"thrpt\",\"threads\":"
        + threads
        + ",\"primaryMetric\":{\"score\":"
        + (h2 + h11)
        + "},\"secondaryMetrics\":{\""
        + name
        + "_h2\":{\"score\":"
        + h2
        + "},\""
        + name
        + "_h11\":{\"score\":"
        + h11
        + "}}}]";
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void markdown_twoRepetitionsOfAPair_ratioPerRepetitionAndConnections() throws IOException {
    // 8 + 8 threads: h2 half 1,000 and 2,000 sends/s, HTTP/1.1 half 1,500 and 2,000.
    write("http2-wasdk-t8-r1.json", group("wasdkVersions", 16, 1000, 1500));
    write("http2-wasdk-t8-r2.json", group("wasdkVersions", 16, 2000, 2000));
    write(
        "http2-wasdk-t8-r1.log",
        "noise\nRESULT http2.connections.h2 1.00000\nRESULT http2.connections.http11 9.00000\n");
    write("http2-first-r1.txt", "RESULT http2.first.wasdkH2.us 4200.00\n");

    Http2Report report = Http2Report.read(dir);
    String md = report.markdown();

    BenchReport.Spread ratio = report.timeRatio("wasdkVersions_h2@t8", "wasdkVersions_h11@t8");
    assertThat(ratio.min()).isCloseTo(1.0, within(1e-9));
    assertThat(ratio.max()).isCloseTo(1.5, within(1e-9));
    assertThat(md)
        .contains(
            "| 8 | 1,500 (1,000–2,000) | 1,750 (1,500–2,000) | **1.25× (1.00×–1.50×)** | 1 / 9 |")
        .contains("| wasdkH2 | 4,200 |")
        .doesNotContain("rawVersions");
  }
}
