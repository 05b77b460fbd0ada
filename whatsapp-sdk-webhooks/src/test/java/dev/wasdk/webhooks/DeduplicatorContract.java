package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.Deduplicator.Claim;
import dev.wasdk.webhooks.event.TextReceived;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Deduplicator} must have. A backend's test extends this class and
 * returns a fresh store from {@link #newDeduplicator(Duration)}; the keys of each test are unique,
 * so a shared server may keep them between tests.
 *
 * <p>Besides the steps themselves, it runs the endpoint scenarios that the leases exist for: a
 * retry while a slow handler runs, a slow handler that then fails, and a holder that crashed.
 */
public abstract class DeduplicatorContract {
  /** The start of every test's fake time. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static final Duration LEASE = Duration.ofMinutes(2);

  /** The app secret that signs {@link #textDelivery} deliveries. */
  public static final String APP_SECRET = "contract-app-secret-0123456789";

  private static final WebhookSigner SIGNER = WebhookSigner.of(APP_SECRET);

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /**
   * Returns a fresh store that remembers done keys for {@code horizon}.
   *
   * @param horizon how long done keys are remembered
   */
  protected abstract Deduplicator newDeduplicator(Duration horizon);

  /** Returns a key unique to this test run. */
  protected String key(String name) {
    return "contract-" + run + "-" + name;
  }

  @Test
  public void claim_newKey_claimedThenInProgressForOthers() {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    String k = key("a");
    assertThat(d.claim(k, "h1", T0, LEASE)).isEqualTo(Claim.CLAIMED);
    assertThat(d.claim(k, "h2", T0.plusSeconds(1), LEASE)).isEqualTo(Claim.IN_PROGRESS);
    assertThat(d.claim(k, "h1", T0.plusSeconds(1), LEASE)).isEqualTo(Claim.IN_PROGRESS);
  }

  @Test
  public void complete_claimedKey_doneUntilTheHorizonThenNewAgain() {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    String k = key("b");
    d.claim(k, "h1", T0, LEASE);
    d.complete(k, "h1", T0.plusSeconds(10));
    assertThat(d.claim(k, "h2", T0.plusSeconds(11), LEASE)).isEqualTo(Claim.DONE);
    Instant horizon = T0.plusSeconds(10).plus(Duration.ofDays(7));
    assertThat(d.claim(k, "h2", horizon.minusMillis(1), LEASE)).isEqualTo(Claim.DONE);
    assertThat(d.claim(k, "h3", horizon, LEASE)).isEqualTo(Claim.CLAIMED);
  }

  @Test
  public void release_byHolder_nextClaimTakesTheKey() {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    String k = key("c");
    d.claim(k, "h1", T0, LEASE);
    d.release(k, "h1");
    assertThat(d.claim(k, "h2", T0.plusSeconds(1), LEASE)).isEqualTo(Claim.CLAIMED);
  }

  @Test
  public void release_byAnotherHolder_changesNothing() {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    String k = key("d");
    d.claim(k, "h1", T0, LEASE);
    d.release(k, "h2");
    assertThat(d.claim(k, "h3", T0.plusSeconds(1), LEASE)).isEqualTo(Claim.IN_PROGRESS);
    d.complete(k, "h1", T0.plusSeconds(2));
    d.release(k, "h1");
    assertThat(d.claim(k, "h3", T0.plusSeconds(3), LEASE)).isEqualTo(Claim.DONE);
    d.release("never-claimed-" + k, "h1");
  }

  @Test
  public void claim_leaseRanOut_anotherHolderTakesOverAndTheOldOneCannotRenewOrRelease() {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    String k = key("e");
    d.claim(k, "crashed", T0, LEASE);
    assertThat(d.claim(k, "h2", T0.plus(LEASE).minusMillis(1), LEASE)).isEqualTo(Claim.IN_PROGRESS);
    Instant later = T0.plus(LEASE);
    assertThat(d.claim(k, "h2", later, LEASE)).isEqualTo(Claim.CLAIMED);
    assertThat(d.renew(k, "crashed", later.plusSeconds(1), LEASE)).isFalse();
    d.release(k, "crashed");
    assertThat(d.claim(k, "h3", later.plusSeconds(2), LEASE)).isEqualTo(Claim.IN_PROGRESS);
  }

  @Test
  public void renew_byHolder_extendsTheLease() {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    String k = key("f");
    d.claim(k, "h1", T0, LEASE);
    assertThat(d.renew(k, "h1", T0.plusSeconds(100), LEASE)).isTrue();
    // Without the renewal the lease would have run out at T0 + 2 min.
    assertThat(d.claim(k, "h2", T0.plusSeconds(219), LEASE)).isEqualTo(Claim.IN_PROGRESS);
    assertThat(d.claim(k, "h2", T0.plusSeconds(220), LEASE)).isEqualTo(Claim.CLAIMED);
  }

  @Test
  public void renew_doneOrAbsentKey_false() {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    String k = key("g");
    assertThat(d.renew(k, "h1", T0, LEASE)).isFalse();
    d.claim(k, "h1", T0, LEASE);
    d.complete(k, "h1", T0);
    assertThat(d.renew(k, "h1", T0, LEASE)).isFalse();
    assertThat(d.claim(k, "h2", T0.plusSeconds(1), LEASE)).isEqualTo(Claim.DONE);
  }

  @Test
  public void complete_afterTakeover_isDoneForEveryone() {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    String k = key("h");
    d.claim(k, "slow", T0, LEASE);
    d.claim(k, "h2", T0.plus(LEASE), LEASE);
    d.complete(k, "slow", T0.plus(LEASE).plusSeconds(1));
    d.release(k, "h2");
    assertThat(d.claim(k, "h3", T0.plus(LEASE).plusSeconds(2), LEASE)).isEqualTo(Claim.DONE);
  }

  @Test
  public void claim_concurrentSameKey_exactlyOneClaims() throws Exception {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        String k = key("race-" + round);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Claim>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          String holder = "h" + i;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return d.claim(k, holder, T0, LEASE);
                  }));
        }
        start.countDown();
        int claimed = 0;
        for (Future<Claim> f : results) {
          Claim c = f.get(30, TimeUnit.SECONDS);
          assertThat(c).isIn(Claim.CLAIMED, Claim.IN_PROGRESS);
          claimed += c == Claim.CLAIMED ? 1 : 0;
        }
        assertThat(claimed).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // --- the endpoint over this store ------------------------------------------------------------

  /** A clock the test moves by hand. */
  protected static final class FakeClock extends Clock {
    private volatile Instant now;

    /** Starts at {@code start}. */
    public FakeClock(Instant start) {
      this.now = start;
    }

    /** Moves the time forward. */
    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A handler whose first run for each message blocks until released, then fails or succeeds. */
  private static final class SlowHandler {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch proceed = new CountDownLatch(1);
    final List<String> handled = new CopyOnWriteArrayList<>();
    final AtomicInteger runs = new AtomicInteger();
    volatile boolean failFirst;

    void on(TextReceived text) {
      if (runs.incrementAndGet() == 1) {
        entered.countDown();
        try {
          if (!proceed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        if (failFirst) {
          throw new IllegalStateException("first run fails");
        }
      }
      handled.add(text.header().id());
    }
  }

  private static WebhookEndpoint endpoint(Deduplicator d, Clock clock, SlowHandler handler) {
    return WebhookEndpoint.builder()
        .appSecret(APP_SECRET)
        .verifyToken("contract-verify-token")
        .router(WebhookRouter.builder().on(TextReceived.class, handler::on).build())
        .deduplicator(d)
        .clock(clock)
        .build();
  }

  /** Returns a signed delivery of one text message with the given id. */
  public static WebhookRequest textDelivery(String messageId) {
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550783881\","
            + "\"phone_number_id\":\"106540352242922\"},"
            + "\"messages\":[{\"from\":\"16505551234\",\"id\":\""
            + messageId
            + "\",\"timestamp\":\"1739321024\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}}]}]}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return WebhookRequest.builder()
        .method("POST")
        .header("Content-Type", "application/json")
        .header(SignatureVerifier.HEADER, SIGNER.sign(body))
        .body(body)
        .build();
  }

  @Test
  public void endpoint_retryWhileSlowHandlerRuns_notAcknowledgedThenSkippedOnceDone()
      throws Exception {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    SlowHandler handler = new SlowHandler();
    WebhookEndpoint endpoint = endpoint(d, new FakeClock(T0), handler);
    String id = "wamid." + key("slow-ok");
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      Future<WebhookResponse> slow = first.submit(() -> endpoint.handle(textDelivery(id)));
      assertThat(handler.entered.await(30, TimeUnit.SECONDS)).isTrue();
      WebhookResponse retry = endpoint.handle(textDelivery(id));
      assertThat(retry.status()).isEqualTo(503);
      assertThat(retry.headers()).containsKey("Retry-After");
      handler.proceed.countDown();
      assertThat(slow.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(endpoint.handle(textDelivery(id)).status()).isEqualTo(200);
      assertThat(handler.handled).containsExactly(id);
      assertThat(handler.runs.get()).isEqualTo(1);
    } finally {
      first.shutdownNow();
    }
  }

  @Test
  public void endpoint_retryWhileSlowHandlerRunsAndThenFails_nextRetryHandlesTheEvent()
      throws Exception {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    SlowHandler handler = new SlowHandler();
    handler.failFirst = true;
    WebhookEndpoint endpoint = endpoint(d, new FakeClock(T0), handler);
    String id = "wamid." + key("slow-fail");
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      Future<WebhookResponse> slow = first.submit(() -> endpoint.handle(textDelivery(id)));
      assertThat(handler.entered.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(endpoint.handle(textDelivery(id)).status()).isEqualTo(503);
      handler.proceed.countDown();
      assertThat(slow.get(30, TimeUnit.SECONDS).status()).isEqualTo(500);
      assertThat(handler.handled).isEmpty();
      assertThat(endpoint.handle(textDelivery(id)).status()).isEqualTo(200);
      assertThat(handler.handled).containsExactly(id);
    } finally {
      first.shutdownNow();
    }
  }

  @Test
  public void endpoint_holderNeverFinishes_retryHandledOnceTheLeaseRunsOut() throws Exception {
    Deduplicator d = newDeduplicator(Duration.ofDays(7));
    FakeClock clock = new FakeClock(T0);
    SlowHandler stuck = new SlowHandler();
    SlowHandler other = new SlowHandler();
    other.runs.set(1); // handles at once
    WebhookEndpoint crashed = endpoint(d, clock, stuck);
    WebhookEndpoint survivor = endpoint(d, clock, other);
    String id = "wamid." + key("crashed");
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      first.submit(() -> crashed.handle(textDelivery(id)));
      assertThat(stuck.entered.await(30, TimeUnit.SECONDS)).isTrue();
      clock.advance(Duration.ofMinutes(1));
      assertThat(survivor.handle(textDelivery(id)).status()).isEqualTo(503);
      assertThat(other.handled).isEmpty();
      // The stuck holder's renewals run every 40 s of real time, long after this test ends.
      clock.advance(Deduplicator.DEFAULT_LEASE);
      assertThat(survivor.handle(textDelivery(id)).status()).isEqualTo(200);
      assertThat(other.handled).containsExactly(id);
      assertThat(survivor.handle(textDelivery(id)).status()).isEqualTo(200);
      assertThat(other.handled).containsExactly(id);
    } finally {
      stuck.proceed.countDown();
      first.shutdown();
      assertThat(first.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Collects ids handled, to check exactly-once across endpoints. */
  public static final class HandledIds {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<String> twice = new CopyOnWriteArrayList<>();

    /** Records one handling. */
    public void add(String id) {
      if (!seen.add(id)) {
        twice.add(id);
      }
    }

    /** Returns the distinct ids handled. */
    public Set<String> ids() {
      return Set.copyOf(seen);
    }

    /** Returns ids handled more than once. */
    public List<String> handledTwice() {
      return List.copyOf(twice);
    }
  }
}
