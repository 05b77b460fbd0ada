package dev.wasdk.benchmarks.memory;

import dev.wasdk.benchmarks.report.Results;
import dev.wasdk.webhooks.Deduplicator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The heap the in-memory webhook de-duplicator ({@link Deduplicator#inMemory(int, Duration)}) keeps
 * per remembered key. It fills a store sized for N keys with N distinct message ids shaped like
 * Meta's ({@code wamid.} and 56 base64 characters, 62 in all), and reads the used heap after full
 * collections (the {@link MemoryMXBean}'s figure) at three points: before, with the keys alone, and
 * with the keys recorded. It reports the store's own cost per key (the keys' strings excluded, as
 * they were allocated before) and the total per key once only the store holds them (what an
 * application pays, since the parsed key strings would otherwise be garbage).
 *
 * <pre>
 * java -Xmx2g -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.memory.DedupeMemory 100000 1000000
 * </pre>
 */
public final class DedupeMemory {
  private static final String WAMID_TEMPLATE =
      "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";
  private static final char[] BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

  private DedupeMemory() {}

  /**
   * Measures for each key count given.
   *
   * @param args key counts; 100000 and 1000000 when none are given
   * @throws InterruptedException if interrupted between collections
   */
  public static void main(String[] args) throws InterruptedException {
    int[] counts = args.length == 0 ? new int[] {100_000, 1_000_000} : new int[args.length];
    for (int i = 0; i < args.length; i++) {
      counts[i] = Integer.parseInt(args[i]);
    }
    for (int n : counts) {
      measure(n);
    }
  }

  /** Returns a distinct id per {@code i}, as long as Meta's and varying in its last characters. */
  static String wamid(int i) {
    char[] id = WAMID_TEMPLATE.toCharArray();
    int pos = id.length - 5; // before the "RgA=" tail
    for (int v = i, k = 0; k < 5; k++, v >>>= 6) {
      id[pos - k] = BASE64[v & 63];
    }
    return new String(id);
  }

  private static void measure(int n) throws InterruptedException {
    long base = usedHeap();
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      keys[i] = wamid(i);
    }
    long withKeys = usedHeap();
    Deduplicator dedupe = Deduplicator.inMemory(n, Duration.ofDays(7));
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    int fresh = 0;
    for (int i = 0; i < n; i++) {
      Instant at = now.plusMillis(i);
      if (dedupe.claim(keys[i], "h", at, Deduplicator.DEFAULT_LEASE)
          == Deduplicator.Claim.CLAIMED) {
        dedupe.complete(keys[i], "h", at);
        fresh++;
      }
    }
    if (fresh != n
        || dedupe.claim(wamid(n / 2), "h", now.plusMillis(n), Deduplicator.DEFAULT_LEASE)
            != Deduplicator.Claim.DONE) {
      throw new IllegalStateException("the store did not record every key once: " + fresh);
    }
    long withStore = usedHeap();
    keys = null;
    long storeAlone = usedHeap();
    Reference.reachabilityFence(dedupe);

    double keyString = (withKeys - base) / (double) n;
    double structure = (withStore - withKeys) / (double) n;
    double total = (storeAlone - base) / (double) n;
    System.out.printf(
        Locale.ROOT,
        "dedupe n=%,d (%d-char ids): the ids alone %.1f B each (array slot included);"
            + " the store adds %.1f B per key; the store with its keys retains %.1f B per key"
            + " (%.1f MB in all)%n",
        n,
        WAMID_TEMPLATE.length(),
        keyString,
        structure,
        total,
        (storeAlone - base) / 1e6);
    Results.emit("memory.dedupe." + n + ".structureBytesPerKey", structure);
    Results.emit("memory.dedupe." + n + ".totalBytesPerKey", total);
  }

  /** Returns the used heap after full collections, once it stops falling. */
  static long usedHeap() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    long used = 0;
    for (int i = 0; i < 8; i++) {
      System.gc();
      Thread.sleep(50);
      used = memory.getHeapMemoryUsage().getUsed();
      if (i >= 2 && used >= previous) {
        break;
      }
      previous = used;
    }
    return used;
  }
}
