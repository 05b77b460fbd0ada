package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.UnknownEvent;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookRouterObserveTest {
  private static final WebhookEvent EVENT =
      new UnknownEvent(
          new EventContext("1", "some_field", Optional.empty(), Optional.empty()), "{}");

  @Test
  void dispatch_withObserver_runsObserverAndHandler() {
    List<String> seen = new ArrayList<>();
    WebhookRouter router =
        WebhookRouter.builder()
            .observe(e -> seen.add("observer"))
            .on(UnknownEvent.class, e -> seen.add("handler"))
            .build();

    assertThat(router.dispatch(EVENT)).isTrue();
    assertThat(seen).containsExactly("observer", "handler");
  }

  @Test
  void dispatch_observerThrows_handlerStillRunsAndDispatchReportsFailure() {
    List<String> seen = new ArrayList<>();
    List<Throwable> errors = new ArrayList<>();
    WebhookRouter router =
        WebhookRouter.builder()
            .observe(
                e -> {
                  throw new IllegalStateException("boom");
                })
            .on(UnknownEvent.class, e -> seen.add("handler"))
            .onError((e, t) -> errors.add(t))
            .build();

    assertThat(router.dispatch(EVENT)).isFalse();
    assertThat(seen).containsExactly("handler");
    assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class);
  }
}
