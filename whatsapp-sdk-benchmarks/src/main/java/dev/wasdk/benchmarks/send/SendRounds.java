package dev.wasdk.benchmarks.send;

import dev.wasdk.benchmarks.report.Results;
import dev.wasdk.benchmarks.send.RawPosts.Side;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.okhttp.OkHttpTransport;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * wasdk against its raw peer in alternating rounds in one JVM, at several thread counts: each round
 * runs one side with N sending threads for a fixed time and then the other, the order alternating
 * from round to round (A B, B A, ...). A round's ratio is the raw side's sends per second ÷ wasdk's
 * in the same round; the result is the median over the rounds.
 *
 * <p>{@link SendBenchmark} gives each client a JVM of its own, one fork per repetition, and its
 * forks differ from one another by more than the 10 % the send target allows (at 1 thread, one
 * client's forks within a run ranged over 9 %). Here both sides share one JVM, one JIT and the same
 * minutes of machine load, so a round's ratio compares like with like; the spread over the rounds
 * shows what is left. Both pairs are measured: wasdk on its default transport against a raw {@code
 * HttpClient} POST, and wasdk on its OkHttp transport against a raw OkHttp POST, the same bytes to
 * the same loopback server as {@code SendBenchmark}.
 *
 * <p>A call that fails (a loaded JDK server sometimes drops a keep-alive connection) is not counted
 * as a send, so that quick failures cannot raise a side's rate; each side's failures are printed
 * beside its ratio.
 *
 * <p>Prints {@code RESULT sendRounds.<pair>.t<threads>.ratio} (and {@code .raw} and {@code .wasdk},
 * the median sends per second) for the runner's report.
 *
 * <pre>
 * java -Dsun.net.httpserver.nodelay=true -cp whatsapp-sdk-benchmarks/target/benchmarks.jar \
 *     dev.wasdk.benchmarks.send.SendRounds [threads, e.g. 1,8,64] [rounds] [seconds per side]
 *     [warm-up seconds]
 * </pre>
 */
public final class SendRounds {
  private SendRounds() {}

  /** One round's sends per second on each side. */
  private record Round(double raw, double wasdk) {}

  /**
   * Runs the rounds and prints the medians.
   *
   * @param args the thread counts (default {@code 1,8,64}), the rounds per thread count (default
   *     10), the seconds each side sends per round (default 2) and the warm-up seconds per thread
   *     count (default 20)
   * @throws Exception if the loopback server cannot start or a send fails
   */
  public static void main(String[] args) throws Exception {
    int[] threads =
        Arrays.stream((args.length > 0 ? args[0] : "1,8,64").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2;
    double warmUp = args.length > 3 ? Double.parseDouble(args[3]) : 20;
    try (LoopbackServer server = new LoopbackServer(16);
        OkHttpTransport okhttp = OkHttpTransport.create()) {
      try (WhatsAppClient onJdk = client(server, null);
          WhatsAppClient onOkhttp = client(server, okhttp)) {
        Message message = Message.to(RawPosts.TO).text(RawPosts.TEXT);
        onJdk.messages().send(message);
        byte[] body = server.lastBody();
        URI uri = URI.create(server.baseUrl() + server.lastPath());
        Side jdkWasdk = () -> onJdk.messages().send(message);
        Side okWasdk = () -> onOkhttp.messages().send(message);
        Side jdkRaw = RawPosts.jdk(uri, body, false);
        Side okRaw = RawPosts.okhttp(uri, body);
        for (int t : threads) {
          run("jdk", t, jdkRaw, jdkWasdk, rounds, seconds, warmUp);
          run("okhttp", t, okRaw, okWasdk, rounds, seconds, warmUp);
        }
      }
    }
  }

  private static WhatsAppClient client(LoopbackServer server, OkHttpTransport transport) {
    WhatsAppClient.Builder b =
        WhatsAppClient.builder()
            .accessToken(RawPosts.TOKEN)
            .phoneNumberId(RawPosts.PHONE_ID)
            .baseUrl(server.baseUrl());
    return transport == null ? b.build() : b.transport(transport).build();
  }

  private static void run(
      String pair, int threads, Side raw, Side wasdk, int rounds, double seconds, double warmUp)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong rawFailed = new AtomicLong();
    AtomicLong wasdkFailed = new AtomicLong();
    try {
      for (double spent = 0; spent < warmUp; spent += 2 * seconds) {
        rate(pool, threads, raw, seconds, rawFailed);
        rate(pool, threads, wasdk, seconds, wasdkFailed);
      }
      List<Round> measured = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        double rawRate;
        double wasdkRate;
        if (r % 2 == 0) {
          rawRate = rate(pool, threads, raw, seconds, rawFailed);
          wasdkRate = rate(pool, threads, wasdk, seconds, wasdkFailed);
        } else {
          wasdkRate = rate(pool, threads, wasdk, seconds, wasdkFailed);
          rawRate = rate(pool, threads, raw, seconds, rawFailed);
        }
        measured.add(new Round(rawRate, wasdkRate));
      }
      List<Double> ratios = measured.stream().map(m -> m.raw / m.wasdk).toList();
      if (rawFailed.get() + wasdkFailed.get() > 0) {
        System.out.printf(
            "%-6s %2d threads: failed calls, not counted as sends: raw %d, wasdk %d%n",
            pair, threads, rawFailed.get(), wasdkFailed.get());
      }
      double ratio = median(ratios);
      System.out.printf(
          "%-6s %2d threads: wasdk time ÷ raw %.3f (%.3f–%.3f over %d rounds); raw %.0f/s,"
              + " wasdk %.0f/s%n",
          pair,
          threads,
          ratio,
          Collections.min(ratios),
          Collections.max(ratios),
          rounds,
          median(measured.stream().map(Round::raw).toList()),
          median(measured.stream().map(Round::wasdk).toList()));
      String key = "sendRounds." + pair + ".t" + threads + ".";
      Results.emit(key + "ratio", ratio);
      Results.emit(key + "raw", median(measured.stream().map(Round::raw).toList()));
      Results.emit(key + "wasdk", median(measured.stream().map(Round::wasdk).toList()));
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Runs {@code side} on {@code threads} threads for {@code seconds}; returns successful sends per
   * second and adds the failed calls to {@code failed}.
   */
  private static double rate(
      ExecutorService pool, int threads, Side side, double seconds, AtomicLong failed)
      throws Exception {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    List<Future<Long>> counts = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      counts.add(
          pool.submit(
              () -> {
                long n = 0;
                while (System.nanoTime() < end) {
                  try {
                    side.send();
                    n++;
                  } catch (IOException | RuntimeException e) {
                    // Not fatal, but not a send either: a fast failure must not raise a side's
                    // rate. Each side's failures are printed with its ratio.
                    failed.incrementAndGet();
                  }
                }
                return n;
              }));
    }
    long total = 0;
    for (Future<Long> f : counts) {
      total += f.get();
    }
    return total / ((System.nanoTime() - start) / 1e9);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
