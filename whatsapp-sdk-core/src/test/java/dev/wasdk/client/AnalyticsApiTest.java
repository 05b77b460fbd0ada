package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** WABA analytics over HTTP: the field expressions sent and the tolerant readers. */
class AnalyticsApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String WABA = "102290129340398";
  static final String W = "/v24.0/" + WABA;
  static final AnalyticsRange RANGE =
      AnalyticsRange.of(Instant.ofEpochSecond(1543543200), Instant.ofEpochSecond(1544148000));
  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("t")).wabaId(WABA).build();
  }

  @Test
  void messaging_withFilters_sendsFieldExpansionAndReadsDataPoints() {
    wm.stubFor(
        get(urlPathEqualTo(W))
            .willReturn(
                okJson(
                    "{\"analytics\":{\"phone_numbers\":[\"16505551234\"],\"country_codes\":[\"US\"],"
                        + "\"granularity\":\"DAY\",\"data_points\":[{\"start\":1543543200,"
                        + "\"end\":1543629600,\"sent\":5,\"delivered\":4},{\"start\":\"1543629600\","
                        + "\"end\":\"1543716000\",\"sent\":3,\"future\":true}]},\"id\":\""
                        + WABA
                        + "\"}")));
    try (WhatsAppClient wa = client()) {
      MessagingAnalytics m =
          wa.analytics()
              .messaging(
                  MessagingAnalyticsQuery.builder(RANGE, MessagingGranularity.DAY)
                      .phoneNumbers("16505551234")
                      .countryCodes("US", "BR")
                      .build());
      assertThat(m.granularity()).contains("DAY");
      assertThat(m.phoneNumbers()).containsExactly("16505551234");
      assertThat(m.dataPoints()).hasSize(2);
      assertThat(m.dataPoints().get(0))
          .isEqualTo(
              new MessagingDataPoint(
                  Instant.ofEpochSecond(1543543200), Instant.ofEpochSecond(1543629600), 5, 4));
      assertThat(m.dataPoints().get(1).start()).isEqualTo(Instant.ofEpochSecond(1543629600));
      assertThat(m.dataPoints().get(1).delivered()).isZero();
      assertThat(m.totalSent()).isEqualTo(8);
      assertThat(m.totalDelivered()).isEqualTo(4);
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo(W))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
            .withQueryParam(
                "fields",
                equalTo(
                    "analytics.start(1543543200).end(1544148000).granularity(DAY)"
                        + ".phone_numbers([\"16505551234\"]).country_codes([\"US\",\"BR\"])")));
  }

  @Test
  void messaging_noDataInRange_readsAsEmpty() {
    wm.stubFor(
        get(urlEqualTo(
                W
                    + "?fields=analytics.start%281543543200%29.end%281544148000%29"
                    + ".granularity%28HALF_HOUR%29"))
            .willReturn(okJson("{\"id\":\"" + WABA + "\"}")));
    try (WhatsAppClient wa = client()) {
      MessagingAnalytics m =
          wa.analytics()
              .messaging(MessagingAnalyticsQuery.of(RANGE, MessagingGranularity.HALF_HOUR));
      assertThat(m.dataPoints()).isEmpty();
      assertThat(m.granularity()).isEmpty();
      assertThat(m.json()).isEqualTo("{}");
    }
  }

  @Test
  void pricing_dimensionsAndFilters_sendsExpressionAndReadsExactCosts() {
    wm.stubFor(
        get(urlPathEqualTo(W))
            .willReturn(
                okJson(
                    "{\"pricing_analytics\":{\"data\":[{\"data_points\":["
                        + "{\"start\":1543543200,\"end\":1543629600,\"country\":\"US\","
                        + "\"pricing_type\":\"REGULAR\",\"pricing_category\":\"MARKETING\","
                        + "\"volume\":3,\"cost\":0.0747},"
                        + "{\"start\":1543543200,\"end\":1543629600,\"country\":\"BR\","
                        + "\"pricing_type\":\"FREE_ENTRY_POINT\",\"pricing_category\":\"SPACE_NEW\","
                        + "\"volume\":\"2\",\"cost\":\"0.1\",\"tier\":\"0:1000\"}]}]},"
                        + "\"id\":\""
                        + WABA
                        + "\"}")));
    try (WhatsAppClient wa = client()) {
      PricingAnalytics p =
          wa.analytics()
              .pricing(
                  PricingAnalyticsQuery.builder(RANGE, PricingGranularity.DAILY)
                      .dimensions(PricingDimension.COUNTRY, PricingDimension.PRICING_CATEGORY)
                      .phoneNumbers("16505551234")
                      .countryCodes("US")
                      .pricingCategories("MARKETING")
                      .pricingTypes("REGULAR")
                      .build());
      assertThat(p.dataPoints()).hasSize(2);
      PricingDataPoint us = p.dataPoints().get(0);
      assertThat(us.country()).contains("US");
      assertThat(us.pricingCategory()).contains("MARKETING");
      assertThat(us.pricingType()).contains("REGULAR");
      assertThat(us.phoneNumber()).isEmpty();
      assertThat(us.cost()).contains(new BigDecimal("0.0747"));
      assertThat(p.dataPoints().get(1).pricingCategory()).contains("SPACE_NEW");
      assertThat(p.dataPoints().get(1).tier()).contains("0:1000");
      assertThat(p.totalVolume()).isEqualTo(5);
      assertThat(p.totalCost()).isEqualByComparingTo("0.1747");
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo(W))
            .withQueryParam(
                "fields",
                equalTo(
                    "pricing_analytics.start(1543543200).end(1544148000).granularity(DAILY)"
                        + ".phone_numbers([\"16505551234\"]).country_codes([\"US\"])"
                        + ".pricing_categories([\"MARKETING\"]).pricing_types([\"REGULAR\"])"
                        + ".dimensions([\"COUNTRY\",\"PRICING_CATEGORY\"])")));
  }

  @Test
  void templates_sendsIdsAndMetrics_readsClicksCostsAndCursor() {
    wm.stubFor(
        get(urlPathEqualTo(W))
            .willReturn(
                okJson(
                    "{\"template_analytics\":{\"data\":[{\"granularity\":\"DAILY\","
                        + "\"product_type\":\"cloud_api\",\"data_points\":[{\"template_id\":"
                        + "\"1924084211297547\",\"start\":1543543200,\"end\":1543629600,"
                        + "\"sent\":10,\"delivered\":9,\"read\":7,\"clicked\":[{\"type\":"
                        + "\"quick_reply_button\",\"button_content\":\"Tell me more\",\"count\":3}],"
                        + "\"cost\":[{\"type\":\"amount_spent\",\"value\":0.25},{\"type\":"
                        + "\"cost_per_url_button_click\"}]},{\"template_id\":\"954638012257287\","
                        + "\"start\":1543543200,\"end\":1543629600}]}],"
                        + "\"paging\":{\"cursors\":{\"after\":\"NEXT\"}}},\"id\":\""
                        + WABA
                        + "\"}")));
    try (WhatsAppClient wa = client()) {
      TemplateAnalytics t =
          wa.analytics()
              .templates(
                  TemplateAnalyticsQuery.builder(RANGE, "1924084211297547", "954638012257287")
                      .metrics(TemplateMetric.SENT, TemplateMetric.CLICKED, TemplateMetric.COST)
                      .build());
      assertThat(t.after()).contains("NEXT");
      TemplateDataPoint first = t.forTemplate("1924084211297547").get(0);
      assertThat(first.sent()).isEqualTo(OptionalLong.of(10));
      assertThat(first.read()).isEqualTo(OptionalLong.of(7));
      assertThat(first.clicked())
          .containsExactly(new TemplateDataPoint.Clicks("quick_reply_button", "Tell me more", 3));
      assertThat(first.cost("amount_spent")).contains(new BigDecimal("0.25"));
      assertThat(first.cost("cost_per_url_button_click")).isEmpty();
      TemplateDataPoint second = t.forTemplate("954638012257287").get(0);
      assertThat(second.sent()).isEmpty();
      assertThat(second.clicked()).isEmpty();
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo(W))
            .withQueryParam(
                "fields",
                equalTo(
                    "template_analytics.start(1543543200).end(1544148000).granularity(DAILY)"
                        + ".template_ids([1924084211297547,954638012257287])"
                        + ".metric_types([\"SENT\",\"CLICKED\",\"COST\"])")));
  }

  @Test
  void queries_invalidValues_failBeforeAnyRequest() {
    String[] eleven = new String[11];
    for (int i = 0; i < 11; i++) {
      eleven[i] = String.valueOf(1000 + i);
    }
    assertThatThrownBy(() -> TemplateAnalyticsQuery.builder(RANGE, eleven).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 10")
        .hasMessageContaining("11");
    assertThatThrownBy(() -> TemplateAnalyticsQuery.builder(RANGE).build())
        .hasMessageContaining("held 0");
    assertThatThrownBy(() -> TemplateAnalyticsQuery.builder(RANGE, "12)").build())
        .hasMessageContaining("numeric id");
    assertThatThrownBy(
            () ->
                MessagingAnalyticsQuery.builder(RANGE, MessagingGranularity.DAY)
                    .phoneNumbers("+16505551234")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without '+'")
        .hasMessageNotContaining("16505551234");
    assertThatThrownBy(
            () ->
                MessagingAnalyticsQuery.builder(RANGE, MessagingGranularity.DAY)
                    .countryCodes("usa")
                    .build())
        .hasMessageContaining("alpha-2");
    assertThatThrownBy(
            () ->
                PricingAnalyticsQuery.builder(RANGE, PricingGranularity.MONTHLY)
                    .pricingCategories("MARKETING\"])")
                    .build())
        .hasMessageContaining("pricingCategories");
    assertThat(TemplateAnalyticsQuery.builder(RANGE, "1", "1", "2").build().templateIds())
        .containsExactly("1", "2");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void range_startNotBeforeEnd_fails_andDaysCoverWholeUtcDays() {
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    assertThatThrownBy(() -> AnalyticsRange.of(t, t)).hasMessageContaining("before end");
    assertThatThrownBy(() -> AnalyticsRange.of(t, t.plusMillis(999)))
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(
            () -> AnalyticsRange.ofDays(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    AnalyticsRange march =
        AnalyticsRange.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    assertThat(march.startSeconds()).isEqualTo(t.getEpochSecond());
    assertThat(march.endSeconds())
        .isEqualTo(Instant.parse("2026-04-01T00:00:00Z").getEpochSecond());
    assertThat(
            AnalyticsRange.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)).endSeconds())
        .isEqualTo(t.getEpochSecond() + 86_400);
  }

  @Test
  void anyCall_withoutWabaId_saysHowToSetIt() {
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      assertThatThrownBy(
              () ->
                  wa.analytics()
                      .pricing(PricingAnalyticsQuery.of(RANGE, PricingGranularity.MONTHLY)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("wabaId(");
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void pricing_flatDataPointsAndJunk_areReadTolerantly() {
    wm.stubFor(
        get(urlPathEqualTo(W))
            .willReturn(
                okJson(
                    "{\"pricing_analytics\":{\"data_points\":[{\"start\":1,\"end\":2,"
                        + "\"volume\":1,\"cost\":\"n/a\"},7],\"data\":\"odd\"}}")));
    try (WhatsAppClient wa = client()) {
      List<PricingDataPoint> points =
          wa.analytics()
              .pricing(PricingAnalyticsQuery.of(RANGE, PricingGranularity.HALF_HOUR))
              .dataPoints();
      assertThat(points).hasSize(1);
      assertThat(points.get(0).cost()).isEmpty();
      assertThat(points.get(0).volume()).isEqualTo(1);
    }
  }
}
