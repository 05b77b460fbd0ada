package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.webhooks.event.UnknownEvent;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRouterTest {
  private static WebhookEvent event() {
    return WebhookParser.create().parse(TestDeliveries.body("k1")).get(0);
  }

  @Test
  void dispatch_handlersForTypeAndSupertype_mostSpecificRunsOnly() {
    List<String> ran = new ArrayList<>();
    WebhookRouter router =
        WebhookRouter.builder()
            .on(WebhookEvent.class, e -> ran.add("any"))
            .on(UnknownEvent.class, e -> ran.add("unknown"))
            .onUnhandled(e -> ran.add("unhandled"))
            .build();
    assertThat(router.dispatch(event())).isTrue();
    assertThat(ran).containsExactly("unknown");
  }

  @Test
  void dispatch_registrationOrderReversed_mostSpecificStillWins() {
    List<String> ran = new ArrayList<>();
    WebhookRouter router =
        WebhookRouter.builder()
            .on(UnknownEvent.class, e -> ran.add("unknown"))
            .on(WebhookEvent.class, e -> ran.add("any"))
            .build();
    router.dispatch(event());
    assertThat(ran).containsExactly("unknown");
  }

  @Test
  void dispatch_onlySupertypeHandler_receivesSubtype() {
    List<WebhookEvent> got = new ArrayList<>();
    WebhookRouter router = WebhookRouter.builder().on(WebhookEvent.class, got::add).build();
    WebhookEvent e = event();
    router.dispatch(e);
    assertThat(got).containsExactly(e);
  }

  @Test
  void dispatch_noMatchingHandler_runsUnhandledHook() {
    List<WebhookEvent> unhandled = new ArrayList<>();
    WebhookRouter router = WebhookRouter.builder().onUnhandled(unhandled::add).build();
    WebhookEvent e = event();
    assertThat(router.dispatch(e)).isTrue();
    assertThat(unhandled).containsExactly(e);
  }

  @Test
  void dispatch_noHandlerAndDefaultHook_dropsQuietly() {
    assertThat(WebhookRouter.builder().build().dispatch(event())).isTrue();
  }

  @Test
  void dispatch_handlerThrows_returnsFalseAndCallsErrorHook() {
    List<Throwable> errors = new ArrayList<>();
    IllegalStateException boom = new IllegalStateException("boom");
    WebhookRouter router =
        WebhookRouter.builder()
            .on(
                UnknownEvent.class,
                e -> {
                  throw boom;
                })
            .onError((e, t) -> errors.add(t))
            .build();
    assertThat(router.dispatch(event())).isFalse();
    assertThat(errors).containsExactly(boom);
  }

  @Test
  void dispatch_afterAFailure_otherEventsStillRun() {
    List<String> handled = new ArrayList<>();
    WebhookRouter router =
        WebhookRouter.builder()
            .on(
                UnknownEvent.class,
                e -> {
                  String key = TestDeliveries.TEST_KEYS.apply(e).orElseThrow();
                  if (key.equals("bad")) {
                    throw new IllegalArgumentException("bad");
                  }
                  handled.add(key);
                })
            .build();
    List<WebhookEvent> events = WebhookParser.create().parse(TestDeliveries.body("a", "bad", "c"));
    List<Boolean> results = new ArrayList<>();
    events.forEach(e -> results.add(router.dispatch(e)));
    assertThat(results).containsExactly(true, false, true);
    assertThat(handled).containsExactly("a", "c");
  }

  @Test
  void dispatch_errorHookThrows_isIgnored() {
    WebhookRouter router =
        WebhookRouter.builder()
            .on(
                UnknownEvent.class,
                e -> {
                  throw new IllegalStateException();
                })
            .onError(
                (e, t) -> {
                  throw new IllegalArgumentException("hook");
                })
            .build();
    assertThat(router.dispatch(event())).isFalse();
  }

  @Test
  void dispatch_unhandledHookThrows_countsAsFailure() {
    WebhookRouter router =
        WebhookRouter.builder()
            .onUnhandled(
                e -> {
                  throw new IllegalStateException();
                })
            .build();
    assertThat(router.dispatch(event())).isFalse();
  }

  @Test
  void dispatch_handlerThrowsError_isolatedUnlessVirtualMachineError() {
    WebhookRouter assertionFails =
        WebhookRouter.builder()
            .on(
                UnknownEvent.class,
                e -> {
                  throw new AssertionError("handler assertion");
                })
            .build();
    assertThat(assertionFails.dispatch(event())).isFalse();

    WebhookRouter overflows =
        WebhookRouter.builder()
            .on(
                UnknownEvent.class,
                e -> {
                  throw new StackOverflowError();
                })
            .build();
    assertThatThrownBy(() -> overflows.dispatch(event())).isInstanceOf(StackOverflowError.class);
  }

  @Test
  void on_sameTypeTwice_throws() {
    WebhookRouter.Builder b = WebhookRouter.builder().on(UnknownEvent.class, e -> {});
    assertThatThrownBy(() -> b.on(UnknownEvent.class, e -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UnknownEvent");
  }

  interface Animal {}

  interface Bird extends Animal {}

  interface Swimmer {}

  static final class Sparrow implements Bird {}

  static final class Duck implements Bird, Swimmer {}

  @Test
  void mostSpecific_subtypeAndSupertypeRegistered_picksSubtype() {
    assertThat(WebhookRouter.mostSpecific(Sparrow.class, List.of(Animal.class, Bird.class)))
        .containsExactly(Bird.class);
    assertThat(WebhookRouter.mostSpecific(Sparrow.class, List.of(Bird.class, Animal.class)))
        .containsExactly(Bird.class);
    assertThat(WebhookRouter.mostSpecific(Sparrow.class, List.of(Swimmer.class))).isEmpty();
  }

  @Test
  void mostSpecific_unrelatedInterfaces_reportsBothAsAmbiguous() {
    assertThat(WebhookRouter.mostSpecific(Duck.class, List.of(Bird.class, Swimmer.class)))
        .containsExactly(Bird.class, Swimmer.class);
    assertThat(
            WebhookRouter.mostSpecific(Duck.class, List.of(Bird.class, Swimmer.class, Duck.class)))
        .containsExactly(Duck.class);
  }

  sealed interface Shape permits Circle, Polygon {}

  record Circle() implements Shape {}

  sealed interface Polygon extends Shape permits Square, Triangle {}

  record Square() implements Polygon {}

  record Triangle() implements Polygon {}

  @Test
  void instantiableTypes_sealedHierarchy_listsEveryConcreteType() {
    assertThat(WebhookRouter.instantiableTypes(Shape.class))
        .containsExactlyInAnyOrder(Circle.class, Square.class, Triangle.class);
  }

  @Test
  void instantiableTypes_webhookEvents_includesUnknownEventAndOnlyEventTypes() {
    assertThat(WebhookRouter.instantiableTypes(WebhookEvent.class))
        .contains(UnknownEvent.class)
        .allSatisfy(t -> assertThat(WebhookEvent.class).isAssignableFrom(t));
  }
}
