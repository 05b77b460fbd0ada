package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.FlowCategory;
import dev.wasdk.client.FlowDefinition;
import dev.wasdk.client.FlowGranularity;
import dev.wasdk.client.FlowHealth;
import dev.wasdk.client.FlowInfo;
import dev.wasdk.client.FlowMetric;
import dev.wasdk.client.FlowMetricName;
import dev.wasdk.client.FlowMigration;
import dev.wasdk.client.FlowPreview;
import dev.wasdk.client.FlowStatus;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.ApiException;
import dev.wasdk.message.Message;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's answers for Flow metrics, preview, health, migration and send refusals. */
class FlowsManagementAnswersTest {
  private static final String FLOW_JSON = "{\"version\":\"7.3\",\"screens\":[]}";
  private static final String USER = "+16505551234";

  private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T10:00:00Z"));
  private final WhatsAppSimulator sim = WhatsAppSimulator.builder().clock(clock).start();
  private final WhatsAppClient wa =
      WhatsAppClient.builder()
          .accessToken(sim.accessToken())
          .phoneNumberId(sim.phoneNumberId())
          .wabaId(sim.wabaId())
          .baseUrl(sim.baseUrl())
          .build();

  @AfterEach
  void stop() {
    wa.close();
    sim.close();
  }

  private String publishedFlow(String name) {
    String id =
        wa.flows()
            .create(FlowDefinition.builder().name(name).category(FlowCategory.OTHER).build())
            .id();
    wa.flows().uploadFlowJson(id, FLOW_JSON);
    wa.flows().publish(id);
    return id;
  }

  private Message flowMessage(String flowId) {
    return Message.to(USER)
        .flow()
        .body("Book a table.")
        .flowId(flowId)
        .flowCta("Book")
        .flowToken("tok")
        .build();
  }

  @Test
  void metrics_comeFromTheRecordedEndpointCalls_byDayAndLifetime() {
    String id = publishedFlow("metrics");
    sim.flows().recordEndpointCall(id, Duration.ofMillis(300), null);
    sim.flows().recordEndpointCall(id, Duration.ofMillis(1_500), null);
    sim.flows().recordEndpointCall(id, Duration.ofSeconds(11), "timeout_error");
    clock.advance(Duration.ofDays(1));
    sim.flows().recordEndpointCall(id, Duration.ofMillis(200), null);

    FlowMetric count =
        wa.flows()
            .metric(
                id,
                FlowMetricName.ENDPOINT_REQUEST_COUNT,
                FlowGranularity.DAY,
                Optional.empty(),
                Optional.empty());
    FlowMetric errors =
        wa.flows()
            .metric(
                id,
                FlowMetricName.ENDPOINT_REQUEST_ERROR,
                FlowGranularity.LIFETIME,
                Optional.empty(),
                Optional.empty());
    FlowMetric availability =
        wa.flows()
            .metric(
                id,
                FlowMetricName.ENDPOINT_AVAILABILITY,
                FlowGranularity.DAY,
                Optional.of(LocalDate.parse("2026-03-03")),
                Optional.of(LocalDate.parse("2026-03-03")));
    FlowMetric latency =
        wa.flows()
            .metric(
                id,
                FlowMetricName.ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL,
                FlowGranularity.LIFETIME,
                Optional.empty(),
                Optional.empty());

    assertThat(count.flowId()).isEqualTo(id);
    assertThat(count.name()).isEqualTo("ENDPOINT_REQUEST_COUNT");
    assertThat(count.granularity()).isEqualTo("DAY");
    assertThat(count.dataPoints())
        .extracting(FlowMetric.DataPoint::timestamp)
        .containsExactly(
            Optional.of(Instant.parse("2026-03-02T00:00:00Z")),
            Optional.of(Instant.parse("2026-03-03T00:00:00Z")));
    assertThat(count.dataPoints())
        .extracting(FlowMetric.DataPoint::values)
        .containsExactly(
            Map.of("value", BigDecimal.valueOf(3)), Map.of("value", BigDecimal.valueOf(1)));
    assertThat(errors.dataPoints()).hasSize(1);
    assertThat(errors.dataPoints().get(0).values())
        .isEqualTo(Map.of("timeout_error", BigDecimal.ONE));
    assertThat(availability.dataPoints()).hasSize(1);
    assertThat(availability.dataPoints().get(0).values())
        .isEqualTo(Map.of("succeeded", BigDecimal.ONE, "failed", BigDecimal.ZERO));
    assertThat(latency.dataPoints().get(0).values())
        .isEqualTo(Map.of("1", BigDecimal.valueOf(2), "2", BigDecimal.ONE, "11", BigDecimal.ONE));
  }

  @Test
  void preview_keepsItsLinkUntilInvalidated_thenRotates() {
    String id = publishedFlow("preview");

    FlowPreview first = wa.flows().preview(id, false);
    FlowPreview again = wa.flows().preview(id, false);
    FlowPreview rotated = wa.flows().preview(id, true);

    assertThat(first.previewUrl().toString())
        .startsWith("https://business.facebook.com/wa/manage/flows/" + id + "/preview/?token=");
    assertThat(first.expiresAt()).contains(Instant.parse("2026-04-01T10:00:00Z"));
    assertThat(again).isEqualTo(first);
    assertThat(rotated.previewUrl()).isNotEqualTo(first.previewUrl());
    assertThat(wa.flows().get(id).preview()).contains(rotated);
  }

  @Test
  void healthStatus_followsTheFlowsStatus() {
    String id = publishedFlow("health");
    FlowHealth available = wa.flows().get(id, "id,health_status").healthStatus().orElseThrow();
    sim.setFlowStatus(id, "THROTTLED");
    FlowHealth limited = wa.flows().get(id).healthStatus().orElseThrow();
    sim.setFlowStatus(id, "BLOCKED");
    FlowInfo blocked = wa.flows().get(id);

    assertThat(available.canSendMessage()).isEqualTo(FlowHealth.Availability.AVAILABLE);
    assertThat(available.entities())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.entityType()).isEqualTo("FLOW");
              assertThat(e.id()).isEqualTo(id);
            });
    assertThat(limited.canSendMessage()).isEqualTo(FlowHealth.Availability.LIMITED);
    assertThat(blocked.status()).isEqualTo(FlowStatus.BLOCKED);
    assertThat(blocked.healthStatus().orElseThrow().canSendMessage())
        .isEqualTo(FlowHealth.Availability.BLOCKED);
  }

  @Test
  void migrate_copiesByNameKeepingStatus_andReportsMissingAndClashingNames() {
    String source = "1029384756";
    String appointment =
        sim.flows().addToOtherWaba(source, "appointment", List.of("OTHER"), "PUBLISHED", FLOW_JSON);
    sim.flows().addToOtherWaba(source, "survey", List.of("SURVEY"), "DRAFT", null);
    sim.flows().addToOtherWaba(source, "clash", List.of("OTHER"), "DRAFT", null);
    publishedFlow("clash");

    FlowMigration result =
        wa.flows().migrate(source, List.of("appointment", "survey", "leadgen", "clash"));

    assertThat(result.migrated())
        .extracting(FlowMigration.Migrated::sourceName)
        .containsExactly("appointment", "survey");
    FlowMigration.Migrated copied = result.migrated().get(0);
    assertThat(copied.sourceId()).isEqualTo(appointment);
    assertThat(copied.migratedId()).isNotEqualTo(appointment);
    assertThat(sim.flowStatus(copied.migratedId())).contains("PUBLISHED");
    assertThat(sim.uploadedFlowJson(copied.migratedId())).contains(FLOW_JSON);
    assertThat(sim.flowStatus(result.migrated().get(1).migratedId())).contains("DRAFT");
    assertThat(result.failed())
        .extracting(FlowMigration.Failed::sourceName, FlowMigration.Failed::errorCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("clash", "100"),
            org.assertj.core.groups.Tuple.tuple("leadgen", "4233041"));
    assertThatThrownBy(() -> wa.flows().migrate("999", List.of()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode().code()).isEqualTo(100));
  }

  @Test
  void send_blockedFlow_132068() {
    String id = publishedFlow("blocked");
    sim.userSends(USER, "hi");
    wa.messages().send(flowMessage(id));
    sim.setFlowStatus(id, "BLOCKED");

    assertThatThrownBy(() -> wa.messages().send(flowMessage(id)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode().code()).isEqualTo(132068));
    assertThat(sim.sentMessages()).hasSize(1);
  }

  @Test
  void send_throttledFlow_tenAnHourThen132069_andAgainOnceTheHourHasPassed() {
    String id = publishedFlow("throttled");
    sim.userSends(USER, "hi");
    sim.setFlowStatus(id, "THROTTLED");
    for (int i = 0; i < 10; i++) {
      wa.messages().send(flowMessage(id));
      clock.advance(Duration.ofMinutes(1));
    }

    assertThatThrownBy(() -> wa.messages().send(flowMessage(id)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errorCode().code()).isEqualTo(132069));
    // The first send leaves the hour 60 minutes after it was made.
    clock.advance(Duration.ofMinutes(50));
    wa.messages().send(flowMessage(id));
    assertThat(sim.sentMessages()).hasSize(11);
  }

  @Test
  void reset_forgetsTheThrottledHourAndTheRecordedCalls_keepsTheFlow() {
    String id = publishedFlow("reset");
    sim.userSends(USER, "hi");
    sim.setFlowStatus(id, "THROTTLED");
    for (int i = 0; i < 10; i++) {
      wa.messages().send(flowMessage(id));
    }
    sim.flows().recordEndpointCall(id, Duration.ofMillis(100), null);

    sim.reset();
    sim.userSends(USER, "hi again");

    wa.messages().send(flowMessage(id));
    assertThat(sim.flowStatus(id)).contains("THROTTLED");
    assertThat(
            wa.flows()
                .metric(
                    id,
                    FlowMetricName.ENDPOINT_REQUEST_COUNT,
                    FlowGranularity.LIFETIME,
                    Optional.empty(),
                    Optional.empty())
                .dataPoints())
        .isEmpty();
  }
}
