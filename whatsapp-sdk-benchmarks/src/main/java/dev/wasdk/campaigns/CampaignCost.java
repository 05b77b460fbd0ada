package dev.wasdk.campaigns;

import dev.wasdk.client.SendResult;
import dev.wasdk.jdbc.campaigns.JdbcCampaignStore;
import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.SendOutcome;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The campaign's own cost per recipient, apart from the send: a campaign of N recipients whose
 * "sender" answers every message at once as sent, so that what is measured is the engine (audience
 * streaming, tagging, building the message, claims, outcome writes) and its store.
 *
 * <ul>
 *   <li><b>memory</b>: N recipients on the in-memory store; process CPU time per recipient, and the
 *       used heap after full collections (the store holds every row; the engine's own working set
 *       is bounded by its batch and in-flight sizes, since the audience is streamed);
 *   <li><b>jdbc</b>: N recipients on {@link JdbcCampaignStore} over a local PostgreSQL: recipients
 *       per second end to end, then {@code recordProgress} of one delivered status per recipient in
 *       batches of 500, in rows per second.
 * </ul>
 *
 * <p>It lives in the campaigns package because it drives the campaign through the package's test
 * seam (an instant submitter instead of a {@code MessageSender}), which is not public API.
 *
 * <pre>
 * java -Xmx2g -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.campaigns.CampaignCost memory 1000000
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.campaigns.CampaignCost jdbc 20000
 * </pre>
 */
public final class CampaignCost {
  private CampaignCost() {}

  /**
   * Runs one measurement.
   *
   * @param args {@code memory|jdbc} and N
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "memory";
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    if (mode.equals("jdbc")) {
      jdbc(n);
    } else {
      memory(n);
    }
  }

  private static Audience generated(int n) {
    return Audience.fromIterators(
        () ->
            new Iterator<>() {
              private int i;

              @Override
              public boolean hasNext() {
                return i < n;
              }

              @Override
              public AudienceMember next() {
                if (i >= n) {
                  throw new NoSuchElementException();
                }
                int k = i++;
                return AudienceMember.of("+1" + (2_000_000_000L + k), Map.of("name", "User " + k));
              }
            });
  }

  private static Function<Message, CompletableFuture<SendOutcome>> instantSender() {
    AtomicLong ids = new AtomicLong();
    return m ->
        CompletableFuture.completedFuture(
            new SendOutcome.Sent(
                m,
                new SendResult(
                    "wamid.b" + ids.incrementAndGet(),
                    m.recipient().value(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()),
                1));
  }

  private static Campaign campaign(String id, int n, CampaignStore store) {
    return Campaign.builder(id, instantSender(), store)
        .audience(generated(n))
        .variant(
            "A",
            (to, m) ->
                to.template("spring_sale", "en_US")
                    .category(TemplateCategory.MARKETING)
                    .bodyText(m.param("name"))
                    .build())
        .batchSize(1000)
        .maxInFlight(2000)
        .pollInterval(Duration.ofMillis(1))
        .build();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      best = Math.min(best, rt.totalMemory() - rt.freeMemory());
    }
    return best;
  }

  private static void memory(int n) throws Exception {
    long heapBefore = usedHeap();
    CampaignStore store = CampaignStore.inMemory();
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    Campaign c = campaign("bench", n, store).start();
    CampaignSnapshot done = c.completion().get(30, TimeUnit.MINUTES);
    long wall = System.nanoTime() - t0;
    long cpu = cpuNanos() - cpu0;
    c.close();
    long heapAfter = usedHeap();
    System.out.printf(
        Locale.ROOT,
        "memory store, N=%d: sent %d; %.2f µs CPU per recipient (all threads), %.2f µs wall;"
            + " %.0f recipients/s; %d bytes per recipient held by the store%n",
        n,
        done.count(RecipientState.SENT),
        cpu / 1000.0 / n,
        wall / 1000.0 / n,
        n / (wall / 1e9),
        (heapAfter - heapBefore) / n);
    if (store.counts("bench", false).size() != 1) {
      throw new IllegalStateException(
          "not every recipient was sent: " + store.counts("bench", false));
    }
  }

  private static void jdbc(int n) throws Exception {
    try (LocalPostgres pg = LocalPostgres.start()) {
      String db = ((PGSimpleDataSource) pg.createDatabase()).getDatabaseName();
      // a pool, as an app would use: without one each store call opens a connection
      @SuppressWarnings("deprecation")
      org.postgresql.ds.PGPoolingDataSource ds = new org.postgresql.ds.PGPoolingDataSource();
      ds.setURL(pg.jdbcUrl(db));
      ds.setUser("postgres");
      ds.setMaxConnections(4);
      JdbcCampaignStore store = JdbcCampaignStore.builder(ds).build();
      long t0 = System.nanoTime();
      Campaign c = campaign("bench", n, store).start();
      CampaignSnapshot done = c.completion().get(30, TimeUnit.MINUTES);
      long wall = System.nanoTime() - t0;
      c.close();
      long t1 = System.nanoTime();
      List<CampaignStore.Progress> batch = new ArrayList<>(500);
      for (int i = 0; i < n; i++) {
        batch.add(
            new CampaignStore.Progress(
                i, "wamid.x" + i, 2, 0, false, "marketing", java.time.Instant.now()));
        if (batch.size() == 500) {
          store.recordProgress("bench", batch);
          batch.clear();
        }
      }
      store.recordProgress("bench", batch);
      long progressWall = System.nanoTime() - t1;
      System.out.printf(
          Locale.ROOT,
          "PostgreSQL store (%s), N=%d: sent %d; campaign end to end %.0f recipients/s"
              + " (load, claim, outcome per recipient); progress writes %.0f rows/s%n",
          pg,
          n,
          done.count(RecipientState.SENT),
          n / (wall / 1e9),
          n / (progressWall / 1e9));
    }
  }
}
