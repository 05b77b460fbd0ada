package dev.wasdk.benchmarks.pacing;

import dev.wasdk.benchmarks.report.Results;
import dev.wasdk.campaigns.Audience;
import dev.wasdk.campaigns.AudienceMember;
import dev.wasdk.campaigns.Campaign;
import dev.wasdk.campaigns.CampaignSnapshot;
import dev.wasdk.campaigns.CampaignStore;
import dev.wasdk.campaigns.RecipientState;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.MessageSender;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

/**
 * The campaign of {@link PacingHarness} ({@code campaign N R}) run through the campaigns API: the
 * same N templates to distinct users at R per second against the same server, but streamed from an
 * audience into the in-memory campaign store, claimed in batches, tagged and recorded. The wall
 * time is compared with the same floor, {@code (N - 1) / R + 200 ms}.
 */
final class CampaignPacing {
  private CampaignPacing() {}

  static void run(String run, String serverOption, int n, int rate) throws Exception {
    try (ServerHandle server =
            ServerHandle.open(
                serverOption, rate, PacingHarness.LATENCY_MS, PacingHarness.SERVER_THREADS);
        WhatsAppClient wa = PacingHarness.client(server.baseUrl(), RetryPolicy.none())) {
      MessageSender sender =
          MessageSender.builder(wa)
              .throughputPerSecond(rate)
              .tier(MessagingTier.TIER_UNLIMITED)
              .build();
      Campaign campaign =
          Campaign.builder("pacing", sender, CampaignStore.inMemory())
              .audience(Audience.of(() -> members(n)))
              .variant(
                  "A",
                  (to, m) ->
                      to.template("order_update", "en_US")
                          .category(TemplateCategory.UTILITY)
                          .bodyText(m.param("order"))
                          .build())
              // enough in flight to keep the sender's queue full at this rate and latency
              .maxInFlight(Math.max(500, rate))
              .batchSize(Math.min(1_000, Math.max(100, rate)))
              .pollInterval(Duration.ofMillis(10))
              .build();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      threads.resetPeakThreadCount();
      long start = System.nanoTime();
      campaign.start();
      CampaignSnapshot done = campaign.completion().get(1, TimeUnit.HOURS);
      double wall = (System.nanoTime() - start) / 1e9;
      int peakThreads = threads.getPeakThreadCount();
      SlowServer.Stats s = server.stats();
      double floor = (double) (n - 1) / rate + PacingHarness.LATENCY_MS / 1000.0;
      System.out.printf(
          Locale.ROOT,
          "campaign API n=%d rate=%d/s, server %s: recipients=%s%n",
          n,
          rate,
          server.where(),
          done.counts());
      PacingHarness.printServer(s, rate);
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
      PacingHarness.emitServer(k, s, rate);
      Results.emit(k + "wallSeconds", wall);
      Results.emit(k + "floorSeconds", floor);
      Results.emit(k + "wallOverFloorPercent", 100.0 * (wall - floor) / floor);
      Results.emit(k + "peakClientThreads", peakThreads);
      Results.emit(k + "failed", n - done.count(RecipientState.SENT));
      campaign.close();
      sender.close(Duration.ZERO);
    }
  }

  /** The same users as {@link PacingHarness#template(int)}, generated as they are read. */
  private static Iterator<AudienceMember> members(int n) {
    return new Iterator<>() {
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
        return AudienceMember.of(
            String.format("+1%010d", 6_505_000_000L + k), Map.of("order", "A-" + k));
      }
    };
  }
}
