package dev.wasdk.conversations;

import static dev.wasdk.conversations.Events.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationRouterTest {
  private final List<String> ran = new ArrayList<>();

  @Test
  void dispatch_firstMatchingRouteInRegistrationOrder_runsAlone() {
    ConversationRouter router =
        ConversationRouter.builder()
            .on(MessageReceived.class, Filters.keyword("menu"), m -> ran.add("menu"))
            .on(TextReceived.class, Filters.textContains("menu"), m -> ran.add("contains"))
            .on(MessageReceived.class, m -> ran.add("fallback"))
            .build();

    assertThat(router.dispatch(Events.text("Menu please"))).isTrue();
    assertThat(router.dispatch(Events.text("the menu?"))).isTrue();
    assertThat(router.dispatch(Events.text("hello"))).isTrue();

    assertThat(ran).containsExactly("menu", "contains", "fallback");
  }

  @Test
  void dispatch_higherPriority_winsOverEarlierRegistration() {
    ConversationRouter router =
        ConversationRouter.builder()
            .on(MessageReceived.class, m -> ran.add("catch-all"))
            .on(10, MessageReceived.class, Filters.keyword("stop"), m -> ran.add("stop"))
            .build();

    router.dispatch(Events.text("STOP"));
    router.dispatch(Events.text("hello"));

    assertThat(ran).containsExactly("stop", "catch-all");
  }

  @Test
  void dispatch_typeNarrowsTheRoutes() {
    ConversationRouter router =
        ConversationRouter.builder()
            .on(ButtonReplyReceived.class, b -> ran.add("button " + b.buttonId()))
            .on(TextReceived.class, t -> ran.add("text " + t.body()))
            .build();

    router.dispatch(Events.button(USER, "yes", "Yes"));
    router.dispatch(Events.text("hi"));

    assertThat(ran).containsExactly("button yes", "text hi");
  }

  @Test
  void dispatch_noMatch_runsUnhandledHook() {
    List<WebhookEvent> unhandled = new ArrayList<>();
    ConversationRouter router =
        ConversationRouter.builder()
            .on(MessageReceived.class, Filters.keyword("menu"), m -> ran.add("menu"))
            .onUnhandled(unhandled::add)
            .build();
    WebhookEvent status = Events.delivered(USER);
    WebhookEvent other = Events.text("something else");

    router.dispatch(status);
    router.dispatch(other);

    assertThat(ran).isEmpty();
    assertThat(unhandled).containsExactly(status, other);
  }

  @Test
  void dispatch_handlerThrows_reportsAndNextEventStillRoutes() {
    List<Throwable> errors = new ArrayList<>();
    IllegalStateException boom = new IllegalStateException("boom");
    ConversationRouter router =
        ConversationRouter.builder()
            .on(
                MessageReceived.class,
                Filters.keyword("crash"),
                m -> {
                  throw boom;
                })
            .on(MessageReceived.class, m -> ran.add("ok"))
            .onError((event, error) -> errors.add(error))
            .build();

    assertThat(router.dispatch(Events.text("crash"))).isFalse();
    assertThat(router.dispatch(Events.text("fine"))).isTrue();

    assertThat(errors).containsExactly(boom);
    assertThat(ran).containsExactly("ok");
  }

  @Test
  void dispatch_filterThrows_stopsThatEventWithoutRunningTheCatchAll() {
    List<Throwable> errors = new ArrayList<>();
    ConversationRouter router =
        ConversationRouter.builder()
            .on(
                MessageReceived.class,
                m -> {
                  throw new IllegalArgumentException("bad filter");
                },
                m -> ran.add("specific"))
            .on(MessageReceived.class, m -> ran.add("catch-all"))
            .onError((event, error) -> errors.add(error))
            .build();

    assertThat(router.dispatch(Events.text("hi"))).isFalse();

    assertThat(ran).isEmpty();
    assertThat(errors).singleElement().isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dispatch_errorHookThrows_isContained() {
    ConversationRouter router =
        ConversationRouter.builder()
            .on(
                MessageReceived.class,
                m -> {
                  throw new IllegalStateException("handler");
                })
            .onError(
                (event, error) -> {
                  throw new IllegalStateException("hook");
                })
            .build();

    assertThat(router.dispatch(Events.text("hi"))).isFalse();
  }
}
