package dev.wasdk.benchmarks.observe;

import dev.wasdk.micrometer.WhatsAppMetrics;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.opentelemetry.WhatsAppTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.Collection;
import java.util.List;

/**
 * The observers a production application would run: {@link WhatsAppMetrics} on a Micrometer
 * registry and {@link WhatsAppTracing} on an OpenTelemetry SDK that samples every span and batches
 * them to an exporter that drops them (the export itself is the backend's cost, not wasdk's).
 */
public final class Observers {
  private Observers() {}

  /** Returns "off" ({@link WhatsAppObserver#none()}) or "on" (meters and spans). */
  public static WhatsAppObserver of(String mode) {
    return switch (mode) {
      case "off" -> WhatsAppObserver.none();
      case "on" -> metricsAndTracing();
      default -> throw new IllegalArgumentException("mode must be off or on: " + mode);
    };
  }

  private static WhatsAppObserver metricsAndTracing() {
    SdkTracerProvider tracer =
        SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build())
            .build();
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracer).build();
    return WhatsAppObserver.of(
        List.of(WhatsAppMetrics.of(new SimpleMeterRegistry()), WhatsAppTracing.of(otel)));
  }

  private static final class DroppingExporter
      implements io.opentelemetry.sdk.trace.export.SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
