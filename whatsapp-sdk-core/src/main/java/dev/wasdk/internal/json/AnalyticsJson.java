package dev.wasdk.internal.json;

import dev.wasdk.client.MessagingAnalytics;
import dev.wasdk.client.MessagingDataPoint;
import dev.wasdk.client.PricingAnalytics;
import dev.wasdk.client.PricingDataPoint;
import dev.wasdk.client.TemplateAnalytics;
import dev.wasdk.client.TemplateDataPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Reads the analytics fields of a WABA: messaging, pricing and template analytics. */
public final class AnalyticsJson {
  private AnalyticsJson() {}

  /** Reads {@code analytics}: messages sent and delivered per bucket. */
  public static MessagingAnalytics readMessaging(JsonNode body) {
    JsonNode a = body.path("analytics");
    return new MessagingAnalytics(
        ManagementJson.text(a, "granularity"),
        ManagementJson.texts(a, "phone_numbers"),
        ManagementJson.texts(a, "country_codes"),
        ManagementJson.objects(
            a,
            "data_points",
            p ->
                new MessagingDataPoint(
                    seconds(p, "start"),
                    seconds(p, "end"),
                    ManagementJson.number(p, "sent").orElse(0L),
                    ManagementJson.number(p, "delivered").orElse(0L))),
        raw(a));
  }

  /** Reads {@code pricing_analytics}: charged volume and cost per bucket. */
  public static PricingAnalytics readPricing(JsonNode body) {
    JsonNode a = body.path("pricing_analytics");
    return new PricingAnalytics(
        dataPoints(
            a,
            p ->
                new PricingDataPoint(
                    seconds(p, "start"),
                    seconds(p, "end"),
                    ManagementJson.text(p, "country"),
                    ManagementJson.text(p, "phone_number"),
                    ManagementJson.text(p, "pricing_category"),
                    ManagementJson.text(p, "pricing_type"),
                    ManagementJson.text(p, "tier"),
                    ManagementJson.number(p, "volume").orElse(0L),
                    ManagementJson.money(p, "cost"),
                    ManagementJson.raw(p))),
        raw(a));
  }

  /** Reads {@code data[].data_points[]}, or a flat {@code data_points[]}. */
  /** Reads {@code template_analytics}: per-template metrics, with the next page's cursor. */
  public static TemplateAnalytics readTemplates(JsonNode body) {
    JsonNode a = body.path("template_analytics");
    return new TemplateAnalytics(
        dataPoints(a, AnalyticsJson::templatePoint), ManagementJson.after(a), raw(a));
  }

  private static <T> List<T> dataPoints(JsonNode field, Function<JsonNode, T> reader) {
    List<T> out = new ArrayList<>(ManagementJson.objects(field, "data_points", reader));
    JsonNode data = field.path("data");
    if (data.isArray()) {
      for (JsonNode group : data) {
        out.addAll(ManagementJson.objects(group, "data_points", reader));
      }
    }
    return out;
  }

  private static TemplateDataPoint templatePoint(JsonNode p) {
    return new TemplateDataPoint(
        ManagementJson.textOrEmpty(p, "template_id"),
        seconds(p, "start"),
        seconds(p, "end"),
        count(p, "sent"),
        count(p, "delivered"),
        count(p, "read"),
        ManagementJson.objects(
            p,
            "clicked",
            c ->
                new TemplateDataPoint.Clicks(
                    ManagementJson.textOrEmpty(c, "type"),
                    ManagementJson.textOrEmpty(c, "button_content"),
                    ManagementJson.number(c, "count").orElse(0L))),
        ManagementJson.objects(
            p,
            "cost",
            c ->
                new TemplateDataPoint.Cost(
                    ManagementJson.textOrEmpty(c, "type"), ManagementJson.money(c, "value"))),
        ManagementJson.raw(p));
  }

  private static OptionalLong count(JsonNode p, String field) {
    return ManagementJson.number(p, field).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  private static Instant seconds(JsonNode p, String field) {
    return Instant.ofEpochSecond(ManagementJson.number(p, field).orElse(0L));
  }

  private static String raw(JsonNode n) {
    return n.isObject() ? ManagementJson.raw(n) : "{}";
  }
}
