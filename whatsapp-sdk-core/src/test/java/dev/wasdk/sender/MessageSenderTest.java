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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sender driven by a fake clock and scheduler: every time asserted is exact. */
class MessageSenderTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);

  MessageSender.Builder builder() {
    return MessageSender.builder(PHONE_ID, transport)
        .clock(time)
        .scheduler(time)
        .tier(MessagingTier.TIER_UNLIMITED);
  }

  static String phone(int i) {
    return String.format("+1650555%04d", i);
  }

  static Message template(int user, TemplateCategory category) {
    return Message.to(phone(user)).template("order_update", "en_US").category(category).build();
  }

  static Message utility(int user) {
    return template(user, TemplateCategory.UTILITY);
  }

  static Message text(int user, String body) {
    return Message.to(phone(user)).text(body);
  }

  static ApiException apiError(int code) {
    return ApiException.of(ApiError.builder(code, 400).message("(#" + code + ") test").build());
  }

  static Instant ms(long millis) {
    return T0.plusMillis(millis);
  }

  static SendOutcome outcome(CompletableFuture<SendOutcome> f) {
    assertThat(f).isDone();
    return f.join();
  }

  // --- throughput -------------------------------------------------------------------------------

  @Test
  void submit_80PerSecondNoHeadroom_spacesSendsExactly12point5Milliseconds() {
    MessageSender sender = builder().throughputPerSecond(80).throughputHeadroom(0).build();
    for (int i = 0; i < 200; i++) {
      sender.submit(utility(i));
    }

    time.advance(Duration.ofSeconds(3));

    List<Instant> times = transport.times();
    assertThat(times).hasSize(200);
    for (int i = 0; i < times.size(); i++) {
      assertThat(times.get(i)).isEqualTo(T0.plusNanos(12_500_000L * i));
    }
    assertThat(maxInAnyWindow(times, Duration.ofSeconds(1))).isEqualTo(80);
  }

  @Test
  void submit_1000PerSecondNoHeadroom_spacesSendsOneMillisecondApart() {
    MessageSender sender = builder().throughputPerSecond(1_000).throughputHeadroom(0).build();
    for (int i = 0; i < 2_500; i++) {
      sender.submit(utility(i));
    }

    time.advance(Duration.ofSeconds(3));

    List<Instant> times = transport.times();
    assertThat(times).hasSize(2_500);
    assertThat(times.get(1_000)).isEqualTo(ms(1_000));
    assertThat(times.get(2_499)).isEqualTo(ms(2_499));
    assertThat(maxInAnyWindow(times, Duration.ofSeconds(1))).isEqualTo(1_000);
  }

  @Test
  void submit_80PerSecondDefaultHeadroom_paces78point4PerSecondAndNoSecondHoldsMore() {
    MessageSender sender = builder().throughputPerSecond(80).build();
    for (int i = 0; i < 200; i++) {
      sender.submit(utility(i));
    }

    time.advance(Duration.ofSeconds(3));

    List<Instant> times = transport.times();
    assertThat(times).hasSize(200);
    // 1 / 78.4 s = 12755.102 µs, rounded up to whole microseconds.
    for (int i = 1; i < times.size(); i++) {
      assertThat(Duration.between(times.get(i - 1), times.get(i)).toNanos()).isEqualTo(12_756_000L);
    }
    assertThat(maxInAnyWindow(times, Duration.ofSeconds(1))).isEqualTo(79);
    // Any 81 sends span more than 1.01 s: 10 ms of room for the network's jitter.
    assertThat(maxInAnyWindow(times, Duration.ofMillis(1_010))).isEqualTo(80);
  }

  @Test
  void submit_lateWakeUps_catchUpToThePacedRate() {
    // Every wake-up comes 5 ms late, as on a busy machine; a headroom of 0.5%.
    MessageSender sender =
        builder()
            .throughputPerSecond(80)
            .throughputHeadroom(0.005)
            .scheduler(lateBy(time, Duration.ofMillis(5)))
            .build();
    for (int i = 0; i < 200; i++) {
      sender.submit(utility(i));
    }

    time.advance(Duration.ofSeconds(4));

    List<Instant> times = transport.times();
    assertThat(times).hasSize(200);
    // Without catch-up each send would come 5 ms after its slot and the next slot would count
    // from there: 17.563 ms apart, 57 per second. With it, the rate stays 79.6 per second.
    // The first goes at once; each later one 5 ms after its slot, and the slots keep the paced
    // rate: 12.563 ms apart.
    assertThat(times.get(0)).isEqualTo(T0);
    for (int i = 1; i < 80; i++) {
      assertThat(times.get(i)).isEqualTo(T0.plusNanos(12_563_000L * i + 5_000_000L));
    }
    // From the 81st on, the window guard also waits (and wakes 5 ms late too), so the rate settles
    // between 80 per 1.0075 s and the paced 79.6 per second: still within 1% of 80.
    assertThat(Duration.between(times.get(80), times.get(160)).toNanos())
        .isBetween(1_005_040_000L, 1_007_500_000L);
    assertThat(maxInAnyWindow(times, Duration.ofMillis(1_002))).isEqualTo(80);
  }

  @Test
  void submit_irregularWakeUpsHalfAPercentHeadroom_keepTheRateWithin1PercentAndNoWindowOver() {
    // Every wake-up comes 0 to 5 ms late, at random, and one in a hundred up to 50 ms late, as on
    // a busy machine.
    java.util.Random random = new java.util.Random(42);
    java.util.function.Supplier<Duration> late =
        () ->
            Duration.ofNanos(
                random.nextInt(100) == 0 ? random.nextInt(50_000_001) : random.nextInt(5_000_001));
    MessageSender sender =
        builder()
            .throughputPerSecond(80)
            .throughputHeadroom(0.005)
            .scheduler(lateBy(time, late))
            .build();
    for (int i = 0; i < 6_000; i++) {
      sender.submit(utility(i));
    }

    time.advance(Duration.ofSeconds(60));

    List<Instant> times = transport.times();
    // At least 99% of 80 per second over the minute: the catch-up makes up the late wake-ups.
    assertThat(times.size()).isBetween(4_752, 4_800);
    // No span of 1.0025 s (1 s plus half the headroom) holds more than 80.
    assertThat(maxInAnyWindow(times, Duration.ofNanos(1_002_500_000L))).isEqualTo(80);
  }

  @Test
  void submit_burst_goesAtOnceButNoWindowHoldsMoreThanTheLimit() {
    MessageSender sender =
        builder().throughputPerSecond(80).throughputHeadroom(0.005).throughputBurst(20).build();
    for (int i = 0; i < 400; i++) {
      sender.submit(utility(i));
    }

    time.advance(Duration.ofSeconds(5));

    List<Instant> times = transport.times();
    assertThat(times.subList(0, 20)).containsOnly(T0);
    assertThat(times.get(20)).isAfter(T0);
    assertThat(maxInAnyWindow(times, Duration.ofNanos(1_002_500_000L))).isEqualTo(80);
  }

  @Test
  void submit_lateWakeUpsWithNoHeadroom_loseTheLateTime() {
    MessageSender sender =
        builder()
            .throughputPerSecond(80)
            .throughputHeadroom(0)
            .scheduler(lateBy(time, Duration.ofMillis(5)))
            .build();
    for (int i = 0; i < 100; i++) {
      sender.submit(utility(i));
    }

    time.advance(Duration.ofSeconds(4));

    List<Instant> times = transport.times();
    assertThat(times).hasSize(100);
    for (int i = 1; i < times.size(); i++) {
      long gap = Duration.between(times.get(i - 1), times.get(i)).toNanos();
      assertThat(gap).isEqualTo(17_500_000L);
    }
  }

  /** Returns a scheduler that runs every task {@code late} after the time asked. */
  static java.util.concurrent.ScheduledExecutorService lateBy(FakeTime time, Duration late) {
    return lateBy(time, () -> late);
  }

  /** Returns a scheduler that runs every task as late after the time asked as {@code late} says. */
  static java.util.concurrent.ScheduledExecutorService lateBy(
      FakeTime time, java.util.function.Supplier<Duration> late) {
    return (java.util.concurrent.ScheduledExecutorService)
        java.lang.reflect.Proxy.newProxyInstance(
            MessageSenderTest.class.getClassLoader(),
            new Class<?>[] {java.util.concurrent.ScheduledExecutorService.class},
            (proxy, method, args) -> {
              if (method.getName().equals("schedule")
                  && args.length == 3
                  && args[0] instanceof Runnable r) {
                long nanos = ((TimeUnit) args[2]).toNanos((Long) args[1]) + late.get().toNanos();
                return time.schedule(r, nanos, TimeUnit.NANOSECONDS);
              }
              try {
                return method.invoke(time, args);
              } catch (java.lang.reflect.InvocationTargetException ex) {
                throw ex.getCause();
              }
            });
  }

  @Test
  void submit_answersPending_keepsAtMostMaxInFlight() {
    transport.pending();
    MessageSender sender = builder().throughputPerSecond(1_000).maxInFlight(16).build();
    for (int i = 0; i < 100; i++) {
      sender.submit(utility(i));
    }

    time.advance(Duration.ofSeconds(1));
    // The first request goes alone until it is answered.
    assertThat(transport.calls()).hasSize(1);
    transport.calls().get(0).future().complete(ScriptedTransport.ok("wamid.0"));

    time.advance(Duration.ofSeconds(1));
    assertThat(transport.calls()).hasSize(17);
    assertThat(sender.stats().inFlight()).isEqualTo(16);
    assertThat(sender.stats().queued()).isEqualTo(83);

    transport.calls().get(1).future().complete(ScriptedTransport.ok("wamid.1"));
    assertThat(transport.calls()).hasSize(18);
  }

  @Test
  void submit_firstAnswerSlow_pacingStartsWhenItArrivesWithoutABurst() {
    transport.pending();
    MessageSender sender = builder().throughputPerSecond(80).throughputHeadroom(0).build();
    for (int i = 0; i < 100; i++) {
      sender.submit(utility(i));
    }

    time.advance(Duration.ofMillis(300));
    assertThat(transport.calls()).hasSize(1);
    transport.calls().get(0).future().complete(ScriptedTransport.ok("wamid.0"));
    time.advance(Duration.ofMillis(100));

    // Sent at 300 ms, then every 12.5 ms: the 300 ms of waiting are not made up in a burst.
    List<Instant> times = transport.times();
    assertThat(times.get(1)).isEqualTo(ms(300));
    assertThat(times.get(2)).isEqualTo(T0.plusNanos(312_500_000L));
    assertThat(times).hasSize(10);
  }

  @Test
  void answer_130429_lowersThroughputTenPercentRequeuesAndRecovers() {
    AtomicInteger n = new AtomicInteger();
    transport.answering(
        m -> n.getAndIncrement() == 3 ? apiError(130429) : ScriptedTransport.ok("w" + n.get()));
    List<Double> reduced = new ArrayList<>();
    MessageSender sender =
        builder()
            .throughputPerSecond(80)
            .throughputHeadroom(0)
            .throughputRecovery(Duration.ofSeconds(10))
            .listener(
                new SenderListener() {
                  @Override
                  public void onThroughputReduced(double rate) {
                    reduced.add(rate);
                  }
                })
            .build();
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      futures.add(sender.submit(utility(i)));
    }

    time.advance(Duration.ofMillis(40)); // sends at 0, 12.5, 25, 37.5 ms; the fourth is refused

    assertThat(reduced).containsExactly(72.0);
    assertThat(sender.stats().currentThroughputPerSecond()).isCloseTo(72.0, within(0.5));
    assertThat(sender.stats().throttled()).isEqualTo(1);
    time.advance(Duration.ofSeconds(5));
    assertThat(futures)
        .allSatisfy(f -> assertThat(outcome(f)).isInstanceOf(SendOutcome.Sent.class));
    // The refused message (user 3) went again, once.
    assertThat(transport.calls().stream().filter(c -> c.to().equals(phone(3)))).hasSize(2);
    assertThat(((SendOutcome.Sent) outcome(futures.get(3))).attempts()).isEqualTo(2);
    time.advance(Duration.ofSeconds(10));
    assertThat(sender.stats().currentThroughputPerSecond()).isEqualTo(80.0);
  }

  @Test
  void answer_130429WhileRecovering_halvesThenGentleAgainOnceRecovered() {
    AtomicInteger n = new AtomicInteger();
    transport.answering(
        m -> {
          int i = n.getAndIncrement();
          return i == 3 || i == 160 || i == 1_200
              ? apiError(130429)
              : ScriptedTransport.ok("w" + i);
        });
    List<Double> reduced = new ArrayList<>();
    MessageSender sender =
        builder()
            .throughputPerSecond(80)
            .throughputHeadroom(0)
            .throughputRecovery(Duration.ofSeconds(10))
            .listener(
                new SenderListener() {
                  @Override
                  public void onThroughputReduced(double rate) {
                    reduced.add(rate);
                  }
                })
            .build();
    for (int i = 0; i < 1_300; i++) {
      sender.submit(utility(i));
    }

    time.advance(Duration.ofSeconds(30));

    assertThat(reduced).hasSize(3);
    assertThat(reduced.get(0)).isEqualTo(72.0);
    // The second came about 2 s later, with the rate still recovering from 72: halved.
    assertThat(reduced.get(1)).isBetween(36.0, 40.0);
    // The third came after a full recovery: a gentle 10% again.
    assertThat(reduced.get(2)).isEqualTo(72.0);
    assertThat(sender.stats().throttled()).isEqualTo(3);
  }

  // --- pair rate --------------------------------------------------------------------------------

  @Test
  void submit_50ToOneUser_burst45ThenOneEvery6SecondsAndOthersNotDelayed() {
    MessageSender sender = builder().throughputPerSecond(80).throughputHeadroom(0).build();
    for (int i = 0; i < 50; i++) {
      sender.submit(utility(1));
    }
    CompletableFuture<SendOutcome> other = sender.submit(utility(2));

    time.advance(Duration.ofSeconds(40));

    List<Instant> toUser1 =
        transport.calls().stream().filter(c -> c.to().equals(phone(1))).map(c -> c.at()).toList();
    assertThat(toUser1).hasSize(50);
    assertThat(toUser1.get(0)).isEqualTo(T0);
    assertThat(toUser1.get(44)).isEqualTo(T0.plusNanos(12_500_000L * 44));
    assertThat(toUser1.get(45)).isEqualTo(T0.plusSeconds(6));
    assertThat(toUser1.get(46)).isEqualTo(T0.plusSeconds(12));
    assertThat(toUser1.get(49)).isEqualTo(T0.plusSeconds(30));
    assertThat(outcome(other)).isInstanceOf(SendOutcome.Sent.class);
    Instant otherAt =
        transport.calls().stream().filter(c -> c.to().equals(phone(2))).findFirst().get().at();
    // User 2 was submitted after user 1's burst, and goes in the next slot, not 6 s later.
    assertThat(otherAt).isEqualTo(T0.plusNanos(12_500_000L * 45));
  }

  @Test
  void answer_131056_backsOffThatUser4PowXSecondsOnly() {
    AtomicInteger refusals = new AtomicInteger();
    transport.answering(
        m ->
            m.recipient().value().equals(phone(1)) && refusals.getAndIncrement() < 2
                ? apiError(131056)
                : ScriptedTransport.ok("w"));
    MessageSender sender = builder().throughputPerSecond(80).throughputHeadroom(0).build();
    CompletableFuture<SendOutcome> first = sender.submit(utility(1));
    CompletableFuture<SendOutcome> second = sender.submit(utility(1));
    List<CompletableFuture<SendOutcome>> others = new ArrayList<>();
    for (int i = 2; i < 12; i++) {
      others.add(sender.submit(utility(i)));
    }

    time.advance(Duration.ofMillis(200));
    assertThat(others).allSatisfy(f -> assertThat(outcome(f)).isInstanceOf(SendOutcome.Sent.class));
    assertThat(first).isNotDone();
    time.advance(Duration.ofSeconds(10));

    List<Instant> toUser1 =
        transport.calls().stream().filter(c -> c.to().equals(phone(1))).map(c -> c.at()).toList();
    // Refused at 0, again after 4^0 = 1 s, then after 4^1 = 4 s; the second message follows.
    assertThat(toUser1)
        .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(5), ms(5_012).plusNanos(500_000));
    assertThat(((SendOutcome.Sent) outcome(first)).attempts()).isEqualTo(3);
    assertThat(outcome(second)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(sender.stats().pairBackoffs()).isEqualTo(2);
    // Others were sent in the first 150 ms, one throughput slot after another.
    assertThat(transport.calls().stream().filter(c -> !c.to().equals(phone(1))).map(c -> c.at()))
        .allSatisfy(t -> assertThat(t).isBefore(ms(150)));
  }

  // --- tier -------------------------------------------------------------------------------------

  @Test
  void submit_tier250_defersThe251stUserUntilTheFirstSlotFrees24HoursLater() {
    MessageSender sender =
        builder()
            .throughputPerSecond(1_000)
            .throughputHeadroom(0)
            .tier(MessagingTier.TIER_250)
            .build();
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 260; i++) {
      futures.add(sender.submit(utility(i)));
    }
    CompletableFuture<SendOutcome> again = sender.submit(utility(0)); // already counted: free

    time.advance(Duration.ofHours(1));
    assertThat(transport.calls()).hasSize(251);
    assertThat(outcome(again)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(futures.get(250)).isNotDone();
    assertThat(sender.stats().tierUsed()).hasValue(250);

    time.advance(Duration.ofHours(23).minusMillis(1));
    assertThat(transport.calls()).hasSize(251);
    time.advance(Duration.ofSeconds(2));
    // User 0 was counted again when re-sent at 250 ms. User 1 took its slot at 0 ms (a slot is
    // taken before the throughput token), so it frees first, at exactly 24 h; user 2's at 24 h 1
    // ms.
    assertThat(transport.calls().get(250).to()).isEqualTo(phone(0));
    assertThat(transport.calls().get(250).at()).isEqualTo(ms(250));
    assertThat(transport.calls().get(251).to()).isEqualTo(phone(250));
    assertThat(transport.calls().get(251).at()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(transport.calls().get(252).at())
        .isEqualTo(T0.plus(Duration.ofHours(24)).plusMillis(1));
  }

  @Test
  void submit_tierExhaustedWithRejectPolicy_rejectsWithReason() {
    MessageSender sender =
        builder()
            .throughputPerSecond(1_000)
            .tier(MessagingTier.TIER_250)
            .tierExhaustedPolicy(TierExhaustedPolicy.REJECT)
            .build();
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 251; i++) {
      futures.add(sender.submit(utility(i)));
    }
    time.advance(Duration.ofSeconds(1));

    SendOutcome last = outcome(futures.get(250));
    assertThat(last).isInstanceOf(SendOutcome.Rejected.class);
    assertThat(((SendOutcome.Rejected) last).reason()).isEqualTo(RejectReason.TIER_EXHAUSTED);
    assertThat(transport.calls()).hasSize(250);
  }

  @Test
  void answer_rejectedByMeta_givesTheTierSlotBack() {
    transport.answering(
        m -> m.recipient().value().equals(phone(0)) ? apiError(131026) : ScriptedTransport.ok("w"));
    MessageSender sender =
        builder().throughputPerSecond(1_000).tier(MessagingTier.TIER_250).build();
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 251; i++) {
      futures.add(sender.submit(utility(i)));
    }
    time.advance(Duration.ofSeconds(1));

    assertThat(((SendOutcome.Rejected) outcome(futures.get(0))).reason())
        .isEqualTo(RejectReason.UNDELIVERABLE);
    assertThat(outcome(futures.get(250))).isInstanceOf(SendOutcome.Sent.class);
    assertThat(sender.stats().tierUsed()).hasValue(250);
  }

  @Test
  void submit_usersWithOpenWindow_doNotCountAgainstTheTier() {
    MessageSender sender =
        builder().throughputPerSecond(1_000).tier(MessagingTier.TIER_250).build();
    for (int i = 0; i < 300; i++) {
      sender.onInbound(phone(i).substring(1), T0.minusSeconds(60));
    }
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      futures.add(sender.submit(utility(i)));
    }
    time.advance(Duration.ofSeconds(1));

    assertThat(futures)
        .allSatisfy(f -> assertThat(outcome(f)).isInstanceOf(SendOutcome.Sent.class));
    assertThat(sender.stats().tierUsed()).hasValue(0);
  }

  @Test
  void submit_clockJumpsAheadOfTheScheduler_deadlinesStillEndDeferred() {
    // The clock jumps a day ahead while a wake-up for a tier slot is still scheduled a day out on
    // the scheduler, as after a suspended machine or a simulated day.
    Duration[] offset = {Duration.ZERO};
    java.time.Clock jumping =
        new java.time.Clock() {
          @Override
          public Instant instant() {
            return time.instant().plus(offset[0]);
          }

          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
          }
        };
    MessageSender sender =
        builder().clock(jumping).throughputPerSecond(1_000).tier(MessagingTier.TIER_50).build();
    for (int i = 0; i < 60; i++) {
      sender.submit(utility(i));
    }
    time.advance(Duration.ofSeconds(1));
    assertThat(transport.calls()).hasSize(50); // ten wait a day for a slot

    offset[0] = Duration.ofHours(24).plusMinutes(1);
    List<CompletableFuture<SendOutcome>> late = new ArrayList<>();
    SubmitOptions deadline =
        SubmitOptions.defaults().withDeadline(jumping.instant().plusSeconds(1));
    for (int i = 100; i < 160; i++) {
      late.add(sender.submit(utility(i), deadline));
    }
    time.advance(Duration.ofSeconds(2));

    // The ten waiting and 40 new went at once; the other 20 new ended deferred at their deadline.
    assertThat(transport.calls()).hasSize(100);
    assertThat(late).allSatisfy(f -> assertThat(f).isDone());
    assertThat(late.stream().filter(f -> f.join() instanceof SendOutcome.Deferred)).hasSize(20);
  }

  @Test
  void updateTier_higherTier_sendsDeferredUsersAtOnce() {
    MessageSender sender =
        builder().throughputPerSecond(1_000).tier(MessagingTier.TIER_250).build();
    for (int i = 0; i < 300; i++) {
      sender.submit(utility(i));
    }
    time.advance(Duration.ofSeconds(1));
    assertThat(transport.calls()).hasSize(250);

    sender.updateTier(MessagingTier.TIER_2K);
    time.advance(Duration.ofSeconds(1));

    assertThat(transport.calls()).hasSize(300);
  }

  @Test
  void updateFrom_phoneNumberRead_appliesItsTierAndThroughput() {
    MessageSender sender =
        builder()
            .throughputPerSecond(80)
            .throughputHeadroom(0)
            .tier(MessagingTier.TIER_250)
            .build();

    sender.updateFrom(phoneNumber(Optional.of(MessagingTier.TIER_2K), Optional.of("HIGH")));

    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_2K);
    for (int i = 0; i < 1_500; i++) {
      sender.submit(utility(i));
    }
    time.advance(Duration.ofMillis(999));
    // 1,000 per second now, and 2,000 users a day: 1,000 went in the first second.
    assertThat(transport.calls()).hasSize(1_000);
  }

  @Test
  void updateFrom_readWithoutLimits_changesNothing() {
    MessageSender sender =
        builder()
            .throughputPerSecond(80)
            .throughputHeadroom(0)
            .tier(MessagingTier.TIER_250)
            .build();

    sender.updateFrom(phoneNumber(Optional.of(MessagingTier.TIER_NOT_SET), Optional.empty()));

    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_250);
    for (int i = 0; i < 200; i++) {
      sender.submit(utility(i));
    }
    time.advance(Duration.ofMillis(999));
    assertThat(transport.calls()).hasSize(80);
  }

  static dev.wasdk.client.PhoneNumber phoneNumber(
      Optional<MessagingTier> limit, Optional<String> throughputLevel) {
    return new dev.wasdk.client.PhoneNumber(
        "106540352242922",
        Optional.empty(),
        Optional.empty(),
        dev.wasdk.client.QualityRating.GREEN,
        limit,
        throughputLevel,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "{}");
  }

  @Test
  void submit_twoSendersOnePortfolio_shareOneTierWindow() {
    LimiterStore store = LimiterStore.inMemory();
    MessageSender a =
        builder().store(store).portfolioId("biz-1").tier(MessagingTier.TIER_250).build();
    MessageSender b =
        MessageSender.builder("222222222222222", transport)
            .clock(time)
            .scheduler(time)
            .store(store)
            .portfolioId("biz-1")
            .tier(MessagingTier.TIER_250)
            .build();
    for (int i = 0; i < 200; i++) {
      a.submit(utility(i));
      b.submit(utility(1_000 + i));
    }
    time.advance(Duration.ofSeconds(10));

    assertThat(transport.calls()).hasSize(250);
    assertThat(a.stats().tierUsed()).hasValue(250);
  }

  // --- service window
  // -----------------------------------------------------------------------------

  @Test
  void submit_freeFormOutsideWindow_refusedBeforeTheNetworkSuggestingATemplate() {
    MessageSender sender = builder().build();
    CompletableFuture<SendOutcome> f = sender.submit(text(1, "Hi"));
    time.advance(Duration.ofMillis(1));

    SendOutcome.Rejected r = (SendOutcome.Rejected) outcome(f);
    assertThat(r.reason()).isEqualTo(RejectReason.WINDOW_CLOSED);
    assertThat(r.detail()).contains("template");
    assertThat(transport.calls()).isEmpty();
  }

  @Test
  void submit_freeFormWithin24HoursOfInbound_sentAndRefusedExactlyAt24Hours() {
    MessageSender sender = builder().build();
    sender.onInbound("16505550001", T0);
    time.advance(Duration.ofHours(24).minusMillis(1));
    CompletableFuture<SendOutcome> inside = sender.submit(text(1, "Hi"));
    time.advance(Duration.ofMillis(1));
    CompletableFuture<SendOutcome> atEnd = sender.submit(text(1, "Hi again"));

    assertThat(outcome(inside)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(((SendOutcome.Rejected) outcome(atEnd)).reason())
        .isEqualTo(RejectReason.WINDOW_CLOSED);
  }

  @Test
  void answer_131047_marksWindowClosedAndRejects() {
    transport.answering(m -> apiError(131047));
    MessageSender sender = builder().build();
    sender.onInbound(phone(1), T0);
    CompletableFuture<SendOutcome> f = sender.submit(text(1, "Hi"));

    assertThat(((SendOutcome.Rejected) outcome(f)).reason()).isEqualTo(RejectReason.WINDOW_CLOSED);
    assertThat(sender.serviceWindows().isOpen(phone(1), T0)).isFalse();
  }

  // --- consent
  // ------------------------------------------------------------------------------------

  @Test
  void submit_marketingWithoutOptIn_rejectedNoConsent() {
    MessageSender sender = builder().build();
    CompletableFuture<SendOutcome> f = sender.submit(template(1, TemplateCategory.MARKETING));

    assertThat(((SendOutcome.Rejected) outcome(f)).reason()).isEqualTo(RejectReason.NO_CONSENT);
    assertThat(transport.calls()).isEmpty();
  }

  @Test
  void submit_marketingAfterOptIn_sentUntilStopKeyword() {
    MessageSender sender = builder().build();
    sender.consent().optIn(phone(1), TemplateCategory.MARKETING, "web-form", T0);
    CompletableFuture<SendOutcome> before = sender.submit(template(1, TemplateCategory.MARKETING));
    assertThat(sender.onInboundText("16505550001", " stop ", T0.plusSeconds(1))).isTrue();
    CompletableFuture<SendOutcome> after = sender.submit(template(1, TemplateCategory.MARKETING));
    CompletableFuture<SendOutcome> utility = sender.submit(utility(1));
    time.advance(Duration.ofSeconds(1));

    assertThat(outcome(before)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(((SendOutcome.Rejected) outcome(after)).reason()).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(outcome(utility)).isInstanceOf(SendOutcome.Sent.class);
  }

  @Test
  void onMarketingPreference_stopThenResume_marketingAllowedAgain() {
    MessageSender sender = builder().build();
    sender.consent().optIn(phone(1), TemplateCategory.MARKETING, "app", T0);
    sender.onMarketingPreference("16505550001", true, T0.plusSeconds(1));
    CompletableFuture<SendOutcome> stopped = sender.submit(template(1, TemplateCategory.MARKETING));
    sender.onMarketingPreference("16505550001", false, T0.plusSeconds(2));
    CompletableFuture<SendOutcome> resumed = sender.submit(template(1, TemplateCategory.MARKETING));
    time.advance(Duration.ofSeconds(1));

    assertThat(((SendOutcome.Rejected) outcome(stopped)).reason())
        .isEqualTo(RejectReason.OPTED_OUT);
    assertThat(outcome(resumed)).isInstanceOf(SendOutcome.Sent.class);
  }

  @Test
  void answer_131050_optsTheUserOutForLaterMarketing() {
    transport.answering(m -> apiError(131050));
    MessageSender sender = builder().build();
    sender.consent().optIn(phone(1), TemplateCategory.MARKETING, "app", T0);
    CompletableFuture<SendOutcome> f = sender.submit(template(1, TemplateCategory.MARKETING));

    assertThat(((SendOutcome.Rejected) outcome(f)).reason()).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(sender.consent().export(phone(1)).get().optOuts())
        .extracting(ConsentRegistry.OptOut::source)
        .containsExactly(ConsentRegistry.OptOutSource.FAILED_131050);
  }

  @Test
  void submit_marketingFrequencyCap_rejectsBeyondTheCap() {
    MessageSender sender = builder().marketingFrequencyCap(2, Duration.ofDays(7)).build();
    sender.consent().optIn(phone(1), TemplateCategory.MARKETING, "app", T0);
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      futures.add(sender.submit(template(1, TemplateCategory.MARKETING)));
    }
    time.advance(Duration.ofSeconds(1));

    assertThat(futures.stream().map(f -> outcome(f).status()))
        .containsExactly(
            SendOutcome.Status.SENT, SendOutcome.Status.SENT, SendOutcome.Status.REJECTED);
    assertThat(((SendOutcome.Rejected) outcome(futures.get(2))).reason())
        .isEqualTo(RejectReason.FREQUENCY_CAPPED);
  }

  @Test
  void onStatusFailed_131049_holdsMarketing24HoursAndGivesTheSlotBack() {
    MessageSender sender = builder().tier(MessagingTier.TIER_250).build();
    sender.consent().optIn(phone(1), TemplateCategory.MARKETING, "app", T0);
    CompletableFuture<SendOutcome> f = sender.submit(template(1, TemplateCategory.MARKETING));
    String wamid = ((SendOutcome.Sent) outcome(f)).result().wamid();
    assertThat(sender.stats().tierUsed()).hasValue(1);

    sender.onStatusFailed(wamid, "16505550001", 131049, T0);

    assertThat(sender.stats().tierUsed()).hasValue(0);
    CompletableFuture<SendOutcome> held = sender.submit(template(1, TemplateCategory.MARKETING));
    assertThat(((SendOutcome.Rejected) outcome(held)).reason())
        .isEqualTo(RejectReason.FREQUENCY_CAPPED);
    time.advance(Duration.ofHours(24));
    assertThat(outcome(sender.submit(template(1, TemplateCategory.MARKETING))))
        .isInstanceOf(SendOutcome.Sent.class);
  }

  @Test
  void exportAndErase_user_returnsThenRemovesEverything() {
    MessageSender sender = builder().build();
    sender.onInbound("16505550001", T0);
    sender.consent().optIn("+1 650 555 0001", TemplateCategory.MARKETING, "app", T0);

    UserData data = sender.exportUser("+16505550001");
    assertThat(data.user()).isEqualTo("16505550001");
    assertThat(data.lastInbound()).contains(T0);
    assertThat(data.consent().get().optIns()).hasSize(1);

    sender.eraseUser("16505550001");
    UserData erased = sender.exportUser("+16505550001");
    assertThat(erased.lastInbound()).isEmpty();
    assertThat(erased.consent()).isEmpty();
  }

  // --- queue, order, priority, close
  // --------------------------------------------------------------

  @Test
  void submit_queueFullWithRejectPolicy_rejectsAtOnce() {
    transport.pending();
    MessageSender sender = builder().maxInFlight(1).maxQueued(2).build();
    sender.submit(utility(1));
    sender.submit(utility(2));
    sender.submit(utility(3));
    CompletableFuture<SendOutcome> fourth = sender.submit(utility(4));

    assertThat(((SendOutcome.Rejected) outcome(fourth)).reason())
        .isEqualTo(RejectReason.QUEUE_FULL);
    assertThat(sender.stats().queued()).isEqualTo(2);
  }

  @Test
  void submit_queueFullWithBlockPolicy_waitsForRoom() throws Exception {
    transport.pending();
    MessageSender sender =
        builder()
            .maxInFlight(1)
            .maxQueued(1)
            .queueFullPolicy(QueueFullPolicy.block(Duration.ofSeconds(30)))
            .build();
    sender.submit(utility(1));
    sender.submit(utility(2));
    CompletableFuture<CompletableFuture<SendOutcome>> third = new CompletableFuture<>();
    Thread producer = new Thread(() -> third.complete(sender.submit(utility(3))));
    producer.start();
    while (producer.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    assertThat(third).isNotDone();

    transport.calls().get(0).future().complete(ScriptedTransport.ok("w1"));
    time.advance(Duration.ofSeconds(1));

    CompletableFuture<SendOutcome> f = third.get(10, TimeUnit.SECONDS);
    assertThat(f).isNotDone(); // queued, not rejected
    assertThat(sender.stats().queued()).isEqualTo(1);
  }

  @Test
  void submit_severalToOneUser_keepsTheirOrderWhateverThePriority() {
    MessageSender sender = builder().throughputPerSecond(1_000).build();
    sender.onInbound(phone(1), T0);
    sender.submit(text(1, "first"));
    sender.submit(template(1, TemplateCategory.AUTHENTICATION));
    sender.submit(text(1, "third"));
    time.advance(Duration.ofSeconds(1));

    assertThat(transport.calls())
        .extracting(c -> c.message().getClass().getSimpleName())
        .containsExactly("TextMessage", "TemplateMessage", "TextMessage");
    assertThat(((dev.wasdk.message.TextMessage) transport.calls().get(2).message()).body())
        .isEqualTo("third");
  }

  @Test
  void submit_mixedCategories_authenticationThenUtilityThenMarketing() {
    transport.pending();
    MessageSender sender = builder().maxInFlight(1).requireMarketingOptIn(false).build();
    sender.submit(utility(0)); // occupies the only slot
    sender.submit(template(1, TemplateCategory.MARKETING));
    sender.submit(template(2, TemplateCategory.UTILITY));
    sender.submit(template(3, TemplateCategory.AUTHENTICATION));
    sender.submit(
        template(4, TemplateCategory.MARKETING),
        SubmitOptions.defaults().withPriority(Priority.HIGH));

    for (int i = 0; i < 4; i++) {
      time.advance(Duration.ofSeconds(1));
      transport.calls().get(i).future().complete(ScriptedTransport.ok("w" + i));
    }
    time.advance(Duration.ofSeconds(1));

    assertThat(transport.calls())
        .extracting(ScriptedTransport.Call::to)
        .containsExactly(phone(0), phone(3), phone(4), phone(2), phone(1));
  }

  @Test
  void close_withQueuedMessages_returnsTheUnsentAndCancelsThem() {
    transport.pending();
    MessageSender sender = builder().maxInFlight(1).build();
    CompletableFuture<SendOutcome> inFlight = sender.submit(utility(1));
    CompletableFuture<SendOutcome> second = sender.submit(utility(2));
    CompletableFuture<SendOutcome> third = sender.submit(utility(3));

    List<Message> unsent = sender.close(Duration.ZERO);

    assertThat(unsent).extracting(m -> m.recipient().value()).containsExactly(phone(2), phone(3));
    assertThat(outcome(second)).isInstanceOf(SendOutcome.Cancelled.class);
    assertThat(outcome(third)).isInstanceOf(SendOutcome.Cancelled.class);
    assertThat(inFlight).isNotDone();
    transport.calls().get(0).future().complete(ScriptedTransport.ok("w1"));
    assertThat(outcome(inFlight)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(outcome(sender.submit(utility(4)))).isInstanceOf(SendOutcome.Cancelled.class);
    assertThat(transport.calls()).hasSize(1);
  }

  @Test
  void submit_deadlinePassesWhileDeferred_endsDeferred() {
    MessageSender sender = builder().tier(MessagingTier.TIER_250).build();
    for (int i = 0; i < 250; i++) {
      sender.submit(utility(i));
    }
    CompletableFuture<SendOutcome> late =
        sender.submit(utility(999), SubmitOptions.defaults().withDeadline(T0.plusSeconds(60)));
    time.advance(Duration.ofSeconds(59));
    assertThat(late).isNotDone();
    time.advance(Duration.ofSeconds(1));

    SendOutcome.Deferred d = (SendOutcome.Deferred) outcome(late);
    assertThat(d.waitingFor()).contains("messaging-limit");
    assertThat(sender.stats().deferred()).isEqualTo(1);
  }

  @Test
  void cancel_beforeSending_withdrawsTheMessage() {
    transport.pending();
    MessageSender sender = builder().maxInFlight(1).build();
    sender.submit(utility(1));
    CompletableFuture<SendOutcome> second = sender.submit(utility(2));
    second.cancel(false);
    transport.calls().get(0).future().complete(ScriptedTransport.ok("w1"));
    time.advance(Duration.ofSeconds(1));

    assertThat(transport.calls()).hasSize(1);
    assertThat(sender.stats().cancelled()).isEqualTo(1);
    assertThat(sender.stats().queued()).isZero();
  }

  // --- transport failures
  // -------------------------------------------------------------------------

  @Test
  void answer_maybeSent_endsUnknownAndIsNeverResent() {
    transport.answering(
        m -> new RequestMaybeSentException("timed out", TransportFailure.values()[0], null));
    MessageSender sender = builder().build();
    CompletableFuture<SendOutcome> f = sender.submit(utility(1));
    time.advance(Duration.ofMinutes(1));

    assertThat(outcome(f)).isInstanceOf(SendOutcome.Unknown.class);
    assertThat(transport.calls()).hasSize(1);
    assertThat(sender.stats().unknown()).isEqualTo(1);
  }

  @Test
  void answer_notSentUntilAttemptsRunOut_rejectsAttemptsExhausted() {
    transport.answering(
        m -> new RequestNotSentException("refused", TransportFailure.values()[0], null));
    MessageSender sender = builder().maxAttempts(3).build();
    CompletableFuture<SendOutcome> f = sender.submit(utility(1));
    time.advance(Duration.ofSeconds(1));

    assertThat(((SendOutcome.Rejected) outcome(f)).reason())
        .isEqualTo(RejectReason.ATTEMPTS_EXHAUSTED);
    assertThat(transport.calls()).hasSize(3);
  }

  @Test
  void answer_serverError_rejectedAndNotResent() {
    transport.answering(m -> ApiException.of(ApiError.builder(131000, 500).build()));
    MessageSender sender = builder().build();
    CompletableFuture<SendOutcome> f = sender.submit(utility(1));
    time.advance(Duration.ofSeconds(5));

    assertThat(((SendOutcome.Rejected) outcome(f)).reason()).isEqualTo(RejectReason.SERVER_ERROR);
    assertThat(transport.calls()).hasSize(1);
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  /** Returns the most sends in any half-open window [t, t + window) starting at a send. */
  static int maxInAnyWindow(List<Instant> times, Duration window) {
    int max = 0;
    int j = 0;
    for (int i = 0; i < times.size(); i++) {
      while (j < times.size() && times.get(j).isBefore(times.get(i).plus(window))) {
        j++;
      }
      max = Math.max(max, j - i);
    }
    return max;
  }
}
