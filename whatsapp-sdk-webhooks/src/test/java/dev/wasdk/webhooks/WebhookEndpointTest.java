package dev.wasdk.webhooks;

import static dev.wasdk.webhooks.TestDeliveries.APP_SECRET;
import static dev.wasdk.webhooks.TestDeliveries.PREVIOUS_SECRET;
import static dev.wasdk.webhooks.TestDeliveries.TEST_KEYS;
import static dev.wasdk.webhooks.TestDeliveries.VERIFY_TOKEN;
import static dev.wasdk.webhooks.TestDeliveries.body;
import static dev.wasdk.webhooks.TestDeliveries.handshake;
import static dev.wasdk.webhooks.TestDeliveries.post;
import static dev.wasdk.webhooks.TestDeliveries.signedPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.webhooks.TestDeliveries.MutableClock;
import dev.wasdk.webhooks.event.UnknownEvent;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();

  /** Records each event's test key; throws for keys in {@link #failing}. */
  private final WebhookRouter router =
      WebhookRouter.builder()
          .on(
              WebhookEvent.class,
              e -> {
                String key = TEST_KEYS.apply(e).orElse("(no key)");
                if (failing.contains(key)) {
                  throw new IllegalStateException("handler failed");
                }
                handled.add(key);
              })
          .build();

  private WebhookEndpoint.Builder builder() {
    return WebhookEndpoint.builder()
        .appSecret(APP_SECRET)
        .verifyToken(VERIFY_TOKEN)
        .router(router)
        .dedupeKeys(TEST_KEYS);
  }

  private WebhookEndpoint endpoint() {
    return builder().build();
  }

  // --- GET: verification handshake -------------------------------------------------------------

  @Test
  void handle_handshakeWithRightToken_echoesChallenge() {
    WebhookResponse r = endpoint().handle(handshake("subscribe", VERIFY_TOKEN, "1158201444"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("1158201444");
    assertThat(r.contentType()).startsWith("text/plain");
  }

  @Test
  void handle_handshakeWithWrongToken_403WithoutEchoingTokens() {
    WebhookResponse r = endpoint().handle(handshake("subscribe", "guess", "1158201444"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).doesNotContain("1158201444", "guess", VERIFY_TOKEN);
  }

  @Test
  void handle_handshakeWithWrongModeOrNoParameters_403() {
    assertThat(endpoint().handle(handshake("unsubscribe", VERIFY_TOKEN, "1")).status())
        .isEqualTo(403);
    assertThat(endpoint().handle(handshake(null, null, null)).status()).isEqualTo(403);
  }

  @Test
  void handle_handshakeWithoutSignature_isNotSignatureChecked() {
    WebhookRequest get =
        WebhookRequest.builder()
            .method("GET")
            .queryParameter("hub.mode", "subscribe")
            .queryParameter("hub.verify_token", VERIFY_TOKEN)
            .queryParameter("hub.challenge", "42")
            .header("X-Hub-Signature-256", "sha256=garbage")
            .build();
    assertThat(endpoint().handle(get).status()).isEqualTo(200);
  }

  // --- POST: rejections, no handler runs -------------------------------------------------------

  @Test
  void handle_bodyOverLimit_413BeforeSignatureOrParsing() {
    WebhookEndpoint endpoint = builder().maxBodyBytes(64).build();
    byte[] notJson = new byte[65];
    java.util.Arrays.fill(notJson, (byte) '{');
    WebhookResponse r = endpoint.handle(signedPost(notJson));
    assertThat(r.status()).isEqualTo(413);
    assertThat(endpoint.handle(post(notJson, "sha256=bad")).status()).isEqualTo(413);
    assertThat(handled).isEmpty();
  }

  @Test
  void handle_bodyAtLimit_accepted() {
    byte[] body = body("k1");
    WebhookEndpoint endpoint = builder().maxBodyBytes(body.length).build();
    assertThat(endpoint.handle(signedPost(body)).status()).isEqualTo(200);
    assertThat(handled).containsExactly("k1");
  }

  @Test
  void handle_declaredContentLengthOverLimit_413() {
    WebhookEndpoint endpoint = builder().maxBodyBytes(1000).build();
    byte[] body = body("k1");
    WebhookRequest request =
        WebhookRequest.builder()
            .method("POST")
            .header("X-Hub-Signature-256", TestDeliveries.SIGNER.sign(body))
            .header("Content-Length", "5000000")
            .body(body)
            .build();
    assertThat(endpoint.handle(request).status()).isEqualTo(413);
    assertThat(handled).isEmpty();
  }

  @Test
  void handle_defaultLimit_justOverMetasThreeMegabytes() {
    assertThat(endpoint().maxBodyBytes())
        .isEqualTo(WebhookEndpoint.DEFAULT_MAX_BODY_BYTES)
        .isGreaterThan(3 * 1024 * 1024)
        .isLessThan(4 * 1024 * 1024);
  }

  @Test
  void handle_missingSignature_401AndNoHandler() {
    WebhookResponse r = endpoint().handle(post(body("k1"), null));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).contains("no X-Hub-Signature-256 header");
    assertThat(handled).isEmpty();
  }

  @Test
  void handle_badSignature_403AndNoHandler() {
    byte[] body = body("k1");
    String forged = WebhookSigner.of("attacker-secret").sign(body);
    WebhookResponse r = endpoint().handle(post(body, forged));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("does not match");
    assertThat(handled).isEmpty();
  }

  @Test
  void handle_malformedSignatureHeaders_403WithReason() {
    WebhookEndpoint endpoint = endpoint();
    assertThat(endpoint.handle(post(body("k1"), "sha1=abc")).body()).contains("other than sha256");
    assertThat(endpoint.handle(post(body("k1"), "nonsense")).status()).isEqualTo(403);
    assertThat(handled).isEmpty();
  }

  @Test
  void handle_tamperedBody_403() {
    byte[] body = body("k1");
    String signature = TestDeliveries.SIGNER.sign(body);
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("k1", "k2")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(endpoint().handle(post(tampered, signature)).status()).isEqualTo(403);
    assertThat(handled).isEmpty();
  }

  @Test
  void handle_signatureFromPreviousSecret_acceptedDuringRotation() {
    byte[] body = body("k1");
    String oldSignature = WebhookSigner.of(PREVIOUS_SECRET).sign(body);
    assertThat(endpoint().handle(post(body, oldSignature)).status()).isEqualTo(403);
    WebhookEndpoint rotating = builder().previousAppSecret(PREVIOUS_SECRET).build();
    assertThat(rotating.handle(post(body, oldSignature)).status()).isEqualTo(200);
    assertThat(handled).containsExactly("k1");
  }

  @Test
  void handle_malformedJson_400AndNoHandler() {
    byte[] broken =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
    WebhookResponse r = endpoint().handle(signedPost(broken));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).startsWith("malformed webhook body");
    assertThat(handled).isEmpty();
  }

  @Test
  void handle_unknownMethod_405WithAllowHeader() {
    WebhookResponse r = endpoint().handle(WebhookRequest.builder().method("PUT").build());
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.headers()).containsEntry("Allow", "GET, POST");
    assertThat(endpoint().handle(WebhookRequest.builder().method("delete").build()).status())
        .isEqualTo(405);
  }

  @Test
  void handle_everyRejection_neverEchoesSecretsOrSignature() {
    WebhookEndpoint endpoint =
        builder().previousAppSecret(PREVIOUS_SECRET).maxBodyBytes(4096).build();
    byte[] body = body("k1");
    String forged = WebhookSigner.of("attacker-secret").sign(body);
    List<WebhookResponse> responses =
        List.of(
            endpoint.handle(post(body, forged)),
            endpoint.handle(post(body, null)),
            endpoint.handle(post(new byte[5000], forged)),
            endpoint.handle(signedPost("nope".getBytes(StandardCharsets.UTF_8))),
            endpoint.handle(handshake("subscribe", "wrong", "c")),
            endpoint.handle(WebhookRequest.builder().method("PATCH").build()));
    for (WebhookResponse r : responses) {
      assertThat(r.status()).isGreaterThanOrEqualTo(400);
      assertThat(r.body())
          .doesNotContain(APP_SECRET, PREVIOUS_SECRET, VERIFY_TOKEN, forged.substring(7));
      assertThat(r.toString()).doesNotContain(APP_SECRET);
    }
    assertThat(endpoint.toString()).doesNotContain(APP_SECRET, PREVIOUS_SECRET, VERIFY_TOKEN);
  }

  // --- POST: synchronous dispatch --------------------------------------------------------------

  @Test
  void handle_validDelivery_200AfterHandlersRan() {
    WebhookResponse r = endpoint().handle(signedPost(body("k1", "k2")));
    assertThat(r.status()).isEqualTo(200);
    assertThat(handled).containsExactly("k1", "k2");
  }

  @Test
  void handle_emptyEntryList_200WithoutHandlers() {
    byte[] empty =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThat(endpoint().handle(signedPost(empty)).status()).isEqualTo(200);
    assertThat(handled).isEmpty();
  }

  @Test
  void handle_handlerFails_500ThenRetryIsProcessed() {
    WebhookEndpoint endpoint = endpoint();
    byte[] delivery = body("k1");
    failing.add("k1");
    assertThat(endpoint.handle(signedPost(delivery)).status()).isEqualTo(500);
    assertThat(handled).isEmpty();

    failing.clear(); // the handler recovers; Meta retries the same delivery
    assertThat(endpoint.handle(signedPost(delivery)).status()).isEqualTo(200);
    assertThat(handled).containsExactly("k1");

    assertThat(endpoint.handle(signedPost(delivery)).status()).isEqualTo(200);
    assertThat(handled).containsExactly("k1");
  }

  @Test
  void handle_oneOfManyFails_othersRunAndRetryRunsOnlyTheFailedOne() {
    WebhookEndpoint endpoint = endpoint();
    byte[] delivery = body("k1", "k2", "k3");
    failing.add("k2");
    assertThat(endpoint.handle(signedPost(delivery)).status()).isEqualTo(500);
    assertThat(handled).containsExactly("k1", "k3");

    failing.clear();
    assertThat(endpoint.handle(signedPost(delivery)).status()).isEqualTo(200);
    assertThat(handled).containsExactly("k1", "k3", "k2");
  }

  @Test
  void handle_handlerThrowsVirtualMachineError_keysReleasedForRetry() {
    List<String> seen = new ArrayList<>();
    boolean[] overflow = {true};
    WebhookRouter fragile =
        WebhookRouter.builder()
            .on(
                WebhookEvent.class,
                e -> {
                  String key = TEST_KEYS.apply(e).orElseThrow();
                  if (overflow[0] && key.equals("k2")) {
                    throw new StackOverflowError();
                  }
                  seen.add(key);
                })
            .build();
    WebhookEndpoint endpoint = builder().router(fragile).build();
    byte[] delivery = body("k1", "k2", "k3");
    assertThatThrownBy(() -> endpoint.handle(signedPost(delivery)))
        .isInstanceOf(StackOverflowError.class);
    assertThat(seen).containsExactly("k1");

    overflow[0] = false;
    assertThat(endpoint.handle(signedPost(delivery)).status()).isEqualTo(200);
    assertThat(seen).containsExactly("k1", "k2", "k3");
  }

  // --- de-duplication -------------------------------------------------------------------------

  @Test
  void handle_sameKeyTwiceInOneDelivery_handledOnce() {
    assertThat(endpoint().handle(signedPost(body("k1", "k1", "k2"))).status()).isEqualTo(200);
    assertThat(handled).containsExactly("k1", "k2");
  }

  @Test
  void handle_sameKeyAcrossDeliveries_handledOnceAndAcknowledged() {
    WebhookEndpoint endpoint = endpoint();
    assertThat(endpoint.handle(signedPost(body("k1"))).status()).isEqualTo(200);
    assertThat(endpoint.handle(signedPost(body("k2", "k1"))).status()).isEqualTo(200);
    assertThat(endpoint.handle(signedPost(body("k1"))).status()).isEqualTo(200);
    assertThat(handled).containsExactly("k1", "k2");
  }

  @Test
  void handle_sameDeliveryConcurrently_eachEventHandledOnceAndNoneAcknowledgedEarly()
      throws Exception {
    WebhookEndpoint endpoint = endpoint();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 50; round++) {
        List<String> both = List.of("a" + round, "b" + round);
        WebhookRequest delivery = signedPost(body(both.get(0), both.get(1)));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          statuses.add(
              pool.submit(
                  () -> {
                    start.await();
                    int s = endpoint.handle(delivery).status();
                    // A 200 means every event of the delivery is done, by this copy or another;
                    // a copy that finds an event still being handled gets 503. Two copies that
                    // each claimed one event may both get 503: the retry below gets 200.
                    assertThat(s).isIn(200, 503);
                    if (s == 200) {
                      assertThat(handled).containsAll(both);
                    }
                    return s;
                  }));
        }
        start.countDown();
        for (Future<Integer> status : statuses) {
          status.get(10, TimeUnit.SECONDS); // rethrows a copy's failed assertion
        }
        assertThat(endpoint.handle(delivery).status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(handled).hasSize(100).doesNotHaveDuplicates();
  }

  @Test
  void handle_eventsWithoutKey_alwaysHandled() {
    WebhookEndpoint endpoint = endpoint();
    endpoint.handle(signedPost(body((String) null)));
    endpoint.handle(signedPost(body((String) null)));
    assertThat(handled).containsExactly("(no key)", "(no key)");
  }

  @Test
  void handle_defaultKeyFunctionUnknownFieldWithTime_handledOnce() {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(APP_SECRET)
            .verifyToken(VERIFY_TOKEN)
            .router(router)
            .build();
    endpoint.handle(signedPost(body("k1")));
    endpoint.handle(signedPost(body("k1")));
    endpoint.handle(signedPost(body("k2")));
    assertThat(handled).containsExactly("k1", "k2");
  }

  @Test
  void handle_defaultKeyFunctionChangeWithoutTime_handlesEveryDelivery() {
    byte[] timeless =
        new String(body("k1"), StandardCharsets.UTF_8)
            .replace("\"time\":1739321024,", "")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookParser.create().parse(timeless).get(0).dedupeKey()).isEmpty();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(APP_SECRET)
            .verifyToken(VERIFY_TOKEN)
            .router(router)
            .build();
    endpoint.handle(signedPost(timeless));
    endpoint.handle(signedPost(timeless));
    assertThat(handled).containsExactly("k1", "k1");
  }

  @Test
  void handle_duplicateWithinHorizonSkipped_afterHorizonHandledAgain() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    WebhookEndpoint endpoint =
        builder()
            .clock(clock)
            .deduplicator(Deduplicator.inMemory(1000, Duration.ofDays(7)))
            .build();
    endpoint.handle(signedPost(body("k1")));
    clock.advance(Duration.ofDays(7).minusSeconds(1));
    endpoint.handle(signedPost(body("k1")));
    assertThat(handled).containsExactly("k1");
    clock.advance(Duration.ofSeconds(1));
    endpoint.handle(signedPost(body("k1")));
    assertThat(handled).containsExactly("k1", "k1");
  }

  /** A store that claims every key and records releases; subclasses make steps fail. */
  private static class RecordingDeduplicator implements Deduplicator {
    final List<String> released = Collections.synchronizedList(new ArrayList<>());

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
    public void release(String key, String holder) {
      released.add(key);
    }
  }

  @Test
  void handle_deduplicatorFails_503AndClaimedKeysReleased() {
    RecordingDeduplicator flaky =
        new RecordingDeduplicator() {
          @Override
          public Claim claim(String key, String holder, Instant now, Duration lease) {
            if (key.equals("k2")) {
              throw new IllegalStateException("store down");
            }
            return Claim.CLAIMED;
          }
        };
    WebhookResponse r = builder().deduplicator(flaky).build().handle(signedPost(body("k1", "k2")));
    assertThat(r.status()).isEqualTo(503);
    assertThat(flaky.released).containsExactly("k1");
    assertThat(handled).isEmpty();
  }

  @Test
  void handle_handlerFailsAndReleaseFails_stillAnswers500() {
    Deduplicator stubborn =
        new RecordingDeduplicator() {
          @Override
          public void release(String key, String holder) {
            throw new IllegalStateException("store down");
          }
        };
    failing.add("k1");
    assertThat(builder().deduplicator(stubborn).build().handle(signedPost(body("k1"))).status())
        .isEqualTo(500);
  }

  @Test
  void handle_handledButCompleteFails_stillAnswers200() {
    Deduplicator stubborn =
        new RecordingDeduplicator() {
          @Override
          public void complete(String key, String holder, Instant now) {
            throw new IllegalStateException("store down");
          }
        };
    assertThat(builder().deduplicator(stubborn).build().handle(signedPost(body("k1"))).status())
        .isEqualTo(200);
    assertThat(handled).containsExactly("k1");
  }

  @Test
  void handle_slowHandler_leaseRenewedWhileItRuns() throws Exception {
    AtomicInteger renewals = new AtomicInteger();
    CountDownLatch renewedTwice = new CountDownLatch(2);
    Deduplicator counting =
        new RecordingDeduplicator() {
          @Override
          public boolean renew(String key, String holder, Instant now, Duration lease) {
            renewals.incrementAndGet();
            renewedTwice.countDown();
            return true;
          }
        };
    WebhookRouter slow =
        WebhookRouter.builder()
            .on(
                UnknownEvent.class,
                e -> {
                  try {
                    // The handler returns only once its lease was renewed twice.
                    if (!renewedTwice.await(10, TimeUnit.SECONDS)) {
                      throw new IllegalStateException("lease was not renewed");
                    }
                  } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                  }
                })
            .build();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(APP_SECRET)
            .verifyToken(VERIFY_TOKEN)
            .router(slow)
            .dedupeKeys(TEST_KEYS)
            .deduplicator(counting)
            .leaseForTest(Duration.ofMillis(30))
            .build();
    assertThat(endpoint.handle(signedPost(body("k1"))).status()).isEqualTo(200);
    assertThat(renewals.get()).isGreaterThanOrEqualTo(2);
  }

  // --- asynchronous dispatch -------------------------------------------------------------------

  private WebhookEndpoint asyncEndpoint(WebhookHandoff handoff) {
    return WebhookEndpoint.builder()
        .appSecret(APP_SECRET)
        .verifyToken(VERIFY_TOKEN)
        .dispatch(DispatchMode.asynchronous(handoff))
        .dedupeKeys(TEST_KEYS)
        .build();
  }

  @Test
  void handle_asyncHandoffAccepts_200WithNewEventsOnly() {
    List<List<WebhookEvent>> batches = Collections.synchronizedList(new ArrayList<>());
    WebhookEndpoint endpoint = asyncEndpoint(batches::add);
    assertThat(endpoint.handle(signedPost(body("k1", "k2"))).status()).isEqualTo(200);
    assertThat(endpoint.handle(signedPost(body("k2", "k3"))).status()).isEqualTo(200);
    assertThat(endpoint.handle(signedPost(body("k3"))).status()).isEqualTo(200);
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0))
        .extracting(e -> TEST_KEYS.apply(e).orElseThrow())
        .containsExactly("k1", "k2");
    assertThat(batches.get(1))
        .extracting(e -> TEST_KEYS.apply(e).orElseThrow())
        .containsExactly("k3");
    assertThatThrownBy(() -> batches.get(0).add(batches.get(1).get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void handle_asyncHandoffRefuses_503ThenRetryAccepted() {
    boolean[] full = {true};
    List<WebhookEvent> accepted = new ArrayList<>();
    WebhookEndpoint endpoint =
        asyncEndpoint(
            events -> {
              if (full[0]) {
                return false;
              }
              accepted.addAll(events);
              return true;
            });
    byte[] delivery = body("k1", "k2");
    assertThat(endpoint.handle(signedPost(delivery)).status()).isEqualTo(503);
    assertThat(accepted).isEmpty();

    full[0] = false;
    assertThat(endpoint.handle(signedPost(delivery)).status()).isEqualTo(200);
    assertThat(accepted).hasSize(2);
  }

  @Test
  void handle_asyncHandoffThrows_503ThenRetryAccepted() {
    boolean[] down = {true};
    List<WebhookEvent> accepted = new ArrayList<>();
    WebhookEndpoint endpoint =
        asyncEndpoint(
            events -> {
              if (down[0]) {
                throw new IllegalStateException("database down");
              }
              return accepted.addAll(events);
            });
    assertThat(endpoint.handle(signedPost(body("k1"))).status()).isEqualTo(503);
    down[0] = false;
    assertThat(endpoint.handle(signedPost(body("k1"))).status()).isEqualTo(200);
    assertThat(accepted).hasSize(1);
  }

  @Test
  void handle_asyncAllDuplicates_200WithoutCallingHandoff() {
    List<List<WebhookEvent>> batches = new ArrayList<>();
    WebhookEndpoint endpoint = asyncEndpoint(batches::add);
    endpoint.handle(signedPost(body("k1")));
    assertThat(endpoint.handle(signedPost(body("k1"))).status()).isEqualTo(200);
    assertThat(batches).hasSize(1);
  }

  // --- builder --------------------------------------------------------------------------------

  @Test
  void build_missingRequiredParts_throwsWithHint() {
    assertThatThrownBy(() -> WebhookEndpoint.builder().verifyToken("t").router(router).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("appSecret");
    assertThatThrownBy(() -> WebhookEndpoint.builder().appSecret("s").router(router).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("verifyToken");
    assertThatThrownBy(() -> WebhookEndpoint.builder().appSecret("s").verifyToken("t").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("router");
  }

  @Test
  void build_asynchronousWithRouter_throws() {
    assertThatThrownBy(
            () ->
                WebhookEndpoint.builder()
                    .appSecret("s")
                    .verifyToken("t")
                    .router(router)
                    .dispatch(DispatchMode.asynchronous(events -> true))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hand-off");
  }

  @Test
  void maxBodyBytes_outOfRange_throws() {
    assertThatThrownBy(() -> builder().maxBodyBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().maxBodyBytes(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
