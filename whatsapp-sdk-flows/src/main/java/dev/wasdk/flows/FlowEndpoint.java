package dev.wasdk.flows;

import dev.wasdk.flows.FlowOutcome.Kind;
import dev.wasdk.webhooks.InvalidSignatureException;
import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a Flow's data endpoint, independently of any web framework: it turns a {@link
 * WebhookRequest} into a {@link WebhookResponse}, like the webhook endpoint does. Adapters for
 * {@code com.sun.net.httpserver} ({@code dev.wasdk.flows.jdk}) and Jakarta Servlet ({@code
 * dev.wasdk.flows.servlet}) are included.
 *
 * <p>A POST goes through these steps; the first that fails answers:
 *
 * <ol>
 *   <li>Size: a body (or declared {@code Content-Length}) over {@link Builder#maxBodyBytes} gets
 *       413.
 *   <li>Signature: {@code X-Hub-Signature-256} is checked over the raw bytes with the app secret;
 *       missing or wrong gets 432.
 *   <li>Decryption and parsing with the {@link FlowCipher}: failure gets 421, so that the client
 *       fetches the public key again and resends.
 *   <li>A health-check ping is answered here, without a handler.
 *   <li>The {@link FlowTokenValidator}: a rejection gets 427 with the encrypted message.
 *   <li>The {@link FlowHandler} runs on a handler thread. An answer is encrypted and sent as {@code
 *       text/plain} with 200 (427 for {@link FlowResponse#tokenRejected}). A handler that throws,
 *       returns null, or does not answer within {@link Builder#handlerBudget} is answered with the
 *       {@linkplain Builder#failureMessage failure message} on the request's screen (or 500 when
 *       the request names no screen), and logged at WARN.
 * </ol>
 *
 * <p>Other methods get 405. Plain-text bodies of refusals name the reason only; they never contain
 * the key, the secret, the request or its decrypted data. Each request's outcome goes to the {@link
 * FlowListener}. {@code handle} does not throw for any request.
 *
 * <p>Thread-safe; build one per Flow endpoint path and share it. {@link #close()} stops the handler
 * threads it owns.
 *
 * <pre>{@code
 * FlowEndpoint endpoint = FlowEndpoint.builder()
 *     .flowName("booking")
 *     .cipher(FlowCipher.fromPem(Files.readString(keyPath), passphrase))
 *     .appSecret(System.getenv("WHATSAPP_APP_SECRET"))
 *     .handler(router)
 *     .build();
 * WebhookResponse response = endpoint.handle(request);
 * }</pre>
 */
public final class FlowEndpoint implements AutoCloseable {
  /**
   * The default body size limit: Meta allows request payloads of 10 MB, which base64 and the JSON
   * wrapper grow by a third; 14 MiB covers them.
   */
  public static final int DEFAULT_MAX_BODY_BYTES = 14 * 1024 * 1024;

  /** The default handler budget: 8 seconds, within the 10 seconds Meta waits. */
  public static final Duration DEFAULT_HANDLER_BUDGET = Duration.ofSeconds(8);

  /** The default number of handler threads. */
  public static final int DEFAULT_HANDLER_THREADS = 16;

  /** The default message shown when a handler fails. */
  public static final String DEFAULT_FAILURE_MESSAGE = "Something went wrong. Please try again.";

  /** The HTTP status for a request that cannot be decrypted. */
  public static final int UNDECRYPTABLE_STATUS = 421;

  /** The HTTP status for a request whose signature does not verify. */
  public static final int BAD_SIGNATURE_STATUS = 432;

  private static final Logger log = LoggerFactory.getLogger(FlowEndpoint.class);
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String CIPHERTEXT = "text/plain";

  private final String flowName;
  private final FlowCipher cipher;
  private final SignatureVerifier verifier;
  private final FlowHandler handler;
  private final FlowTokenValidator tokenValidator;
  private final FlowListener listener;
  private final int maxBodyBytes;
  private final Duration handlerBudget;
  private final String failureMessage;
  private final ExecutorService executor;
  private final boolean ownsExecutor;
  private final LongSupplier nanoTime;

  private FlowEndpoint(Builder b) {
    this.flowName = b.flowName;
    this.cipher = b.cipher;
    this.verifier =
        b.previousAppSecret == null
            ? SignatureVerifier.of(b.appSecret)
            : SignatureVerifier.of(b.appSecret, b.previousAppSecret);
    this.handler = b.handler;
    this.tokenValidator = b.tokenValidator;
    this.listener = b.listener;
    this.maxBodyBytes = b.maxBodyBytes;
    this.handlerBudget = b.handlerBudget;
    this.failureMessage = b.failureMessage;
    this.ownsExecutor = b.executor == null;
    this.executor = b.executor != null ? b.executor : newPool(b.flowName);
    this.nanoTime = b.nanoTime;
  }

  private static ExecutorService newPool(String flowName) {
    AtomicInteger sequence = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            DEFAULT_HANDLER_THREADS,
            DEFAULT_HANDLER_THREADS,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(4 * DEFAULT_HANDLER_THREADS),
            r -> {
              Thread t = new Thread(r, "wasdk-flow-" + flowName + "-" + sequence.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Returns a builder; the cipher, the app secret and the handler are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the flow name used in logs and outcomes. */
  public String flowName() {
    return flowName;
  }

  /** Returns the body size limit in bytes; adapters read no more than one byte beyond it. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Answers one request. Never throws.
   *
   * @param request the request as received
   * @return what to send back
   */
  public WebhookResponse handle(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    long start = nanoTime.getAsLong();
    Exchange x = new Exchange();
    WebhookResponse response;
    try {
      response = answer(request, x);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable unexpected) {
      log.warn(
          "Flow endpoint {} failed unexpectedly; answering 500: {}",
          flowName,
          unexpected.getClass().getName());
      x.kind = Kind.HANDLER_FAILED;
      response = text(500, "internal error");
    }
    report(x, response.status(), start);
    return response;
  }

  /** What is known about a request as it goes through the steps. */
  private static final class Exchange {
    Kind kind = Kind.ANSWERED;
    FlowRequest request;
  }

  private WebhookResponse answer(WebhookRequest request, Exchange x) {
    if (!"POST".equals(request.method())) {
      x.kind = Kind.METHOD_NOT_ALLOWED;
      return new WebhookResponse(405, TEXT, "method not allowed", Map.of("Allow", "POST"));
    }
    byte[] body = request.body();
    if (body.length > maxBodyBytes || request.contentLength().orElse(-1) > maxBodyBytes) {
      x.kind = Kind.BODY_TOO_LARGE;
      log.warn("Rejected Flow request to {}: body over the {}-byte limit", flowName, maxBodyBytes);
      return text(413, "request body exceeds " + maxBodyBytes + " bytes");
    }
    try {
      verifier.verify(body, request.header(SignatureVerifier.HEADER).orElse(null));
    } catch (InvalidSignatureException e) {
      x.kind = Kind.BAD_SIGNATURE;
      log.warn("Rejected Flow request to {}: signature {}", flowName, e.reason());
      return text(BAD_SIGNATURE_STATUS, "invalid signature: " + e.reason().description());
    }
    DecryptedFlowRequest decrypted;
    FlowRequest parsed;
    try {
      decrypted = cipher.decrypt(body);
      parsed = FlowRequest.parse(decrypted.json());
    } catch (FlowDecryptionException e) {
      x.kind = Kind.UNDECRYPTABLE;
      log.warn("Rejected Flow request to {}: cannot decrypt ({})", flowName, e.reason());
      return text(UNDECRYPTABLE_STATUS, "cannot decrypt: " + e.reason().description());
    }
    x.request = parsed;
    if (parsed instanceof FlowRequest.Ping) {
      x.kind = Kind.PING;
      return encrypted(decrypted, FlowResponse.ping());
    }
    Optional<String> rejection;
    try {
      rejection = tokenValidator.rejection(parsed);
    } catch (RuntimeException e) {
      log.warn(
          "Flow token validator of {} failed on {}: {}", flowName, parsed, e.getClass().getName());
      return failure(decrypted, parsed, x, Kind.HANDLER_FAILED);
    }
    if (rejection != null && rejection.isPresent()) {
      x.kind = Kind.TOKEN_REJECTED;
      log.debug("Flow token rejected by the validator of {}", flowName);
      return encrypted(decrypted, FlowResponse.tokenRejected(rejection.get()));
    }
    return runHandler(decrypted, parsed, x);
  }

  private WebhookResponse runHandler(
      DecryptedFlowRequest decrypted, FlowRequest parsed, Exchange x) {
    Future<FlowResponse> future;
    try {
      future = executor.submit(() -> handler.handle(parsed));
    } catch (RejectedExecutionException e) {
      log.warn("Flow endpoint {}: no handler thread free for {}", flowName, parsed);
      return failure(decrypted, parsed, x, Kind.OVERLOADED);
    }
    FlowResponse answer;
    try {
      answer = future.get(handlerBudget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      log.warn(
          "Flow handler of {} overran its {} ms budget on {}; answered with an error",
          flowName,
          handlerBudget.toMillis(),
          parsed);
      return failure(decrypted, parsed, x, Kind.BUDGET_EXCEEDED);
    } catch (ExecutionException e) {
      log.warn(
          "Flow handler of {} failed on {}: {}",
          flowName,
          parsed,
          e.getCause() == null ? "unknown" : e.getCause().getClass().getName());
      log.debug("Flow handler failure", e.getCause());
      return failure(decrypted, parsed, x, Kind.HANDLER_FAILED);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return failure(decrypted, parsed, x, Kind.HANDLER_FAILED);
    }
    if (answer == null) {
      log.warn("Flow handler of {} returned null on {}", flowName, parsed);
      return failure(decrypted, parsed, x, Kind.HANDLER_FAILED);
    }
    if (answer.httpStatus() == FlowResponse.TOKEN_REJECTED_STATUS) {
      x.kind = Kind.TOKEN_REJECTED;
    }
    return encrypted(decrypted, answer);
  }

  private WebhookResponse failure(
      DecryptedFlowRequest decrypted, FlowRequest parsed, Exchange x, Kind kind) {
    x.kind = kind;
    if (parsed.screen().isEmpty()) {
      return text(500, "the Flow handler failed");
    }
    return encrypted(decrypted, FlowResponse.error(parsed.screen().get(), failureMessage));
  }

  private static WebhookResponse encrypted(DecryptedFlowRequest decrypted, FlowResponse answer) {
    return new WebhookResponse(
        answer.httpStatus(), CIPHERTEXT, decrypted.encryptResponse(answer.json()), Map.of());
  }

  private static WebhookResponse text(int status, String body) {
    return new WebhookResponse(status, TEXT, body, Map.of());
  }

  private void report(Exchange x, int status, long start) {
    if (listener == null) {
      return;
    }
    FlowRequest r = x.request;
    FlowOutcome outcome =
        new FlowOutcome(
            flowName,
            r == null ? Optional.empty() : Optional.of(r.action()),
            r == null ? Optional.empty() : r.screen(),
            x.kind,
            status,
            Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - start)));
    try {
      listener.onOutcome(outcome);
    } catch (RuntimeException e) {
      log.warn("Flow listener failed; ignored: {}", e.getClass().getName());
    }
  }

  /** Stops the handler threads this endpoint owns; a given executor is left to its owner. */
  @Override
  public void close() {
    if (ownsExecutor) {
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "FlowEndpoint[flow="
        + flowName
        + ", budget="
        + handlerBudget.toMillis()
        + "ms, maxBodyBytes="
        + maxBodyBytes
        + "]";
  }

  /** Builds a {@link FlowEndpoint}. Not thread-safe. */
  public static final class Builder {
    private String flowName = "flow";
    private FlowCipher cipher;
    private String appSecret;
    private String previousAppSecret;
    private FlowHandler handler;
    private FlowTokenValidator tokenValidator = FlowTokenValidator.acceptAll();
    private FlowListener listener;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration handlerBudget = DEFAULT_HANDLER_BUDGET;
    private String failureMessage = DEFAULT_FAILURE_MESSAGE;
    private ExecutorService executor;
    private LongSupplier nanoTime = System::nanoTime;

    private Builder() {}

    /**
     * Sets the name used in logs, thread names and {@link FlowOutcome#flow()}. Default {@code
     * flow}. Give each endpoint the name of its Flow.
     *
     * @param flowName letters, digits, {@code -} and {@code _}
     */
    public Builder flowName(String flowName) {
      Objects.requireNonNull(flowName, "flowName");
      if (!flowName.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new IllegalArgumentException(
            "flowName must be 1 to 64 letters, digits, '-' or '_', was " + flowName);
      }
      this.flowName = flowName;
      return this;
    }

    /**
     * Sets the cipher holding the business private key. Required.
     *
     * @param cipher decrypts requests
     */
    public Builder cipher(FlowCipher cipher) {
      this.cipher = Objects.requireNonNull(cipher, "cipher");
      return this;
    }

    /**
     * Sets the secret of the Meta app connected to the Flow; it signs every request. Required.
     *
     * @param appSecret not empty
     */
    public Builder appSecret(String appSecret) {
      this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
      return this;
    }

    /**
     * Sets the app secret being rotated out; requests signed with it pass too. Default none.
     *
     * @param previousAppSecret not empty
     */
    public Builder previousAppSecret(String previousAppSecret) {
      this.previousAppSecret = Objects.requireNonNull(previousAppSecret, "previousAppSecret");
      return this;
    }

    /**
     * Sets the handler, usually a {@link FlowRouter}. Required.
     *
     * @param handler answers requests other than pings
     */
    public Builder handler(FlowHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Sets the flow-token check that runs before the handler. Default: every token is accepted.
     *
     * @param tokenValidator rejects expired or unknown tokens with HTTP 427
     */
    public Builder tokenValidator(FlowTokenValidator tokenValidator) {
      this.tokenValidator = Objects.requireNonNull(tokenValidator, "tokenValidator");
      return this;
    }

    /**
     * Sets the listener told of every request's outcome. Default none.
     *
     * @param listener such as a {@link FlowCounters}
     */
    public Builder listener(FlowListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the largest body accepted. Default {@value FlowEndpoint#DEFAULT_MAX_BODY_BYTES}.
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
     * Sets how long a handler may take before the request is answered with the failure message.
     * Default 8 seconds: Meta waits 10 seconds, and decryption and the network need the rest.
     *
     * @param handlerBudget positive
     */
    public Builder handlerBudget(Duration handlerBudget) {
      Objects.requireNonNull(handlerBudget, "handlerBudget");
      if (handlerBudget.isNegative() || handlerBudget.isZero()) {
        throw new IllegalArgumentException("handlerBudget must be positive");
      }
      this.handlerBudget = handlerBudget;
      return this;
    }

    /**
     * Sets the message shown on the screen when a handler fails or overruns. Default {@value
     * FlowEndpoint#DEFAULT_FAILURE_MESSAGE}.
     *
     * @param failureMessage not blank
     */
    public Builder failureMessage(String failureMessage) {
      Objects.requireNonNull(failureMessage, "failureMessage");
      if (failureMessage.isBlank()) {
        throw new IllegalArgumentException("failureMessage must not be blank");
      }
      this.failureMessage = failureMessage;
      return this;
    }

    /**
     * Sets the executor the handlers run on; the caller keeps ownership. Default: {@value
     * FlowEndpoint#DEFAULT_HANDLER_THREADS} daemon threads owned by the endpoint, with a short
     * queue; requests beyond it are answered as overloaded.
     *
     * @param executor runs handlers
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Sets the nanosecond clock that measures latency; tests inject a fake one. */
    Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    /**
     * Returns the endpoint.
     *
     * @throws IllegalStateException if the cipher, the app secret or the handler is missing
     * @throws IllegalArgumentException if a secret is empty
     */
    public FlowEndpoint build() {
      if (cipher == null) {
        throw new IllegalStateException(
            "cipher is required: FlowCipher.fromPem(privateKeyPem, passphrase)");
      }
      if (appSecret == null) {
        throw new IllegalStateException(
            "appSecret is required: the secret of the Meta app connected to the Flow");
      }
      if (handler == null) {
        throw new IllegalStateException("handler is required, such as a FlowRouter");
      }
      return new FlowEndpoint(this);
    }
  }
}
