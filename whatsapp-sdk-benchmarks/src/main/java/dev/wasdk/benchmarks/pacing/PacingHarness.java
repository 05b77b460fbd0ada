package dev.wasdk.benchmarks.pacing;

import dev.wasdk.benchmarks.report.Results;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.QueueFullPolicy;
import dev.wasdk.sender.SendOutcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
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
 * java -cp benchmarks.jar dev.wasdk.benchmarks.pacing.PacingHarness campaignApi 10000 80
 * java -cp benchmarks.jar dev.wasdk.benchmarks.pacing.PacingHarness campaign 10000 1000 0 0.01
 * java -cp benchmarks.jar dev.wasdk.benchmarks.pacing.PacingHarness naive 2000 80 64
 * java -cp benchmarks.jar dev.wasdk.benchmarks.pacing.PacingHarness --server=inproc accuracy 80 60
 * java -Xmx2g -cp benchmarks.jar dev.wasdk.benchmarks.pacing.PacingHarness memory 1000000
 * </pre>
 *
 * <p>{@code accuracy R S} and {@code campaign N R} send templates to distinct users through a
 * sender paced at R per second, against a server that answers after 200 ms and enforces R per
 * second with 130429; optional further arguments set the sender's throughput burst and headroom
 * (default: the sender's own defaults). {@code naive N L T} sends N messages from T threads with no
 * pacing against a server enforcing L per second. {@code memory N} queues N messages and reports
 * the heap per queued message.
 *
 * <p>{@code --server=spawn} (the default) starts the server as a child JVM with the same {@code
 * java} and class path, so that the harness's threads do not share a JVM with it; {@code
 * --server=inproc} runs it in the harness's JVM; {@code --server=http://host:port} uses a {@link
 * SlowServer#main running one}, which the harness resets first. The counters that judge the sender
 * (arrivals per sliding second, 130429 answers, open connections) are the server's own.
 *
 * <p>Each figure is also printed as a {@code RESULT pacing.<run>.<figure> <value>} line (see {@link
 * Results}), where {@code <run>} is the mode and its arguments joined by underscores, after {@code
 * inproc_} or {@code remote_} when the server is not a child JVM.
 */
public final class PacingHarness {
  static final String PHONE_ID = "106540352242922";
  static final long LATENCY_MS = 200;
  static final int SERVER_THREADS = 64;

  private PacingHarness() {}

  /**
   * Runs one mode.
   *
   * @param args {@code [--server=spawn|inproc|URL] mode arguments...}
   */
  public static void main(String[] args) throws Exception {
    String serverOption = "spawn";
    int first = 0;
    while (first < args.length && args[first].startsWith("--")) {
      if (args[first].startsWith("--server=")) {
        serverOption = args[first].substring("--server=".length());
      } else {
        throw new IllegalArgumentException("unknown option " + args[first]);
      }
      first++;
    }
    String[] a = Arrays.copyOfRange(args, first, args.length);
    String where =
        "spawn".equals(serverOption) ? "" : "inproc".equals(serverOption) ? "inproc_" : "remote_";
    String run = where + String.join("_", a);
    switch (a[0]) {
      case "accuracy":
        {
          int rate = Integer.parseInt(a[1]);
          int seconds = Integer.parseInt(a[2]);
          paced(run, serverOption, rate * seconds, rate, intArg(a, 3), headroomArg(a, 4));
          break;
        }
      case "campaign":
        paced(
            run,
            serverOption,
            Integer.parseInt(a[1]),
            Integer.parseInt(a[2]),
            intArg(a, 3),
            headroomArg(a, 4));
        break;
      case "campaignApi":
        CampaignPacing.run(run, serverOption, Integer.parseInt(a[1]), Integer.parseInt(a[2]));
        break;
      case "naive":
        naive(
            run,
            serverOption,
            Integer.parseInt(a[1]),
            Integer.parseInt(a[2]),
            Integer.parseInt(a[3]));
        break;
      case "memory":
        memory(Integer.parseInt(a[1]));
        break;
      default:
        throw new IllegalArgumentException("unknown mode " + a[0]);
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

  static WhatsAppClient client(URI baseUrl, RetryPolicy retry) {
    return WhatsAppClient.builder()
        .accessToken("bench-token")
        .phoneNumberId(PHONE_ID)
        .baseUrl(baseUrl)
        .retryPolicy(retry)
        .requestTimeout(Duration.ofSeconds(30))
        .build();
  }

  static void paced(String run, String serverOption, int n, int rate, int burst, double headroom)
      throws Exception {
    try (ServerHandle server = ServerHandle.open(serverOption, rate, LATENCY_MS, SERVER_THREADS);
        WhatsAppClient wa = client(server.baseUrl(), RetryPolicy.none())) {
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
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      threads.resetPeakThreadCount();
      long start = System.nanoTime();
      List<CompletableFuture<SendOutcome>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        futures.add(sender.submit(template(i)));
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(1, TimeUnit.HOURS);
      double wall = (System.nanoTime() - start) / 1e9;
      int peakThreads = threads.getPeakThreadCount();
      Map<SendOutcome.Status, Integer> byStatus = new EnumMap<>(SendOutcome.Status.class);
      futures.forEach(f -> byStatus.merge(f.join().status(), 1, Integer::sum));
      SlowServer.Stats s = server.stats();
      // The floor is the nominal rate's: the headroom's cost shows in the figures.
      double floor = (double) (n - 1) / rate + LATENCY_MS / 1000.0;
      System.out.printf(
          Locale.ROOT,
          "paced n=%d rate=%d/s burst=%s headroom=%s, server %s: outcomes=%s%n",
          n,
          rate,
          burst > 0 ? burst : "default",
          headroom >= 0 ? headroom : "default",
          server.where(),
          byStatus);
      printServer(s, rate);
      System.out.printf(
          Locale.ROOT,
          "  wall %.3f s vs floor %.3f s (%.2f%% over); peak threads in the harness JVM=%d;"
              + " sender stats=%s%n",
          wall,
          floor,
          100.0 * (wall - floor) / floor,
          peakThreads,
          sender.stats());
      String k = "pacing." + run + ".";
      emitServer(k, s, rate);
      Results.emit(k + "wallSeconds", wall);
      Results.emit(k + "floorSeconds", floor);
      Results.emit(k + "wallOverFloorPercent", 100.0 * (wall - floor) / floor);
      Results.emit(k + "peakClientThreads", peakThreads);
      Results.emit(k + "failed", n - byStatus.getOrDefault(SendOutcome.Status.SENT, 0));
      sender.close(Duration.ZERO);
    }
  }

  static void naive(String run, String serverOption, int n, int limit, int threadCount)
      throws Exception {
    try (ServerHandle server =
            ServerHandle.open(
                serverOption, limit, LATENCY_MS, Math.max(SERVER_THREADS, threadCount));
        WhatsAppClient wa = client(server.baseUrl(), RetryPolicy.defaults())) {
      ExecutorService pool = Executors.newFixedThreadPool(threadCount);
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      threads.resetPeakThreadCount();
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
      double wall = (System.nanoTime() - start) / 1e9;
      int peakThreads = threads.getPeakThreadCount();
      SlowServer.Stats s = server.stats();
      double floor = (double) (n - 1) / limit + LATENCY_MS / 1000.0;
      System.out.printf(
          Locale.ROOT,
          "naive n=%d threads=%d limit=%d/s, server %s: wall %.3f s vs floor %.3f s; messages"
              + " failed after the client's retries=%d; peak threads in the harness JVM=%d%n",
          n,
          threadCount,
          limit,
          server.where(),
          wall,
          floor,
          failed.get(),
          peakThreads);
      printServer(s, limit);
      String k = "pacing." + run + ".";
      emitServer(k, s, limit);
      Results.emit(k + "wallSeconds", wall);
      Results.emit(k + "floorSeconds", floor);
      Results.emit(k + "wallOverFloorPercent", 100.0 * (wall - floor) / floor);
      Results.emit(k + "peakClientThreads", peakThreads);
      Results.emit(k + "failed", failed.get());
    }
  }

  static void printServer(SlowServer.Stats s, int rate) {
    System.out.printf(
        Locale.ROOT,
        "  server: accepted=%d throttled(130429)=%d; achieved %.3f/s (%.2f%% of %d/s) over %.3f s;"
            + " max arrivals in any 1 s window=%d (accepted %d); max concurrent requests=%d;"
            + " connections: %d distinct, peak %d open%n",
        s.accepted(),
        s.throttled(),
        s.achievedPerSecond(),
        100.0 * s.achievedPerSecond() / rate,
        rate,
        s.acceptedSpanSeconds(),
        s.maxArrivalsPerWindow(),
        s.maxAcceptedPerWindow(),
        s.maxConcurrentRequests(),
        s.distinctConnections(),
        s.peakOpenConnections());
    System.out.println("  arrivals per whole second after the first: " + s.arrivalsPerSecond());
    if (!s.throttledAtSeconds().isEmpty()) {
      List<Integer> perSecond = new ArrayList<>();
      for (double t : s.throttledAtSeconds()) {
        int second = (int) t;
        while (perSecond.size() <= second) {
          perSecond.add(0);
        }
        perSecond.set(second, perSecond.get(second) + 1);
      }
      System.out.println("  130429 answers per whole second after the first arrival: " + perSecond);
    }
  }

  static void emitServer(String k, SlowServer.Stats s, int rate) {
    Results.emit(k + "achievedPerSecond", s.achievedPerSecond());
    Results.emit(k + "percentOfNominal", 100.0 * s.achievedPerSecond() / rate);
    Results.emit(k + "maxArrivalsPerWindow", s.maxArrivalsPerWindow());
    Results.emit(k + "throttled", s.throttled());
    Results.emit(k + "peakOpenConnections", s.peakOpenConnections());
    Results.emit(k + "distinctConnections", s.distinctConnections());
  }

  static void memory(int n) throws Exception {
    try (SlowServer server = new SlowServer(0, 0, 4);
        WhatsAppClient wa = client(server.baseUrl(), RetryPolicy.none())) {
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
          Locale.ROOT,
          "memory n=%d: messages alone %.1f B each; queue overhead %.1f B per message (future"
              + " included); queued=%d%n",
          n,
          (withMessages - base) / (double) n,
          (queued - withMessages) / (double) n,
          sender.stats().queued());
      Results.emit("memory.sender." + n + ".messageBytes", (withMessages - base) / (double) n);
      Results.emit(
          "memory.sender." + n + ".queueBytesPerMessage", (queued - withMessages) / (double) n);
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
}
