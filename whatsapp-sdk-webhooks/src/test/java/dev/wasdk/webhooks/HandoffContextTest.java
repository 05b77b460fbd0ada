package dev.wasdk.webhooks;

import static dev.wasdk.webhooks.TestDeliveries.APP_SECRET;
import static dev.wasdk.webhooks.TestDeliveries.TEST_KEYS;
import static dev.wasdk.webhooks.TestDeliveries.VERIFY_TOKEN;
import static dev.wasdk.webhooks.TestDeliveries.body;
import static dev.wasdk.webhooks.TestDeliveries.signedPost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.observe.CapturedContext;
import dev.wasdk.observe.HandlerEvent;
import dev.wasdk.observe.HandlerStart;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.WebhookDeliveryEvent;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An asynchronous endpoint takes its observer's context while the delivery is observed, and the
 * queued hand-off makes it current around each handler it runs later, reporting each one.
 */
class HandoffContextTest {
  /** Stands for a tracer's current span: set while a delivery is observed. */
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private QueuedHandoff handoff;

  private final WhatsAppObserver observer =
      new WhatsAppObserver() {
        @Override
        public Observation<WebhookDeliveryEvent> onWebhookStart() {
          CURRENT.set("delivery");
          return e -> CURRENT.remove();
        }

        @Override
        public CapturedContext capture() {
          String taken = CURRENT.get();
          seen.add("capture " + taken + " on request thread " + onRequestThread());
          return () -> {
            String before = CURRENT.get();
            CURRENT.set(taken);
            return () -> CURRENT.set(before);
          };
        }

        @Override
        public Map<String, String> inject() {
          String current = CURRENT.get();
          return current == null ? Map.of() : Map.of("trace", current);
        }

        @Override
        public CapturedContext extract(Map<String, String> fields) {
          String remote = fields.get("trace");
          if (remote == null) {
            return CapturedContext.none();
          }
          return () -> {
            String before = CURRENT.get();
            CURRENT.set("remote " + remote);
            return () -> CURRENT.set(before);
          };
        }

        @Override
        public Observation<HandlerEvent> onHandlerStart(HandlerStart start) {
          seen.add("start " + start.eventType() + " in " + CURRENT.get());
          return e -> seen.add("end " + e.result() + " in " + CURRENT.get());
        }
      };

  private static boolean onRequestThread() {
    return !Thread.currentThread().getName().startsWith("wasdk-webhook-handoff-");
  }

  private WebhookRouter router() {
    return WebhookRouter.builder()
        .on(
            WebhookEvent.class,
            e -> {
              String key = TEST_KEYS.apply(e).orElseThrow();
              seen.add(
                  "handler "
                      + key
                      + " ("
                      + e.getClass().getSimpleName()
                      + ") in "
                      + CURRENT.get()
                      + " on request thread "
                      + onRequestThread());
              if (key.startsWith("fail")) {
                throw new IllegalStateException("handler failed");
              }
            })
        .build();
  }

  @AfterEach
  void stop() {
    if (handoff != null) {
      handoff.shutdown(Duration.ofSeconds(10));
    }
  }

  @Test
  void handle_asynchronous_handlersRunInTheDeliveryContextOnWorkers_andAreReported() {
    handoff = QueuedHandoff.builder(router()).workers(1).build();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(APP_SECRET)
            .verifyToken(VERIFY_TOKEN)
            .dispatch(DispatchMode.asynchronous(handoff))
            .dedupeKeys(TEST_KEYS)
            .observer(observer)
            .build();

    assertThat(endpoint.handle(signedPost(body("ok-1", "fail-2"))).status()).isEqualTo(200);
    // events handed off without a context (a direct call) run with nothing current
    assertThat(handoff.accept(WebhookParser.create().parse(body("direct-3")))).isTrue();
    assertThat(handoff.shutdown(Duration.ofSeconds(10))).as("all handled").isEmpty();

    assertThat(seen)
        .containsExactly(
            "capture delivery on request thread true",
            "start UnknownEvent in delivery",
            "handler ok-1 (UnknownEvent) in delivery on request thread false",
            "end HANDLED in delivery",
            "start UnknownEvent in delivery",
            "handler fail-2 (UnknownEvent) in delivery on request thread false",
            "end FAILED in delivery",
            "handler direct-3 (UnknownEvent) in null on request thread false");
  }

  @Test
  void handle_asynchronousWithoutObserver_runsHandlersUnobserved() {
    handoff = QueuedHandoff.builder(router()).workers(1).build();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(APP_SECRET)
            .verifyToken(VERIFY_TOKEN)
            .dispatch(DispatchMode.asynchronous(handoff))
            .dedupeKeys(TEST_KEYS)
            .build();

    assertThat(endpoint.handle(signedPost(body("ok-1"))).status()).isEqualTo(200);
    assertThat(handoff.shutdown(Duration.ofSeconds(10))).isEmpty();

    assertThat(seen).containsExactly("handler ok-1 (UnknownEvent) in null on request thread false");
  }

  @Test
  void carrier_takenOnTheRequestThread_isReadableOnAnotherThreadLater() throws Exception {
    CompletableFuture<DeliveryContext> handedOff = new CompletableFuture<>();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(APP_SECRET)
            .verifyToken(VERIFY_TOKEN)
            .dispatch(
                DispatchMode.asynchronous(
                    new WebhookHandoff() {
                      @Override
                      public boolean accept(List<WebhookEvent> events) {
                        throw new AssertionError("the context must be passed");
                      }

                      @Override
                      public boolean accept(List<WebhookEvent> events, DeliveryContext context) {
                        return handedOff.complete(context);
                      }
                    }))
            .dedupeKeys(TEST_KEYS)
            .observer(observer)
            .build();

    assertThat(endpoint.handle(signedPost(body("ok-1"))).status()).isEqualTo(200);
    DeliveryContext context = handedOff.get(10, TimeUnit.SECONDS);

    // the delivery has ended on the request thread; the carrier still holds its context
    assertThat(CURRENT.get()).isNull();
    assertThat(CompletableFuture.supplyAsync(context::carrier).get(10, TimeUnit.SECONDS))
        .isEqualTo(Map.of("trace", "delivery"));
    assertThat(CURRENT.get()).isNull();
  }

  @Test
  void carrier_noneOrNothingCaptured_isTheSharedEmptyMap() {
    WhatsAppObserver countsOnly = new WhatsAppObserver() {};

    assertThat(DeliveryContext.none().carrier()).isSameAs(Map.of());
    assertThat(DeliveryContext.capture(WhatsAppObserver.of(countsOnly)).carrier())
        .isSameAs(Map.of());
    // the observer captures, but nothing was current on this thread
    assertThat(DeliveryContext.capture(WhatsAppObserver.of(observer)).carrier()).isEmpty();
  }

  @Test
  void of_carrier_runsTheHandlerInTheRebuiltContext_andReportsIt() {
    WebhookEvent ok = WebhookParser.create().parse(body("ok-1")).get(0);
    WebhookEvent failing = WebhookParser.create().parse(body("fail-2")).get(0);

    DeliveryContext rebuilt = DeliveryContext.of(observer, Map.of("trace", "delivery"));
    assertThat(rebuilt.dispatch(router(), ok)).isTrue();
    assertThat(rebuilt.dispatch(router(), failing)).isFalse();

    assertThat(seen)
        .containsExactly(
            "start UnknownEvent in remote delivery",
            "handler ok-1 (UnknownEvent) in remote delivery on request thread true",
            "end HANDLED in remote delivery",
            "start UnknownEvent in remote delivery",
            "handler fail-2 (UnknownEvent) in remote delivery on request thread true",
            "end FAILED in remote delivery");
    assertThat(CURRENT.get()).isNull();
  }

  @Test
  void of_emptyOrUnreadableCarrier_stillReportsTheHandler_outsideAnyContext() {
    WebhookEvent ok = WebhookParser.create().parse(body("ok-1")).get(0);

    assertThat(DeliveryContext.of(observer, Map.of()).dispatch(router(), ok)).isTrue();
    assertThat(DeliveryContext.of(observer, Map.of("other", "x")).dispatch(router(), ok)).isTrue();

    assertThat(seen)
        .containsExactly(
            "start UnknownEvent in null",
            "handler ok-1 (UnknownEvent) in null on request thread true",
            "end HANDLED in null",
            "start UnknownEvent in null",
            "handler ok-1 (UnknownEvent) in null on request thread true",
            "end HANDLED in null");
  }

  @Test
  void of_noObserver_isNone() {
    assertThat(DeliveryContext.of(WhatsAppObserver.none(), Map.of("trace", "delivery")))
        .isSameAs(DeliveryContext.none());
  }

  @Test
  void dispatch_none_isTheRoutersDispatch() {
    WebhookEvent event = WebhookParser.create().parse(body("fail-1")).get(0);

    assertThat(DeliveryContext.none().dispatch(router(), event)).isFalse();
    assertThat(seen)
        .containsExactly("handler fail-1 (UnknownEvent) in null on request thread true");
  }
}
