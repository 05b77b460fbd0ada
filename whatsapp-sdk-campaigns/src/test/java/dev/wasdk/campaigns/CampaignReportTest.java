package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class CampaignReportTest {
  private final CampaignStore store = ReportFixture.store();
  private final CampaignReport report =
      CampaignReport.builder(store, ReportFixture.ID)
          .throughputLimit(80)
          .tierLimit(2000)
          .clock(Clock.fixed(ReportFixture.T0.plusSeconds(7200), ZoneOffset.UTC))
          .build();

  private static long attr(Element e, String name) {
    return Long.parseLong(e.attr(name));
  }

  @Test
  void html_selfContained_noScriptsNoExternalResourcesNoPhoneNumbers() {
    String html = report.html();
    Document doc = Jsoup.parse(html);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("link, img, iframe, object, embed, [src]")).isEmpty();
    assertThat(doc.select("[href]")).isEmpty();
    assertThat(doc.select("[style*=url(]")).isEmpty();
    assertThat(html).doesNotContain("+1650555").doesNotContain("@import");
    assertThat(doc.select("svg")).hasSize(4);
  }

  @Test
  void html_funnelBars_matchTheStoredNumbers() {
    Document doc = Jsoup.parse(report.html());
    // by hand: A = even indexes 0..18; sent 0..16 even = 9; delivered i<15 even = 8;
    // read i<15, even, i%3==0 = {0,6,12} = 3; replied {0} = 1; submitted 10 (18 refused)
    Element aRead = doc.selectFirst("svg#funnel rect[data-variant=A][data-step=read]");
    assertThat(attr(aRead, "data-value")).isEqualTo(3);
    assertThat(attr(doc.selectFirst("rect[data-variant=A][data-step=sent]"), "data-value"))
        .isEqualTo(9);
    assertThat(attr(doc.selectFirst("rect[data-variant=A][data-step=delivered]"), "data-value"))
        .isEqualTo(8);
    assertThat(attr(doc.selectFirst("rect[data-variant=A][data-step=replied]"), "data-value"))
        .isEqualTo(1);
    assertThat(attr(doc.selectFirst("rect[data-variant=A][data-step=submitted]"), "data-value"))
        .isEqualTo(10);
    // B = odd: sent 1..17 odd = 9; read {3,9} = 2; submitted 10 (19 UNKNOWN counts)
    assertThat(attr(doc.selectFirst("rect[data-variant=B][data-step=read]"), "data-value"))
        .isEqualTo(2);
    for (String v : List.of("A", "B")) {
      Funnel f = store.funnels(ReportFixture.ID, false).get(v);
      assertThat(
              attr(
                  doc.selectFirst("rect[data-variant=" + v + "][data-step=delivered]"),
                  "data-value"))
          .isEqualTo(f.delivered());
      assertThat(
              doc.selectFirst("#funnel-table tr[data-variant=" + v + "] td[data-step=sent]").text())
          .isEqualTo(Long.toString(f.sent()));
      // a bigger number draws a wider bar
      assertThat(
              Integer.parseInt(
                  doc.selectFirst("rect[data-variant=" + v + "][data-step=sent]").attr("width")))
          .isGreaterThan(
              Integer.parseInt(
                  doc.selectFirst("rect[data-variant=" + v + "][data-step=read]").attr("width")));
    }
    assertThat(doc.selectFirst("#state-table tr[data-state=UNKNOWN] td").text()).isEqualTo("1");
    assertThat(doc.selectFirst("#state-table tr[data-state=REFUSED] td").text()).isEqualTo("1");
  }

  @Test
  void html_timeline_bucketsAddUpAndLimitLineIsPerBucket() {
    Document doc = Jsoup.parse(report.html());
    // sends at T0 + 20 i s, i = 0..17 (16 failed later but was sent): 18 sends over minutes 0..5
    long sends =
        doc.select("svg#timeline circle.bucket").stream()
            .mapToLong(e -> attr(e, "data-sends"))
            .sum();
    long deliveries =
        doc.select("svg#timeline circle.bucket").stream()
            .mapToLong(e -> attr(e, "data-deliveries"))
            .sum();
    assertThat(sends).isEqualTo(18);
    assertThat(deliveries).isEqualTo(15);
    assertThat(doc.select("svg#timeline circle.bucket")).hasSize(report.series().size()).hasSize(6);
    assertThat(attr(doc.selectFirst("circle.bucket"), "data-sends")).isEqualTo(3); // 0, 20, 40 s
    assertThat(doc.selectFirst("line.throughput-limit").attr("data-per-bucket"))
        .isEqualTo("4800.0");
    assertThat(doc.selectFirst("#tier").attr("data-tier")).isEqualTo("2000");
    assertThat(doc.select("polyline.sends").attr("points").split(" ")).hasSize(6);
  }

  @Test
  void html_decision_showsIntervalAndExplanation() {
    Document doc = Jsoup.parse(report.html());
    AbDecision d = report.decision().orElseThrow();
    Element interval = doc.selectFirst("svg#decision-ci line.interval");
    assertThat(Double.parseDouble(interval.attr("data-low"))).isEqualTo(d.ciLow());
    assertThat(Double.parseDouble(interval.attr("data-high"))).isEqualTo(d.ciHigh());
    assertThat(Double.parseDouble(interval.attr("data-confidence"))).isEqualTo(0.95);
    assertThat(Double.parseDouble(interval.attr("x1")))
        .isLessThan(Double.parseDouble(interval.attr("x2")));
    assertThat(doc.selectFirst("#decision-text").text()).isEqualTo(d.explanation());
    assertThat(doc.selectFirst("#decision-text").attr("data-verdict"))
        .isEqualTo(d.verdict().name());
    assertThat(doc.selectFirst("#decision-table tr[data-variant=A] td[data-sent]").text())
        .isEqualTo(Long.toString(d.variants().get(0).sent()));
  }

  @Test
  void html_failures_byCode() {
    Document doc = Jsoup.parse(report.html());
    assertThat(doc.select("svg#failures rect.failure")).hasSize(1);
    assertThat(attr(doc.selectFirst("rect.failure[data-code=131049]"), "data-value")).isEqualTo(1);
    assertThat(doc.selectFirst("#failure-table tr[data-code=131049]").text()).contains("131049 1");
  }

  @Test
  void csv_perRecipientAndPerVariant() {
    StringWriter recipients = new StringWriter();
    report.writeRecipientsCsv(recipients);
    String[] lines = recipients.toString().split("\n");
    assertThat(lines).hasSize(21);
    assertThat(lines[0]).startsWith("index,recipient,variant,sample,state,wamid");
    assertThat(lines[20]).startsWith("19,+16505551019,B,true,UNKNOWN,,");
    assertThat(lines[17]).startsWith("16,+16505551016,A,true,FAILED,wamid.r16,,0,131049,");
    assertThat(lines[1]).contains(",3,,true,marketing,2026-03-02T12:00:00Z,2026-03-02T12:00:30Z");

    StringWriter variants = new StringWriter();
    report.writeVariantsCsv(variants);
    String[] v = variants.toString().split("\n");
    assertThat(v).hasSize(3);
    assertThat(v[1]).startsWith("A,10,1,9,8,3,1,0,1,"); // 18 (even) was refused, 16 failed
    assertThat(v[2]).startsWith("B,10,0,9,7,2,0,0,0,"); // 19 is UNKNOWN: submitted, not sent
  }
}
