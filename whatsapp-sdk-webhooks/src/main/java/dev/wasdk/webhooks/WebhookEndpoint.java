package dev.wasdk.webhooks;

import dev.wasdk.observe.WebhookDeliveryEvent.Result;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.webhooks.InvalidSignatureException.Reason;
import dev.wasdk.webhooks.event.WebhookEvent;
import dev.wasdk.webhooks.internal.DeliveryFacts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a WhatsApp webhook callback URL, independently of any web framework: it turns a {@link
 * WebhookRequest} into a {@link WebhookResponse}. Adapters for {@code com.sun.net.httpserver}
 * ({@code dev.wasdk.webhooks.jdk}) and Jakarta Servlet ({@code dev.wasdk.webhooks.servlet}) are
 * included; for another framework, copy its request into a {@code WebhookRequest} and its answer
 * back.
 *
 * <p>A GET is the {@linkplain VerificationHandshake verification handshake}: 200 with {@code
 * hub.challenge} for the right verify token, else 403. A POST goes through these steps; the first
 * that fails answers, and no handler runs:
 *
 * <ol>
 *   <li>Size: a body (or declared {@code Content-Length}) over {@link Builder#maxBodyBytes} gets
 *       413, before anything is parsed.
 *   <li>Signature: a missing {@code X-Hub-Signature-256} header gets 401, an invalid one 403; the
 *       body names the {@linkplain InvalidSignatureException.Reason reason}.
 *   <li>Parsing: a body that is not a webhook payload gets 400.
 *   <li>De-duplication: each event's {@link WebhookEvent#dedupeKey() key} is {@linkplain
 *       Deduplicator#claim claimed} in the {@link Deduplicator} under a {@linkplain Builder#lease
 *       lease}, renewed while the handlers run; events already done are skipped, events without a
 *       key always pass. A store failure gets 503.
 *   <li>Dispatch, as the {@link DispatchMode} says. Synchronous: the {@link WebhookRouter} runs
 *       each event's handler; 200 when all succeeded, else 500. Asynchronous: the {@link
 *       WebhookHandoff} takes the events; 200 when it accepts them, else 503.
 * </ol>
 *
 * <p>Nothing is acknowledged that was not handled or handed off. A handled or handed-off event's
 * key is {@linkplain Deduplicator#complete completed}; on a 500 or 503 the keys of the events that
 * were not handled are {@linkplain Deduplicator#release released}, so that Meta's retry is
 * processed and not taken for a duplicate. A delivery with an event that another delivery is still
 * handling (its key claimed under a live lease) gets 503 with {@code Retry-After}, never 200, after
 * the other events of the delivery were handled: Meta's retry then finds it done or released. When
 * an instance crashes mid-handler, its lease runs out and the next retry handles the event. What a
 * crash loses: synchronous, nothing; asynchronous with {@link QueuedHandoff}, the events accepted
 * but not yet handled; asynchronous with a durable hand-off, nothing once it accepted.
 *
 * <p>Other methods get 405. Response bodies are short plain-text reasons; they never contain
 * secrets, header values or the request body. Rejected requests are logged at WARN with the reason
 * only; the flow is logged at DEBUG. {@code handle} does not throw for any request.
 *
 * <p>Instances are immutable and thread-safe; build one and share it across request threads.
 *
 * <pre>{@code
 * WebhookRouter router = WebhookRouter.builder()
 *     .on(MessageReceived.class, inbox::store)
 *     .build();
 * WebhookEndpoint endpoint = WebhookEndpoint.builder()
 *     .appSecret(System.getenv("WHATSAPP_APP_SECRET"))
 *     .verifyToken(System.getenv("WHATSAPP_VERIFY_TOKEN"))
 *     .router(router)
 *     .build();
 * WebhookResponse response = endpoint.handle(request);
 * }</pre>
 */
public final class WebhookEndpoint {
  /**
   * The default body size limit: Meta caps payloads at 3 MB, and this allows 3 MiB plus 64 KiB so
   * that no genuine delivery is refused.
   */
  public static final int DEFAULT_MAX_BODY_BYTES = 3 * 1024 * 1024 + 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(WebhookEndpoint.class);
  private static final Map<String, String> ALLOW = Map.of("Allow", "GET, POST");
  private static final WebhookResponse OK = WebhookResponse.text(200, "");

  /**
   * The answer to a delivery with an event that another delivery is handling: not 200, so that Meta
   * delivers it again, by when it is done (and skipped) or released (and handled).
   */
  private static final WebhookResponse IN_PROGRESS =
      new WebhookResponse(
          503,
          WebhookResponse.TEXT,
          "an event of this delivery is being handled; retry later",
          Map.of("Retry-After", "60"));

  private final SignatureVerifier verifier;
  private final boolean previousSecret;
  private final VerificationHandshake handshake;
  private final WebhookParser parser;
  private final WebhookRouter router;
  private final WebhookHandoff handoff;
  private final Deduplicator deduplicator;
  private final int maxBodyBytes;
  private final Clock clock;
  private final Function<WebhookEvent, Optional<String>> dedupeKeys;
  private final Duration lease;
  private final Holders holders = new Holders();
  private final WhatsAppObserver observer;

  private WebhookEndpoint(Builder b) {
    this.observer = b.observer;
    SignatureVerifier v =
        b.previousAppSecret == null
            ? SignatureVerifier.of(b.appSecret)
            : SignatureVerifier.of(b.appSecret, b.previousAppSecret);
    this.verifier = v.withEscapedUnicodeFallback(b.escapedUnicodeFallback);
    this.previousSecret = b.previousAppSecret != null;
    this.handshake = VerificationHandshake.of(b.verifyToken);
    this.parser = b.parser;
    this.router = b.router;
    this.handoff = b.dispatch instanceof DispatchMode.Asynchronous a ? a.handoff() : null;
    this.deduplicator = b.deduplicator != null ? b.deduplicator : Deduplicator.inMemory();
    this.maxBodyBytes = b.maxBodyBytes;
    this.clock = b.clock;
    this.dedupeKeys = b.dedupeKeys;
    this.lease = b.lease;
  }

  /** Returns a builder. The app secret, the verify token and a dispatch target are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Answers one request. Never throws: an unexpected failure inside answers 500, so that Meta
   * retries.
   *
   * @param request the request as received
   * @return what to send back
   */
  public WebhookResponse handle(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    if (observer != WhatsAppObserver.none() && "POST".equals(request.method())) {
      DeliveryFacts facts = new DeliveryFacts(observer.onWebhookStart());
      WebhookResponse response = answer(request, facts);
      facts.end(response.status());
      return response;
    }
    return answer(request, null);
  }

  private WebhookResponse answer(WebhookRequest request, DeliveryFacts facts) {
    try {
      return switch (request.method()) {
        case "POST" -> receive(request, facts);
        case "GET" -> verify(request);
        default -> methodNotAllowed(request);
      };
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable unexpected) {
      log.warn(
          "Webhook request failed unexpectedly; answering 500: {}",
          unexpected.getClass().getName());
      log.debug("Webhook request failure", unexpected);
      return WebhookResponse.text(500, "internal error; retry later");
    }
  }

  /** Returns the body size limit in bytes; adapters read no more than one byte beyond it. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  private static WebhookResponse methodNotAllowed(WebhookRequest request) {
    String method = request.method();
    log.warn(
        "Rejected webhook request: method {} not allowed",
        method.length() <= 16 && method.chars().allMatch(c -> c >= 'A' && c <= 'Z')
            ? method
            : "(unprintable)");
    return new WebhookResponse(405, WebhookResponse.TEXT, "method not allowed", ALLOW);
  }

  private WebhookResponse verify(WebhookRequest request) {
    String challenge =
        request.queryParameter(VerificationHandshake.CHALLENGE_PARAMETER).orElse(null);
    VerificationHandshake.Outcome outcome =
        handshake.evaluate(
            request.queryParameter(VerificationHandshake.MODE_PARAMETER).orElse(null),
            request.queryParameter(VerificationHandshake.TOKEN_PARAMETER).orElse(null),
            challenge);
    if (outcome != VerificationHandshake.Outcome.ACCEPTED) {
      log.warn("Rejected webhook verification: {}", outcome.description);
      return WebhookResponse.text(403, "verification failed: " + outcome.description);
    }
    log.debug("Webhook verification accepted");
    return WebhookResponse.text(200, challenge);
  }

  private WebhookResponse receive(WebhookRequest request, DeliveryFacts facts) {
    byte[] body = request.rawBody();
    if (body.length > maxBodyBytes || request.contentLength().orElse(-1) > maxBodyBytes) {
      log.warn("Rejected webhook POST: body over the {}-byte limit", maxBodyBytes);
      note(facts, Result.TOO_LARGE);
      return WebhookResponse.text(413, "request body exceeds " + maxBodyBytes + " bytes");
    }
    Reason reason = verifier.check(body, request.header(SignatureVerifier.HEADER).orElse(null));
    if (facts != null) {
      facts.verified();
    }
    if (reason != null) {
      note(facts, Result.BAD_SIGNATURE);
      log.warn("Rejected webhook POST: signature {}", reason);
      return WebhookResponse.text(
          reason == Reason.MISSING_HEADER ? 401 : 403,
          "invalid signature: " + reason.description());
    }
    List<WebhookEvent> events;
    try {
      events = parser.parse(body);
    } catch (WebhookParseException e) {
      // A parser bug (any other exception) answers 500 instead, so that Meta keeps the delivery.
      log.warn("Rejected webhook POST: {}", e.getMessage());
      note(facts, Result.MALFORMED);
      return WebhookResponse.text(400, "malformed webhook body: " + e.getMessage());
    }
    if (facts == null) {
      return dispatch(events, null);
    }
    facts.parsed(events.size());
    WebhookResponse response = dispatch(events, facts);
    if (response.status() == 200) {
      facts.result(Result.ACCEPTED);
    } else if (response == IN_PROGRESS) {
      facts.result(Result.IN_PROGRESS);
    }
    return response;
  }

  private static void note(DeliveryFacts facts, Result result) {
    if (facts != null) {
      facts.result(result);
    }
  }

  private WebhookResponse dispatch(List<WebhookEvent> events, DeliveryFacts facts) {
    Instant now = clock.instant();
    String holder = holders.next();
    List<WebhookEvent> fresh = new ArrayList<>(events.size());
    List<String> keys = new ArrayList<>(events.size()); // null for events without a key
    int busy = 0;
    Set<String> seen = new HashSet<>();
    try {
      for (WebhookEvent event : events) {
        Optional<String> key = dedupeKeys.apply(event);
        Deduplicator.Claim claim;
        if (key.isEmpty()) {
          claim = Deduplicator.Claim.CLAIMED;
        } else if (!seen.add(key.get())) {
          claim = Deduplicator.Claim.DONE; // a repeat within this delivery
        } else {
          claim =
              Objects.requireNonNull(
                  deduplicator.claim(key.get(), holder, now, lease), "Deduplicator.claim result");
        }
        if (claim == Deduplicator.Claim.CLAIMED) {
          fresh.add(event);
          keys.add(key.orElse(null));
        } else if (claim == Deduplicator.Claim.IN_PROGRESS) {
          busy++;
        }
      }
    } catch (RuntimeException e) {
      release(keys, 0, holder);
      log.warn("Webhook de-duplication failed; answering 503: {}", e.getClass().getName());
      note(facts, Result.DEDUPE_UNAVAILABLE);
      return WebhookResponse.text(503, "de-duplication store unavailable; retry later");
    }
    int duplicates = events.size() - fresh.size() - busy;
    if (facts != null) {
      facts.duplicates(duplicates);
    }
    WebhookResponse response;
    if (fresh.isEmpty()) {
      log.debug(
          "Webhook POST: {} events, {} duplicates, {} in progress",
          events.size(),
          duplicates,
          busy);
      response = OK;
    } else {
      LeaseRenewer.Renewal renewal = LeaseRenewer.start(deduplicator, keys, holder, clock, lease);
      try {
        response =
            handoff == null
                ? runHandlers(fresh, keys, holder, duplicates, facts)
                : handOff(fresh, keys, holder, duplicates, facts);
      } finally {
        renewal.stop();
      }
    }
    if (busy > 0 && response.status() == 200) {
      log.debug(
          "Webhook POST: {} events are being handled by another delivery; answering 503", busy);
      return IN_PROGRESS;
    }
    return response;
  }

  private WebhookResponse runHandlers(
      List<WebhookEvent> fresh,
      List<String> keys,
      String holder,
      int duplicates,
      DeliveryFacts facts) {
    int failed = 0;
    int done = 0;
    try {
      for (; done < fresh.size(); done++) {
        if (router.dispatch(fresh.get(done))) {
          complete(keys.get(done), holder);
        } else {
          failed++;
          release(keys.get(done), holder);
        }
      }
    } finally {
      // Only reached with done < size when an Error escaped a handler.
      release(keys, done, holder);
    }
    if (failed > 0) {
      log.warn(
          "Webhook POST: {} of {} events failed in handlers; answering 500 so Meta retries",
          failed,
          fresh.size());
      note(facts, Result.HANDLER_FAILED);
      return WebhookResponse.text(500, "webhook handler failed; retry later");
    }
    log.debug("Webhook POST: {} events handled, {} duplicates skipped", fresh.size(), duplicates);
    return OK;
  }

  private WebhookResponse handOff(
      List<WebhookEvent> fresh,
      List<String> keys,
      String holder,
      int duplicates,
      DeliveryFacts facts) {
    boolean accepted = false;
    try {
      // Taken here, while the delivery is observed, so that the handlers run in its context.
      accepted =
          handoff.accept(Collections.unmodifiableList(fresh), DeliveryContext.capture(observer));
    } catch (VirtualMachineError e) {
      release(keys, 0, holder);
      throw e;
    } catch (Throwable failure) {
      log.warn("Webhook hand-off failed: {}", failure.getClass().getName());
      log.debug("Webhook hand-off failure", failure);
    }
    if (!accepted) {
      release(keys, 0, holder);
      log.warn("Webhook POST: hand-off refused {} events; answering 503", fresh.size());
      note(facts, Result.HANDOFF_REFUSED);
      return WebhookResponse.text(503, "events could not be queued; retry later");
    }
    for (String key : keys) {
      complete(key, holder);
    }
    log.debug(
        "Webhook POST: {} events handed off, {} duplicates skipped", fresh.size(), duplicates);
    return OK;
  }

  private void release(List<String> keys, int from, String holder) {
    for (int i = from; i < keys.size(); i++) {
      release(keys.get(i), holder);
    }
  }

  private void release(String key, String holder) {
    if (key == null) {
      return;
    }
    try {
      deduplicator.release(key, holder);
    } catch (RuntimeException e) {
      log.warn(
          "Webhook de-duplication store could not release a key; its retry waits for the lease"
              + " to run out: {}",
          e.getClass().getName());
    }
  }

  private void complete(String key, String holder) {
    if (key == null) {
      return;
    }
    try {
      deduplicator.complete(key, holder, clock.instant());
    } catch (RuntimeException e) {
      // The event was handled; once the lease runs out, a retry would handle it again.
      log.warn(
          "Webhook de-duplication store could not mark a key done; a later retry may handle the"
              + " event again: {}",
          e.getClass().getName());
    }
  }

  @Override
  public String toString() {
    return "WebhookEndpoint[dispatch="
        + (handoff == null ? "synchronous" : "asynchronous")
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", previousSecret="
        + previousSecret
        + "]";
  }

  /** Makes holder names unique per delivery across app instances: a random prefix and a count. */
  private static final class Holders {
    private final String prefix = Long.toHexString(new SecureRandom().nextLong()) + ":";
    private final AtomicLong next = new AtomicLong();

    String next() {
      return prefix + next.incrementAndGet();
    }
  }

  /** Builds a {@link WebhookEndpoint}. Not thread-safe. */
  public static final class Builder {
    private String appSecret;
    private String previousAppSecret;
    private boolean escapedUnicodeFallback;
    private String verifyToken;
    private WebhookParser parser = WebhookParser.create();
    private WebhookRouter router;
    private Deduplicator deduplicator;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private DispatchMode dispatch = DispatchMode.synchronous();
    private Clock clock = Clock.systemUTC();
    private WhatsAppObserver observer = WhatsAppObserver.none();
    private Function<WebhookEvent, Optional<String>> dedupeKeys = WebhookEvent::dedupeKey;
    private Duration lease = Deduplicator.DEFAULT_LEASE;

    private Builder() {}

    /**
     * Sets the app secret that signs deliveries (App Dashboard, App settings, Basic). Required.
     *
     * @param appSecret not empty
     */
    public Builder appSecret(String appSecret) {
      this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
      return this;
    }

    /**
     * Sets the app secret being rotated out; deliveries signed with it are accepted too. Default:
     * none. Remove it once the rotation is done.
     *
     * @param previousAppSecret not empty
     */
    public Builder previousAppSecret(String previousAppSecret) {
      this.previousAppSecret = Objects.requireNonNull(previousAppSecret, "previousAppSecret");
      return this;
    }

    /**
     * Sets whether a mismatching signature is checked again over the body with non-ASCII characters
     * escaped. Default false; see {@link SignatureVerifier#withEscapedUnicodeFallback(boolean)} for
     * when to turn it on.
     *
     * @param enabled whether to retry over the escaped form
     */
    public Builder escapedUnicodeFallback(boolean enabled) {
      this.escapedUnicodeFallback = enabled;
      return this;
    }

    /**
     * Sets the verify token typed into the App Dashboard next to the callback URL. Required.
     *
     * @param verifyToken not empty
     */
    public Builder verifyToken(String verifyToken) {
      this.verifyToken = Objects.requireNonNull(verifyToken, "verifyToken");
      return this;
    }

    /**
     * Sets the parser. Default: {@link WebhookParser#create()}.
     *
     * @param parser turns verified bodies into events
     */
    public Builder parser(WebhookParser parser) {
      this.parser = Objects.requireNonNull(parser, "parser");
      return this;
    }

    /**
     * Sets the router that runs the handlers. Required for synchronous dispatch, not allowed with
     * asynchronous dispatch (give it to the hand-off instead, such as {@link
     * QueuedHandoff#builder(WebhookRouter)}).
     *
     * @param router runs a handler per event
     */
    public Builder router(WebhookRouter router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /**
     * Sets the de-duplication store. Default: {@link Deduplicator#inMemory()}, 100,000 keys for 7
     * days in this process. Use a shared store when several app instances receive webhooks.
     *
     * @param deduplicator remembers the keys of events taken in
     */
    public Builder deduplicator(Deduplicator deduplicator) {
      this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
      return this;
    }

    /**
     * Sets the largest body accepted, in bytes; larger ones get 413 before they are parsed. Default
     * {@value WebhookEndpoint#DEFAULT_MAX_BODY_BYTES} (Meta sends at most 3 MB). Lower it only if
     * you know your deliveries are smaller.
     *
     * @param maxBodyBytes from 1 to {@code Integer.MAX_VALUE - 16}
     */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException(
            "maxBodyBytes must be 1.." + (Integer.MAX_VALUE - 16) + ", was " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * Sets when deliveries are acknowledged. Default {@link DispatchMode#synchronous()}.
     *
     * @param mode synchronous, or asynchronous with a hand-off
     */
    public Builder dispatch(DispatchMode mode) {
      this.dispatch = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the observer of webhook deliveries: status, event and duplicate counts, verify and parse
     * time. Default {@link WhatsAppObserver#none()}, which costs nothing. With a synchronous
     * dispatch the handlers run while the delivery is observed, on the same thread, so a tracer's
     * span is current in them. With an asynchronous dispatch the observer's context is taken as the
     * events are handed off and passed to {@link WebhookHandoff#accept(List, DeliveryContext)}, so
     * that handlers run later by {@link QueuedHandoff}, or by a durable hand-off's workers that
     * carry it as {@link DeliveryContext#carrier() propagation fields}, run inside it and are
     * reported to {@link WhatsAppObserver#onHandlerStart}. An observer that throws is logged and
     * ignored.
     *
     * @param observer the observer
     * @return this builder
     */
    public Builder observer(WhatsAppObserver observer) {
      this.observer = WhatsAppObserver.of(Objects.requireNonNull(observer, "observer"));
      return this;
    }

    /**
     * Sets the clock that timestamps deliveries for de-duplication. Default: the system UTC clock.
     *
     * @param clock the time source
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the lease on each claimed dedupe key. Default {@link Deduplicator#DEFAULT_LEASE 2
     * minutes}. The lease is renewed every third of it while the handlers run, so it bounds only
     * how long a crashed instance keeps its events from being handled by a retry; Meta's first
     * retries come minutes apart. Lower it to hand a crashed instance's events on sooner.
     *
     * @param lease at least one second
     */
    public Builder lease(Duration lease) {
      Objects.requireNonNull(lease, "lease");
      if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("lease must be at least 1 second, was " + lease);
      }
      this.lease = lease;
      return this;
    }

    /** Sets the lease without the lower bound; tests use it to see renewals quickly. */
    Builder leaseForTest(Duration lease) {
      this.lease = Objects.requireNonNull(lease, "lease");
      return this;
    }

    /** Sets how an event's dedupe key is found; tests use it to key events they build. */
    Builder dedupeKeys(Function<WebhookEvent, Optional<String>> dedupeKeys) {
      this.dedupeKeys = Objects.requireNonNull(dedupeKeys, "dedupeKeys");
      return this;
    }

    /**
     * Returns the endpoint.
     *
     * @throws IllegalStateException if the app secret or verify token is missing, if synchronous
     *     dispatch has no router, or if asynchronous dispatch also has one
     * @throws IllegalArgumentException if a secret or the token is empty
     */
    public WebhookEndpoint build() {
      if (appSecret == null) {
        throw new IllegalStateException(
            "appSecret is required: the app secret from App Dashboard > App settings > Basic");
      }
      if (verifyToken == null) {
        throw new IllegalStateException(
            "verifyToken is required: the token entered next to the callback URL");
      }
      boolean synchronous = dispatch instanceof DispatchMode.Synchronous;
      if (synchronous && router == null) {
        throw new IllegalStateException("router is required for synchronous dispatch");
      }
      if (!synchronous && router != null) {
        throw new IllegalStateException(
            "router is not used with asynchronous dispatch; give it to the hand-off instead");
      }
      return new WebhookEndpoint(this);
    }
  }
}
