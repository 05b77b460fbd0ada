package dev.wasdk.campaigns.internal;

import dev.wasdk.campaigns.AbDecision;
import dev.wasdk.campaigns.CampaignReport;
import dev.wasdk.campaigns.Funnel;
import dev.wasdk.campaigns.Metric;
import dev.wasdk.campaigns.RecipientState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link CampaignReport} as one HTML page with inline SVG charts: no scripts, no external
 * resources. Every drawn number also sits in a {@code data-} attribute, so that tests and tools can
 * read the charts back.
 */
public final class HtmlReport {
  private static final String[] STEPS = {
    "submitted", "sent", "delivered", "read", "replied", "clicked"
  };
  private static final String[] COLOURS = {
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948"
  };
  private static final int WIDTH = 900;

  private HtmlReport() {}

  /** Renders the report. */
  public static String render(CampaignReport r) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Campaign ")
        .append(esc(r.campaignId()))
        .append("</title><style>")
        .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:960px}")
        .append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;")
        .append("padding:3px 8px;text-align:right}th{background:#f4f4f4}")
        .append("svg{background:#fff;border:1px solid #ddd}.legend span{margin-right:14px}")
        .append("</style></head><body>\n");
    h.append("<h1>Campaign <span id=\"campaign-id\">")
        .append(esc(r.campaignId()))
        .append("</span></h1>\n<p id=\"generated\">Generated ")
        .append(esc(r.generatedAt().toString()))
        .append("</p>\n");
    states(h, r);
    funnel(h, r);
    timeline(h, r);
    decision(h, r);
    failures(h, r);
    h.append("</body></html>\n");
    return h.toString();
  }

  private static void states(StringBuilder h, CampaignReport r) {
    h.append("<section id=\"states\"><h2>Recipients by state</h2><table id=\"state-table\">");
    for (RecipientState s : RecipientState.values()) {
      long n = r.counts().getOrDefault(s, 0L);
      h.append("<tr data-state=\"")
          .append(s.name())
          .append("\"><th>")
          .append(s.name())
          .append("</th><td>")
          .append(n)
          .append("</td></tr>");
    }
    h.append("</table></section>\n");
  }

  private static long step(Funnel f, String step) {
    return switch (step) {
      case "submitted" -> f.submitted();
      case "sent" -> f.sent();
      case "delivered" -> f.delivered();
      case "read" -> f.read();
      case "replied" -> f.replied();
      default -> f.clicked();
    };
  }

  private static void funnel(StringBuilder h, CampaignReport r) {
    h.append("<section id=\"funnel-section\"><h2>Funnel per variant</h2>\n");
    Map<String, Funnel> funnels = r.funnels();
    long max = 1;
    for (Funnel f : funnels.values()) {
      for (String s : STEPS) {
        max = Math.max(max, step(f, s));
      }
    }
    int rowHeight = 18;
    int groupHeight = STEPS.length * rowHeight + 24;
    int height = Math.max(40, funnels.size() * groupHeight + 10);
    int labelWidth = 150;
    int barSpace = WIDTH - labelWidth - 80;
    h.append(svgOpen("funnel", height, "Funnel per variant"));
    int y = 10;
    for (Map.Entry<String, Funnel> e : funnels.entrySet()) {
      h.append("<g class=\"variant\" data-variant=\"").append(esc(e.getKey())).append("\">");
      h.append(text(4, y + 12, "Variant " + e.getKey(), "bold"));
      y += 18;
      for (int i = 0; i < STEPS.length; i++) {
        long v = step(e.getValue(), STEPS[i]);
        int w = (int) Math.round(barSpace * (v / (double) max));
        h.append(text(14, y + 13, STEPS[i], null));
        h.append("<rect class=\"bar\" data-variant=\"")
            .append(esc(e.getKey()))
            .append("\" data-step=\"")
            .append(STEPS[i])
            .append("\" data-value=\"")
            .append(v)
            .append("\" x=\"")
            .append(labelWidth)
            .append("\" y=\"")
            .append(y)
            .append("\" width=\"")
            .append(Math.max(w, 1))
            .append("\" height=\"")
            .append(rowHeight - 4)
            .append("\" fill=\"")
            .append(COLOURS[i])
            .append("\"/>");
        h.append(text(labelWidth + Math.max(w, 1) + 6, y + 13, Long.toString(v), null));
        y += rowHeight;
      }
      y += 6;
      h.append("</g>");
    }
    h.append("</svg>\n<table id=\"funnel-table\"><tr><th>variant</th>");
    for (String s : STEPS) {
      h.append("<th>").append(s).append("</th>");
    }
    h.append("<th>refused</th><th>failed</th><th>delivered rate</th><th>read rate</th>")
        .append("<th>replied rate</th></tr>");
    for (Map.Entry<String, Funnel> e : funnels.entrySet()) {
      Funnel f = e.getValue();
      h.append("<tr data-variant=\"")
          .append(esc(e.getKey()))
          .append("\"><th>")
          .append(esc(e.getKey()))
          .append("</th>");
      for (String s : STEPS) {
        h.append("<td data-step=\"").append(s).append("\">").append(step(f, s)).append("</td>");
      }
      h.append("<td>")
          .append(f.refusedTotal())
          .append("</td><td>")
          .append(f.failedTotal())
          .append("</td><td>")
          .append(pct(f.rate(Metric.DELIVERED)))
          .append("</td><td>")
          .append(pct(f.rate(Metric.READ)))
          .append("</td><td>")
          .append(pct(f.rate(Metric.REPLIED)))
          .append("</td></tr>");
    }
    h.append("</table></section>\n");
  }

  private static void timeline(StringBuilder h, CampaignReport r) {
    h.append("<section id=\"timeline-section\"><h2>Sends and deliveries over time</h2>\n");
    List<CampaignReport.Bucket> series = r.series();
    double limitPerBucket =
        r.throughputLimit().isPresent()
            ? r.throughputLimit().getAsDouble() * r.bucket().toMillis() / 1000.0
            : 0;
    long max = 1;
    for (CampaignReport.Bucket b : series) {
      max = Math.max(max, Math.max(b.sends(), b.deliveries()));
    }
    double top = Math.max(max, limitPerBucket) * 1.1;
    int height = 260;
    int left = 60;
    int bottom = height - 30;
    int plotW = WIDTH - left - 20;
    int plotH = bottom - 20;
    h.append(svgOpen("timeline", height, "Sends and deliveries per bucket"));
    h.append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(bottom)
        .append("\" x2=\"")
        .append(left + plotW)
        .append("\" y2=\"")
        .append(bottom)
        .append("\" stroke=\"#888\"/>");
    h.append(text(4, 24, fmt(top), null)).append(text(4, bottom, "0", null));
    int n = series.size();
    List<String> sends = new ArrayList<>();
    List<String> deliveries = new ArrayList<>();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < n; i++) {
      CampaignReport.Bucket b = series.get(i);
      double x = left + (n == 1 ? plotW / 2.0 : plotW * i / (double) (n - 1));
      double ys = bottom - plotH * b.sends() / top;
      double yd = bottom - plotH * b.deliveries() / top;
      sends.add(fmt(x) + "," + fmt(ys));
      deliveries.add(fmt(x) + "," + fmt(yd));
      dots.append("<circle class=\"bucket\" data-start=\"")
          .append(b.start())
          .append("\" data-sends=\"")
          .append(b.sends())
          .append("\" data-deliveries=\"")
          .append(b.deliveries())
          .append("\" cx=\"")
          .append(fmt(x))
          .append("\" cy=\"")
          .append(fmt(ys))
          .append("\" r=\"2.5\" fill=\"")
          .append(COLOURS[1])
          .append("\"/>");
    }
    if (n > 0) {
      h.append("<polyline class=\"sends\" fill=\"none\" stroke=\"")
          .append(COLOURS[1])
          .append("\" stroke-width=\"2\" points=\"")
          .append(String.join(" ", sends))
          .append("\"/>");
      h.append("<polyline class=\"deliveries\" fill=\"none\" stroke=\"")
          .append(COLOURS[2])
          .append("\" stroke-width=\"2\" points=\"")
          .append(String.join(" ", deliveries))
          .append("\"/>");
      h.append(dots);
      h.append(text(left, height - 8, series.get(0).start().toString(), null));
      h.append(text(left + plotW - 170, height - 8, series.get(n - 1).start().toString(), null));
    }
    if (limitPerBucket > 0) {
      double y = bottom - plotH * limitPerBucket / top;
      h.append("<line class=\"throughput-limit\" data-per-bucket=\"")
          .append(fmt(limitPerBucket))
          .append("\" x1=\"")
          .append(left)
          .append("\" y1=\"")
          .append(fmt(y))
          .append("\" x2=\"")
          .append(left + plotW)
          .append("\" y2=\"")
          .append(fmt(y))
          .append("\" stroke=\"#e15759\" stroke-dasharray=\"6 4\"/>");
    }
    h.append("</svg>\n<p class=\"legend\"><span style=\"color:")
        .append(COLOURS[1])
        .append("\">&#9632; sends</span><span style=\"color:")
        .append(COLOURS[2])
        .append("\">&#9632; first deliveries</span>");
    if (limitPerBucket > 0) {
      h.append("<span style=\"color:#e15759\">- - throughput limit (")
          .append(fmt(r.throughputLimit().getAsDouble()))
          .append("/s = ")
          .append(fmt(limitPerBucket))
          .append(" per bucket)</span>");
    }
    h.append("</p><p id=\"bucket\">Bucket: ").append(r.bucket()).append("</p>");
    if (r.tierLimit().isPresent()) {
      long sent = r.funnels().values().stream().mapToLong(Funnel::sent).sum();
      h.append("<p id=\"tier\" data-tier=\"")
          .append(r.tierLimit().getAsLong())
          .append("\">Messaging-limit tier: ")
          .append(r.tierLimit().getAsLong())
          .append(" unique users per 24 hours; this campaign reached ")
          .append(sent)
          .append(" (spread over ")
          .append(Math.max(1, (sent + r.tierLimit().getAsLong() - 1) / r.tierLimit().getAsLong()))
          .append(" tier window(s) at least).</p>");
    }
    h.append("</section>\n");
  }

  private static void decision(StringBuilder h, CampaignReport r) {
    h.append("<section id=\"decision-section\"><h2>A/B decision</h2>\n");
    if (r.decision().isEmpty()) {
      h.append("<p id=\"decision-text\">No A/B decision.</p></section>\n");
      return;
    }
    AbDecision d = r.decision().get();
    h.append("<p id=\"decision-text\" data-verdict=\"")
        .append(d.verdict().name())
        .append("\">")
        .append(esc(d.explanation()))
        .append("</p>");
    double span = Math.max(Math.abs(d.ciLow()), Math.abs(d.ciHigh())) * 1.2;
    if (span == 0) {
      span = 0.01;
    }
    int height = 90;
    int mid = WIDTH / 2;
    double scale = (WIDTH / 2.0 - 40) / span;
    h.append(svgOpen("decision-ci", height, "Confidence interval of the difference"));
    h.append("<line class=\"zero\" x1=\"")
        .append(mid)
        .append("\" y1=\"10\" x2=\"")
        .append(mid)
        .append("\" y2=\"70\" stroke=\"#888\"/>");
    double x1 = mid + d.ciLow() * scale;
    double x2 = mid + d.ciHigh() * scale;
    double est = d.ciLow() / 2 + d.ciHigh() / 2;
    h.append("<line class=\"interval\" data-low=\"")
        .append(d.ciLow())
        .append("\" data-high=\"")
        .append(d.ciHigh())
        .append("\" data-confidence=\"")
        .append(d.confidence())
        .append("\" x1=\"")
        .append(fmt(x1))
        .append("\" y1=\"40\" x2=\"")
        .append(fmt(x2))
        .append("\" y2=\"40\" stroke=\"#4e79a7\" stroke-width=\"4\"/>");
    h.append("<circle class=\"estimate\" data-value=\"")
        .append(est)
        .append("\" cx=\"")
        .append(fmt(mid + est * scale))
        .append("\" cy=\"40\" r=\"5\" fill=\"#e15759\"/>");
    h.append(text(fmt(x1 - 30), 64, String.format(Locale.ROOT, "%+.2f", 100 * d.ciLow()), null));
    h.append(text(fmt(x2 - 10), 64, String.format(Locale.ROOT, "%+.2f", 100 * d.ciHigh()), null));
    h.append(
        text(mid + 4, 20, "0 (" + d.challenger() + " minus " + d.control() + ", points)", null));
    h.append("</svg>\n<table id=\"decision-table\"><tr><th>variant</th><th>sent</th><th>")
        .append(d.metric().name().toLowerCase(Locale.ROOT))
        .append("</th><th>rate</th></tr>");
    for (AbDecision.VariantResult v : d.variants()) {
      h.append("<tr data-variant=\"")
          .append(esc(v.variant()))
          .append("\"><th>")
          .append(esc(v.variant()))
          .append("</th><td data-sent>")
          .append(v.sent())
          .append("</td><td data-successes>")
          .append(v.successes())
          .append("</td><td>")
          .append(pct(v.rate()))
          .append("</td></tr>");
    }
    h.append("</table><p>z = ")
        .append(String.format(Locale.ROOT, "%.3f", d.z()))
        .append(", p = ")
        .append(String.format(Locale.ROOT, "%.4g", d.pValue()))
        .append(", significance ")
        .append(d.adjustedSignificance())
        .append("</p></section>\n");
  }

  private static void failures(StringBuilder h, CampaignReport r) {
    h.append("<section id=\"failures-section\"><h2>Failures by code</h2>\n");
    Map<Integer, Long> failures = r.failures();
    if (failures.isEmpty()) {
      h.append("<p>No failed statuses.</p></section>\n");
      return;
    }
    long max = failures.values().stream().mapToLong(Long::longValue).max().orElse(1);
    int height = failures.size() * 24 + 10;
    h.append(svgOpen("failures", height, "Failures by error code"));
    int y = 6;
    for (Map.Entry<Integer, Long> e : failures.entrySet()) {
      int w = (int) Math.round((WIDTH - 220) * e.getValue() / (double) max);
      h.append(text(6, y + 14, Integer.toString(e.getKey()), null));
      h.append("<rect class=\"failure\" data-code=\"")
          .append(e.getKey())
          .append("\" data-value=\"")
          .append(e.getValue())
          .append("\" x=\"100\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(Math.max(1, w))
          .append("\" height=\"18\" fill=\"#e15759\"/>");
      h.append(text(106 + Math.max(1, w), y + 14, Long.toString(e.getValue()), null));
      y += 24;
    }
    h.append(
        "</svg>\n<table id=\"failure-table\"><tr><th>code</th><th>messages</th><th>meaning</th></tr>");
    for (Map.Entry<Integer, Long> e : failures.entrySet()) {
      h.append("<tr data-code=\"")
          .append(e.getKey())
          .append("\"><td>")
          .append(e.getKey())
          .append("</td><td>")
          .append(e.getValue())
          .append("</td><td style=\"text-align:left\">")
          .append(esc(dev.wasdk.error.ErrorCode.of(e.getKey()).meaning()))
          .append("</td></tr>");
    }
    h.append("</table></section>\n");
  }

  private static String svgOpen(String id, int height, String title) {
    return "<svg id=\""
        + id
        + "\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\""
        + WIDTH
        + "\" height=\""
        + height
        + "\" viewBox=\"0 0 "
        + WIDTH
        + " "
        + height
        + "\"><title>"
        + esc(title)
        + "</title>";
  }

  private static String text(Object x, Object y, String s, String weight) {
    return "<text x=\""
        + x
        + "\" y=\""
        + y
        + "\" font-size=\"12\""
        + (weight == null ? "" : " font-weight=\"" + weight + "\"")
        + ">"
        + esc(s)
        + "</text>";
  }

  private static String pct(double rate) {
    return String.format(Locale.ROOT, "%.2f%%", 100 * rate);
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  /** Escapes text for HTML content and attributes. */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
