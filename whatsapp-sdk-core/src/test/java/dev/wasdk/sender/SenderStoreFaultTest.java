package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.Throughput;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender on a limiter store that stalls or throws, with its real scheduler and store executor:
 * callers never wait for the store, and every message still ends in exactly one outcome. The
 * assertions wait on latches and futures, never on time.
 */
class SenderStoreFaultTest {
  static final String PHONE_ID = "106540352242922";
  static final Duration GENEROUS = Duration.ofSeconds(30);

  final ScriptedTransport transport = new ScriptedTransport(Clock.systemUTC());
  final List<MessageSender> senders = new ArrayList<>();
  StallingStore stalling;

  @AfterEach
  void stop() {
    if (stalling != null) {
      stalling.release.countDown();
    }
    senders.forEach(s -> s.close(Duration.ZERO));
  }

  MessageSender sender(LimiterStore store) {
    MessageSender s =
        MessageSender.builder(PHONE_ID, transport)
            .store(store)
            .tier(MessagingTier.TIER_250)
            .throughputPerSecond(1_000)
            .build();
    senders.add(s);
    return s;
  }

  static Message utility(int user) {
    return Message.to(String.format("+1650555%04d", user))
        .template("order_update", "en_US")
        .category(TemplateCategory.UTILITY)
        .build();
  }

  @Test
  void submitAndWebhookFeeds_storeStalls_returnBeforeAnyStoreCallReturns() throws Exception {
    stalling = new StallingStore(GENEROUS);
    MessageSender sender = sender(stalling);
    CompletableFuture<SendOutcome> first = sender.submit(utility(1));
    SendOutcome.Sent sent = (SendOutcome.Sent) first.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);

    stalling.stall = true;
    CompletableFuture<SendOutcome> second = sender.submit(utility(2));
    assertThat(stalling.entered.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
    // The sender's thread is now inside a stalled store call.
    CompletableFuture<SendOutcome> third = sender.submit(utility(3));
    Instant now = Instant.now();
    sender.onStatusFailed(sent.result().wamid(), "+16505550001", 131056, now);
    sender.onInbound("+16505550004", now);
    sender.onInboundText("+16505550005", "STOP", now);
    sender.onMarketingPreference("+16505550006", true, now);
    sender.updateTier(MessagingTier.TIER_2K);
    sender.updateThroughput(Throughput.STANDARD);
    assertThat(stalling.returned).hasValue(0);

    for (CompletableFuture<SendOutcome> f : List.of(second, third)) {
      SendOutcome.Rejected r = (SendOutcome.Rejected) f.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
      assertThat(r.reason()).isEqualTo(RejectReason.STORE_UNAVAILABLE);
      assertThat(r.detail()).contains("StallingStore");
    }
    assertThat(transport.calls()).hasSize(1);
  }

  @Test
  void submit_storeSleepsOneSecondThenThrows_everyMessageEndsOnceRejectedNamingTheStore()
      throws Exception {
    stalling = new StallingStore(Duration.ofSeconds(1));
    stalling.stall = true;
    MessageSender sender = sender(stalling);
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(sender.submit(utility(i)));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .get(GENEROUS.toSeconds(), TimeUnit.SECONDS);

    assertThat(futures)
        .allSatisfy(
            f -> {
              SendOutcome.Rejected r = (SendOutcome.Rejected) f.join();
              assertThat(r.reason()).isEqualTo(RejectReason.STORE_UNAVAILABLE);
              assertThat(r.detail()).contains("StallingStore").contains("not sent");
            });
    SenderStats stats = sender.stats();
    assertThat(stats.rejected()).containsEntry(RejectReason.STORE_UNAVAILABLE, 20L);
    assertThat(stats.queued()).isZero();
    assertThat(transport.calls()).isEmpty();
  }

  @Test
  void submit_storeThrowsIllegalState_everyMessageEndsOnceRejectedNamingTheStore()
      throws Exception {
    MessageSender sender = sender(new ThrowingStore());
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      futures.add(sender.submit(utility(i)));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .get(GENEROUS.toSeconds(), TimeUnit.SECONDS);

    assertThat(futures)
        .allSatisfy(
            f -> {
              SendOutcome.Rejected r = (SendOutcome.Rejected) f.join();
              assertThat(r.reason()).isEqualTo(RejectReason.STORE_UNAVAILABLE);
              assertThat(r.detail()).contains("ThrowingStore");
            });
    assertThat(sender.stats().rejectedTotal()).isEqualTo(20);
    assertThat(transport.calls()).isEmpty();
  }

  @Test
  void close_storeStalls_completesEveryFuture() throws Exception {
    stalling = new StallingStore(GENEROUS);
    stalling.stall = true;
    MessageSender sender = sender(stalling);
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      futures.add(sender.submit(utility(i)));
    }
    assertThat(stalling.entered.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

    sender.close(Duration.ZERO);

    assertThat(futures).allSatisfy(f -> assertThat(f).isDone());
    assertThat(stalling.returned).hasValue(0);
    SenderStats s = sender.stats();
    assertThat(s.cancelled() + s.rejectedTotal()).isEqualTo(10);
  }

  @Test
  void close_storeStallsAndThreadInterrupted_completesEveryFuture() throws Exception {
    stalling = new StallingStore(GENEROUS);
    stalling.stall = true;
    MessageSender sender = sender(stalling);
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      futures.add(sender.submit(utility(i)));
    }
    assertThat(stalling.entered.await(GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();

    boolean interrupted;
    Thread.currentThread().interrupt();
    try {
      sender.close(Duration.ofMinutes(5));
    } finally {
      interrupted = Thread.interrupted();
    }

    assertThat(interrupted).isTrue();
    assertThat(futures).allSatisfy(f -> assertThat(f).isDone());
  }

  /**
   * Answers from memory until {@link #stall} is set; then every call waits up to its stall time (or
   * until released) and throws, as a store whose backend times out does.
   */
  static final class StallingStore implements LimiterStore {
    final InMemoryLimiterStore healthy = new InMemoryLimiterStore();
    final Duration stallFor;
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger returned = new AtomicInteger();
    volatile boolean stall;

    StallingStore(Duration stallFor) {
      this.stallFor = stallFor;
    }

    private <T> T call(Supplier<T> ok) {
      if (!stall) {
        return ok.get();
      }
      entered.countDown();
      try {
        release.await(stallFor.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      returned.incrementAndGet();
      throw new LimiterUnavailableException("the backend timed out");
    }

    @Override
    public TakeResult tryTake(String key, BucketSpec spec, long tokens, Instant now) {
      return call(() -> healthy.tryTake(key, spec, tokens, now));
    }

    @Override
    public AdmitResult admit(String key, String member, long limit, Duration window, Instant now) {
      return call(() -> healthy.admit(key, member, limit, window, now));
    }

    @Override
    public boolean release(String key, String member, Instant admittedAt) {
      return call(() -> healthy.release(key, member, admittedAt));
    }

    @Override
    public long windowSize(String key, Duration window, Instant now) {
      return call(() -> healthy.windowSize(key, window, now));
    }

    @Override
    public String toString() {
      return "StallingStore";
    }
  }

  /** Throws {@link IllegalStateException} from every call, as a broken client library might. */
  static final class ThrowingStore implements LimiterStore {
    @Override
    public TakeResult tryTake(String key, BucketSpec spec, long tokens, Instant now) {
      throw new IllegalStateException("connection pool closed");
    }

    @Override
    public AdmitResult admit(String key, String member, long limit, Duration window, Instant now) {
      throw new IllegalStateException("connection pool closed");
    }

    @Override
    public boolean release(String key, String member, Instant admittedAt) {
      throw new IllegalStateException("connection pool closed");
    }

    @Override
    public long windowSize(String key, Duration window, Instant now) {
      throw new IllegalStateException("connection pool closed");
    }

    @Override
    public String toString() {
      return "ThrowingStore";
    }
  }
}
