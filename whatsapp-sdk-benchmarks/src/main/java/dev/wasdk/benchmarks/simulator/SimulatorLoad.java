package dev.wasdk.benchmarks.simulator;

import dev.wasdk.benchmarks.report.Results;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Loads the simulator with text messages from N client threads on the JDK HttpClient, with every
 * platform rule enforced and the throughput limit at 1,000 messages per second, and prints the
 * requests served per second, the messages accepted per second, the 130429 rejections and the
 * latency percentiles.
 *
 * <p>Usage: {@code SimulatorLoad [threads=8] [seconds=20] [rate=0] [warmupSeconds=5]}. With {@code
 * rate=0} each thread sends as fast as it can (a closed loop, which finds the capacity); with a
 * rate, the threads together offer that many requests per second (to see latency at a given load).
 * Client and server share the machine, so the figures include the client's own cost. Each figure is
 * also printed as a {@code RESULT simulator.<load>.<figure> <value>} line (see {@link Results}).
 */
public final class SimulatorLoad {
  private static final int USERS = 20_000;

  private SimulatorLoad() {}

  /** Runs the load test. */
  public static void main(String[] args) throws Exception {
    int threads = arg(args, 0, 8);
    int seconds = arg(args, 1, 20);
    int rate = arg(args, 2, 0);
    int warmup = arg(args, 3, 5);

    try (WhatsAppSimulator sim =
        WhatsAppSimulator.builder().throughputPerSecond(1000).serverThreads(32).start()) {
      // Every user has written in, so text messages fall inside the customer-service window; with
      // 20,000 users, no user gets near the pair rate limit at 1,000 messages per second.
      String[] bodies = new String[USERS];
      for (int i = 0; i < USERS; i++) {
        String user = "1650" + String.format(Locale.ROOT, "%07d", i);
        sim.userSends("+" + user, "hi");
        bodies[i] =
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+"
                + user
                + "\",\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Your order"
                + " #"
                + i
                + " has shipped\"}}";
      }
      URI uri = URI.create(sim.baseUrl() + "/v23.0/" + sim.phoneNumberId() + "/messages");
      String auth = "Bearer " + sim.accessToken();
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      System.out.printf(
          Locale.ROOT,
          "simulator %s, %d client threads, %s, warm-up %d s, measure %d s%n",
          sim.baseUrl(),
          threads,
          rate == 0 ? "closed loop" : "offered " + rate + " req/s",
          warmup,
          seconds);
      run(client, uri, auth, bodies, threads, warmup, rate, false);
      sim.reset();
      reopenWindows(sim);
      Result r = run(client, uri, auth, bodies, threads, seconds, rate, true);
      long accepted = sim.stats().accepted();
      long throttled = sim.stats().rejected(130429);
      long other = sim.stats().rejected() - throttled;
      System.out.printf(
          Locale.ROOT,
          "requests %d in %.1f s: %.0f req/s; accepted %.0f msg/s; 130429 %.0f/s; other errors %d;"
              + " transport failures %d%n",
          r.count,
          r.seconds,
          r.count / r.seconds,
          accepted / r.seconds,
          throttled / r.seconds,
          other,
          r.failures);
      System.out.printf(
          Locale.ROOT,
          "latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          r.percentile(50),
          r.percentile(90),
          r.percentile(99),
          r.percentile(100));
      String k = "simulator." + (rate == 0 ? "closedLoop" : "offered" + rate) + ".";
      Results.emit(k + "requestsPerSecond", r.count / r.seconds);
      Results.emit(k + "acceptedPerSecond", accepted / r.seconds);
      Results.emit(k + "throttledPerSecond", throttled / r.seconds);
      Results.emit(k + "p50Millis", r.percentile(50));
      Results.emit(k + "p99Millis", r.percentile(99));
    }
  }

  private static void reopenWindows(WhatsAppSimulator sim) {
    for (int i = 0; i < USERS; i++) {
      sim.userSends("+1650" + String.format(Locale.ROOT, "%07d", i), "hi");
    }
  }

  private static int arg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }

  private record Result(long count, double seconds, long failures, long[] latenciesNanos) {
    double percentile(double p) {
      if (latenciesNanos.length == 0) {
        return 0;
      }
      int idx = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
      return latenciesNanos[Math.max(0, Math.min(idx, latenciesNanos.length - 1))] / 1e6;
    }
  }

  private static Result run(
      HttpClient client,
      URI uri,
      String auth,
      String[] bodies,
      int threads,
      int seconds,
      int rate,
      boolean measure)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder failures = new LongAdder();
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    CountDownLatch done = new CountDownLatch(threads);
    long intervalNanos = rate == 0 ? 0 : 1_000_000_000L * threads / rate;
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread worker =
          new Thread(
              () -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                int next = id;
                long due = System.nanoTime();
                while (!stop.get()) {
                  if (intervalNanos > 0) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                      LockSupport.parkNanos(wait);
                    }
                    due += intervalNanos;
                  }
                  HttpRequest request =
                      HttpRequest.newBuilder(uri)
                          .header("Authorization", auth)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(bodies[next]))
                          .build();
                  next = (next + threads) % bodies.length;
                  long t0 = System.nanoTime();
                  try {
                    client.send(request, HttpResponse.BodyHandlers.discarding());
                  } catch (IOException e) {
                    failures.increment();
                    continue;
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                  }
                  if (n == lat.length) {
                    lat = Arrays.copyOf(lat, lat.length * 2);
                  }
                  lat[n++] = System.nanoTime() - t0;
                }
                latencies[id] = Arrays.copyOf(lat, n);
                counts[id] = n;
                done.countDown();
              },
              "load-" + t);
      worker.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (!measure) {
      return new Result(0, elapsed, 0, new long[0]);
    }
    long total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[(int) total];
    int pos = 0;
    for (long[] l : latencies) {
      System.arraycopy(l, 0, all, pos, l.length);
      pos += l.length;
    }
    Arrays.sort(all);
    return new Result(total, elapsed, failures.sum(), all);
  }
}
