package dev.wasdk.benchmarks.send;

import dev.wasdk.benchmarks.report.Results;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the first request on a new client, TLS handshake and protocol set-up included, and the
 * second one on the connection the first opened, over HTTP/2 and HTTP/1.1 against a {@link
 * TlsLoopbackServer}: what a bursty application pays when its connection has gone idle.
 *
 * <p>Each round builds, for each of four kinds (wasdk and a raw POST, each on HTTP/2 and on
 * HTTP/1.1), a new JDK {@code HttpClient} with a new TLS context (an empty session cache, so the
 * handshake is a full one), sends once and times it, then sends again. The kinds go in a rotated
 * order each round so none always goes first. The first {@code warm-up} rounds are not counted.
 * Output: the median and min–max per kind and a {@code RESULT} line per median.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.send.FirstRequestTime 60 20
 * </pre>
 */
public final class FirstRequestTime {
  private static final String[] KINDS = {"wasdkH2", "wasdkH11", "rawH2", "rawH11"};

  private FirstRequestTime() {}

  /**
   * Runs the rounds and prints the figures.
   *
   * @param args the number of measured rounds (default 60) and of warm-up rounds (default 20)
   * @throws Exception if the server cannot start or a request fails
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<List<Long>> first = new ArrayList<>();
    List<List<Long>> second = new ArrayList<>();
    for (int k = 0; k < KINDS.length; k++) {
      first.add(new ArrayList<>());
      second.add(new ArrayList<>());
    }
    Message message = Message.to("+16505551234").text(Http2SendBenchmark.TEXT);
    try (TlsLoopbackServer server = new TlsLoopbackServer(Http2SendBenchmark.SERVER_THREADS)) {
      HttpRequest replay;
      try (WhatsAppClient wa =
          Http2SendBenchmark.wasdk(
              server, Http2SendBenchmark.pinned(server, HttpClient.Version.HTTP_1_1))) {
        replay = Http2SendBenchmark.replayOf(server, wa, message);
      }
      for (int round = 0; round < warmup + rounds; round++) {
        for (int i = 0; i < KINDS.length; i++) {
          int k = (i + round) % KINDS.length;
          long[] t = once(server, KINDS[k], message, replay);
          if (round >= warmup) {
            first.get(k).add(t[0]);
            second.get(k).add(t[1]);
          }
        }
        if (round % 20 == 19) {
          System.gc(); // lets the JDK 17 clients of past rounds, which cannot be closed, go
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d rounds after %d warm-up rounds; median (min-max) in microseconds%n",
        rounds,
        warmup);
    for (int k = 0; k < KINDS.length; k++) {
      long[] f = stats(first.get(k));
      long[] s = stats(second.get(k));
      System.out.printf(
          Locale.ROOT,
          "%-9s first request %,8d (%,d-%,d)   second request %,6d (%,d-%,d)%n",
          KINDS[k],
          f[0],
          f[1],
          f[2],
          s[0],
          s[1],
          s[2]);
      Results.emit("http2.first." + KINDS[k] + ".us", f[0]);
      Results.emit("http2.second." + KINDS[k] + ".us", s[0]);
    }
  }

  /** Sends twice on a new client of one kind; returns both times in microseconds. */
  private static long[] once(
      TlsLoopbackServer server, String kind, Message message, HttpRequest replay) throws Exception {
    boolean h2 = kind.endsWith("H2");
    HttpClient.Version version = h2 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    String protocol = h2 ? TlsLoopbackServer.H2 : TlsLoopbackServer.HTTP_1_1;
    HttpClient http = Http2SendBenchmark.pinned(server, version);
    long[] t = new long[2];
    if (kind.startsWith("wasdk")) {
      try (WhatsAppClient wa = Http2SendBenchmark.wasdk(server, http)) {
        for (int i = 0; i < 2; i++) {
          long start = System.nanoTime();
          wa.messages().send(message);
          t[i] = (System.nanoTime() - start) / 1_000;
        }
      }
    } else {
      for (int i = 0; i < 2; i++) {
        long start = System.nanoTime();
        http.send(replay, BodyHandlers.ofByteArray());
        t[i] = (System.nanoTime() - start) / 1_000;
      }
    }
    Http2SendBenchmark.expectProtocol(server, protocol, kind);
    return t;
  }

  /** Returns the median, min and max. */
  private static long[] stats(List<Long> values) {
    List<Long> v = new ArrayList<>(values);
    v.sort(null);
    int n = v.size();
    long median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    return new long[] {median, v.get(0), v.get(n - 1)};
  }
}
