package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.micrometer.WhatsAppMetrics;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.opentelemetry.WhatsAppTracing;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/operations.md}, against the simulator. */
class OperationsSnippetsTest extends SimulatorFixture {

  @Test
  void metricsAndTracing_onOneClient() throws Exception {
    MeterRegistry registry = new SimpleMeterRegistry();
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    OpenTelemetry openTelemetry =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build();
    // tag::wire[]
    WhatsAppMetrics metrics = WhatsAppMetrics.of(registry);
    WhatsAppTracing tracing = WhatsAppTracing.of(openTelemetry);
    WhatsAppClient client =
        WhatsAppClient.builder()
            .accessToken(sim.accessToken())
            .phoneNumberId(sim.phoneNumberId())
            .baseUrl(sim.baseUrl())
            .observer(WhatsAppObserver.of(List.of(metrics, tracing)))
            .build();
    MessageSender sender = MessageSender.builder(client).build(); // reports to the same observer
    metrics.bind(sender); // queue, in-flight, tier and throughput gauges
    // end::wire[]
    try (client;
        sender) {
      client.messages().send(Message.to(USER).text("hello"));
      // The sender has seen no webhook, so it keeps free-form text inside the window it knows of.
      SendOutcome o = sender.submit(Message.to(USER).text("hello")).get(10, TimeUnit.SECONDS);
      assertThat(o).isInstanceOf(SendOutcome.Rejected.class);
    }
    assertThat(registry.get("whatsapp.graph.requests").tag("uri", "{id}/messages").timer().count())
        .isEqualTo(1);
    assertThat(registry.get("whatsapp.sends").tag("reason", "WINDOW_CLOSED").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get("whatsapp.sender.queued").gauge()).isNotNull();
    assertThat(exporter.getFinishedSpanItems())
        .extracting(s -> s.getName())
        .contains("POST {id}/messages");
  }
}
