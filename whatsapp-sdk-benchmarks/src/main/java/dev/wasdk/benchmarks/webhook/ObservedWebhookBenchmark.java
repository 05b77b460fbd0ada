package dev.wasdk.benchmarks.webhook;

import dev.wasdk.benchmarks.observe.Observers;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A webhook delivery (signature check, parse, dispatch to a handler) with Micrometer meters and
 * OpenTelemetry spans on against off, in the same run. The de-duplication store claims every key,
 * so every delivery runs the whole path.
 *
 * <pre>
 * java -jar whatsapp-sdk-benchmarks/target/benchmarks.jar ObservedWebhookBenchmark -f 1 -wi 5 -w 1s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class ObservedWebhookBenchmark {
  private static final String SECRET = "benchmark-app-secret-0123456789";

  @Param({"off", "on"})
  public String observability;

  private WebhookEndpoint endpoint;
  private WebhookRequest request;
  private final LongAdder handled = new LongAdder();

  @Setup
  public void setUp() {
    endpoint =
        WebhookEndpoint.builder()
            .appSecret(SECRET)
            .verifyToken("verify")
            .router(
                WebhookRouter.builder().on(WebhookEvent.class, e -> handled.increment()).build())
            .deduplicator(new ForgetfulDeduplicator())
            .observer(Observers.of(observability))
            .build();
    byte[] body = WebhookPayloads.inboundText();
    request =
        WebhookRequest.builder()
            .method("POST")
            .header(SignatureVerifier.HEADER, WebhookSigner.of(SECRET).sign(body))
            .body(body)
            .build();
    WebhookResponse r = endpoint.handle(request);
    if (r.status() != 200 || handled.sum() != 1) {
      throw new IllegalStateException("the delivery was not handled: " + r.status());
    }
  }

  /** Claims every key, so that the same delivery is handled each time. */
  private static final class ForgetfulDeduplicator implements Deduplicator {
    @Override
    public Claim claim(String key, String holder, Instant now, Duration lease) {
      return Claim.CLAIMED;
    }

    @Override
    public boolean renew(String key, String holder, Instant now, Duration lease) {
      return true;
    }

    @Override
    public void complete(String key, String holder, Instant now) {}

    @Override
    public void release(String key, String holder) {}
  }

  /** One delivery, observed or not. */
  @Benchmark
  public WebhookResponse deliver() {
    return endpoint.handle(request);
  }
}
