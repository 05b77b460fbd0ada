package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.error.ApiError;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random runs of submits, answers, deadlines, cancellations and a close, on a fake clock: every
 * message ends in exactly one outcome, and for every user with no message sent (or possibly sent)
 * each count in the {@link InMemoryLimiterStore} is back at its starting value: the pair-rate and
 * marketing-cap buckets are full again and the tier window does not hold the user.
 */
class SenderReservationPropertyTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";
  static final int USERS = 4;
  static final BucketSpec CAP = new BucketSpec(3, 3, Duration.ofDays(1));

  @Property(tries = 300)
  void run_anySequence_everyReservationOfUnsentUsersComesBack(
      @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 5_999) Integer> ops) {
    FakeTime time = new FakeTime(T0);
    ScriptedTransport transport = new ScriptedTransport(time).pending();
    InMemoryLimiterStore store = new InMemoryLimiterStore(0);
    MessageSender sender =
        MessageSender.builder(PHONE_ID, transport)
            .clock(time)
            .scheduler(time)
            .store(store)
            .tier(MessagingTier.TIER_250)
            .throughputPerSecond(1_000)
            .marketingFrequencyCap((int) CAP.capacity(), CAP.refillPeriod())
            .build();
    for (int u = 0; u < USERS; u++) {
      sender.consent().optIn(phone(u), TemplateCategory.MARKETING, "app", T0);
    }
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    Map<CompletableFuture<SendOutcome>, Integer> userOf = new HashMap<>();
    int answered = 0;

    for (int op : ops) {
      int kind = op % 6;
      int p = op / 6;
      switch (kind) {
        case 0, 1 -> {
          int user = p % USERS;
          Message m = kind == 0 ? template(user, TemplateCategory.MARKETING) : utility(user);
          SubmitOptions o =
              p % 3 == 0
                  ? SubmitOptions.defaults().withDeadline(time.instant().plusMillis(p % 1_000))
                  : SubmitOptions.defaults();
          CompletableFuture<SendOutcome> f = sender.submit(m, o);
          futures.add(f);
          userOf.put(f, user);
        }
        case 2, 5 -> {
          List<ScriptedTransport.Call> pending =
              transport.calls().stream().filter(c -> !c.future().isDone()).toList();
          if (!pending.isEmpty()) {
            ScriptedTransport.Call c = kind == 2 ? pending.get(0) : pending.get(pending.size() - 1);
            answer(c, p % 5, answered++);
          }
        }
        case 3 -> time.advance(Duration.ofMillis(p % 100));
        case 4 -> {
          if (!futures.isEmpty()) {
            futures.get(p % futures.size()).cancel(false);
          }
        }
        default -> throw new AssertionError(kind);
      }
    }
    sender.close(Duration.ZERO);
    List<ScriptedTransport.Call> pending;
    while (!(pending = transport.calls().stream().filter(c -> !c.future().isDone()).toList())
        .isEmpty()) {
      pending.forEach(c -> answer(c, 2, 0));
    }

    assertThat(futures).allSatisfy(f -> assertThat(f).isDone());
    SenderStats s = sender.stats();
    assertThat(s.sent() + s.unknown() + s.deferred() + s.cancelled() + s.rejectedTotal())
        .isEqualTo(futures.size());
    assertThat(s.queued()).isZero();
    assertThat(s.inFlight()).isZero();
    assertThat(sender.loop().deadlineEntries()).isZero();

    Set<Integer> reached = new HashSet<>();
    for (CompletableFuture<SendOutcome> f : futures) {
      SendOutcome o = f.isCancelled() ? null : f.join();
      if (o instanceof SendOutcome.Sent || o instanceof SendOutcome.Unknown) {
        reached.add(userOf.get(f));
      }
    }
    // A cancelled future hides its outcome: count the sends the transport saw answered as sent.
    for (ScriptedTransport.Call c : transport.calls()) {
      if (!c.future().isCompletedExceptionally()) {
        reached.add(userIndex(c.to()));
      } else if (c.future().handle((r, e) -> e).join() instanceof RequestMaybeSentException) {
        reached.add(userIndex(c.to()));
      }
    }
    Instant now = time.instant();
    assertThat(store.windowSize("tier:" + PHONE_ID, SenderConfig.TIER_WINDOW, now))
        .isEqualTo(reached.size());
    for (int u = 0; u < USERS; u++) {
      if (reached.contains(u)) {
        continue;
      }
      String member =
          Pseudonyms.DEFAULT.of(PHONE_ID, Pseudonyms.DEFAULT.of("user", UserKeys.of(phone(u))));
      assertThat(store.tryTake("pair:" + PHONE_ID + ":" + member, SenderConfig.PAIR_RATE, 45, now))
          .as("pair-rate bucket of user %d", u)
          .extracting(LimiterStore.TakeResult::taken)
          .isEqualTo(true);
      assertThat(store.tryTake("mcap:" + member, CAP, CAP.capacity(), now))
          .as("marketing cap of user %d", u)
          .extracting(LimiterStore.TakeResult::taken)
          .isEqualTo(true);
    }
  }

  private static void answer(ScriptedTransport.Call c, int how, int n) {
    switch (how) {
      case 0 -> c.future().complete(ScriptedTransport.ok("wamid." + n));
      case 1 -> c.future().completeExceptionally(apiError(131026));
      case 2 ->
          c.future()
              .completeExceptionally(
                  new RequestNotSentException("refused", TransportFailure.values()[0], null));
      case 3 ->
          c.future()
              .completeExceptionally(
                  new RequestMaybeSentException("timed out", TransportFailure.values()[0], null));
      default -> c.future().completeExceptionally(apiError(131056));
    }
  }

  static ApiException apiError(int code) {
    return ApiException.of(ApiError.builder(code, 400).message("(#" + code + ") test").build());
  }

  static String phone(int i) {
    return String.format("+1650555%04d", i);
  }

  static int userIndex(String to) {
    return Integer.parseInt(to.substring(to.length() - 4));
  }

  static Message template(int user, TemplateCategory category) {
    return Message.to(phone(user)).template("order_update", "en_US").category(category).build();
  }

  static Message utility(int user) {
    return template(user, TemplateCategory.UTILITY);
  }
}
