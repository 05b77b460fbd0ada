package dev.wasdk.webhooks;

import static dev.wasdk.webhooks.TestDeliveries.APP_SECRET;
import static dev.wasdk.webhooks.TestDeliveries.TEST_KEYS;
import static dev.wasdk.webhooks.TestDeliveries.VERIFY_TOKEN;
import static dev.wasdk.webhooks.TestDeliveries.body;
import static dev.wasdk.webhooks.TestDeliveries.signedPost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.observe.Observation;
import dev.wasdk.observe.WebhookDeliveryEvent;
import dev.wasdk.observe.WebhookDeliveryEvent.Result;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The endpoint reports each POST to its observer, with handlers run while it is observed. */
class WebhookEndpointObserverTest {
  private final List<WebhookDeliveryEvent> deliveries = new CopyOnWriteArrayList<>();
  private final List<String> order = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failHandler = new AtomicBoolean();

  private final WhatsAppObserver recording =
      new WhatsAppObserver() {
        @Override
        public Observation<WebhookDeliveryEvent> onWebhookStart() {
          order.add("start");
          return e -> {
            order.add("end");
            deliveries.add(e);
          };
        }
      };

  private WebhookEndpoint endpoint(WhatsAppObserver observer) {
    return WebhookEndpoint.builder()
        .appSecret(APP_SECRET)
        .verifyToken(VERIFY_TOKEN)
        .router(
            WebhookRouter.builder()
                .on(
                    WebhookEvent.class,
                    e -> {
                      order.add("handler");
                      if (failHandler.get()) {
                        throw new IllegalStateException("handler failed");
                      }
                    })
                .build())
        .dedupeKeys(TEST_KEYS)
        .observer(observer)
        .build();
  }

  @Test
  void handle_acceptedThenRepeated_reportsEventsAndDuplicates() {
    WebhookEndpoint endpoint = endpoint(recording);
    byte[] b = body("k1", "k2");

    assertThat(endpoint.handle(signedPost(b)).status()).isEqualTo(200);
    assertThat(endpoint.handle(signedPost(b)).status()).isEqualTo(200);

    assertThat(deliveries).hasSize(2);
    WebhookDeliveryEvent first = deliveries.get(0);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.result()).isEqualTo(Result.ACCEPTED);
    assertThat(first.events()).isEqualTo(2);
    assertThat(first.duplicates()).isZero();
    assertThat(first.verifyTime()).isPositive();
    assertThat(first.parseTime()).isPositive();
    assertThat(first.duration()).isGreaterThanOrEqualTo(first.verifyTime().plus(first.parseTime()));
    assertThat(deliveries.get(1).duplicates()).isEqualTo(2);
    assertThat(order).containsExactly("start", "handler", "handler", "end", "start", "end");
  }

  @Test
  void handle_badSignatureOrFailingHandler_reportsWhy() {
    WebhookEndpoint endpoint = endpoint(recording);
    byte[] b = body("k3");
    WebhookRequest forged =
        WebhookRequest.builder()
            .method("POST")
            .header(SignatureVerifier.HEADER, WebhookSigner.of("attacker-secret").sign(b))
            .body(b)
            .build();

    assertThat(endpoint.handle(forged).status()).isEqualTo(403);
    failHandler.set(true);
    assertThat(endpoint.handle(signedPost(b)).status()).isEqualTo(500);

    assertThat(deliveries)
        .extracting(WebhookDeliveryEvent::result, WebhookDeliveryEvent::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Result.BAD_SIGNATURE, 403),
            org.assertj.core.groups.Tuple.tuple(Result.HANDLER_FAILED, 500));
    assertThat(deliveries.get(0).events()).isZero();
  }

  @Test
  void handle_observerThatThrows_neverChangesTheAnswer() {
    WhatsAppObserver throwing =
        new WhatsAppObserver() {
          @Override
          public Observation<WebhookDeliveryEvent> onWebhookStart() {
            return e -> {
              throw new IllegalStateException("observer bug");
            };
          }
        };
    WhatsAppObserver throwingAtStart =
        new WhatsAppObserver() {
          @Override
          public Observation<WebhookDeliveryEvent> onWebhookStart() {
            throw new IllegalStateException("observer bug");
          }
        };
    WebhookEndpoint endpoint = endpoint(WhatsAppObserver.of(List.of(throwingAtStart, throwing)));

    assertThat(endpoint.handle(signedPost(body("k4"))).status()).isEqualTo(200);
    assertThat(order).containsExactly("handler");
  }
}
