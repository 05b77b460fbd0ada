package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.error.ApiError;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.message.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Call-permission requests are held to Meta's per-pair limits (1 per 24 hours, 2 per 7 days) in the
 * limiter store, on a fake clock: a request over a limit is rejected with the time the next one is
 * allowed; an unsent request gives its slot back; senders sharing a store share the count.
 */
class CallPermissionGateTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";
  static final String USER = "+16505550001";
  static final String OTHER = "+16505550002";

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);

  MessageSender.Builder builder() {
    return MessageSender.builder(PHONE_ID, transport)
        .clock(time)
        .scheduler(time)
        .tier(MessagingTier.TIER_UNLIMITED)
        .throughputPerSecond(1_000)
        .enforceServiceWindow(false); // the users' windows are not what these tests are about
  }

  static Message ask(String user) {
    return Message.to(user).callPermissionRequest("May we call you about your order?");
  }

  SendOutcome send(MessageSender sender, Message m) {
    CompletableFuture<SendOutcome> f = sender.submit(m);
    time.advance(Duration.ofSeconds(1));
    assertThat(f).isDone();
    return f.join();
  }

  static SendOutcome.Rejected rejected(SendOutcome o) {
    assertThat(o).isInstanceOf(SendOutcome.Rejected.class);
    return (SendOutcome.Rejected) o;
  }

  @Test
  void secondRequestWithin24Hours_isRejectedNamingTheLimitAndTheWait_andPassesOnceTheDayIsOver() {
    MessageSender sender = builder().build();
    assertThat(send(sender, ask(USER))).isInstanceOf(SendOutcome.Sent.class);

    time.advance(Duration.ofHours(1));
    SendOutcome.Rejected r = rejected(send(sender, ask(USER)));
    assertThat(r.reason()).isEqualTo(RejectReason.CALL_PERMISSION_REQUEST_LIMIT);
    // Sent at T0, checked at T0 + 1h 1s: the slot frees 24 hours after T0.
    assertThat(r.detail())
        .contains("1 per 24 hours", "138009", Duration.ofHours(23).minusSeconds(1).toString());
    assertThat(r.detail()).doesNotContain("6505550001");
    assertThat(transport.calls()).hasSize(1);

    // Another user and other messages to the same user are not held back.
    assertThat(send(sender, ask(OTHER))).isInstanceOf(SendOutcome.Sent.class);
    assertThat(send(sender, Message.to(USER).text("hello")))
        .isNotInstanceOf(SendOutcome.Rejected.class);

    time.advance(Duration.ofHours(23));
    assertThat(send(sender, ask(USER))).isInstanceOf(SendOutcome.Sent.class);
    sender.close(Duration.ofSeconds(1));
  }

  @Test
  void thirdRequestWithinSevenDays_isRejected_untilTheFirstLeavesTheWeek() {
    MessageSender sender = builder().build();
    assertThat(send(sender, ask(USER))).isInstanceOf(SendOutcome.Sent.class); // T0
    time.advance(Duration.ofDays(1));
    assertThat(send(sender, ask(USER))).isInstanceOf(SendOutcome.Sent.class); // T0 + 1d 1s
    time.advance(Duration.ofDays(2));

    // A request is checked when it is submitted: this one at T0 + 3d 2s.
    SendOutcome.Rejected r = rejected(send(sender, ask(USER)));
    assertThat(r.reason()).isEqualTo(RejectReason.CALL_PERMISSION_REQUEST_LIMIT);
    assertThat(r.detail()).contains("2 per 7 days", Duration.ofDays(4).minusSeconds(2).toString());

    time.advance(Duration.ofDays(4).minusSeconds(4)); // checked at T0 + 7d - 1s: inside the week
    assertThat(rejected(send(sender, ask(USER))).reason())
        .isEqualTo(RejectReason.CALL_PERMISSION_REQUEST_LIMIT);
    time.advance(Duration.ofSeconds(1)); // checked at T0 + 7d 1s: the first request has left
    assertThat(send(sender, ask(USER))).isInstanceOf(SendOutcome.Sent.class);
    assertThat(transport.calls()).hasSize(3);
    sender.close(Duration.ofSeconds(1));
  }

  @Test
  void aRequestMetaRefused_givesItsSlotBack_butOneThatMayHaveReachedMetaKeepsIt() {
    MessageSender sender = builder().build();
    transport.answering(
        m -> ApiException.of(ApiError.builder(100, 400).message("(#100) test").build()));
    assertThat(rejected(send(sender, ask(USER))).reason()).isEqualTo(RejectReason.API_ERROR);

    transport.answering(
        m -> new RequestMaybeSentException("timed out", TransportFailure.values()[0], null));
    assertThat(send(sender, ask(USER))).isInstanceOf(SendOutcome.Unknown.class);

    transport.answering(m -> ScriptedTransport.ok("wamid.x"));
    assertThat(rejected(send(sender, ask(USER))).reason())
        .isEqualTo(RejectReason.CALL_PERMISSION_REQUEST_LIMIT);
    assertThat(transport.calls()).hasSize(2);
    sender.close(Duration.ofSeconds(1));
  }

  @Test
  void sendersSharingAStore_shareTheCount_andANewSenderSeesIt() {
    LimiterStore store = LimiterStore.inMemory();
    MessageSender first = builder().store(store).build();
    assertThat(send(first, ask(USER))).isInstanceOf(SendOutcome.Sent.class);
    first.close(Duration.ofSeconds(1));

    MessageSender second = builder().store(store).build();
    assertThat(rejected(send(second, ask(USER))).reason())
        .isEqualTo(RejectReason.CALL_PERMISSION_REQUEST_LIMIT);

    MessageSender apart = builder().build(); // a store of its own knows nothing
    assertThat(send(apart, ask(USER))).isInstanceOf(SendOutcome.Sent.class);
    second.close(Duration.ofSeconds(1));
    apart.close(Duration.ofSeconds(1));
  }

  @Test
  void metasOwn138009_endsTheRequestWithTheSameReason() {
    MessageSender sender = builder().build();
    transport.answering(
        m ->
            ApiException.of(
                ApiError.builder(138009, 400).message("(#138009) limit reached").build()));
    SendOutcome.Rejected r = rejected(send(sender, ask(USER)));
    assertThat(r.reason()).isEqualTo(RejectReason.CALL_PERMISSION_REQUEST_LIMIT);
    assertThat(r.error()).isPresent();
    assertThat(transport.calls()).hasSize(1);
    sender.close(Duration.ofSeconds(1));
  }
}
