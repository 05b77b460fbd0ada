package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.sender.LimiterStore.AdmitResult;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterStore.TakeResult;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Checks the in-memory store against plain reference models: a token bucket that counts tokens as
 * exact fractions, and a window that is a map of member to admission time.
 */
class InMemoryLimiterStorePropertyTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Long[] PERIODS_MICROS = {1L, 7L, 1_000L, 333_333L, 1_000_000L, 6_000_000L};

  /** One call: advance the clock (or wait exactly the last retryAfter), maybe change the spec. */
  record Step(long advanceMicros, boolean waitRetryAfter, BucketSpec spec, long tokens) {}

  @Property(tries = 500)
  void tryTake_anySequence_matchesExactReferenceModel(@ForAll("scenarios") List<Step> steps) {
    // never sweeps: a caller whose clock is behind may tell a forgotten bucket from a full one
    checkAgainstModel(new InMemoryLimiterStore(0), steps, true);
  }

  @Property(tries = 300)
  void tryTake_forgettingFullBucketsOnEveryCall_changesNothing(
      @ForAll("scenarios") List<Step> steps) {
    checkAgainstModel(new InMemoryLimiterStore(1), steps, false);
  }

  private static void checkAgainstModel(
      InMemoryLimiterStore store, List<Step> steps, boolean clockMayGoBack) {
    ReferenceBucket model = new ReferenceBucket();
    long now = 0;
    Duration lastRetry = Duration.ZERO;
    for (Step step : steps) {
      long advance = clockMayGoBack ? step.advanceMicros() : Math.abs(step.advanceMicros());
      now += step.waitRetryAfter() ? lastRetry.toNanos() / 1_000 : advance;
      long tokens = Math.min(step.tokens(), step.spec().capacity());
      Instant instant = T0.plusNanos(now * 1_000);

      TakeResult actual = store.tryTake("k", step.spec(), tokens, instant);
      TakeResult expected = model.take(step.spec(), tokens, now);

      assertThat(actual).as("at %d µs with %s", now, step).isEqualTo(expected);
      if (!actual.taken()) {
        lastRetry = actual.retryAfter();
      }
    }
  }

  @Property(tries = 300)
  void admit_anySequence_matchesReferenceWindow(
      @ForAll("windowSteps") List<long[]> steps, @ForAll("limits") long limit) {
    InMemoryLimiterStore store = new InMemoryLimiterStore();
    Map<String, Long> model = new HashMap<>();
    long window = 1_000;
    long now = 0;
    for (long[] step : steps) {
      now += step[0];
      String member = "m" + step[1];
      long t = now;
      model.values().removeIf(at -> at <= t - window);
      Instant instant = T0.plusNanos(now * 1_000);
      if (step[2] == 0) {
        AdmitResult r = store.admit("w", member, limit, Duration.ofNanos(window * 1_000), instant);
        Long at = model.get(member);
        if (at != null) {
          model.put(member, Math.max(at, t));
          assertThat(r).isEqualTo(new AdmitResult(true, true, model.size(), Duration.ZERO));
        } else if (model.size() < limit) {
          model.put(member, t);
          assertThat(r).isEqualTo(new AdmitResult(true, false, model.size(), Duration.ZERO));
        } else {
          long oldest = model.values().stream().mapToLong(Long::longValue).min().orElseThrow();
          assertThat(r)
              .isEqualTo(
                  new AdmitResult(
                      false, false, model.size(), Duration.ofNanos((oldest + window - t) * 1_000)));
        }
      } else if (step[2] == 1 && model.containsKey(member)) {
        Instant admittedAt = T0.plusNanos(model.remove(member) * 1_000);
        assertThat(store.release("w", member, admittedAt)).isTrue();
      } else {
        // no admission at that time: the slot, if any, stays
        long at = model.getOrDefault(member, -1L) - 1;
        assertThat(store.release("w", member, T0.plusNanos(at * 1_000))).isFalse();
      }
      assertThat(store.windowSize("w", Duration.ofNanos(window * 1_000), instant))
          .isEqualTo(model.size());
    }
  }

  @Provide
  Arbitrary<List<Step>> scenarios() {
    Arbitrary<BucketSpec> specs =
        Combinators.combine(
                Arbitraries.longs().between(1, 100),
                Arbitraries.longs().between(1, 100),
                Arbitraries.of(PERIODS_MICROS))
            .as((c, r, p) -> new BucketSpec(c, r, Duration.ofNanos(p * 1_000)));
    return specs.flatMap(
        first -> {
          Arbitrary<BucketSpec> spec =
              Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(first)), Tuple.of(1, specs));
          Arbitrary<Long> advance =
              Arbitraries.frequencyOf(
                  Tuple.of(3, Arbitraries.just(0L)),
                  Tuple.of(4, Arbitraries.longs().between(1, 1_000)),
                  Tuple.of(2, Arbitraries.longs().between(1_000, 10_000_000)),
                  Tuple.of(1, Arbitraries.longs().between(-5_000, -1)));
          return Combinators.combine(
                  advance,
                  Arbitraries.of(true, false, false),
                  spec,
                  Arbitraries.longs().between(1, 100))
              .as(Step::new)
              .list()
              .ofMinSize(1)
              .ofMaxSize(60);
        });
  }

  @Provide
  Arbitrary<List<long[]>> windowSteps() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 400),
            Arbitraries.longs().between(0, 8),
            Arbitraries.of(0L, 0L, 0L, 0L, 1L, 2L))
        .as((advance, member, kind) -> new long[] {advance, member, kind})
        .list()
        .ofMinSize(1)
        .ofMaxSize(80);
  }

  @Provide
  Arbitrary<Long> limits() {
    return Arbitraries.longs().between(1, 6);
  }

  /**
   * A token bucket counting tokens as exact fractions. The past refills at the spec in force then;
   * on a change of period, tokens are rounded down to the new unit, as the SPI documents. Its state
   * changes only when tokens are taken or the spec changes; a caller whose clock is behind sees it
   * as of its last change.
   */
  private static final class ReferenceBucket {
    private BigInteger num; // tokens = num / den
    private BigInteger den = BigInteger.ONE;
    private long last;
    private BucketSpec spec;

    TakeResult take(BucketSpec next, long tokens, long now) {
      if (spec == null) {
        spec = next;
        num = big(next.capacity());
        den = BigInteger.ONE;
        last = now;
      }
      long eff = Math.max(last, now);
      // tokens + elapsed × refillTokens / period, at most the capacity
      BigInteger addDen = big(spec.refillPeriodMicros());
      BigInteger n =
          num.multiply(addDen)
              .add(big(eff - last).multiply(big(spec.refillTokens())).multiply(den));
      BigInteger d = den.multiply(addDen);
      if (n.compareTo(big(spec.capacity()).multiply(d)) >= 0) {
        // full: the same as a bucket never seen, so full under the new spec too
        n = big(next.capacity());
        d = BigInteger.ONE;
      } else if (next.refillPeriodMicros() != spec.refillPeriodMicros()) {
        BigInteger unit = big(next.refillPeriodMicros());
        n = n.multiply(unit).divide(d); // floor to whole units of the new period
        d = unit;
      }
      if (n.compareTo(big(next.capacity()).multiply(d)) > 0) {
        n = big(next.capacity());
        d = BigInteger.ONE;
      }
      BigInteger want = big(tokens).multiply(d);
      boolean changed = !next.equals(spec);
      if (n.compareTo(want) >= 0) {
        commit(n.subtract(want), d, eff, next);
        return new TakeResult(true, n.subtract(want).divide(d).longValueExact(), Duration.ZERO);
      }
      if (changed) {
        commit(n, d, eff, next);
      }
      // (eff - now) + missing tokens / (refillTokens / period), in microseconds rounded up
      BigInteger missingNum = want.subtract(n).multiply(big(next.refillPeriodMicros()));
      BigInteger missingDen = d.multiply(big(next.refillTokens()));
      BigInteger[] qr = missingNum.divideAndRemainder(missingDen);
      long wait = (eff - now) + qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
      return new TakeResult(
          false, n.divide(d).longValueExact(), Duration.ofNanos(Math.multiplyExact(wait, 1_000L)));
    }

    private void commit(BigInteger n, BigInteger d, long at, BucketSpec s) {
      num = n;
      den = d;
      last = at;
      spec = s;
    }

    private static BigInteger big(long v) {
      return BigInteger.valueOf(v);
    }
  }
}
