package dev.wasdk.spring.internal;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.AuthException;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.QueuedHandoff;
import dev.wasdk.webhooks.WebhookHandoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The "whatsApp" health indicator: the Graph access token, the limiter store, the de-duplication
 * store and the webhook hand-off. The token and store checks make a call, so each result is reused
 * for an interval; the hand-off check reads a counter. A part that is absent (no sender, no
 * webhook) is left out.
 *
 * <p>The overall status is DOWN when the token is rejected, a store fails or the hand-off queue is
 * full; UNKNOWN when Graph could not be reached; else UP. Details never hold the token or a secret.
 * Thread-safe and lock-free: two probes that miss the cache at once both check.
 */
public final class WhatsAppHealthIndicator implements HealthIndicator {
  private static final String HEALTH_KEY = "wasdk-health-check";

  private final WhatsAppClient client;
  private final LimiterStore store;
  private final Deduplicator deduplicator;
  private final WebhookHandoff handoff;
  private final int handoffCapacity;
  private final Clock clock;
  private final Cached token;
  private final Cached limiter;
  private final Cached dedupe;

  /**
   * Creates the indicator; any part but the client may be null.
   *
   * @param client the client whose token is checked
   * @param store the limiter store, or null
   * @param deduplicator the de-duplication store, or null
   * @param handoff the webhook hand-off, or null for synchronous dispatch
   * @param handoffCapacity the hand-off queue's capacity
   * @param tokenInterval how long a token check is reused
   * @param storeInterval how long a store check is reused
   * @param clock the clock
   */
  public WhatsAppHealthIndicator(
      WhatsAppClient client,
      LimiterStore store,
      Deduplicator deduplicator,
      WebhookHandoff handoff,
      int handoffCapacity,
      Duration tokenInterval,
      Duration storeInterval,
      Clock clock) {
    this.client = client;
    this.store = store;
    this.deduplicator = deduplicator;
    this.handoff = handoff;
    this.handoffCapacity = handoffCapacity;
    this.clock = clock;
    this.token = new Cached(tokenInterval);
    this.limiter = new Cached(storeInterval);
    this.dedupe = new Cached(storeInterval);
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    Status status = Status.UP;
    Part t = token.get(this::checkToken);
    details.put("token", t.detail);
    status = worst(status, t.status);
    if (store != null) {
      Part l = limiter.get(this::checkLimiter);
      details.put("limiterStore", l.detail);
      status = worst(status, l.status);
    }
    if (deduplicator != null) {
      Part d = dedupe.get(this::checkDedupe);
      details.put("dedupeStore", d.detail);
      status = worst(status, d.status);
    }
    Part h = checkHandoff();
    details.put("webhookHandoff", h.detail);
    status = worst(status, h.status);
    return Health.status(status).withDetails(details).build();
  }

  private Part checkToken() {
    try {
      client.phoneNumbers().get();
      return new Part(Status.UP, "accepted");
    } catch (AuthException e) {
      return new Part(Status.DOWN, "rejected by Graph (code " + e.error().code() + ")");
    } catch (ApiException e) {
      // Graph answered, so the token was read; the error is about something else.
      return new Part(
          Status.UP, "accepted (the check read answered code " + e.error().code() + ")");
    } catch (RuntimeException e) {
      return new Part(Status.UNKNOWN, "not checked: " + e.getClass().getSimpleName());
    }
  }

  private Part checkLimiter() {
    try {
      store.windowSize(HEALTH_KEY, Duration.ofSeconds(1), clock.instant());
      return new Part(Status.UP, "answering (" + store.getClass().getSimpleName() + ")");
    } catch (RuntimeException e) {
      return new Part(Status.DOWN, "failing: " + e.getClass().getSimpleName());
    }
  }

  private Part checkDedupe() {
    String key = HEALTH_KEY + ":" + UUID.randomUUID();
    String holder = "health";
    try {
      Instant now = clock.instant();
      deduplicator.claim(key, holder, now, Duration.ofSeconds(5));
      deduplicator.release(key, holder);
      return new Part(Status.UP, "answering (" + deduplicator.getClass().getSimpleName() + ")");
    } catch (RuntimeException e) {
      return new Part(Status.DOWN, "failing: " + e.getClass().getSimpleName());
    }
  }

  private Part checkHandoff() {
    if (handoff == null) {
      return new Part(Status.UP, "synchronous");
    }
    if (handoff instanceof QueuedHandoff q) {
      int pending = q.pendingEvents();
      String detail =
          pending + " of " + handoffCapacity + " events queued, " + q.droppedEvents() + " dropped";
      return new Part(pending >= handoffCapacity ? Status.DOWN : Status.UP, detail);
    }
    return new Part(Status.UP, handoff.getClass().getSimpleName());
  }

  private static Status worst(Status a, Status b) {
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(Status s) {
    if (Status.DOWN.equals(s)) {
      return 2;
    }
    return Status.UNKNOWN.equals(s) ? 1 : 0;
  }

  private record Part(Status status, String detail) {}

  /** One check's last result and when it was made. */
  private final class Cached {
    private final Duration ttl;
    private final AtomicReference<Stamped> last = new AtomicReference<>();

    Cached(Duration ttl) {
      this.ttl = ttl;
    }

    Part get(Supplier<Part> check) {
      Instant now = clock.instant();
      Stamped s = last.get();
      if (s != null && now.isBefore(s.at.plus(ttl))) {
        return s.part;
      }
      Part p = check.get();
      last.set(new Stamped(p, now));
      return p;
    }
  }

  private record Stamped(Part part, Instant at) {}
}
