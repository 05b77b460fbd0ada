package dev.wasdk.campaigns;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.wasdk.client.AnalyticsRange;
import dev.wasdk.client.WhatsAppClient;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clicks read from template analytics through {@code wa.analytics()}. */
class ImportClicksTest {
  private static final String WABA = "102290129340398";
  private final WireMockServer wm = new WireMockServer(options().dynamicPort());

  @BeforeEach
  void start() {
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void importClicks_sumsUrlButtonClicksPerVariantTemplate() {
    wm.stubFor(
        get(urlPathMatching("/v[0-9.]+/" + WABA))
            .willReturn(
                okJson(
                    "{\"template_analytics\":{\"data\":[{\"granularity\":\"DAILY\","
                        + "\"data_points\":["
                        + "{\"template_id\":\"111\",\"start\":1772409600,\"end\":1772496000,"
                        + "\"clicked\":[{\"type\":\"url_button\",\"button_content\":\"Shop\","
                        + "\"count\":4},{\"type\":\"quick_reply_button\",\"button_content\":"
                        + "\"Stop\",\"count\":9}]},"
                        + "{\"template_id\":\"111\",\"start\":1772496000,\"end\":1772582400,"
                        + "\"clicked\":[{\"type\":\"url_button\",\"button_content\":\"Shop\","
                        + "\"count\":1}]},"
                        + "{\"template_id\":\"222\",\"start\":1772409600,\"end\":1772496000,"
                        + "\"clicked\":[{\"type\":\"url_button\",\"button_content\":\"Shop\","
                        + "\"count\":12}]}]}]},\"id\":\""
                        + WABA
                        + "\"}")));
    DeliveryTracker tracker = DeliveryTracker.builder().build();
    Map<String, String> templates = new LinkedHashMap<>();
    templates.put("A", "111");
    templates.put("B", "222");
    try (WhatsAppClient wa =
        WhatsAppClient.builder()
            .accessToken("test-token")
            .phoneNumberId("106540352242922")
            .wabaId(WABA)
            .baseUrl(URI.create(wm.baseUrl()))
            .build()) {
      Map<String, Long> clicks =
          tracker.importClicks(
              wa.analytics(),
              "sale",
              templates,
              AnalyticsRange.of(
                  Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-04T00:00:00Z")));
      assertThat(clicks).containsExactly(Map.entry("A", 5L), Map.entry("B", 12L));
    }
    assertThat(tracker.funnel("sale", "A").clicked()).isEqualTo(5);
    assertThat(tracker.funnel("sale", "B").clicked()).isEqualTo(12);
    wm.verify(
        getRequestedFor(urlPathMatching("/v[0-9.]+/" + WABA))
            .withQueryParam(
                "fields",
                equalTo(
                    "template_analytics.start(1772409600).end(1772582400).granularity(DAILY)"
                        + ".template_ids([111,222]).metric_types([\"CLICKED\"])")));
  }
}
