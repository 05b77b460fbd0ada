package dev.wasdk.benchmarks.pacing;

import dev.wasdk.benchmarks.report.Results;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.LimiterUnavailableException;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.sender.ServiceWindowStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how long {@link MessageSender#submit(Message)} takes for the caller, with the in-memory
 * stores and with stores that sleep one second on every call and then throw, in the same run.
 *
 * <p>Two senders share one loopback {@link SlowServer} that answers at once (the sends are not what
 * is measured). Both send at up to 1,000 messages a second on tier 100K and skip the opt-in
 * requirement, so that every message passes the consent gate (opt-outs are still read), the pair
 * rate and the tier gates. The healthy sender uses the default in-memory stores; the stalling one a
 * {@link LimiterStore}, a {@link ConsentStore} and a {@link ServiceWindowStore} that each sleep 1 s
 * and then throw, called within the sender's default 250 ms budget on its default store executor.
 * Half of the messages are marketing templates, half free-form texts (the healthy sender's users
 * have an open window, recorded before the round and not timed).
 *
 * <p>A round of the healthy sender waits for every outcome before the next round; the stalling
 * sender's messages are left to end at the sender's own pace (a store that never answers is probed
 * about once a second, and each probe holds the sender's thread for the 1 s sleep), and the run
 * prints its stats at the end, then the outcomes once {@code close(Duration.ZERO)} has ended the
 * rest.
 *
 * <p>Each round submits the same number of messages to each sender, one every {@code gap}
 * microseconds from one thread, timing each call in wall time and in thread CPU time; the senders
 * take turns in opposite orders on alternate rounds. After two warm-up rounds, it prints per round
 * the p50, p99 and p99.9 of the wall time and the CPU time per call, then the median and range over
 * rounds, the stalling-to-healthy ratio of each round's percentiles, the percentiles of all
 * measured calls pooled, and the outcomes.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.pacing.SubmitLatency [rounds] [per-round] [gap-µs]
 * </pre>
 */
public final class SubmitLatency {
  private static final int WARMUP_ROUNDS = 2;
  private static final Duration STALL = Duration.ofSeconds(1);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private SubmitLatency() {}

  /**
   * Runs the measurement.
   *
   * @param args optional: measured rounds (default 7), submits per sender per round (default
   *     2,000), gap between submits in microseconds (default 2,000)
   * @throws Exception when the loopback server cannot start
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    long gapNanos =
        TimeUnit.MICROSECONDS.toNanos(args.length > 2 ? Long.parseLong(args[2]) : 2_000);
    try (SlowServer server = new SlowServer(0, 0, 4);
        WhatsAppClient wa = PacingHarness.client(server.baseUrl(), RetryPolicy.none())) {
      Run healthy = new Run("in-memory stores", base(wa).build(), true);
      Run stalling =
          new Run(
              "stores sleeping 1 s then throwing",
              base(wa)
                  .store(new StallingLimiterStore())
                  .consentStore(new StallingConsentStore())
                  .serviceWindowStore(new StallingWindowStore())
                  .build(),
              false);
      int user = 0;
      for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
        boolean record = round >= 0;
        Run[] order =
            (round & 1) == 0 ? new Run[] {healthy, stalling} : new Run[] {stalling, healthy};
        for (Run r : order) {
          r.round(user, perRound, gapNanos, record);
          user += perRound;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "submit() latency, %d rounds of %d submits per sender (after %d warm-up rounds), one"
              + " every %d µs, one thread; µs%n",
          rounds,
          perRound,
          WARMUP_ROUNDS,
          TimeUnit.NANOSECONDS.toMicros(gapNanos));
      healthy.print();
      stalling.print();
      ratios(healthy, stalling);
    }
    System.exit(0);
  }

  private static MessageSender.Builder base(WhatsAppClient wa) {
    return MessageSender.builder(wa)
        .throughputPerSecond(1_000)
        .tier(MessagingTier.TIER_100K)
        .requireMarketingOptIn(false)
        .maxQueued(1_000_000);
  }

  private static String phone(int i) {
    return String.format("+1%010d", 6_505_000_000L + i);
  }

  private static Message message(int i) {
    String to = phone(i);
    if ((i & 1) == 0) {
      return Message.to(to)
          .template("spring_sale", "en_US")
          .category(TemplateCategory.MARKETING)
          .bodyText("S-" + i)
          .build();
    }
    return Message.to(to).text("Your order " + i + " has shipped");
  }

  private static void ratios(Run healthy, Run stalling) {
    for (String p : new String[] {"p50", "p99", "p99.9"}) {
      int k = index(p);
      double[] r = new double[healthy.roundPct.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = stalling.roundPct.get(i)[k] / healthy.roundPct.get(i)[k];
      }
      System.out.printf(
          Locale.ROOT,
          "ratio stalling/healthy, wall %-6s median %.2f× (%.2f×–%.2f×)%n",
          p,
          median(r),
          min(r),
          max(r));
      Results.emit("sender.submit.ratio." + p, median(r));
    }
  }

  private static int index(String p) {
    return switch (p) {
      case "p50" -> 0;
      case "p99" -> 1;
      default -> 2;
    };
  }

  /** One sender, with the samples of its measured rounds. */
  private static final class Run {
    final String name;
    final MessageSender sender;
    final boolean openWindows;
    final List<double[]> roundPct = new ArrayList<>();
    final List<double[]> roundCpu = new ArrayList<>();
    final List<long[]> wallRounds = new ArrayList<>();
    final Map<String, Integer> outcomes = new TreeMap<>();
    final List<CompletableFuture<SendOutcome>> pending = new ArrayList<>();

    Run(String name, MessageSender sender, boolean openWindows) {
      this.name = name;
      this.sender = sender;
      this.openWindows = openWindows;
    }

    void round(int firstUser, int n, long gapNanos, boolean record) throws Exception {
      Message[] messages = new Message[n];
      for (int i = 0; i < n; i++) {
        messages[i] = message(firstUser + i);
        if (openWindows && ((firstUser + i) & 1) == 1) {
          sender.onInbound(phone(firstUser + i), Instant.now());
        }
      }
      long[] wall = new long[n];
      long[] cpu = new long[n];
      List<CompletableFuture<SendOutcome>> futures = new ArrayList<>(n);
      long next = System.nanoTime();
      for (int i = 0; i < n; i++) {
        next += gapNanos;
        long wait;
        while ((wait = next - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        CompletableFuture<SendOutcome> f = sender.submit(messages[i]);
        long t1 = System.nanoTime();
        long c1 = THREADS.getCurrentThreadCpuTime();
        wall[i] = t1 - t0;
        cpu[i] = c1 - c0;
        futures.add(f);
      }
      if (openWindows) {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
      }
      if (!record) {
        return;
      }
      pending.addAll(futures);
      wallRounds.add(wall.clone());
      roundPct.add(pcts(wall));
      roundCpu.add(pcts(cpu));
    }

    void print() {
      System.out.printf(Locale.ROOT, "%n%s%n", name);
      for (int i = 0; i < roundPct.size(); i++) {
        double[] w = roundPct.get(i);
        double[] c = roundCpu.get(i);
        System.out.printf(
            Locale.ROOT,
            "  round %d: wall p50 %.1f p99 %.1f p99.9 %.1f | cpu p50 %.1f p99 %.1f p99.9 %.1f%n",
            i,
            w[0],
            w[1],
            w[2],
            c[0],
            c[1],
            c[2]);
      }
      String slug = openWindows ? "healthy" : "stalling";
      for (String p : new String[] {"p50", "p99", "p99.9"}) {
        int k = index(p);
        double[] w = roundPct.stream().mapToDouble(a -> a[k]).toArray();
        double[] c = roundCpu.stream().mapToDouble(a -> a[k]).toArray();
        System.out.printf(
            Locale.ROOT,
            "  wall %-6s median %.1f (%.1f–%.1f) | cpu %-6s median %.1f (%.1f–%.1f)%n",
            p,
            median(w),
            min(w),
            max(w),
            p,
            median(c),
            min(c),
            max(c));
        Results.emit("sender.submit." + slug + ".wall." + p + "Micros", median(w));
        Results.emit("sender.submit." + slug + ".cpu." + p + "Micros", median(c));
      }
      long[] pooled = wallRounds.stream().flatMapToLong(Arrays::stream).toArray();
      double[] all = pcts(pooled);
      System.out.printf(
          Locale.ROOT,
          "  all %d calls pooled: wall p50 %.1f p99 %.1f p99.9 %.1f max %.1f%n",
          pooled.length,
          all[0],
          all[1],
          all[2],
          Arrays.stream(pooled).max().orElse(0) / 1_000.0);
      System.out.println("  at the end of the run: " + sender.stats());
      sender.close(Duration.ZERO);
      int ended = 0;
      for (CompletableFuture<SendOutcome> f : pending) {
        if (!f.isDone()) {
          outcomes.merge("not completed by close", 1, Integer::sum);
          continue;
        }
        ended++;
        SendOutcome o = f.join();
        String key = o.getClass().getSimpleName();
        if (o instanceof SendOutcome.Rejected r) {
          key += " " + r.reason();
        }
        outcomes.merge(key, 1, Integer::sum);
      }
      System.out.printf(
          Locale.ROOT,
          "  outcomes of the %d measured submits after close(ZERO) (%d done): %s%n",
          pending.size(),
          ended,
          outcomes);
    }
  }

  /** Returns the p50, p99 and p99.9 of the samples, in microseconds. */
  static double[] pcts(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return new double[] {pct(s, 50), pct(s, 99), pct(s, 99.9)};
  }

  private static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1_000.0;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NaN);
  }

  /** Sleeps {@link #STALL} and then throws, as a store whose every command times out. */
  static void stall(String what) {
    try {
      Thread.sleep(STALL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new LimiterUnavailableException(what + ": the backend timed out");
  }

  /** A limiter store whose every call sleeps 1 s and then throws. */
  static final class StallingLimiterStore implements LimiterStore {
    @Override
    public TakeResult tryTake(String key, BucketSpec spec, long tokens, Instant now) {
      stall("tryTake");
      return null;
    }

    @Override
    public AdmitResult admit(String key, String member, long limit, Duration window, Instant now) {
      stall("admit");
      return null;
    }

    @Override
    public boolean release(String key, String member, Instant admittedAt) {
      stall("release");
      return false;
    }

    @Override
    public long windowSize(String key, Duration window, Instant now) {
      stall("windowSize");
      return 0;
    }

    @Override
    public String toString() {
      return "StallingLimiterStore";
    }
  }

  /** A consent store whose every call sleeps 1 s and then throws. */
  static final class StallingConsentStore implements ConsentStore {
    @Override
    public void append(String key, ConsentRecord record) {
      stall("append");
    }

    @Override
    public List<ConsentRecord> history(String key) {
      stall("history");
      return List.of();
    }

    @Override
    public boolean erase(String key) {
      stall("erase");
      return false;
    }

    @Override
    public String toString() {
      return "StallingConsentStore";
    }
  }

  /** A service-window store whose every call sleeps 1 s and then throws. */
  static final class StallingWindowStore implements ServiceWindowStore {
    @Override
    public void recordInbound(String key, Instant at) {
      stall("recordInbound");
    }

    @Override
    public Optional<Instant> lastInbound(String key) {
      stall("lastInbound");
      return Optional.empty();
    }

    @Override
    public void markClosed(String key, Instant seen) {
      stall("markClosed");
    }

    @Override
    public boolean erase(String key) {
      stall("erase");
      return false;
    }

    @Override
    public String toString() {
      return "StallingWindowStore";
    }
  }
}
