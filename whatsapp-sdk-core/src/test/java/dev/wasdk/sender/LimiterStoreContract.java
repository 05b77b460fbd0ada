package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.sender.LimiterStore.AdmitResult;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterStore.TakeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link LimiterStore} must have. A store's test extends this class and
 * implements {@link #store()}; every test here then runs against that store.
 *
 * <p>Time is passed in, never read from a clock, so each expectation is exact to the microsecond.
 * Keys come from {@link #newKey(String)}, so the tests may share one store, and one backend.
 */
public abstract class LimiterStoreContract {
  /** The start of every test's timeline. */
  protected static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  /** The pair rate: 45 tokens, one more every 6 seconds. */
  protected static final BucketSpec PAIR = new BucketSpec(45, 1, Duration.ofSeconds(6));

  /** The default throughput: 80 a second. */
  protected static final BucketSpec TP80 = BucketSpec.perSecond(80);

  /** The messaging-limit window. */
  protected static final Duration DAY = Duration.ofHours(24);

  /**
   * Returns the store under test: the same instance for every call within one test method.
   *
   * @return the store
   */
  protected abstract LimiterStore store();

  /**
   * Returns a key no other test uses.
   *
   * @param kind a readable prefix
   * @return the key
   */
  protected String newKey(String kind) {
    return kind + ":" + UUID.randomUUID();
  }

  /** Returns {@link #T0} plus {@code millis}. */
  protected static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  // ---- token bucket ---------------------------------------------------------------------------

  @Test
  void tryTake_firstUse_startsFull() {
    TakeResult r = store().tryTake(newKey("b"), PAIR, 1, T0);

    assertThat(r).isEqualTo(new TakeResult(true, 44, Duration.ZERO));
  }

  @Test
  void tryTake_wholeCapacityAtOnce_leavesNothing() {
    String key = newKey("b");

    assertThat(store().tryTake(key, PAIR, 45, T0))
        .isEqualTo(new TakeResult(true, 0, Duration.ZERO));
    assertThat(store().tryTake(key, PAIR, 1, T0))
        .isEqualTo(new TakeResult(false, 0, Duration.ofSeconds(6)));
  }

  @Test
  void tryTake_takenToEmpty_refusesWithExactRetryAfter() {
    String key = newKey("b");
    for (int i = 44; i >= 0; i--) {
      assertThat(store().tryTake(key, PAIR, 1, T0))
          .isEqualTo(new TakeResult(true, i, Duration.ZERO));
    }

    TakeResult refused = store().tryTake(key, PAIR, 1, T0);
    TakeResult refusedTwo = store().tryTake(key, PAIR, 2, T0);

    assertThat(refused).isEqualTo(new TakeResult(false, 0, Duration.ofSeconds(6)));
    assertThat(refusedTwo).isEqualTo(new TakeResult(false, 0, Duration.ofSeconds(12)));
  }

  // ---- refund ---------------------------------------------------------------------------------

  @Test
  void refund_afterTakingAll_givesBackExactlyThoseTokens() {
    String key = newKey("b");
    store().tryTake(key, PAIR, 45, T0);

    assertThat(store().refund(key, PAIR, 2, T0)).isTrue();

    assertThat(store().tryTake(key, PAIR, 2, T0)).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
    assertThat(store().tryTake(key, PAIR, 1, T0))
        .isEqualTo(new TakeResult(false, 0, Duration.ofSeconds(6)));
  }

  @Test
  void refund_neverFillsPastTheCapacity() {
    String key = newKey("b");
    store().tryTake(key, PAIR, 1, T0);

    assertThat(store().refund(key, PAIR, 45, T0)).isTrue();

    assertThat(store().tryTake(key, PAIR, 45, T0))
        .isEqualTo(new TakeResult(true, 0, Duration.ZERO));
    assertThat(store().tryTake(key, PAIR, 1, T0).taken()).isFalse();
  }

  @Test
  void refund_addsToWhatRefilledSinceTheTake() {
    String key = newKey("b");
    store().tryTake(key, PAIR, 45, T0);
    Instant later = T0.plus(Duration.ofSeconds(6)); // one token refilled

    assertThat(store().refund(key, PAIR, 1, later)).isTrue();

    assertThat(store().tryTake(key, PAIR, 2, later))
        .isEqualTo(new TakeResult(true, 0, Duration.ZERO));
    assertThat(store().tryTake(key, PAIR, 1, later).taken()).isFalse();
  }

  @Test
  void refund_unknownBucket_givesNothingAndLeavesItFull() {
    String key = newKey("b");

    assertThat(store().refund(key, PAIR, 1, T0)).isFalse();

    assertThat(store().tryTake(key, PAIR, 45, T0))
        .isEqualTo(new TakeResult(true, 0, Duration.ZERO));
  }

  @Test
  void refund_otherKey_isUntouched() {
    String key = newKey("b");
    String other = newKey("b");
    store().tryTake(key, PAIR, 45, T0);
    store().tryTake(other, PAIR, 45, T0);

    store().refund(key, PAIR, 1, T0);

    assertThat(store().tryTake(other, PAIR, 1, T0).taken()).isFalse();
  }

  @Test
  void refund_tokensOutsideOneToCapacity_refused() {
    String key = newKey("b");
    store().tryTake(key, PAIR, 1, T0);

    assertThatThrownBy(() -> store().refund(key, PAIR, 0, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().refund(key, PAIR, 46, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tryTake_oneMicrosecondEarly_refusesThenSucceedsOnTime() {
    String key = newKey("tp");
    store().tryTake(key, TP80, 80, T0);

    // one token every 12.5 ms at 80 a second
    TakeResult early = store().tryTake(key, TP80, 1, T0.plusNanos(12_499_000));
    TakeResult onTime = store().tryTake(key, TP80, 1, T0.plusNanos(12_500_000));

    assertThat(early).isEqualTo(new TakeResult(false, 0, Duration.ofNanos(1_000)));
    assertThat(onTime).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
  }

  @Test
  void tryTake_retryAfterOfEmptyBucket_isExactToTheMillisecond() {
    String key = newKey("tp");
    store().tryTake(key, TP80, 80, T0);

    TakeResult r = store().tryTake(key, TP80, 8, at(40));

    // 40 ms refilled 3.2 tokens; 4.8 more take 60 ms
    assertThat(r).isEqualTo(new TakeResult(false, 3, Duration.ofMillis(60)));
    assertThat(store().tryTake(key, TP80, 8, at(100)).taken()).isTrue();
  }

  @Test
  void tryTake_partialRefill_allowsWholeTokensOnly() {
    String key = newKey("pair");
    store().tryTake(key, PAIR, 45, T0);

    // 13 s refilled 2⅙ tokens
    TakeResult three = store().tryTake(key, PAIR, 3, at(13_000));
    TakeResult two = store().tryTake(key, PAIR, 2, at(13_000));
    TakeResult one = store().tryTake(key, PAIR, 1, at(13_000));

    assertThat(three).isEqualTo(new TakeResult(false, 2, Duration.ofSeconds(5)));
    assertThat(two).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
    assertThat(one).isEqualTo(new TakeResult(false, 0, Duration.ofSeconds(5)));
    assertThat(store().tryTake(key, PAIR, 1, at(18_000)).taken()).isTrue();
  }

  @Test
  void tryTake_refilledPastCapacity_holdsOnlyCapacity() {
    String key = newKey("pair");
    store().tryTake(key, PAIR, 45, T0);

    TakeResult r = store().tryTake(key, PAIR, 1, at(3_600_000));

    assertThat(r).isEqualTo(new TakeResult(true, 44, Duration.ZERO));
  }

  @Test
  void tryTake_rateNotDividingTheSecond_neverDrifts() {
    String key = newKey("b");
    BucketSpec threePerSecond = BucketSpec.perSecond(3);
    store().tryTake(key, threePerSecond, 3, T0);

    Instant now = T0;
    for (int i = 0; i < 300; i++) {
      TakeResult refused = store().tryTake(key, threePerSecond, 1, now);
      assertThat(refused.taken()).isFalse();
      now = now.plus(refused.retryAfter());
      assertThat(store().tryTake(key, threePerSecond, 1, now).taken()).isTrue();
    }

    // token k comes at k/3 s, rounded up to the microsecond: the 300th at exactly 100 s
    assertThat(now).isEqualTo(T0.plusSeconds(100));
  }

  @Test
  void tryTake_rateLowered_pastRefillsAtOldRateThenNewRateApplies() {
    String key = newKey("b");
    BucketSpec fast = new BucketSpec(10, 10, Duration.ofSeconds(1));
    BucketSpec slow = new BucketSpec(10, 2, Duration.ofSeconds(1));
    store().tryTake(key, fast, 10, T0);

    TakeResult five = store().tryTake(key, slow, 5, at(500));
    TakeResult next = store().tryTake(key, slow, 1, at(500));

    assertThat(five).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
    assertThat(next).isEqualTo(new TakeResult(false, 0, Duration.ofMillis(500)));
    assertThat(store().tryTake(key, slow, 1, at(1_000)).taken()).isTrue();
  }

  @Test
  void tryTake_rateRaised_appliesFromNowOn() {
    String key = newKey("b");
    BucketSpec slow = new BucketSpec(10, 1, Duration.ofSeconds(1));
    BucketSpec fast = new BucketSpec(10, 10, Duration.ofSeconds(1));
    store().tryTake(key, slow, 10, T0);

    TakeResult one = store().tryTake(key, fast, 1, at(1_000));
    TakeResult two = store().tryTake(key, fast, 1, at(1_000));

    assertThat(one).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
    assertThat(two).isEqualTo(new TakeResult(false, 0, Duration.ofMillis(100)));
  }

  @Test
  void tryTake_refusedAfterRateChange_keepsPastRefillAtOldRate() {
    String key = newKey("b");
    BucketSpec fast = new BucketSpec(10, 10, Duration.ofSeconds(1));
    BucketSpec slow = new BucketSpec(10, 1, Duration.ofSeconds(1));
    store().tryTake(key, fast, 10, T0);

    TakeResult refused = store().tryTake(key, slow, 6, at(500));
    TakeResult later = store().tryTake(key, slow, 6, at(1_500));

    // 5 tokens by 500 ms at the old rate, then 1 more by 1,500 ms at the new one
    assertThat(refused).isEqualTo(new TakeResult(false, 5, Duration.ofSeconds(1)));
    assertThat(later).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
  }

  @Test
  void tryTake_periodChangedAtSameRate_keepsFractionalTokens() {
    String key = newKey("b");
    BucketSpec perSecond = new BucketSpec(10, 1, Duration.ofSeconds(1));
    BucketSpec perSixSeconds = new BucketSpec(10, 6, Duration.ofSeconds(6));
    store().tryTake(key, perSecond, 10, T0);

    TakeResult two = store().tryTake(key, perSixSeconds, 2, at(2_500));
    TakeResult one = store().tryTake(key, perSixSeconds, 1, at(2_500));

    assertThat(two).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
    assertThat(one).isEqualTo(new TakeResult(false, 0, Duration.ofMillis(500)));
  }

  @Test
  void tryTake_capacityLowered_clampsTokens() {
    String key = newKey("b");
    store().tryTake(key, PAIR, 1, T0);

    TakeResult r = store().tryTake(key, new BucketSpec(10, 1, Duration.ofSeconds(6)), 1, T0);

    assertThat(r).isEqualTo(new TakeResult(true, 9, Duration.ZERO));
  }

  @Test
  void tryTake_capacityRaised_addsNoTokens() {
    String key = newKey("b");
    store().tryTake(key, new BucketSpec(10, 1, Duration.ofSeconds(1)), 1, T0);

    TakeResult r = store().tryTake(key, new BucketSpec(20, 1, Duration.ofSeconds(1)), 1, T0);

    assertThat(r).isEqualTo(new TakeResult(true, 8, Duration.ZERO));
  }

  @Test
  void tryTake_capacityRaisedOnFullBucket_isFullAtNewCapacity() {
    String key = newKey("b");
    store().tryTake(key, new BucketSpec(10, 1, Duration.ofSeconds(1)), 10, T0);

    // full again at 10 s, so it is the same as a bucket never seen
    TakeResult r =
        store().tryTake(key, new BucketSpec(20, 1, Duration.ofSeconds(1)), 20, at(10_000));

    assertThat(r).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
  }

  @Test
  void tryTake_moreTokensThanCapacity_throws() {
    String key = newKey("b");

    assertThatThrownBy(() -> store().tryTake(key, PAIR, 46, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("45");
    assertThatThrownBy(() -> store().tryTake(key, PAIR, 0, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store().tryTake(key, PAIR, 45, T0).taken()).isTrue();
  }

  @Test
  void tryTake_callerClockBehindBucket_seesBucketAsOfItsLastChange() {
    String key = newKey("pair");
    store().tryTake(key, PAIR, 45, at(10_000));

    TakeResult behind = store().tryTake(key, PAIR, 1, T0);
    TakeResult onTime = store().tryTake(key, PAIR, 1, at(16_000));

    // the token comes 6 s after the bucket's last change, which is 10 s after this caller's now
    assertThat(behind).isEqualTo(new TakeResult(false, 0, Duration.ofSeconds(16)));
    assertThat(onTime).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
  }

  @Test
  void tryTake_callerClockBehindBucket_takesWhatTheBucketHeld() {
    String key = newKey("pair");
    store().tryTake(key, PAIR, 40, at(10_000));

    TakeResult behind = store().tryTake(key, PAIR, 5, T0);

    assertThat(behind).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
    assertThat(store().tryTake(key, PAIR, 1, at(15_999)).taken()).isFalse();
    assertThat(store().tryTake(key, PAIR, 1, at(16_000)).taken()).isTrue();
  }

  @Test
  void tryTake_idleForCenturies_isFullWithoutOverflow() {
    String key = newKey("tp");
    BucketSpec big = BucketSpec.perSecond(1_000);
    store().tryTake(key, big, 1_000, T0);

    TakeResult r = store().tryTake(key, big, 1_000, T0.plus(Duration.ofDays(365L * 200)));

    assertThat(r).isEqualTo(new TakeResult(true, 0, Duration.ZERO));
  }

  @Test
  void tryTake_differentKeys_areIndependent() {
    String a = newKey("b");
    String b = newKey("b");
    store().tryTake(a, PAIR, 45, T0);

    assertThat(store().tryTake(a, PAIR, 1, T0).taken()).isFalse();
    assertThat(store().tryTake(b, PAIR, 1, T0)).isEqualTo(new TakeResult(true, 44, Duration.ZERO));
  }

  @Test
  void tryTake_concurrentTakesFromManyThreads_neverOverAdmit() throws Exception {
    String key = newKey("tp");
    BucketSpec spec = BucketSpec.perSecond(100);

    List<Integer> taken =
        runConcurrently(
            8,
            () -> {
              int ok = 0;
              for (int i = 0; i < 40; i++) {
                if (store().tryTake(key, spec, 1, T0).taken()) {
                  ok++;
                }
              }
              return ok;
            });

    assertThat(taken.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    assertThat(store().tryTake(key, spec, 1, T0))
        .isEqualTo(new TakeResult(false, 0, Duration.ofMillis(10)));
  }

  // ---- rolling unique-member window -----------------------------------------------------------

  @Test
  void admit_underLimit_countsEachNewMember() {
    String key = newKey("tier");

    assertThat(store().admit(key, "a", 3, DAY, T0))
        .isEqualTo(new AdmitResult(true, false, 1, Duration.ZERO));
    assertThat(store().admit(key, "b", 3, DAY, at(1)))
        .isEqualTo(new AdmitResult(true, false, 2, Duration.ZERO));
    assertThat(store().admit(key, "c", 3, DAY, at(2)))
        .isEqualTo(new AdmitResult(true, false, 3, Duration.ZERO));
    assertThat(store().windowSize(key, DAY, at(2))).isEqualTo(3);
  }

  @Test
  void admit_atLimit_refusesWithTimeUntilOldestSlotFrees() {
    String key = newKey("tier");
    store().admit(key, "a", 3, DAY, T0);
    store().admit(key, "b", 3, DAY, T0.plus(Duration.ofHours(1)));
    store().admit(key, "c", 3, DAY, T0.plus(Duration.ofHours(2)));

    AdmitResult refused = store().admit(key, "d", 3, DAY, T0.plus(Duration.ofHours(3)));
    AdmitResult stillRefused = store().admit(key, "d", 3, DAY, T0.plus(DAY).minusNanos(1_000));
    AdmitResult admitted = store().admit(key, "d", 3, DAY, T0.plus(DAY));

    assertThat(refused).isEqualTo(new AdmitResult(false, false, 3, Duration.ofHours(21)));
    assertThat(stillRefused).isEqualTo(new AdmitResult(false, false, 3, Duration.ofNanos(1_000)));
    assertThat(admitted).isEqualTo(new AdmitResult(true, false, 3, Duration.ZERO));
  }

  @Test
  void admit_memberAlreadyCounted_isFreeEvenAtLimit() {
    String key = newKey("tier");
    store().admit(key, "a", 2, DAY, T0);
    store().admit(key, "b", 2, DAY, at(1_000));

    AdmitResult again = store().admit(key, "a", 2, DAY, at(2_000));

    assertThat(again).isEqualTo(new AdmitResult(true, true, 2, Duration.ZERO));
    assertThat(store().windowSize(key, DAY, at(2_000))).isEqualTo(2);
  }

  @Test
  void admit_memberReached_staysCountedForAWindowAfterTheLatestSend() {
    String key = newKey("tier");
    store().admit(key, "a", 2, DAY, T0);
    store().admit(key, "b", 2, DAY, T0.plus(Duration.ofHours(1)));
    store().admit(key, "a", 2, DAY, T0.plus(Duration.ofHours(23)));

    Instant now = T0.plus(DAY).plusMillis(1);
    AdmitResult refused = store().admit(key, "c", 2, DAY, now);

    // "a" now counts from hour 23, so "b" (hour 1) holds the oldest slot
    assertThat(refused)
        .isEqualTo(new AdmitResult(false, false, 2, Duration.ofHours(1).minusMillis(1)));
    assertThat(store().admit(key, "c", 2, DAY, T0.plus(Duration.ofHours(25))))
        .isEqualTo(new AdmitResult(true, false, 2, Duration.ZERO));
  }

  @Test
  void admit_atWindowEnd_memberHasExpired() {
    String key = newKey("tier");
    store().admit(key, "a", 5, DAY, T0);

    assertThat(store().windowSize(key, DAY, T0.plus(DAY).minusNanos(1_000))).isEqualTo(1);
    assertThat(store().windowSize(key, DAY, T0.plus(DAY))).isZero();
    assertThat(store().admit(key, "a", 5, DAY, T0.plus(DAY)))
        .isEqualTo(new AdmitResult(true, false, 1, Duration.ZERO));
  }

  @Test
  void admit_limitLowered_refusesUntilUnderNewLimit() {
    String key = newKey("tier");
    store().admit(key, "a", 3, DAY, T0);
    store().admit(key, "b", 3, DAY, at(1_000));
    store().admit(key, "c", 3, DAY, at(2_000));

    AdmitResult refused = store().admit(key, "d", 2, DAY, at(3_000));

    assertThat(refused).isEqualTo(new AdmitResult(false, false, 3, DAY.minusMillis(3_000)));
    assertThat(store().admit(key, "d", 2, DAY, T0.plus(DAY).plusMillis(1_000)))
        .isEqualTo(new AdmitResult(true, false, 2, Duration.ZERO));
  }

  @Test
  void admit_differentKeys_areIndependent() {
    String a = newKey("tier");
    String b = newKey("tier");
    store().admit(a, "x", 1, DAY, T0);

    assertThat(store().admit(a, "y", 1, DAY, T0).admitted()).isFalse();
    assertThat(store().admit(b, "y", 1, DAY, T0))
        .isEqualTo(new AdmitResult(true, false, 1, Duration.ZERO));
  }

  @Test
  void admit_invalidArguments_throw() {
    String key = newKey("tier");

    assertThatThrownBy(() -> store().admit(key, "a", 0, DAY, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().admit(key, "a", 1, Duration.ZERO, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().admit(key, null, 1, DAY, T0))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void admit_concurrentNewMembers_neverExceedLimit() throws Exception {
    String key = newKey("tier");

    List<Integer> admitted =
        runConcurrently(
            8,
            () -> {
              String thread = UUID.randomUUID().toString();
              int ok = 0;
              for (int i = 0; i < 40; i++) {
                if (store().admit(key, thread + i, 100, DAY, T0).admitted()) {
                  ok++;
                }
              }
              return ok;
            });

    assertThat(admitted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    assertThat(store().windowSize(key, DAY, T0)).isEqualTo(100);
  }

  @Test
  void release_countedAdmission_freesTheSlot() {
    String key = newKey("tier");
    store().admit(key, "a", 1, DAY, T0);

    boolean released = store().release(key, "a", T0);

    assertThat(released).isTrue();
    assertThat(store().windowSize(key, DAY, T0)).isZero();
    assertThat(store().admit(key, "b", 1, DAY, at(1)))
        .isEqualTo(new AdmitResult(true, false, 1, Duration.ZERO));
  }

  @Test
  void release_afterLaterSendRefreshedTheSlot_keepsIt() {
    String key = newKey("tier");
    store().admit(key, "a", 1, DAY, T0);
    store().admit(key, "a", 1, DAY, at(60_000));

    boolean released = store().release(key, "a", T0);

    assertThat(released).isFalse();
    assertThat(store().windowSize(key, DAY, at(60_000))).isEqualTo(1);
    assertThat(store().release(key, "a", at(60_000))).isTrue();
  }

  @Test
  void release_memberWithoutSlot_returnsFalse() {
    String key = newKey("tier");
    store().admit(key, "a", 1, DAY, T0);

    assertThat(store().release(key, "b", T0)).isFalse();
    assertThat(store().release(newKey("tier"), "a", T0)).isFalse();
    assertThat(store().windowSize(key, DAY, T0)).isEqualTo(1);
  }

  @Test
  void eraseUser_bucketsAndWindowMembership_removesTheUserAndKeepsTheCount() {
    String pair = newKey("b");
    String other = newKey("b");
    String tier = newKey("w");
    store().tryTake(pair, PAIR, 45, T0);
    store().tryTake(other, PAIR, 45, T0);
    store().admit(tier, "alice", 2, DAY, T0);
    store().admit(tier, "bob", 2, DAY, at(1));

    assertThat(store().eraseUser(List.of(pair), List.of(tier), "alice")).isTrue();

    // The bucket is gone: it starts full again. Another user's is untouched.
    assertThat(store().tryTake(pair, PAIR, 1, at(2)).remaining()).isEqualTo(44);
    assertThat(store().tryTake(other, PAIR, 1, at(2)).taken()).isFalse();
    // The slot stays counted, but no longer under the user's name: admitting them again takes a
    // new slot, which the limit of 2 refuses, until the erased slot expires.
    assertThat(store().windowSize(tier, DAY, at(2))).isEqualTo(2);
    assertThat(store().admit(tier, "alice", 2, DAY, at(2)).admitted()).isFalse();
    assertThat(store().release(tier, "alice", T0)).isFalse();
    assertThat(store().admit(tier, "alice", 2, DAY, T0.plus(DAY)).admitted()).isTrue();
    assertThat(store().admit(tier, "bob", 2, DAY, T0.plus(DAY)).alreadyCounted()).isTrue();
  }

  @Test
  void eraseUser_nothingHeld_returnsFalse() {
    assertThat(store().eraseUser(List.of(newKey("b")), List.of(newKey("w")), "nobody")).isFalse();
  }

  @Test
  void eraseUser_memberNotInTheWindow_leavesTheWindowAlone() {
    String tier = newKey("w");
    store().admit(tier, "bob", 5, DAY, T0);

    assertThat(store().eraseUser(List.of(), List.of(tier), "alice")).isFalse();

    assertThat(store().windowSize(tier, DAY, at(1))).isEqualTo(1);
    assertThat(store().admit(tier, "bob", 5, DAY, at(1)).alreadyCounted()).isTrue();
  }

  @Test
  void windowSize_unknownKey_isZero() {
    assertThat(store().windowSize(newKey("tier"), DAY, T0)).isZero();
  }

  @Test
  void windowSize_countsOnlyMembersInTheWindow() {
    String key = newKey("tier");
    store().admit(key, "a", 10, DAY, T0);
    store().admit(key, "b", 10, DAY, T0.plus(Duration.ofHours(12)));
    store().admit(key, "c", 10, DAY, T0.plus(Duration.ofHours(20)));

    assertThat(store().windowSize(key, DAY, T0.plus(Duration.ofHours(20)))).isEqualTo(3);
    assertThat(store().windowSize(key, DAY, T0.plus(Duration.ofHours(30)))).isEqualTo(2);
    assertThat(store().windowSize(key, Duration.ofHours(1), T0.plus(Duration.ofHours(20))))
        .isEqualTo(1);
    assertThat(store().windowSize(key, DAY, T0.plus(Duration.ofHours(44)))).isZero();
  }

  /** Runs {@code task} on {@code threads} threads released at once; returns their results. */
  protected static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.call();
                }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
