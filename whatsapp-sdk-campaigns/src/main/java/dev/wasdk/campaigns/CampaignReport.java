package dev.wasdk.campaigns;

import dev.wasdk.campaigns.internal.HtmlReport;
import dev.wasdk.sender.RejectReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A campaign's results read from its {@link CampaignStore}: recipients by state, the funnel of each
 * variant, sends and deliveries over time, the A/B decision and failures by code; written as CSV
 * (per recipient, per variant) or as one self-contained HTML page.
 *
 * <pre>{@code
 * CampaignReport report = CampaignReport.builder(store, "spring-sale")
 *     .throughputLimit(80)          // drawn as the limit line over time
 *     .tierLimit(2_000)             // stated beside it
 *     .build();
 * report.writeHtml(Path.of("target/spring-sale.html"));
 * try (Writer w = Files.newBufferedWriter(Path.of("target/recipients.csv"))) {
 *   report.writeRecipientsCsv(w);
 * }
 * }</pre>
 *
 * <p>The HTML page draws its charts as inline SVG and has no scripts and no links to other
 * resources, so it opens offline and can be mailed. It shows no phone numbers; the per-recipient
 * CSV does (it is for acting on each recipient), so treat that file as personal data.
 *
 * <p>{@link Builder#build()} reads the aggregates and makes one pass over the recipients for the
 * time series; {@link #writeRecipientsCsv} makes another. Instances are immutable and thread-safe.
 */
public final class CampaignReport {
  private final CampaignStore store;
  private final String campaignId;
  private final Instant generatedAt;
  private final Map<RecipientState, Long> counts;
  private final Map<String, Funnel> funnels;
  private final Optional<AbDecision> decision;
  private final Duration bucket;
  private final List<Bucket> series;
  private final OptionalDouble throughputLimit;
  private final OptionalLong tierLimit;

  /**
   * Sends and first deliveries in one time bucket.
   *
   * @param start the bucket's start
   * @param sends messages Meta accepted in it
   * @param deliveries messages first reported delivered (or read) in it
   */
  public record Bucket(Instant start, long sends, long deliveries) {
    /** Checks the arguments. */
    public Bucket {
      Objects.requireNonNull(start, "start");
    }
  }

  private CampaignReport(Builder b) {
    this.store = b.store;
    this.campaignId = b.campaignId;
    this.generatedAt = b.clock.instant();
    this.counts = Map.copyOf(store.counts(campaignId, false));
    this.funnels =
        java.util.Collections.unmodifiableMap(new TreeMap<>(store.funnels(campaignId, false)));
    this.decision = store.value(campaignId, "ab.decision").map(AbDecision::parse);
    this.bucket = b.bucket;
    this.throughputLimit = b.throughputLimit;
    this.tierLimit = b.tierLimit;
    long size = bucket.toMillis();
    TreeMap<Long, long[]> buckets = new TreeMap<>();
    store.forEachRecipient(
        campaignId,
        r -> {
          if (r.wamid().isPresent()
              && (r.state() == RecipientState.SENT || r.state() == RecipientState.FAILED)) {
            buckets
                .computeIfAbsent(
                    Math.floorDiv(r.changedAt().toEpochMilli(), size), k -> new long[2])[0]++;
          }
          r.deliveredAt()
              .ifPresent(
                  d ->
                      buckets
                          .computeIfAbsent(Math.floorDiv(d.toEpochMilli(), size), k -> new long[2])[
                          1]++);
        });
    List<Bucket> out = new ArrayList<>();
    if (!buckets.isEmpty()) {
      for (long k = buckets.firstKey(); k <= buckets.lastKey(); k++) {
        long[] v = buckets.getOrDefault(k, new long[2]);
        out.add(new Bucket(Instant.ofEpochMilli(k * size), v[0], v[1]));
      }
    }
    this.series = List.copyOf(out);
  }

  /**
   * Returns a builder.
   *
   * @param store the campaign's store
   * @param campaignId the campaign
   * @return the builder
   */
  public static Builder builder(CampaignStore store, String campaignId) {
    return new Builder(store, campaignId);
  }

  /** Returns the campaign's id. */
  public String campaignId() {
    return campaignId;
  }

  /** Returns when the report was read. */
  public Instant generatedAt() {
    return generatedAt;
  }

  /** Returns the recipients by state. */
  public Map<RecipientState, Long> counts() {
    return counts;
  }

  /** Returns each variant's funnel, by name. */
  public Map<String, Funnel> funnels() {
    return funnels;
  }

  /** Returns the A/B decision, when one was made. */
  public Optional<AbDecision> decision() {
    return decision;
  }

  /** Returns the width of a time bucket. */
  public Duration bucket() {
    return bucket;
  }

  /** Returns sends and deliveries per bucket, from the first to the last, gaps included. */
  public List<Bucket> series() {
    return series;
  }

  /** Returns the throughput limit drawn over time, messages per second, if given. */
  public OptionalDouble throughputLimit() {
    return throughputLimit;
  }

  /** Returns the messaging-limit tier stated in the report, unique users per 24 hours, if given. */
  public OptionalLong tierLimit() {
    return tierLimit;
  }

  /** Returns failures by error code, all variants together. */
  public Map<Integer, Long> failures() {
    Map<Integer, Long> out = new TreeMap<>();
    funnels.values().forEach(f -> f.failed().forEach((k, v) -> out.merge(k, v, Long::sum)));
    return out;
  }

  /**
   * Writes one CSV line per recipient ({@code index,recipient,variant,sample,state,wamid,reason,
   * status_rank,error_code,replied,pricing_category,changed_at,delivered_at}), reading the store in
   * pages. Recipients in {@link RecipientState#UNKNOWN} are the ones to reconcile by hand.
   *
   * @param out where to write; not closed
   * @throws UncheckedIOException when writing fails
   */
  public void writeRecipientsCsv(Writer out) {
    try {
      out.write(
          "index,recipient,variant,sample,state,wamid,reason,status_rank,error_code,replied,"
              + "pricing_category,changed_at,delivered_at\n");
      store.forEachRecipient(
          campaignId,
          r -> {
            try {
              out.write(
                  String.join(
                          ",",
                          Long.toString(r.entry().index()),
                          csv(r.entry().recipient()),
                          csv(r.entry().variant() == null ? "" : r.entry().variant()),
                          Boolean.toString(r.entry().sample()),
                          r.state().name(),
                          csv(r.wamid().orElse("")),
                          r.reason().map(RejectReason::name).orElse(""),
                          Integer.toString(r.rank()),
                          r.errorCode() == 0 ? "" : Integer.toString(r.errorCode()),
                          Boolean.toString(r.replied()),
                          csv(r.pricingCategory().orElse("")),
                          r.changedAt().toString(),
                          r.deliveredAt().map(Instant::toString).orElse(""))
                      + "\n");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one CSV line per variant with its funnel and rates.
   *
   * @param out where to write; not closed
   * @throws UncheckedIOException when writing fails
   */
  public void writeVariantsCsv(Writer out) {
    try {
      out.write(
          "variant,submitted,refused,sent,delivered,read,replied,clicked,failed,"
              + "delivered_rate,read_rate,replied_rate,clicked_rate\n");
      for (Map.Entry<String, Funnel> e : funnels.entrySet()) {
        Funnel f = e.getValue();
        out.write(
            String.format(
                Locale.ROOT,
                "%s,%d,%d,%d,%d,%d,%d,%d,%d,%.6f,%.6f,%.6f,%.6f%n",
                csv(e.getKey()),
                f.submitted(),
                f.refusedTotal(),
                f.sent(),
                f.delivered(),
                f.read(),
                f.replied(),
                f.clicked(),
                f.failedTotal(),
                f.rate(Metric.DELIVERED),
                f.rate(Metric.READ),
                f.rate(Metric.REPLIED),
                f.rate(Metric.CLICKED)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the report as one self-contained HTML page.
   *
   * @return the page
   */
  public String html() {
    return HtmlReport.render(this);
  }

  /**
   * Writes the HTML page to a file, in UTF-8.
   *
   * @param file the file; its directory must exist
   * @throws UncheckedIOException when writing fails
   */
  public void writeHtml(Path file) {
    try {
      Files.writeString(file, html(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  @Override
  public String toString() {
    return "CampaignReport[" + campaignId + ", " + counts + "]";
  }

  /** Configures a {@link CampaignReport}. Not thread-safe. */
  public static final class Builder {
    private final CampaignStore store;
    private final String campaignId;
    private Clock clock = Clock.systemUTC();
    private Duration bucket = Duration.ofMinutes(1);
    private OptionalDouble throughputLimit = OptionalDouble.empty();
    private OptionalLong tierLimit = OptionalLong.empty();

    private Builder(CampaignStore store, String campaignId) {
      this.store = Objects.requireNonNull(store, "store");
      this.campaignId = Objects.requireNonNull(campaignId, "campaignId");
    }

    /**
     * Sets the clock that stamps the report. Default UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the width of the time buckets. Default one minute.
     *
     * @param bucket at least one second
     * @return this builder
     */
    public Builder bucket(Duration bucket) {
      if (bucket.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("bucket must be at least one second, was " + bucket);
      }
      this.bucket = bucket;
      return this;
    }

    /**
     * Sets the throughput limit to draw over time. Default: none drawn.
     *
     * @param perSecond messages per second
     * @return this builder
     */
    public Builder throughputLimit(double perSecond) {
      if (!(perSecond > 0)) {
        throw new IllegalArgumentException("perSecond must be positive, was " + perSecond);
      }
      this.throughputLimit = OptionalDouble.of(perSecond);
      return this;
    }

    /**
     * Sets the messaging-limit tier to state. Default: none stated.
     *
     * @param uniqueUsersPer24Hours the tier's limit
     * @return this builder
     */
    public Builder tierLimit(long uniqueUsersPer24Hours) {
      if (uniqueUsersPer24Hours < 1) {
        throw new IllegalArgumentException("tierLimit must be positive");
      }
      this.tierLimit = OptionalLong.of(uniqueUsersPer24Hours);
      return this;
    }

    /**
     * Reads the report.
     *
     * @return the report
     */
    public CampaignReport build() {
      return new CampaignReport(this);
    }
  }
}
