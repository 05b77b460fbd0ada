package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Consent and service windows in stores shared by senders: what one instance learns holds on the
 * next one and after a restart; consent is a history with sources and evidence; only opt-outs are
 * cached, for a bounded time.
 */
class SenderSharedStateTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";
  static final String USER = "+16505550001";

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);

  MessageSender.Builder builder() {
    return MessageSender.builder(PHONE_ID, transport)
        .clock(time)
        .scheduler(time)
        .tier(MessagingTier.TIER_UNLIMITED)
        .throughputPerSecond(1_000);
  }

  static Message marketing() {
    return Message.to(USER)
        .template("spring_sale", "en_US")
        .category(TemplateCategory.MARKETING)
        .build();
  }

  SendOutcome send(MessageSender sender, Message m) {
    CompletableFuture<SendOutcome> f = sender.submit(m);
    time.advance(Duration.ofSeconds(1));
    assertThat(f).isDone();
    return f.join();
  }

  static RejectReason reason(SendOutcome o) {
    return ((SendOutcome.Rejected) o).reason();
  }

  @Test
  void optOut_recordedOnOneSender_refusedByANewSenderOverTheSameStore() {
    ConsentStore store = ConsentStore.inMemory();
    MessageSender first = builder().consentStore(store).build();
    first.consent().optIn(USER, TemplateCategory.MARKETING, "signup", T0);
    assertThat(send(first, marketing())).isInstanceOf(SendOutcome.Sent.class);
    assertThat(first.onInboundText(USER, "stop", T0.plusSeconds(5), "wamid.IN1")).isTrue();
    first.close(Duration.ZERO);

    MessageSender restarted = builder().consentStore(store).build();

    assertThat(reason(send(restarted, marketing()))).isEqualTo(RejectReason.OPTED_OUT);
  }

  @Test
  void optOut_onInstanceA_stopsMarketingOnInstanceBAtItsNextCheck() {
    ConsentStore store = ConsentStore.inMemory();
    MessageSender a = builder().consentStore(store).build();
    MessageSender b = builder().consentStore(store).build();
    a.consent().optIn(USER, TemplateCategory.MARKETING, "signup", T0);
    assertThat(send(b, marketing())).isInstanceOf(SendOutcome.Sent.class);

    a.onMarketingPreference(USER, true, time.instant());

    assertThat(reason(send(b, marketing()))).isEqualTo(RejectReason.OPTED_OUT);
  }

  @Test
  void window_openedByAnInboundOnInstanceA_letsInstanceBReplyFreeForm() {
    ServiceWindowStore store = ServiceWindowStore.inMemory();
    MessageSender a = builder().serviceWindowStore(store).build();
    MessageSender b = builder().serviceWindowStore(store).build();
    Message reply = Message.to(USER).text("Your order shipped");
    assertThat(reason(send(b, reply))).isEqualTo(RejectReason.WINDOW_CLOSED);

    a.onInbound(USER, time.instant());

    assertThat(send(b, reply)).isInstanceOf(SendOutcome.Sent.class);
  }

  @Test
  void history_keepsEveryRecordWithSourceTimeAndEvidence_andEraseRemovesIt() {
    MessageSender sender = builder().build();
    sender.consent().optIn(USER, TemplateCategory.MARKETING, "signup", T0);
    sender.onInboundText(USER, " Stop ", T0.plusSeconds(10), "wamid.IN1");
    sender.onMarketingPreference(USER, false, T0.plusSeconds(20));

    List<ConsentRecord> h = sender.consent().history(USER);
    assertThat(h)
        .extracting(ConsentRecord::kind, ConsentRecord::source, ConsentRecord::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ConsentRecord.Kind.OPT_IN, ConsentSource.API, T0),
            org.assertj.core.groups.Tuple.tuple(
                ConsentRecord.Kind.OPT_OUT, ConsentSource.KEYWORD, T0.plusSeconds(10)),
            org.assertj.core.groups.Tuple.tuple(
                ConsentRecord.Kind.OPT_IN, ConsentSource.USER_PREFERENCES, T0.plusSeconds(20)));
    assertThat(h.get(1).evidence()).contains("wamid.IN1");
    // A resume lifts only WhatsApp's own stops: the keyword opt-out still holds.
    assertThat(reason(send(sender, marketing()))).isEqualTo(RejectReason.OPTED_OUT);

    sender.eraseUser(USER);
    assertThat(sender.consent().history(USER)).isEmpty();
    assertThat(sender.exportUser(USER).consent()).isEmpty();
  }

  @Test
  void eraseUser_withQueuedMessages_cancelsThemAndForgetsTheWindow() {
    transport.pending();
    MessageSender sender = builder().build();
    sender.onInbound(USER, T0);
    CompletableFuture<SendOutcome> first = sender.submit(Message.to(USER).text("one"));
    CompletableFuture<SendOutcome> second = sender.submit(Message.to(USER).text("two"));
    time.advance(Duration.ofSeconds(1));

    sender.eraseUser(USER);

    assertThat(first).isNotDone(); // in flight: not stopped
    assertThat(second.getNow(null)).isInstanceOf(SendOutcome.Cancelled.class);
    assertThat(sender.serviceWindows().lastInbound(USER)).isEmpty();
  }

  @Test
  void check_optOutCachedForItsTtl_thenReadAgain_andOptInsNeverCached() {
    CountingConsentStore store = new CountingConsentStore();
    // Store calls on the calling thread, so that the writes are done when the feeds return.
    MessageSender sender = builder().consentStore(store).storeExecutor(Runnable::run).build();
    sender.consent().optIn(USER, TemplateCategory.MARKETING, "signup", T0);

    send(sender, marketing());
    send(sender, marketing());
    assertThat(store.reads).hasValue(2); // an opt-in is read every time

    sender.onInboundText(USER, "STOP", time.instant());
    int before = store.reads.get();
    assertThat(reason(send(sender, marketing()))).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(store.reads).hasValue(before); // the opt-out seen here: no round trip

    time.advance(ConsentRegistry.DEFAULT_OPT_OUT_CACHE_TTL);
    assertThat(reason(send(sender, marketing()))).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(store.reads).hasValue(before + 1);
  }

  @Test
  void build_registryAndStoreBoth_refused() {
    assertThatThrownBy(
            () ->
                builder()
                    .consent(ConsentRegistry.create())
                    .consentStore(ConsentStore.inMemory())
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("consentStore");
  }

  /** An in-memory consent store that counts its reads. */
  static final class CountingConsentStore implements ConsentStore {
    final ConsentStore delegate = ConsentStore.inMemory();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public void append(String key, ConsentRecord record) {
      delegate.append(key, record);
    }

    @Override
    public List<ConsentRecord> history(String key) {
      reads.incrementAndGet();
      return delegate.history(key);
    }

    @Override
    public boolean erase(String key) {
      return delegate.erase(key);
    }
  }
}
