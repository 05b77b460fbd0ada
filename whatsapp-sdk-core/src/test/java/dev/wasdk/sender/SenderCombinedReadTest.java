package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A marketing template to a user this JVM knows nothing about reads consent and the window in one
 * call of {@link ConsentStore#read}, and neither store on its own.
 */
class SenderCombinedReadTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String USER = "+16505550001";

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);
  final CountingConsent consent = new CountingConsent();
  final CountingWindows windows = new CountingWindows();

  MessageSender sender() {
    return MessageSender.builder("106540352242922", transport)
        .clock(time)
        .scheduler(time)
        .storeExecutor(Runnable::run)
        .tier(MessagingTier.TIER_UNLIMITED)
        .consentStore(consent)
        .serviceWindowStore(windows)
        .build();
  }

  static Message marketing() {
    return Message.to(USER)
        .template("spring_sale", "en_US")
        .category(TemplateCategory.MARKETING)
        .build();
  }

  static Message utility() {
    return Message.to(USER)
        .template("order_update", "en_US")
        .category(TemplateCategory.UTILITY)
        .build();
  }

  SendOutcome send(MessageSender sender, Message m) {
    CompletableFuture<SendOutcome> f = sender.submit(m);
    time.advance(Duration.ofSeconds(1));
    assertThat(f).isDone();
    return f.join();
  }

  @Test
  void submit_marketingToAnUnknownUser_readsConsentAndWindowInOneCall() {
    MessageSender sender = sender();
    sender.consent().optIn(USER, TemplateCategory.MARKETING, "signup", T0);
    consent.reset();

    assertThat(send(sender, marketing())).isInstanceOf(SendOutcome.Sent.class);

    assertThat(consent.reads.get()).isEqualTo(1);
    assertThat(consent.histories.get()).isZero();
    assertThat(windows.lastInbounds.get()).isZero();
  }

  @Test
  void submit_marketingAfterAnOptOutInTheStore_isRefusedFromTheCombinedRead() {
    MessageSender sender = sender();
    String key = sender.consent().keyLocal(USER);
    consent.inner.append(
        key, ConsentRecord.optIn(TemplateCategory.MARKETING, ConsentSource.API, "form", null, T0));
    consent.inner.append(
        key, ConsentRecord.optOut(ConsentSource.KEYWORD, "STOP", "wamid.1", T0.plusSeconds(1)));

    SendOutcome o = send(sender, marketing());

    assertThat(((SendOutcome.Rejected) o).reason()).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(consent.reads.get()).isEqualTo(1);
    assertThat(consent.histories.get()).isZero();
  }

  @Test
  void submit_marketingWithTheWindowOpenInTheStore_seesTheWindowFromTheCombinedRead() {
    MessageSender sender = sender();
    String key = sender.consent().keyLocal(USER);
    consent.inner.append(
        key, ConsentRecord.optIn(TemplateCategory.MARKETING, ConsentSource.API, "form", null, T0));
    windows.inner.recordInbound(key, T0);
    consent.reset();

    assertThat(send(sender, marketing())).isInstanceOf(SendOutcome.Sent.class);
    // A free-form reply then reads the window alone: the combined read is for marketing only.
    assertThat(send(sender, Message.to(USER).text("hello"))).isInstanceOf(SendOutcome.Sent.class);

    assertThat(consent.reads.get()).isEqualTo(1);
    assertThat(windows.lastInbounds.get()).isEqualTo(1);
  }

  @Test
  void submit_utilityTemplate_readsNoConsent() {
    MessageSender sender = sender();

    assertThat(send(sender, utility())).isInstanceOf(SendOutcome.Sent.class);

    assertThat(consent.reads.get()).isZero();
    assertThat(consent.histories.get()).isZero();
    assertThat(windows.lastInbounds.get()).isEqualTo(1);
  }

  @Test
  void submit_marketingWithAnOptOutCached_readsNothing() {
    MessageSender sender = sender();
    sender.onMarketingPreference(USER, true, T0);
    consent.reset();

    SendOutcome o = send(sender, marketing());

    assertThat(((SendOutcome.Rejected) o).reason()).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(consent.reads.get()).isZero();
    assertThat(consent.histories.get()).isZero();
  }

  /** A store outside memory as the sender sees it, counting each kind of read. */
  static final class CountingConsent implements ConsentStore {
    final ConsentStore inner = ConsentStore.inMemory();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger histories = new AtomicInteger();

    void reset() {
      reads.set(0);
      histories.set(0);
    }

    @Override
    public void append(String key, ConsentRecord record) {
      inner.append(key, record);
    }

    @Override
    public List<ConsentRecord> history(String key) {
      histories.incrementAndGet();
      return inner.history(key);
    }

    @Override
    public boolean erase(String key) {
      return inner.erase(key);
    }

    @Override
    public UserState read(String key, ServiceWindowStore windows) {
      reads.incrementAndGet();
      ServiceWindowStore w = windows instanceof CountingWindows c ? c.inner : windows;
      return new UserState(inner.history(key), w.lastInbound(key));
    }
  }

  static final class CountingWindows implements ServiceWindowStore {
    final ServiceWindowStore inner = ServiceWindowStore.inMemory();
    final AtomicInteger lastInbounds = new AtomicInteger();

    @Override
    public void recordInbound(String key, Instant at) {
      inner.recordInbound(key, at);
    }

    @Override
    public Optional<Instant> lastInbound(String key) {
      lastInbounds.incrementAndGet();
      return inner.lastInbound(key);
    }

    @Override
    public void markClosed(String key, Instant seen) {
      inner.markClosed(key, seen);
    }

    @Override
    public boolean erase(String key) {
      return inner.erase(key);
    }
  }
}
