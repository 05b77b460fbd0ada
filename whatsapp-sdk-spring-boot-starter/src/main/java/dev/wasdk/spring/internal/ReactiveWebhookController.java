package dev.wasdk.spring.internal;

import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.VerificationHandshake;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Serves the webhook callback URL ({@code wasdk.webhook.path}) in Spring WebFlux by handing each
 * request to the {@link WebhookEndpoint} and writing its answer back as it is: status, content
 * type, headers and body.
 *
 * <p>The POST body is gathered from the request's buffers as raw bytes, never through a codec, so
 * the signature is checked over exactly what Meta sent; no more than one byte past the endpoint's
 * limit is gathered, and a declared length over it is refused without reading. The endpoint runs on
 * Reactor's bounded-elastic scheduler, never on an event-loop thread, because a synchronous
 * endpoint runs the application's listeners (which may block on a store or a send) before it
 * answers.
 *
 * <p>Thread-safe; one instance serves every request.
 */
@Controller
@RequestMapping("${wasdk.webhook.path:/webhooks/whatsapp}")
public final class ReactiveWebhookController {
  private static final Logger log = LoggerFactory.getLogger(ReactiveWebhookController.class);
  private static final byte[] EMPTY = new byte[0];

  private final WebhookEndpoint endpoint;

  /**
   * Creates the controller.
   *
   * @param endpoint answers the requests
   */
  public ReactiveWebhookController(WebhookEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  /** Answers the subscription handshake. */
  @GetMapping
  public Mono<Void> verify(ServerWebExchange exchange) {
    WebhookRequest.Builder b = WebhookRequest.builder().method("GET");
    var query = exchange.getRequest().getQueryParams();
    for (String name :
        new String[] {
          VerificationHandshake.MODE_PARAMETER,
          VerificationHandshake.TOKEN_PARAMETER,
          VerificationHandshake.CHALLENGE_PARAMETER
        }) {
      String value = query.getFirst(name);
      if (value != null) {
        b.queryParameter(name, value);
      }
    }
    return write(endpoint.handle(b.build()), exchange.getResponse());
  }

  /** Verifies, parses, de-duplicates and dispatches a delivery. */
  @PostMapping
  public Mono<Void> receive(ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    long declared = Math.max(request.getHeaders().getContentLength(), -1);
    int limit = endpoint.maxBodyBytes();
    Mono<byte[]> body =
        declared > limit ? Mono.just(EMPTY) : read(request, limit).defaultIfEmpty(EMPTY);
    return body.publishOn(Schedulers.boundedElastic())
        .map(
            bytes -> {
              WebhookRequest.Builder b =
                  WebhookRequest.builder().method("POST").contentLength(declared);
              String signature = request.getHeaders().getFirst(SignatureVerifier.HEADER);
              if (signature != null) {
                b.header(SignatureVerifier.HEADER, signature);
              }
              return endpoint.handle(b.body(bytes).build());
            })
        .onErrorResume(
            ReadFailed.class,
            e -> {
              log.debug("Webhook request body could not be read: {}", e.getCause().toString());
              return Mono.just(new WebhookResponse(400, "text/plain; charset=utf-8", "", Map.of()));
            })
        .flatMap(answer -> write(answer, exchange.getResponse()));
  }

  /** Gathers at most {@code limit + 1} bytes of the body. */
  private static Mono<byte[]> read(ServerHttpRequest request, int limit) {
    return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(request.getBody(), limit + 1L))
        .map(
            buffer -> {
              try {
                byte[] bytes = new byte[buffer.readableByteCount()];
                buffer.read(bytes);
                return bytes;
              } finally {
                DataBufferUtils.release(buffer);
              }
            })
        .onErrorMap(e -> !(e instanceof ReadFailed), ReadFailed::new);
  }

  private static Mono<Void> write(WebhookResponse answer, ServerHttpResponse response) {
    response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
    response.getHeaders().setContentType(MediaType.parseMediaType(answer.contentType()));
    answer.headers().forEach(response.getHeaders()::set);
    byte[] body = answer.bodyBytes();
    response.getHeaders().setContentLength(body.length);
    if (body.length == 0) {
      return response.setComplete();
    }
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }

  @Override
  public String toString() {
    return "ReactiveWebhookController[" + endpoint + "]";
  }

  /** The body could not be read from the connection. */
  private static final class ReadFailed extends RuntimeException {
    ReadFailed(Throwable cause) {
      super(cause);
    }
  }
}
