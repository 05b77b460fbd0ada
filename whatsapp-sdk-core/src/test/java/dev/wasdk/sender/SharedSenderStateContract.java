package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Senders over a shared backend, as app instances and restarts see it: an opt-out recorded by one
 * sender is refused by a new sender after a restart; an inbound message on instance A opens the
 * window for instance B; an opt-out on A stops marketing on B at B's next check, and an opt-in on A
 * after B cached the opt-out reaches B within {@link ConsentRegistry#DEFAULT_OPT_OUT_CACHE_TTL}.
 *
 * <p>Each backend's test opens instances over its own keys or database. The senders use the default
 * store executor, so the webhook-side writes are asynchronous: a test waits for the write to land
 * (read back through the sender that made it) before it checks the other instance.
 */
public abstract class SharedSenderStateContract {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";
  static final String USER = "+16505550001";
  static final Duration WAIT = Duration.ofSeconds(20);

  /** The stores of one app instance, over the backend the test class shares. */
  public record Instance(
      ConsentStore consent,
      ServiceWindowStore windows,
      RecipientIdStore recipientIds,
      AutoCloseable closer) {}

  /** Opens a new instance (its own connection) over the same backend as the others. */
  protected abstract Instance open();

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);
  final byte[] key = ("pseudonym-key-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
  private final List<MessageSender> senders = new ArrayList<>();
  private final List<AutoCloseable> closers = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (MessageSender s : senders) {
      s.close(Duration.ZERO);
    }
    for (AutoCloseable c : closers) {
      c.close();
    }
  }

  Instance instance() {
    Instance i = open();
    closers.add(i.closer());
    return i;
  }

  MessageSender sender(Instance stores) {
    MessageSender s =
        MessageSender.builder(PHONE_ID, transport)
            .clock(time)
            .scheduler(time)
            .tier(MessagingTier.TIER_UNLIMITED)
            .throughputPerSecond(1_000)
            .pseudonymKey(key)
            .consentStore(stores.consent())
            .serviceWindowStore(stores.windows())
            .recipientIdStore(stores.recipientIds())
            // The stores here are healthy: a budget in real time as short as the default could
            // turn a loaded machine's slow answer into a refusal, which is not what is tested.
            .storeCallBudget(WAIT)
            .build();
    senders.add(s);
    return s;
  }

  static Message marketing() {
    return Message.to(USER)
        .template("spring_sale", "en_US")
        .category(TemplateCategory.MARKETING)
        .build();
  }

  static Message reply() {
    return Message.to(USER).text("Your order shipped");
  }

  SendOutcome send(MessageSender sender, Message m) throws Exception {
    CompletableFuture<SendOutcome> f = sender.submit(m);
    time.advance(Duration.ofSeconds(1));
    return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  static RejectReason reason(SendOutcome o) {
    assertThat(o).isInstanceOf(SendOutcome.Rejected.class);
    return ((SendOutcome.Rejected) o).reason();
  }

  /** Polls a condition until it holds, failing after a generous real-time limit. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  static boolean optedOut(MessageSender s) {
    List<ConsentRecord> h = s.consent().history(USER);
    return !h.isEmpty() && h.get(h.size() - 1).kind() == ConsentRecord.Kind.OPT_OUT;
  }

  static boolean optedIn(MessageSender s) {
    List<ConsentRecord> h = s.consent().history(USER);
    return !h.isEmpty() && h.get(h.size() - 1).kind() == ConsentRecord.Kind.OPT_IN;
  }

  @Test
  void optOut_recordedOnOneSender_refusedAfterARestartOnANewSender() throws Exception {
    Instance before = open();
    MessageSender first = sender(before);
    first.consent().optIn(USER, TemplateCategory.MARKETING, "signup", T0);
    assertThat(send(first, marketing())).isInstanceOf(SendOutcome.Sent.class);
    assertThat(first.onInboundText(USER, "STOP", time.instant(), "wamid.IN1")).isTrue();
    await("the opt-out is in the store", () -> optedOut(first));
    first.close(Duration.ZERO);
    before.closer().close();

    MessageSender restarted = sender(instance());

    assertThat(reason(send(restarted, marketing()))).isEqualTo(RejectReason.OPTED_OUT);
    List<ConsentRecord> history = restarted.consent().history(USER);
    assertThat(history).hasSize(2);
    assertThat(history.get(1).source()).isEqualTo(ConsentSource.KEYWORD);
    assertThat(history.get(1).evidence()).contains("wamid.IN1");
  }

  @Test
  void window_openedByAnInboundOnInstanceA_letsInstanceBReplyFreeForm() throws Exception {
    MessageSender a = sender(instance());
    MessageSender b = sender(instance());
    assertThat(reason(send(b, reply()))).isEqualTo(RejectReason.WINDOW_CLOSED);

    a.onInbound(USER, time.instant());
    // B has seen no inbound itself, so what it reads is the store's (A answers from its own
    // memory).
    await("the window is in the store", () -> b.serviceWindows().lastInbound(USER).isPresent());

    assertThat(send(b, reply())).isInstanceOf(SendOutcome.Sent.class);
    assertThat(transport.calls()).hasSize(1);
  }

  @Test
  void window_openedBeforeARestart_stillOpenOnANewSender() throws Exception {
    Instance before = open();
    MessageSender first = sender(before);
    MessageSender probe = sender(instance());
    first.onInbound(USER, time.instant());
    // The probe has seen no inbound itself, so what it reads is the store's.
    await("the window is in the store", () -> probe.serviceWindows().lastInbound(USER).isPresent());
    first.close(Duration.ZERO);
    before.closer().close();

    MessageSender restarted = sender(instance());

    assertThat(send(restarted, reply())).isInstanceOf(SendOutcome.Sent.class);
  }

  @Test
  void optOut_onInstanceA_stopsMarketingOnInstanceBAtItsNextCheck() throws Exception {
    MessageSender a = sender(instance());
    MessageSender b = sender(instance());
    a.consent().optIn(USER, TemplateCategory.MARKETING, "signup", T0);
    assertThat(send(b, marketing())).isInstanceOf(SendOutcome.Sent.class);

    a.onMarketingPreference(USER, true, time.instant());
    await("the opt-out is in the store", () -> optedOut(a));

    // B cached nothing for an opted-in user: its next check reads the store and refuses.
    assertThat(reason(send(b, marketing()))).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(transport.calls()).hasSize(1);
  }

  @Test
  void optIn_onInstanceA_reachesInstanceBWithinTheOptOutCacheTtl() throws Exception {
    MessageSender a = sender(instance());
    MessageSender b = sender(instance());
    a.consent().optIn(USER, TemplateCategory.MARKETING, "signup", T0);
    a.onMarketingPreference(USER, true, time.instant());
    await("the opt-out is in the store", () -> optedOut(a));
    assertThat(reason(send(b, marketing()))).isEqualTo(RejectReason.OPTED_OUT); // B caches it
    Instant cachedAt = time.instant().minusSeconds(1); // send() advanced a second after the check

    a.onMarketingPreference(USER, false, time.instant());
    await("the resume is in the store", () -> optedIn(a));

    // Within the TTL, B still trusts its cached opt-out; once it runs out, B reads the resume.
    assertThat(reason(send(b, marketing()))).isEqualTo(RejectReason.OPTED_OUT);
    time.advance(
        Duration.between(time.instant(), cachedAt.plus(ConsentRegistry.DEFAULT_OPT_OUT_CACHE_TTL)));
    assertThat(send(b, marketing())).isInstanceOf(SendOutcome.Sent.class);
  }
}
