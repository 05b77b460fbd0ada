package dev.wasdk.benchmarks.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlowServerTest {
  private static final long MS = 1_000_000L;

  @Test
  void maxPerSecondWindow_arrivalsOneSecondApart_countsHalfOpenWindow() {
    // 0, 500 ms and 999 ms fall in one window; 1,000 ms starts the next.
    List<Long> sorted = List.of(0L, 500 * MS, 999 * MS, 1000 * MS, 1800 * MS);

    assertThat(SlowServer.maxPerSecondWindow(sorted)).isEqualTo(3);
    assertThat(SlowServer.maxPerSecondWindow(List.of())).isZero();
  }

  @Test
  void statsParse_ofToText_roundTrips() {
    SlowServer.Stats stats =
        new SlowServer.Stats(
            640, 2, 7.99, 80.01, 81, 80, 17, 18, 17, List.of(79, 80, 3), List.of(0.5, 1.25));

    assertThat(SlowServer.Stats.parse(stats.toText())).isEqualTo(stats);
  }

  @Test
  void handle_overTheLimit_answers130429AndCountsOnTheServer() throws Exception {
    // A clock that stands still: all three arrivals fall in one window however slow the machine.
    try (SlowServer server = new SlowServer(0, 0, 2, 4, () -> 1_000_000_000L)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create(server.baseUrl() + "/v24.0/1/messages");
      List<Integer> statuses = new ArrayList<>();
      String lastBody = "";
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        statuses.add(r.statusCode());
        lastBody = r.body();
      }
      HttpResponse<String> stats =
          client.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_stats")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(statuses).containsExactly(200, 200, 400);
      assertThat(lastBody).contains("130429");
      SlowServer.Stats s = SlowServer.Stats.parse(stats.body());
      assertThat(s.accepted()).isEqualTo(2);
      assertThat(s.throttled()).isEqualTo(1);
      assertThat(s.maxArrivalsPerWindow()).isEqualTo(3);
      assertThat(s.distinctConnections()).isEqualTo(1);
    }
  }
}
