package dev.wasdk.benchmarks.pacing;

import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.MessagingTier;
import dev.wasdk.sender.QueueFullPolicy;
import dev.wasdk.sender.SendOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the pacing sender against {@link SlowServer}. Usage:
 *
 * <pre>
 * java -cp benchmarks.jar dev.wasdk.benchmarks.pacing.PacingHarness accuracy 80 60
 * java -cp benchmarks.jar dev.wasdk.benchmarks.pacing.PacingHarness campaign 10000 80
 * java -cp benchmarks.jar dev.wasdk.benchmarks.pacing.PacingHarness campaign 10000 1000 0 0.01
 * java -cp benchmarks.jar dev.wasdk.benchmarks.pacing.PacingHarness naive 2000 80 64
 * java -Xmx2g -cp benchmarks.jar dev.wasdk.benchmarks.pacing.PacingHarness memory 1000000
 * </pre>
 *
 * <p>{@code accuracy R S} and {@code campaign N R} send templates to distinct users through a
 * sender paced at R per second, against a server that answers after 200 ms and enforces R per
 * second with 130429; optional further arguments set the sender's throughput burst and headroom
 * (default: the sender's own defaults, automatic catch-up and 2%). {@code naive N L T} sends N
 * messages from T threads with no pacing against a server enforcing L per second. {@code memory N}
 * queues N messages and reports the heap per queued message.
 */
public final class PacingHarness {
  static final String PHONE_ID = "106540352242922";
  static final long LATENCY_MS = 200;

  private PacingHarness() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "accuracy":
        {
          int rate = Integer.parseInt(args[1]);
          int seconds = Integer.parseInt(args[2]);
          paced(rate * seconds, rate, intArg(args, 3), headroomArg(args, 4));
          break;
        }
      case "campaign":
        paced(
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]),
            intArg(args, 3),
            headroomArg(args, 4));
        break;
      case "naive":
        naive(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        break;
      case "memory":
        memory(Integer.parseInt(args[1]));
        break;
      default:
        throw new IllegalArgumentException("unknown mode " + args[0]);
    }
    System.exit(0);
  }

  /** Returns the integer argument at {@code i}, or 0 (the sender's default) when absent. */
  static int intArg(String[] args, int i) {
    return args.length > i ? Integer.parseInt(args[i]) : 0;
  }

  /** Returns the headroom argument at {@code i}, or -1 (the sender's default) when absent. */
  static double headroomArg(String[] args, int i) {
    return args.length > i ? Double.parseDouble(args[i]) : -1;
  }

  static Message template(int i) {
    return Message.to(String.format("+1%010d", 6_505_000_000L + i))
        .template("order_update", "en_US")
        .category(TemplateCategory.UTILITY)
        .bodyText("A-" + i)
        .build();
  }

  static WhatsAppClient client(SlowServer server, RetryPolicy retry) {
    return WhatsAppClient.builder()
        .accessToken("bench-token")
        .phoneNumberId(PHONE_ID)
        .baseUrl(server.baseUrl())
        .retryPolicy(retry)
        .requestTimeout(Duration.ofSeconds(30))
        .build();
  }

  static void paced(int n, int rate, int burst, double headroom) throws Exception {
    try (SlowServer server = new SlowServer(LATENCY_MS, rate, Math.max(64, rate));
        WhatsAppClient wa = client(server, RetryPolicy.none())) {
      MessageSender.Builder builder =
          MessageSender.builder(wa)
              .throughputPerSecond(rate)
              .tier(MessagingTier.TIER_UNLIMITED)
              .maxQueued(Math.max(n, 1))
              .queueFullPolicy(QueueFullPolicy.block(Duration.ofMinutes(10)));
      if (burst > 0) {
        builder.throughputBurst(burst);
      }
      if (headroom >= 0) {
        builder.throughputHeadroom(headroom);
      }
      MessageSender sender = builder.build();
      ThreadSampler threads = ThreadSampler.start();
      long start = System.nanoTime();
      List<CompletableFuture<SendOutcome>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        futures.add(sender.submit(template(i)));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(1, TimeUnit.HOURS);
      long elapsed = System.nanoTime() - start;
      threads.stop();
      Map<SendOutcome.Status, Integer> byStatus = new EnumMap<>(SendOutcome.Status.class);
      futures.forEach(f -> byStatus.merge(f.join().status(), 1, Integer::sum));
      List<Long> arrivals = server.acceptedArrivals();
      arrivals.sort(null);
      double span = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9;
      double achieved = (arrivals.size() - 1) / span;
      // The floor is the nominal rate's: the headroom's cost shows in the figures.
      double floor = (double) (n - 1) / rate + LATENCY_MS / 1000.0;
      System.out.printf(
          "paced n=%d rate=%d/s burst=%s headroom=%s: outcomes=%s; server accepted=%d"
              + " throttled(130429)=%d%n",
          n,
          rate,
          burst > 0 ? burst : "default",
          headroom >= 0 ? headroom : "default",
          byStatus,
          arrivals.size(),
          server.throttled());
      StringBuilder when = new StringBuilder();
      for (long t : server.throttledArrivals()) {
        when.append(String.format(" %.2f", (t - arrivals.get(0)) / 1e9));
      }
      System.out.printf("  130429 answered at (s after the first arrival):%s%n", when);
      System.out.printf(
          "  achieved %.3f/s (%.2f%% of target) over %.3f s; max in any 1 s window=%d%n",
          achieved, 100.0 * achieved / rate, span, SlowServer.maxPerSecondWindow(arrivals));
      System.out.printf(
          "  wall %.3f s vs floor %.3f s (%.2f%% over); peak JVM threads=%d; peak concurrent"
              + " requests=%d; sender stats=%s%n",
          elapsed / 1e9,
          floor,
          100.0 * (elapsed / 1e9 - floor) / floor,
          threads.peak(),
          server.maxConcurrentRequests(),
          sender.stats());
      sender.close(Duration.ZERO);
    }
  }

  static void naive(int n, int limit, int threadCount) throws Exception {
    try (SlowServer server = new SlowServer(LATENCY_MS, limit, threadCount + 16);
        WhatsAppClient wa = client(server, RetryPolicy.defaults())) {
      ExecutorService pool = Executors.newFixedThreadPool(threadCount);
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      long start = System.nanoTime();
      for (int t = 0; t < threadCount; t++) {
        pool.execute(
            () -> {
              int i;
              while ((i = next.getAndIncrement()) < n) {
                try {
                  wa.messages().send(template(i));
                } catch (RuntimeException e) {
                  failed.incrementAndGet();
                }
              }
            });
      }
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.HOURS);
      long elapsed = System.nanoTime() - start;
      System.out.printf(
          "naive n=%d threads=%d limit=%d/s: wall %.3f s; accepted=%d; 130429 answers=%d;"
              + " messages failed after the client's retries=%d; max in any 1 s window=%d%n",
          n,
          threadCount,
          limit,
          elapsed / 1e9,
          server.acceptedArrivals().size(),
          server.throttled(),
          failed.get(),
          SlowServer.maxPerSecondWindow(server.acceptedArrivals()));
    }
  }

  static void memory(int n) throws Exception {
    try (SlowServer server = new SlowServer(0, 0, 4);
        WhatsAppClient wa = client(server, RetryPolicy.none())) {
      MessageSender sender =
          MessageSender.builder(wa)
              .throughputPerSecond(1)
              .maxInFlight(1)
              .tier(MessagingTier.TIER_UNLIMITED)
              .maxQueued(n + 10)
              .build();
      long base = usedHeap();
      List<Message> messages = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        messages.add(template(i));
      }
      long withMessages = usedHeap();
      List<CompletableFuture<SendOutcome>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        futures.add(sender.submit(messages.get(i)));
      }
      long queued = usedHeap();
      System.out.printf(
          "memory n=%d: messages alone %.1f B each; queue overhead %.1f B per message (future"
              + " included); queued=%d%n",
          n,
          (withMessages - base) / (double) n,
          (queued - withMessages) / (double) n,
          sender.stats().queued());
      sender.close(Duration.ZERO);
      futures.clear();
    }
  }

  static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Samples the JVM's live thread count every 50 ms. */
  static final class ThreadSampler {
    private final Thread thread;
    private volatile int peak;
    private volatile boolean running = true;

    private ThreadSampler() {
      thread =
          new Thread(
              () -> {
                while (running) {
                  peak = Math.max(peak, Thread.activeCount());
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      thread.setDaemon(true);
    }

    static ThreadSampler start() {
      ThreadSampler s = new ThreadSampler();
      s.thread.start();
      return s;
    }

    void stop() {
      running = false;
    }

    int peak() {
      return peak;
    }
  }
}
