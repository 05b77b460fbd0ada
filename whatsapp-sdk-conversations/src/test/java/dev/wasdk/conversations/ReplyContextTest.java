package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.TypingIndicator;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.ReactionMessage;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.TextReceived;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReplyContextTest {
  private static final String USER = "16505551234";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

  /** Records messages and read marks; the window is open when {@code open} says so. */
  private static final class Recording implements Replier {
    final List<Message> sent = new CopyOnWriteArrayList<>();
    final List<String> reads = new CopyOnWriteArrayList<>();
    volatile boolean open = true;

    @Override
    public CompletableFuture<SendOutcome> send(Message message) {
      sent.add(message);
      return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Void> markRead(String wamid, Optional<TypingIndicator> typing) {
      reads.add(wamid + typing.map(t -> "+" + t.wireValue()).orElse(""));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean windowOpen(Recipient recipient, Instant now) {
      return open;
    }
  }

  private final Recording replier = new Recording();

  private ConversationRouter router(
      java.util.function.BiConsumer<MessageReceived, ReplyContext> handler) {
    return ConversationRouter.builder()
        .replier(replier)
        .clock(clock)
        .onMessage(MessageReceived.class, Filter.any(), handler)
        .build();
  }

  @Test
  void reply_quotesTheMessage_sendDoesNot() {
    MessageReceived in = Events.text(USER, "hi");

    boolean ok =
        router(
                (m, ctx) -> {
                  ctx.reply("quoted");
                  ctx.send("plain");
                })
            .dispatch(in);

    assertThat(ok).isTrue();
    assertThat(replier.sent).hasSize(2);
    assertThat(replier.sent.get(0).envelope().replyTo()).contains(in.id());
    assertThat(((TextMessage) replier.sent.get(0)).body()).isEqualTo("quoted");
    assertThat(replier.sent.get(1).envelope().replyTo()).isEmpty();
    assertThat(replier.sent).allMatch(m -> m.recipient().equals(Recipient.waId(USER)));
  }

  @Test
  void react_andMarkRead_nameTheInboundMessage() {
    MessageReceived in = Events.text(USER, "hi");

    router(
            (m, ctx) -> {
              ctx.markRead(TypingIndicator.TEXT);
              ctx.markRead();
              ctx.react("👍");
            })
        .dispatch(in);

    assertThat(replier.reads).containsExactly(in.id() + "+text", in.id());
    ReactionMessage reaction = (ReactionMessage) replier.sent.get(0);
    assertThat(reaction.messageId()).isEqualTo(in.id());
    assertThat(reaction.emoji()).isEqualTo("👍");
  }

  @Test
  void recipient_derivedOnce_forGroupUserIdAndWaId() {
    List<Recipient> seen = new ArrayList<>();
    ConversationRouter r = router((m, ctx) -> seen.add(ctx.recipient()));

    r.dispatch(Events.text(USER, "a"));
    r.dispatch(Events.groupText(USER, "GRP123", "b"));
    r.dispatch(Events.textFromUserId("US.13491208655302741918", "c"));

    assertThat(seen)
        .containsExactly(
            Recipient.waId(USER),
            Recipient.group("GRP123"),
            Recipient.userId("US.13491208655302741918"));
  }

  @Test
  void sendOrTemplate_windowOpen_sendsFreeForm_closed_sendsTheNamedTemplate() {
    ConversationRouter r =
        router((m, ctx) -> ctx.sendOrTemplate("Your order shipped", "order_update", "en_US"));

    r.dispatch(Events.text(USER, "a"));
    replier.open = false;
    r.dispatch(Events.text(USER, "b"));

    assertThat(replier.sent).hasSize(2);
    assertThat(((TextMessage) replier.sent.get(0)).body()).isEqualTo("Your order shipped");
    TemplateMessage t = (TemplateMessage) replier.sent.get(1);
    assertThat(t.name()).isEqualTo("order_update");
    assertThat(t.languageCode()).isEqualTo("en_US");
  }

  @Test
  void onMessage_withoutReplier_failsAtBuildTime() {
    assertThatThrownBy(
            () ->
                ConversationRouter.builder()
                    .onMessage(MessageReceived.class, Filter.any(), (m, ctx) -> ctx.reply("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("replier");
  }

  @Test
  void turnContext_sendsOnlyAfterTheSave_andCancelsWhenTheSaveConflicts() {
    InMemoryConversationStore store = ConversationStore.inMemory(clock);
    AtomicReference<CompletableFuture<SendOutcome>> reply = new AtomicReference<>();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    List<Integer> sentDuringHandler = new CopyOnWriteArrayList<>();
    try (Conversations bot =
        Conversations.builder(replier)
            .store(store)
            .clock(clock)
            .executor(Runnable::run)
            .onError((k, e) -> errors.add(e))
            .on(
                MessageReceived.class,
                Filter.any(),
                turn -> {
                  turn.context().markRead(TypingIndicator.TEXT);
                  int before = replier.sent.size();
                  reply.set(turn.context().reply("hello"));
                  sentDuringHandler.add(replier.sent.size() - before);
                  if (turn.text().equals("conflict")) {
                    // another instance saves first
                    store.put(turn.conversation(), turn.state(), 1, Duration.ofMinutes(5));
                  }
                })
            .build()) {
      MessageReceived first = Events.text(USER, "hello");
      assertThat(bot.handle(first).join()).isTrue();
      assertThat(replier.sent).hasSize(1);
      assertThat(replier.sent.get(0).envelope().replyTo()).contains(first.id());
      assertThat(replier.reads).containsExactly(first.id() + "+text");

      assertThat(bot.handle(Events.text(USER, "conflict")).join()).isFalse();
      assertThat(replier.sent).hasSize(1);
      assertThat(reply.get()).isCompletedExceptionally();
      assertThatThrownBy(() -> reply.get().join()).isInstanceOf(CancellationException.class);
      assertThat(errors).singleElement().isInstanceOf(IllegalStateException.class);
      assertThat(errors.get(0)).hasMessageContaining("changed while this turn ran");
      assertThat(sentDuringHandler).containsExactly(0, 0);
    }
  }

  @Test
  void replierOfSender_windowFollowsTheSendersTracker() {
    try (WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken("test-token")
                .phoneNumberId("106540352242922")
                .baseUrl(URI.create("http://127.0.0.1:9"))
                .build();
        MessageSender sender = MessageSender.builder(wa).clock(clock).build()) {
      Replier r = Replier.of(sender, wa);
      sender.serviceWindows().recordInbound(USER, clock.instant());

      assertThat(r.windowOpen(Recipient.waId(USER), clock.instant())).isTrue();
      assertThat(r.windowOpen(Recipient.phone("+16505550000"), clock.instant())).isFalse();
      assertThat(r.windowOpen(Recipient.waId(USER), clock.instant().plus(Duration.ofHours(25))))
          .isFalse();
    }
  }

  @Test
  void timeoutTurn_contextCannotReactOrMarkRead() {
    ReplyContext ctx =
        new Turn(
                USER,
                Recipient.waId(USER),
                null,
                ConversationState.start(clock.instant()),
                clock.instant(),
                replier)
            .context();

    assertThat(ctx.message()).isEmpty();
    assertThatThrownBy(() -> ctx.react("👍")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(ctx::markRead).isInstanceOf(IllegalStateException.class);
    ctx.reply("still fine");
  }

  @Test
  void textReceived_handlerTypedToTheSubclass() {
    List<String> bodies = new ArrayList<>();
    ConversationRouter.builder()
        .replier(replier)
        .onMessage(TextReceived.class, Filters.keyword("menu"), (t, ctx) -> bodies.add(t.body()))
        .build()
        .dispatch(Events.text(USER, "Menu"));

    assertThat(bodies).containsExactly("Menu");
  }
}
