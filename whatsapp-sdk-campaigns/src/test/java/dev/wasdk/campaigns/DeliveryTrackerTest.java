package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.SendResult;
import dev.wasdk.message.Message;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryTrackerTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static Message campaignMessage(String to, TrackingTag tag) {
    return Message.to("+" + to)
        .bizOpaqueCallbackData(tag.encode())
        .template("spring_sale", "en")
        .build();
  }

  private static SendOutcome sent(Message m, String wamid) {
    return new SendOutcome.Sent(
        m,
        new SendResult(
            wamid,
            m.recipient().value(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()),
        1);
  }

  @Test
  void funnel_countsEachMessageOnce_inAnyStatusOrder() {
    DeliveryTracker tracker = DeliveryTracker.builder().build();
    TrackingTag a0 = TrackingTag.of("sale", "A", 0);
    TrackingTag a1 = TrackingTag.of("sale", "A", 1);
    TrackingTag a2 = TrackingTag.of("sale", "A", 2);
    Message m0 = campaignMessage("16505550100", a0);
    Message m1 = campaignMessage("16505550101", a1);
    Message m2 = campaignMessage("16505550102", a2);
    for (Message m : List.of(m0, m1, m2)) {
      tracker.submitted(m);
    }
    tracker.outcome(sent(m0, "wamid.0"));
    tracker.outcome(sent(m1, "wamid.1"));
    tracker.outcome(
        new SendOutcome.Rejected(m2, RejectReason.NO_CONSENT, "no opt-in", Optional.empty()));

    // m0: read arrives before delivered, and delivered twice
    tracker.accept(Hooks.priced("wamid.0", "sent", "16505550100", a0.encode(), T0, "marketing"));
    tracker.accept(Hooks.status("wamid.0", "read", "16505550100", a0.encode(), T0, null));
    tracker.accept(
        Hooks.priced("wamid.0", "delivered", "16505550100", a0.encode(), T0, "marketing"));
    tracker.accept(Hooks.status("wamid.0", "delivered", "16505550100", a0.encode(), T0, null));
    tracker.accept(Hooks.reply("16505550100", "wamid.0", "yes please", T0));
    tracker.accept(Hooks.reply("16505550100", "wamid.0", "and again", T0));
    // m1: delivered then failed? no: failed with 131026
    tracker.accept(Hooks.failed("wamid.1", "16505550101", a1.encode(), T0, 131026));
    tracker.accept(Hooks.failed("wamid.1", "16505550101", a1.encode(), T0, 131026));

    Funnel f = tracker.funnel("sale", "A");
    assertThat(f.submitted()).isEqualTo(3);
    assertThat(f.refused()).isEqualTo(Map.of(RejectReason.NO_CONSENT, 1L));
    assertThat(f.sent()).isEqualTo(2);
    assertThat(f.delivered()).isEqualTo(1);
    assertThat(f.read()).isEqualTo(1);
    assertThat(f.replied()).isEqualTo(1);
    assertThat(f.failed()).isEqualTo(Map.of(131026, 1L));
    assertThat(f.charged()).isEqualTo(Map.of("marketing", 1L));
    assertThat(f.rate(Metric.READ)).isEqualTo(0.5);
    assertThat(tracker.funnel("sale", "B")).isEqualTo(Funnel.EMPTY);
  }

  @Test
  void failedStatus_hoursLaterAfterRestart_mapsBackWithoutLookupTable() {
    TestClock clock = TestClock.at(T0);
    TrackingTag tag = TrackingTag.of("sale", "B", 4711);
    Message original = campaignMessage("16505554711", tag);

    // the first process sends and is gone
    DeliveryTracker before = DeliveryTracker.builder().build();
    before.submitted(original);
    before.outcome(sent(original, "wamid.4711"));

    clock.advance(Duration.ofHours(5));

    // a new process: nothing remembered, only how to rebuild a campaign message from its tag
    List<DeliveryFailure> failures = new ArrayList<>();
    List<TrackingTag> rebuiltFor = new ArrayList<>();
    DeliveryTracker after =
        DeliveryTracker.builder()
            .originals(
                t -> {
                  rebuiltFor.add(t);
                  return Optional.of(campaignMessage("1650555" + t.index(), t));
                })
            .onFailure(failures::add)
            .build();
    after.accept(Hooks.failed("wamid.4711", "16505554711", tag.encode(), clock.instant(), 131049));

    assertThat(failures).hasSize(1);
    DeliveryFailure f = failures.get(0);
    assertThat(f.tag()).contains(tag);
    assertThat(f.wamid()).isEqualTo("wamid.4711");
    assertThat(f.recipient()).contains("16505554711");
    assertThat(f.errorCode()).isEqualTo(131049);
    assertThat(f.advice()).isEqualTo(FailureAdvice.LATER);
    assertThat(f.original()).contains(original);
    assertThat(f.at()).isEqualTo(T0.plus(Duration.ofHours(5)));
    assertThat(rebuiltFor).containsExactly(tag);
    assertThat(f.toString()).doesNotContain("16505554711").contains("131049");
    assertThat(after.funnel("sale", "B").failed()).isEqualTo(Map.of(131049, 1L));
  }

  @Test
  void ordinarySend_untagged_failureCarriesOriginalMessage() {
    List<DeliveryFailure> failures = new ArrayList<>();
    DeliveryTracker tracker = DeliveryTracker.builder().onFailure(failures::add).build();
    Message receipt = Message.to("+16505550199").text("Your order shipped");
    tracker.submitted(receipt);
    tracker.outcome(sent(receipt, "wamid.r1"));
    tracker.accept(Hooks.failed("wamid.r1", "16505550199", null, T0, 131026));

    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.tag()).isEmpty();
              assertThat(f.original()).contains(receipt);
              assertThat(f.advice()).isEqualTo(FailureAdvice.NOT_REACHABLE);
            });
  }

  @Test
  void foreignCallbackData_isNotCounted() {
    List<DeliveryFailure> failures = new ArrayList<>();
    DeliveryTracker tracker = DeliveryTracker.builder().onFailure(failures::add).build();
    tracker.accept(Hooks.failed("wamid.x", "16505550199", "order-77", T0, 131049));
    assertThat(tracker.funnels("order-77")).isEmpty();
    assertThat(failures).singleElement().satisfies(f -> assertThat(f.tag()).isEmpty());
  }

  @Test
  void reply_toForgottenMessage_usesWamidLookup() {
    TrackingTag tag = TrackingTag.of("sale", "A", 9);
    List<String> replied = new ArrayList<>();
    DeliveryTracker tracker =
        DeliveryTracker.builder()
            .wamidLookup(w -> w.equals("wamid.9") ? Optional.of(tag) : Optional.empty())
            .listener(
                new TrackingListener() {
                  @Override
                  public void onReply(
                      TrackingTag t, String wamid, dev.wasdk.webhooks.event.MessageReceived r) {
                    replied.add(t.variant() + ":" + t.index() + ":" + wamid);
                  }
                })
            .build();
    tracker.accept(Hooks.reply("16505550109", "wamid.9", "STOP? no, tell me more", T0));
    tracker.accept(Hooks.reply("16505550109", "wamid.unknown", "hi", T0));
    assertThat(replied).containsExactly("A:9:wamid.9");
    assertThat(tracker.funnel("sale", "A").replied()).isEqualTo(1);
  }
}
