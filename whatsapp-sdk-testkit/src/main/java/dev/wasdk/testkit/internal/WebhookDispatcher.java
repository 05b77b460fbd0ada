package dev.wasdk.testkit.internal;

import dev.wasdk.testkit.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts signed webhooks to the callback URL from one thread, so webhooks that are due at the same
 * time arrive in the order they were emitted (the statuses of one message always do). A delivery
 * that fails (no answer, or a non-2xx status) is retried with a doubling pause, then recorded as
 * failed. At most {@value #MAX_PENDING} deliveries wait at once; more are dropped and recorded as
 * failed, so a slow receiver cannot exhaust memory. Thread-safe.
 */
public final class WebhookDispatcher implements AutoCloseable {
  /** The most deliveries that may wait at once. */
  public static final int MAX_PENDING = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final AtomicInteger POOLS = new AtomicInteger();

  /** One webhook to post. */
  public record Post(String field, byte[] body) {}

  private final ScheduledThreadPoolExecutor executor;
  private final HttpClient http;
  private final Function<byte[], String> signer;
  private final Supplier<URI> url;
  private final int attempts;
  private final Duration backoff;
  private final double duplicateRate;
  private final Random random;
  private final BoundedLog<WebhookDelivery> log;
  private final AtomicInteger pending = new AtomicInteger();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder failed = new LongAdder();

  /**
   * Creates a dispatcher.
   *
   * @param signer returns the {@code X-Hub-Signature-256} value for a body
   * @param url returns the current callback URL, or null when none is set
   * @param attempts how many times a webhook is posted at most
   * @param backoff the pause before the second attempt
   * @param duplicateRate the probability that a delivered webhook is posted again
   * @param random decides duplicates
   * @param log where outcomes are recorded
   */
  public WebhookDispatcher(
      Function<byte[], String> signer,
      Supplier<URI> url,
      int attempts,
      Duration backoff,
      double duplicateRate,
      Random random,
      BoundedLog<WebhookDelivery> log) {
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t =
              new Thread(r, "wasdk-simulator-" + pool + "-webhooks-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.executor = new ScheduledThreadPoolExecutor(1, factory);
    this.executor.setRemoveOnCancelPolicy(true);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.signer = signer;
    this.url = url;
    this.attempts = attempts;
    this.backoff = backoff;
    this.duplicateRate = duplicateRate;
    this.random = random;
    this.log = log;
  }

  /** Returns whether a callback URL is set, so webhooks would be posted at all. */
  public boolean active() {
    return url.get() != null;
  }

  /**
   * Posts webhooks one after the other: each waits for the previous one to finish, so a message's
   * statuses arrive in order.
   *
   * @param posts the webhooks
   * @param delays each webhook's delay after the previous one finished
   */
  public void sequence(List<Post> posts, List<Duration> delays) {
    if (!active() || posts.isEmpty()) {
      return;
    }
    if (pending.incrementAndGet() > MAX_PENDING) {
      pending.decrementAndGet();
      for (Post p : posts) {
        record(p, "", 0, false, OptionalInt.empty(), Optional.of("dropped: queue full"), false);
      }
      return;
    }
    schedule(() -> step(posts, delays, 0), delays.get(0));
  }

  private void step(List<Post> posts, List<Duration> delays, int i) {
    Post p = posts.get(i);
    attempt(
        p,
        signer.apply(p.body()),
        1,
        false,
        () -> {
          if (i + 1 < posts.size()) {
            schedule(() -> step(posts, delays, i + 1), delays.get(i + 1));
          } else {
            pending.decrementAndGet();
          }
        });
  }

  private void attempt(Post p, String signature, int n, boolean duplicate, Runnable then) {
    URI target = url.get();
    if (target == null) {
      record(
          p,
          signature,
          n - 1,
          false,
          OptionalInt.empty(),
          Optional.of("no callback URL"),
          duplicate);
      then.run();
      return;
    }
    OptionalInt status = OptionalInt.empty();
    String error;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(target)
              .timeout(Duration.ofSeconds(5))
              .header("Content-Type", "application/json")
              .header("X-Hub-Signature-256", signature)
              .header("User-Agent", "facebookexternalua")
              .POST(HttpRequest.BodyPublishers.ofByteArray(p.body()))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      status = OptionalInt.of(response.statusCode());
      if (response.statusCode() / 100 == 2) {
        record(p, signature, n, true, status, Optional.empty(), duplicate);
        if (!duplicate && duplicateRate > 0 && random.nextDouble() < duplicateRate) {
          attempt(p, signature, 1, true, then);
        } else {
          then.run();
        }
        return;
      }
      error = "HTTP " + response.statusCode();
    } catch (IOException e) {
      error = e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      record(p, signature, n, false, status, Optional.of("interrupted"), duplicate);
      then.run();
      return;
    }
    if (n < attempts) {
      Duration pause = backoff.multipliedBy(1L << Math.min(n - 1, 16));
      schedule(() -> attempt(p, signature, n + 1, duplicate, then), pause);
      return;
    }
    LOG.warn("Webhook {} failed after {} attempts: {}", p.field(), n, error);
    record(p, signature, n, false, status, Optional.of(error), duplicate);
    then.run();
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      executor.schedule(guard(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closed: deliveries still waiting are abandoned with the simulator.
      pending.decrementAndGet();
    }
  }

  private static Runnable guard(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("Webhook delivery task failed", e);
      }
    };
  }

  private void record(
      Post p,
      String signature,
      int attemptsMade,
      boolean ok,
      OptionalInt status,
      Optional<String> error,
      boolean duplicate) {
    if (ok) {
      delivered.increment();
    } else {
      failed.increment();
    }
    log.add(
        new WebhookDelivery(
            p.field(),
            JsonIo.utf8(p.body()),
            signature,
            attemptsMade,
            ok,
            status,
            error,
            duplicate,
            Instant.now()));
  }

  /** Returns how many posts were acknowledged with 2xx. */
  public long delivered() {
    return delivered.sum();
  }

  /** Returns how many posts failed after every attempt or were dropped. */
  public long failed() {
    return failed.sum();
  }

  /** Returns how many sequences are still waiting or running. */
  public int pending() {
    return pending.get();
  }

  /** Resets the counters. */
  public void resetCounters() {
    delivered.reset();
    failed.reset();
  }

  /** Stops posting; webhooks still waiting are dropped. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
