package dev.wasdk.client;

import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.AnalyticsJson;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads the analytics of the WhatsApp Business Account: messages sent and delivered, charged volume
 * and cost, and per-template metrics. Get it from {@link WhatsAppClient#analytics()}; it needs the
 * client's {@code wabaId}, and says so when it is missing.
 *
 * <pre>{@code
 * AnalyticsRange march = AnalyticsRange.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
 * MessagingAnalytics m = wa.analytics().messaging(MessagingAnalyticsQuery.of(march, MessagingGranularity.DAY));
 * PricingAnalytics p = wa.analytics().pricing(
 *     PricingAnalyticsQuery.builder(march, PricingGranularity.MONTHLY)
 *         .dimensions(PricingDimension.PRICING_CATEGORY).build());
 * System.out.println(m.totalDelivered() + " delivered, cost " + p.totalCost());
 * }</pre>
 *
 * <p><b>How it asks.</b> Meta serves analytics as field expansions of {@code GET /{waba-id}}, such
 * as {@code fields=analytics.start(…).end(…).granularity(DAY)}; the v23.0 OpenAPI spec has no
 * shapes for them, so requests and readers follow Meta's analytics guide. Readers are tolerant:
 * missing numbers read as zero or empty, dimension values are kept as Meta sends them, and every
 * result keeps its raw JSON for fields this version does not model. Meta serves messaging and
 * pricing analytics one year back and template analytics 90 days back; template analytics also need
 * template insights turned on for the WABA. Calls are reads, share the per-WABA management budget,
 * and are retried per the {@link RetryPolicy}.
 *
 * <p>Thread-safe; share one instance.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/whatsapp/business-management-api/analytics">Analytics</a>
 */
public final class AnalyticsApi {
  private final ManagementCalls calls;
  private final String wabaId;

  AnalyticsApi(ManagementCalls calls, String wabaId) {
    this.calls = calls;
    this.wabaId = wabaId;
  }

  /**
   * Returns the messages sent and delivered per bucket.
   *
   * @param query the range, bucket size and filters
   * @return the analytics; empty lists when nothing was sent
   */
  public MessagingAnalytics messaging(MessagingAnalyticsQuery query) {
    return calls.call(messagingCall(query));
  }

  /** The async twin of {@link #messaging(MessagingAnalyticsQuery)}. */
  public CompletableFuture<MessagingAnalytics> messagingAsync(MessagingAnalyticsQuery query) {
    return calls.callAsync(messagingCall(query));
  }

  private ManagementCalls.Call<MessagingAnalytics> messagingCall(MessagingAnalyticsQuery query) {
    Objects.requireNonNull(query, "query");
    return fetch(query.fields(), "get messaging analytics", AnalyticsJson::readMessaging);
  }

  /**
   * Returns the charged volume and cost per bucket, broken down by the query's dimensions.
   *
   * @param query the range, bucket size, dimensions and filters
   * @return the analytics; an empty list when nothing was charged
   */
  public PricingAnalytics pricing(PricingAnalyticsQuery query) {
    return calls.call(pricingCall(query));
  }

  /** The async twin of {@link #pricing(PricingAnalyticsQuery)}. */
  public CompletableFuture<PricingAnalytics> pricingAsync(PricingAnalyticsQuery query) {
    return calls.callAsync(pricingCall(query));
  }

  private ManagementCalls.Call<PricingAnalytics> pricingCall(PricingAnalyticsQuery query) {
    Objects.requireNonNull(query, "query");
    return fetch(query.fields(), "get pricing analytics", AnalyticsJson::readPricing);
  }

  /**
   * Returns per-template metrics, one data point per template and day.
   *
   * @param query the range, template ids and metrics
   * @return the analytics (the first page, see {@link TemplateAnalytics})
   */
  public TemplateAnalytics templates(TemplateAnalyticsQuery query) {
    return calls.call(templatesCall(query));
  }

  /** The async twin of {@link #templates(TemplateAnalyticsQuery)}. */
  public CompletableFuture<TemplateAnalytics> templatesAsync(TemplateAnalyticsQuery query) {
    return calls.callAsync(templatesCall(query));
  }

  private ManagementCalls.Call<TemplateAnalytics> templatesCall(TemplateAnalyticsQuery query) {
    Objects.requireNonNull(query, "query");
    return fetch(query.fields(), "get template analytics", AnalyticsJson::readTemplates);
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private <T> ManagementCalls.Call<T> fetch(
      String fields, String operation, Function<JsonNode, T> reader) {
    if (wabaId == null) {
      throw new IllegalStateException(
          "analytics need a WhatsApp Business Account id: set it with"
              + " WhatsAppClient.builder().wabaId(...)");
    }
    return ManagementCalls.json(
        GraphRequest.get(
            calls.uri(GraphTransport.segment(wabaId), Map.of("fields", fields)), operation),
        reader);
  }
}
