package dev.wasdk.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.ImageReceived;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/conversations.md}, run as tests. */
class ConversationsGuideTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final RecordingReplier replier = new RecordingReplier();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void filters() {
    // tag::filters[]
    Filter<MessageReceived> menu = Filters.keyword("menu", "cardápio").or(Filters.replyId("menu"));
    Filter<MessageReceived> track = Filters.textMatches("^track\\s+\\d+$");
    Filter<MessageReceived> photoInChat = Filters.hasMedia().and(Filter.not(Filters.inGroup()));
    // end::filters[]

    assertThat(menu.test(Events.text("CARDAPIO"))).isTrue();
    assertThat(menu.test(Events.button(Events.USER, "menu", "Menu"))).isTrue();
    assertThat(track.test(Events.text("Track 1234"))).isTrue();
    assertThat(photoInChat.test(Events.image(Events.USER))).isTrue();
  }

  @Test
  void router() {
    List<WebhookEvent> unhandled = new CopyOnWriteArrayList<>();
    // tag::router[]
    ConversationRouter router =
        ConversationRouter.builder()
            .on(10, MessageReceived.class, Filters.keyword("stop"), m -> log.add("opt out"))
            .on(MessageReceived.class, Filters.keyword("menu"), m -> log.add("menu"))
            .on(ImageReceived.class, m -> log.add("photo"))
            .on(MessageReceived.class, m -> log.add("did not understand"))
            .onUnhandled(unhandled::add)
            .onError((event, failure) -> log.add("failed: " + failure.getClass().getSimpleName()))
            .build();
    WebhookRouter webhooks =
        WebhookRouter.builder().on(WebhookEvent.class, router::dispatch).build();
    // end::router[]

    webhooks.dispatch(Events.text("STOP"));
    webhooks.dispatch(Events.text("menu"));
    webhooks.dispatch(Events.image(Events.USER));
    webhooks.dispatch(Events.text("hello"));
    webhooks.dispatch(Events.delivered(Events.USER));

    assertThat(log).containsExactly("opt out", "menu", "photo", "did not understand");
    assertThat(unhandled).hasSize(1);
  }

  @Test
  void businessHours() {
    // tag::hours[]
    BusinessHours hours =
        BusinessHours.builder(ZoneId.of("America/Sao_Paulo"))
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(13, 30), LocalTime.of(18, 0))
            .open(DayOfWeek.SATURDAY, LocalTime.of(20, 0), LocalTime.of(2, 0)) // into Sunday
            .holiday(LocalDate.of(2026, 12, 25))
            .closed(LocalDateTime.of(2026, 12, 31, 15, 0), LocalDateTime.of(2027, 1, 2, 9, 0))
            .build();
    Instant now = clock.instant();
    boolean open = hours.isOpen(now);
    String next = hours.formatNextOpening(now, Locale.forLanguageTag("pt-BR")).orElse("");
    // end::hours[]

    // Monday 07:00 in São Paulo: closed until 09:00 the same day.
    assertThat(open).isFalse();
    assertThat(next).contains("segunda-feira", "7 de dezembro de 2026", "09:00");
    assertThat(hours.isOpen(Instant.parse("2026-12-07T12:00:00Z"))).isTrue();
  }

  @Test
  void bot() throws Exception {
    // tag::bot[]
    Conversations bot =
        Conversations.builder(replier) // Replier.of(sender) in an application
            .clock(clock) // a test clock here; the system clock by default
            .scheduler(scheduler)
            .inactivity(Duration.ofMinutes(30))
            .interrupt(
                MessageReceived.class,
                Filters.keyword("cancel"),
                turn -> {
                  turn.end();
                  turn.reply("Cancelled. Type ORDER to start again.");
                })
            .on(
                MessageReceived.class,
                Filters.keyword("order"),
                turn -> {
                  turn.send(
                      to ->
                          to.buttons()
                              .body("Which size?")
                              .button("S", "Small")
                              .button("M", "Medium")
                              .button("L", "Large")
                              .build());
                  turn.ask("size", Duration.ofMinutes(10), "size-timeout");
                })
            .step(
                "size",
                turn -> {
                  if (!(turn.message() instanceof ButtonReplyReceived size)) {
                    turn.reply("Please tap one of the buttons.");
                    turn.ask("size", Duration.ofMinutes(10), "size-timeout");
                    return;
                  }
                  turn.put("size", size.buttonId());
                  turn.reply("Size " + size.buttonId() + ". How many?");
                  turn.ask("quantity", Duration.ofMinutes(10), "size-timeout");
                })
            .step("quantity", turn -> turn.reply("Thanks! Your order is on its way."))
            .step("size-timeout", turn -> turn.reply("Still there? Type ORDER to start again."))
            .build();
    // end::bot[]

    bot.handle(Events.text("order")).get(10, TimeUnit.SECONDS);
    bot.handle(Events.button(Events.USER, "L", "Large")).get(10, TimeUnit.SECONDS);
    clock.advance(Duration.ofMinutes(10));
    assertThat(bot.runDueTimeouts().get(10, TimeUnit.SECONDS)).isEqualTo(1);

    assertThat(replier.texts())
        .containsExactly("Size L. How many?", "Still there? Type ORDER to start again.");
    assertThat(replier.messages()).hasSize(3);
    bot.close();
  }

  @Test
  void autoReply() throws Exception {
    clock.set(Instant.parse("2026-12-05T15:00:00Z")); // a Saturday
    List<HandoverEvent> inbox = new CopyOnWriteArrayList<>();
    BusinessHours hours =
        BusinessHours.builder(ZoneId.of("Europe/Berlin"))
            .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))
            .build();
    // tag::autoreply[]
    AutoReply auto =
        AutoReply.builder()
            .keyword("hours", "We are open Monday to Friday, 9:00 to 18:00.")
            .rule("price", Filters.keyword("price", "prices"), "Our prices: https://example.com/p")
            .defaultReply("Thanks! Type HOURS, PRICE, or AGENT to talk to a person.")
            .coolDown(Duration.ofMinutes(10))
            .build();
    Conversations bot =
        Conversations.builder(replier)
            .clock(clock)
            .scheduler(scheduler)
            .interrupt(
                MessageReceived.class,
                Filters.keyword("agent"),
                turn -> {
                  turn.reply("A colleague will answer you here.");
                  turn.handOver("asked for an agent");
                })
            .autoReply(auto)
            .outOfOffice(hours, Locale.UK, opening -> "We are closed; back on " + opening + ".")
            .onHandover(inbox::add)
            .build();
    // end::autoreply[]

    bot.handle(Events.text("hours")).get(10, TimeUnit.SECONDS);
    bot.handle(Events.text("agent")).get(10, TimeUnit.SECONDS);
    bot.handle(Events.text("hello?")).get(10, TimeUnit.SECONDS);
    // tag::release[]
    bot.release("16505551234").get(10, TimeUnit.SECONDS);
    // end::release[]

    assertThat(replier.texts())
        .containsExactly(
            "We are closed; back on Monday, 7 December 2026, 09:00.",
            "We are open Monday to Friday, 9:00 to 18:00.",
            "A colleague will answer you here.");
    assertThat(inbox)
        .extracting(HandoverEvent::kind)
        .containsExactly(
            HandoverEvent.Kind.STARTED, HandoverEvent.Kind.MESSAGE, HandoverEvent.Kind.RELEASED);
    bot.close();
  }
}
