package dev.wasdk.spring;

import dev.wasdk.testkit.WhatsAppSimulator;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The set-up the Spring tests of traces share: an OpenTelemetry instance that exports every span to
 * memory as it ends, and the properties that point an application at a simulator.
 */
final class TracedApps {
  static final String VERIFY_TOKEN = "verify-token";

  private TracedApps() {}

  /**
   * Returns an OpenTelemetry instance whose spans go to {@code spans} as each ends.
   *
   * @param spans the exporter the test reads
   */
  static OpenTelemetry exportingTo(InMemorySpanExporter spans) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .build();
  }

  /**
   * Points the application at {@code sim}: its URL, token, phone number, account and app secret,
   * and a verify token.
   *
   * @param sim the simulator
   * @param registry the test's dynamic properties
   */
  static void pointAt(WhatsAppSimulator sim, DynamicPropertyRegistry registry) {
    registry.add("wasdk.base-url", () -> sim.baseUrl().toString());
    registry.add("wasdk.access-token", sim::accessToken);
    registry.add("wasdk.phone-number-id", sim::phoneNumberId);
    registry.add("wasdk.waba-id", sim::wabaId);
    registry.add("wasdk.app-secret", sim::appSecret);
    registry.add("wasdk.verify-token", () -> VERIFY_TOKEN);
  }
}
