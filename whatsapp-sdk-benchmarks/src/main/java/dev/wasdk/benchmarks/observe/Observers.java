package dev.wasdk.benchmarks.observe;

import dev.wasdk.micrometer.WhatsAppMetrics;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.opentelemetry.WhatsAppTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.List;

/**
 * The observers a production application would run: {@link WhatsAppMetrics} on a Micrometer
 * registry and {@link WhatsAppTracing} on an OpenTelemetry SDK that samples every span and hands
 * each to an exporter that drops it (the export itself is the backend's cost, not wasdk's).
 */
public final class Observers {
  private Observers() {}

  /**
   * Returns "off" ({@link WhatsAppObserver#none()}), "on" (meters and spans), or "metrics" or
   * "tracing" alone.
   */
  public static WhatsAppObserver of(String mode) {
    return switch (mode) {
      case "off" -> WhatsAppObserver.none();
      case "on" -> WhatsAppObserver.of(List.of(metrics(), tracing()));
      case "metrics" -> WhatsAppObserver.of(metrics());
      case "tracing" -> WhatsAppObserver.of(tracing());
      default ->
          throw new IllegalArgumentException("mode must be off, on, metrics or tracing: " + mode);
    };
  }

  private static WhatsAppObserver metrics() {
    return WhatsAppMetrics.of(new SimpleMeterRegistry());
  }

  private static WhatsAppObserver tracing() {
    // Every span is ended and handed to the exporter on the calling thread: an upper bound on
    // what a batching processor costs the caller.
    SdkTracerProvider tracer =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new DroppingExporter()))
            .build();
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(tracer).build();
    return WhatsAppTracing.of(otel);
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
