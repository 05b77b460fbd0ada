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
import java.util.concurrent.CopyOnWriteArrayList;
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
  void dispatch_none_isTheRoutersDispatch() {
    WebhookEvent event = WebhookParser.create().parse(body("fail-1")).get(0);

    assertThat(DeliveryContext.none().dispatch(router(), event)).isFalse();
    assertThat(seen)
        .containsExactly("handler fail-1 (UnknownEvent) in null on request thread true");
  }
}
