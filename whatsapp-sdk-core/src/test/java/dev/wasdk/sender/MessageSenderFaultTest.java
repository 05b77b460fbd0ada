package dev.wasdk.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sender against a WireMock Cloud API that misbehaves: every message must end in exactly one
 * outcome, and no message Meta may have accepted is sent twice. The server counts the requests for
 * each recipient and answers by script; the sender runs on a fake clock, advanced only when no
 * request is in flight.
 */
class MessageSenderFaultTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";
  static final Pattern TO = Pattern.compile("\"to\":\"\\+?(\\d+)\"");

  /**
   * How long a run may take before the driver gives up: only a sender that never finishes reaches
   * it. A loaded machine stretches a run to tens of seconds, so the bound is minutes.
   */
  static final Duration DRIVE_BOUND = Duration.ofMinutes(5);

  /** The request timeout of the client that sends to the held-back recipient. */
  static final Duration SHORT_TIMEOUT = Duration.ofSeconds(1);

  /** How long the script holds back an answer: a lower bound, so it always outlasts the timeout. */
  static final int HELD_BACK_MILLIS = 4_000;

  static final Script script = new Script();

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().extensions(script))
          .build();

  final FakeTime time = new FakeTime(T0);
  final Semaphore answered = new Semaphore(0);
  final Map<SendOutcome, Boolean> seen = new ConcurrentHashMap<>();
  final AtomicInteger outcomeCalls = new AtomicInteger();

  /**
   * The client for every recipient but the one whose answer the script holds back. Its timeout is
   * far beyond any answer the script gives, so a loaded machine cannot turn a slow answer into a
   * {@code RESPONSE_TIMEOUT}: only the drive bound, which a stuck sender reaches, limits a run.
   */
  WhatsAppClient wa;

  /** The client for {@link #heldBackRecipient}: its timeout is far below the script's delay. */
  WhatsAppClient waShortTimeout;

  /** The digits of the recipient sent through {@link #waShortTimeout}, or none. */
  volatile String heldBackRecipient = "";

  @BeforeEach
  void start() {
    script.reset();
    wm.stubFor(post(urlPathMatching("/.*/messages")).willReturn(okJson("{}")));
    wa =
        WhatsAppClient.builder()
            .accessToken("EAAG-test-token")
            .phoneNumberId(PHONE_ID)
            .baseUrl(URI.create(wm.baseUrl()))
            .retryPolicy(RetryPolicy.none())
            .requestTimeout(DRIVE_BOUND)
            .build();
    waShortTimeout =
        WhatsAppClient.builder()
            .accessToken("EAAG-test-token")
            .phoneNumberId(PHONE_ID)
            .baseUrl(URI.create(wm.baseUrl()))
            .retryPolicy(RetryPolicy.none())
            .requestTimeout(SHORT_TIMEOUT)
            .build();
  }

  @AfterEach
  void stop() {
    wa.close();
    waShortTimeout.close();
  }

  MessageSender sender(int perSecond) {
    return MessageSender.builder(PHONE_ID, this::send)
        .clock(time)
        .scheduler(time)
        .tier(MessagingTier.TIER_UNLIMITED)
        .throughputPerSecond(perSecond)
        .listener(
            new SenderListener() {
              @Override
              public void onOutcome(SendOutcome o) {
                outcomeCalls.incrementAndGet();
              }
            })
        .build();
  }

  /** Sends through the real client; signals the driver once the sender has seen the answer. */
  CompletableFuture<SendResult> send(Message m) {
    CompletableFuture<SendResult> toSender = new CompletableFuture<>();
    boolean heldBack = m.recipient().value().replace("+", "").equals(heldBackRecipient);
    (heldBack ? waShortTimeout : wa)
        .messages()
        .sendAsync(m)
        .whenComplete(
            (r, e) -> {
              if (e != null) {
                toSender.completeExceptionally(e);
              } else {
                toSender.complete(r);
              }
              answered.release();
            });
    return toSender;
  }

  /**
   * Runs the sender until every future is done: waits for answers, else advances the clock. The
   * sender hands an answer to its own thread before it schedules the next step, so "nothing in
   * flight and nothing due" can hold for a moment between two steps: then the driver waits for the
   * next answer or step instead of giving up, up to an overall bound that only a sender which never
   * finishes reaches.
   */
  void drive(MessageSender sender, List<CompletableFuture<SendOutcome>> futures) throws Exception {
    long giveUpAt = System.nanoTime() + DRIVE_BOUND.toNanos();
    while (!futures.stream().allMatch(CompletableFuture::isDone) && System.nanoTime() < giveUpAt) {
      if (sender.stats().inFlight() == 0) {
        if (!time.runNext()) {
          answered.tryAcquire(10, TimeUnit.MILLISECONDS);
        }
      } else {
        answered.tryAcquire(10, TimeUnit.SECONDS);
      }
    }
  }

  static Message utility(int user) {
    return MessageSenderTest.utility(user);
  }

  static String waId(int user) {
    return MessageSenderTest.phone(user).substring(1);
  }

  @Test
  void submit_130429Storm_everyMessageSentExactlyOnce() throws Exception {
    // The first 40 requests, whoever they are for, hit the throughput limit.
    script.rule = (to, nth, total) -> total <= 40 ? error(400, 130429) : ok(to, nth);
    MessageSender sender = sender(80);
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      futures.add(sender.submit(utility(i)));
    }

    drive(sender, futures);

    assertExactlyOneOutcomeEach(futures);
    assertThat(futures).allSatisfy(f -> assertThat(f.join()).isInstanceOf(SendOutcome.Sent.class));
    for (int i = 0; i < 100; i++) {
      assertThat(script.accepted(waId(i))).as("accepted sends to user %d", i).isEqualTo(1);
    }
    assertThat(script.total()).isEqualTo(140);
    assertThat(sender.stats().throttled()).isEqualTo(40);
    assertThat(sender.stats().currentThroughputPerSecond()).isLessThan(80);
  }

  @Test
  void submit_131056ForOneUserAmongMany_onlyThatUserBacksOff() throws Exception {
    String slow = waId(7);
    script.rule =
        (to, nth, total) -> to.equals(slow) && nth <= 2 ? error(400, 131056) : ok(to, nth);
    MessageSender sender = sender(80);
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      futures.add(sender.submit(utility(i)));
    }
    futures.add(sender.submit(utility(7)));
    futures.add(sender.submit(utility(7)));

    drive(sender, futures);

    assertExactlyOneOutcomeEach(futures);
    assertThat(futures).allSatisfy(f -> assertThat(f.join()).isInstanceOf(SendOutcome.Sent.class));
    assertThat(script.requests(slow)).isEqualTo(5); // 2 refused, then its 3 messages once each
    assertThat(script.accepted(slow)).isEqualTo(3);
    for (int i = 0; i < 30; i++) {
      if (i != 7) {
        assertThat(script.requests(waId(i))).isEqualTo(1);
      }
    }
    // Backoffs of 1 s then 4 s: the fake clock ended past 5 s, others went in the first 0.4 s.
    assertThat(time.instant()).isAfterOrEqualTo(T0.plusSeconds(5));
    assertThat(sender.stats().pairBackoffs()).isEqualTo(2);
  }

  @Test
  void submit_serverErrors_graphBodyRejectedProxyAnswerUnknownNeitherResent() throws Exception {
    script.rule =
        (to, nth, total) -> {
          if (to.equals(waId(5))) {
            return error(500, 131000);
          }
          if (to.equals(waId(6))) {
            return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(503)
                .withBody("<html>unavailable</html>")
                .build();
          }
          return ok(to, nth);
        };
    MessageSender sender = sender(80);
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(sender.submit(utility(i)));
    }

    drive(sender, futures);

    assertExactlyOneOutcomeEach(futures);
    assertThat(((SendOutcome.Rejected) futures.get(5).join()).reason())
        .isEqualTo(RejectReason.SERVER_ERROR);
    // A 503 without a Graph body came from a proxy: the request may have reached Meta.
    assertThat(futures.get(6).join()).isInstanceOf(SendOutcome.Unknown.class);
    for (int i = 0; i < 20; i++) {
      assertThat(script.requests(waId(i))).isEqualTo(1);
    }
    assertThat(futures.stream().filter(f -> f.join() instanceof SendOutcome.Sent)).hasSize(18);
  }

  @Test
  void submit_timeoutAfterSend_endsUnknownAndIsNeverResent() throws Exception {
    heldBackRecipient = waId(3);
    script.rule =
        (to, nth, total) ->
            to.equals(waId(3))
                ? ResponseDefinitionBuilder.like(ok(to, nth))
                    .withFixedDelay(HELD_BACK_MILLIS)
                    .build()
                : ok(to, nth);
    MessageSender sender = sender(80);
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      futures.add(sender.submit(utility(i)));
    }
    CompletableFuture<SendOutcome> after = sender.submit(utility(3));
    futures.add(after);

    drive(sender, futures);

    assertExactlyOneOutcomeEach(futures);
    assertThat(futures.get(3).join()).isInstanceOf(SendOutcome.Unknown.class);
    // The next message to the same user is a different message: it goes, once.
    assertThat(after.join()).isInstanceOf(SendOutcome.Unknown.class);
    assertThat(script.requests(waId(3))).isEqualTo(2);
    for (int i = 0; i < 10; i++) {
      if (i != 3) {
        assertThat(futures.get(i).join()).isInstanceOf(SendOutcome.Sent.class);
        assertThat(script.requests(waId(i))).isEqualTo(1);
      }
    }
    assertThat(sender.stats().unknown()).isEqualTo(2);
  }

  void assertExactlyOneOutcomeEach(List<CompletableFuture<SendOutcome>> futures) {
    assertThat(futures).allSatisfy(f -> assertThat(f).isCompleted());
    Map<Message, Integer> perMessage = new IdentityHashMap<>();
    for (CompletableFuture<SendOutcome> f : futures) {
      perMessage.merge(f.join().message(), 1, Integer::sum);
    }
    assertThat(perMessage.values()).allMatch(n -> n == 1);
    assertThat(outcomeCalls.get()).isEqualTo(futures.size());
  }

  static ResponseDefinition ok(String to, int nth) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+"
                + to
                + "\",\"wa_id\":\""
                + to
                + "\"}],\"messages\":[{\"id\":\"wamid."
                + to
                + "."
                + nth
                + "\"}]}")
        .build();
  }

  static ResponseDefinition error(int status, int code) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"error\":{\"message\":\"(#"
                + code
                + ") test\",\"type\":\"OAuthException\",\"code\":"
                + code
                + ",\"fbtrace_id\":\"AbC\"}}")
        .build();
  }

  /** Answers each request by a rule of (recipient, nth request for it, nth request overall). */
  static final class Script implements ResponseDefinitionTransformerV2 {
    interface Rule {
      ResponseDefinition answer(String to, int nth, int total);
    }

    volatile Rule rule = (to, nth, total) -> ok(to, nth);
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    final AtomicInteger total = new AtomicInteger();

    void reset() {
      rule = (to, nth, t) -> ok(to, nth);
      requests.clear();
      accepted.clear();
      total.set(0);
    }

    int requests(String to) {
      AtomicInteger n = requests.get(to);
      return n == null ? 0 : n.get();
    }

    int accepted(String to) {
      AtomicInteger n = accepted.get(to);
      return n == null ? 0 : n.get();
    }

    int total() {
      return total.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Matcher m = TO.matcher(event.getRequest().getBodyAsString());
      String to = m.find() ? m.group(1) : "?";
      int nth = requests.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
      ResponseDefinition r = rule.answer(to, nth, total.incrementAndGet());
      if (r.getStatus() == 200) {
        accepted.computeIfAbsent(to, k -> new AtomicInteger()).incrementAndGet();
      }
      return r;
    }

    @Override
    public String getName() {
      return "sender-fault-script";
    }
  }
}
