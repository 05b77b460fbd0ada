package dev.wasdk.webhooks;

import static dev.wasdk.webhooks.TestDeliveries.TEST_KEYS;
import static dev.wasdk.webhooks.TestDeliveries.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueuedHandoffTest {
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private QueuedHandoff handoff;

  private static List<WebhookEvent> events(String... keys) {
    return WebhookParser.create().parse(body(keys));
  }

  private static String key(WebhookEvent e) {
    return TEST_KEYS.apply(e).orElseThrow();
  }

  /** A router whose handler blocks on "block" keys until {@link #release} opens. */
  private WebhookRouter blockingRouter() {
    return WebhookRouter.builder()
        .on(
            WebhookEvent.class,
            e -> {
              String key = key(e);
              if (key.startsWith("block")) {
                entered.countDown();
                try {
                  release.await();
                } catch (InterruptedException interrupted) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException("interrupted");
                }
              }
              handled.add(key);
            })
        .build();
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (handoff != null) {
      handoff.shutdown(Duration.ofSeconds(10));
    }
  }

  @Test
  void accept_events_handledByWorkersInOrder() {
    handoff = QueuedHandoff.builder(blockingRouter()).workers(1).build();
    assertThat(handoff.accept(events("a", "b", "c"))).isTrue();
    assertThat(handoff.shutdown(Duration.ofSeconds(10))).isEmpty();
    assertThat(handled).containsExactly("a", "b", "c");
    assertThat(handoff.pendingEvents()).isZero();
  }

  @Test
  void accept_overCapacity_refusedUntilDrained() throws InterruptedException {
    handoff = QueuedHandoff.builder(blockingRouter()).capacity(2).workers(1).build();
    assertThat(handoff.accept(events("block-1", "x"))).isTrue();
    assertThat(handoff.pendingEvents()).isEqualTo(2);
    assertThat(handoff.accept(events("y"))).isFalse();

    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    release.countDown();
    assertThat(handoff.shutdown(Duration.ofSeconds(10))).isEmpty();
    assertThat(handled).containsExactly("block-1", "x");
  }

  @Test
  void accept_batchLargerThanCapacityIntoEmptyQueue_accepted() {
    handoff = QueuedHandoff.builder(blockingRouter()).capacity(1).build();
    assertThat(handoff.accept(events("a", "b", "c"))).isTrue();
    assertThat(handoff.shutdown(Duration.ofSeconds(10))).isEmpty();
    assertThat(handled).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void accept_emptyList_acceptedWithoutWork() {
    handoff = QueuedHandoff.builder(blockingRouter()).build();
    assertThat(handoff.accept(List.of())).isTrue();
    assertThat(handoff.pendingEvents()).isZero();
  }

  @Test
  void accept_afterShutdown_refused() {
    handoff = QueuedHandoff.builder(blockingRouter()).build();
    handoff.shutdown(Duration.ofSeconds(1));
    assertThat(handoff.accept(events("a"))).isFalse();
    assertThat(handled).isEmpty();
  }

  @Test
  void shutdown_timeoutWithWorkStuck_returnsUnhandledEvents() throws InterruptedException {
    handoff = QueuedHandoff.builder(blockingRouter()).workers(1).build();
    assertThat(handoff.accept(events("block-1", "b"))).isTrue();
    assertThat(handoff.accept(events("c", "d"))).isTrue();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    List<WebhookEvent> unhandled = handoff.shutdown(Duration.ZERO);

    // block-1 was interrupted inside its handler (a failure, reported to onError); b, c and d
    // never started and come back to the caller
    assertThat(unhandled)
        .extracting(QueuedHandoffTest::key)
        .containsExactlyInAnyOrder("b", "c", "d");
    assertThat(handled).isEmpty();
    assertThat(handoff.pendingEvents()).isZero();
  }

  @Test
  void dispatch_handlerFailure_reportedToErrorHookAndNotCounted() {
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    WebhookRouter router =
        WebhookRouter.builder()
            .on(
                WebhookEvent.class,
                e -> {
                  if (key(e).equals("bad")) {
                    throw new IllegalStateException("bad");
                  }
                  handled.add(key(e));
                })
            .onError((e, t) -> errors.add(t))
            .build();
    handoff = QueuedHandoff.builder(router).workers(1).build();
    handoff.accept(events("bad", "good"));
    assertThat(handoff.shutdown(Duration.ofSeconds(10))).isEmpty();
    assertThat(handled).containsExactly("good");
    assertThat(errors).hasSize(1);
    assertThat(handoff.pendingEvents()).isZero();
  }

  @Test
  void endpoint_asyncQueueFull_answers503AndRetryLaterProcessed() throws InterruptedException {
    handoff = QueuedHandoff.builder(blockingRouter()).capacity(1).workers(1).build();
    AtomicReference<QueuedHandoff> current = new AtomicReference<>(handoff);
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(TestDeliveries.APP_SECRET)
            .verifyToken(TestDeliveries.VERIFY_TOKEN)
            .dispatch(DispatchMode.asynchronous(events -> current.get().accept(events)))
            .dedupeKeys(TEST_KEYS)
            .build();
    assertThat(endpoint.handle(TestDeliveries.signedPost(body("block-1"))).status()).isEqualTo(200);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(endpoint.handle(TestDeliveries.signedPost(body("k2"))).status()).isEqualTo(503);

    // the queue drains; Meta's retry of the refused delivery must not be taken for a duplicate
    release.countDown();
    assertThat(handoff.shutdown(Duration.ofSeconds(10))).isEmpty();
    handoff = QueuedHandoff.builder(blockingRouter()).build();
    current.set(handoff);
    assertThat(endpoint.handle(TestDeliveries.signedPost(body("k2"))).status()).isEqualTo(200);
    assertThat(handoff.shutdown(Duration.ofSeconds(10))).isEmpty();
    assertThat(handled).containsExactly("block-1", "k2");
  }

  @Test
  void builder_invalidSettings_throw() {
    WebhookRouter router = WebhookRouter.builder().build();
    assertThatThrownBy(() -> QueuedHandoff.builder(router).capacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QueuedHandoff.builder(router).workers(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QueuedHandoff.builder(router).drainTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void close_drainTimeoutPassesWithEventsQueued_countsThemAsDropped() throws Exception {
    QueuedHandoff h =
        QueuedHandoff.builder(blockingRouter()).workers(1).drainTimeout(Duration.ZERO).build();
    assertThat(h.accept(events("block-1"))).isTrue();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(h.accept(events("k2"))).isTrue();
    assertThat(h.accept(events("k3"))).isTrue();
    h.close();
    // The two queued deliveries were acknowledged and never started; the blocked one was
    // interrupted in its handler and counts as handled (its failure went to the error hook).
    assertThat(h.droppedEvents()).isEqualTo(2);
    assertThat(handled).doesNotContain("k2", "k3");
  }
}
