package dev.wasdk.internal.http;

import dev.wasdk.client.AccessTokenProvider;
import dev.wasdk.client.ApiVersion;
import dev.wasdk.client.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** Builds transports for tests, with a fake sleeper and a fixed clock. */
final class TestTransports {
  static final String TOKEN = "EAAG-transport-token-9876543210";

  private TestTransports() {}

  static GraphTransport create(URI base, FakeSleeper sleeper, RetryPolicy policy) {
    return create(base, sleeper, policy, new CapturingLogger("transport"));
  }

  static GraphTransport create(
      URI base, FakeSleeper sleeper, RetryPolicy policy, CapturingLogger log) {
    return new GraphTransport(
        new TransportSettings(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
            true,
            base,
            ApiVersion.V24_0,
            AccessTokenProvider.of(TOKEN),
            null,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            1024 * 1024,
            "wasdk/test",
            policy,
            Set.of("lookaside.fbsbx.com"),
            Runnable::run,
            Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC),
            sleeper,
            () -> 0.5,
            log));
  }
}
