package dev.wasdk.sender;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the pacing sender's limits in this JVM's memory. It is the default {@link LimiterStore},
 * right for one app instance; app instances that must share their limits use the Redis store of
 * {@code whatsapp-sdk-redis}.
 *
 * <pre>{@code
 * LimiterStore store = LimiterStore.inMemory();
 * BucketSpec throughput = BucketSpec.perSecond(80);
 * TakeResult r = store.tryTake("tp:106540352242922", throughput, 1, Instant.now());
 * }</pre>
 *
 * <p><b>Arithmetic.</b> A bucket counts its tokens in units of {@code 1 / refillPeriodMicros} of a
 * token, so one microsecond refills exactly {@code refillTokens} units: refilling, taking and the
 * wait reported are exact integer operations, and no fraction of a token is lost or gained however
 * often the bucket is used. Only a change of the refill period rescales the units, rounding the
 * held tokens down by less than one unit. A bucket that is full when its spec changes is full under
 * the new spec, exactly as a forgotten bucket would be.
 *
 * <p><b>Thread-safety.</b> Instances are thread-safe and meant to be shared. There is no global
 * lock: a bucket's state is an immutable value replaced by compare-and-set, so takes from many
 * threads never block one another, and each window is locked on its own while a call reads or
 * changes it.
 *
 * <p><b>Memory.</b> The store forgets what no longer matters: a bucket that is full again (which
 * behaves exactly as a bucket never seen), and a window whose members have all expired. About one
 * call in {@value #SWEEP_ONE_IN} also examines the next {@value #SWEEP_BATCH} entries of each map,
 * using that call's {@code now}, so the memory held stays proportional to the buckets that are not
 * full and the members admitted in the last window, at a small constant cost per call. Within a
 * window, expired members are dropped whenever the window is used.
 */
public final class InMemoryLimiterStore implements LimiterStore {
  /** About one call in this many advances the sweep. */
  static final int SWEEP_ONE_IN = 64;

  /** How many entries of each map one sweep step examines. */
  static final int SWEEP_BATCH = 128;

  private static final State DEAD = new State(0, 0, 1, 1, 1);

  // Results are immutable: share the common successful ones, as Integer.valueOf shares boxes.
  private static final TakeResult[] TAKEN = new TakeResult[1_024];

  static {
    for (int i = 0; i < TAKEN.length; i++) {
      TAKEN[i] = new TakeResult(true, i, Duration.ZERO);
    }
  }

  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, MemberWindow> windows = new ConcurrentHashMap<>();

  // The sweep cursors are used only by the thread that holds `sweeping`.
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private Iterator<Map.Entry<String, Bucket>> bucketCursor = Collections.emptyIterator();
  private Iterator<Map.Entry<String, MemberWindow>> windowCursor = Collections.emptyIterator();

  private final int sweepOneIn;

  InMemoryLimiterStore() {
    this(SWEEP_ONE_IN);
  }

  /** Creates a store that advances its sweep on one call in {@code sweepOneIn}; 0 never. */
  InMemoryLimiterStore(int sweepOneIn) {
    this.sweepOneIn = sweepOneIn;
  }

  @Override
  public TakeResult tryTake(String key, BucketSpec spec, long tokens, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(now, "now");
    if (tokens < 1 || tokens > spec.capacity()) {
      throw new IllegalArgumentException(
          "tokens must be between 1 and the capacity " + spec.capacity() + ", was " + tokens);
    }
    long t = micros(now);
    maybeSweep(t);
    long period = spec.refillPeriodMicros();
    long capacityUnits = spec.capacity() * period;
    long need = tokens * period;
    while (true) {
      Bucket bucket = buckets.get(key);
      if (bucket == null) {
        long left = capacityUnits - need;
        Bucket created = new Bucket(new State(left, t, spec, period));
        if (buckets.putIfAbsent(key, created) == null) {
          return taken(left / period);
        }
        continue;
      }
      State state = bucket.get();
      if (state == DEAD) {
        buckets.remove(key, bucket);
        continue;
      }
      // A caller whose clock is behind the bucket's sees the bucket as of its last use.
      long last = Math.max(state.lastMicros, t);
      long units = unitsAt(state, last);
      if (units >= state.capacity * state.periodMicros) {
        // A full bucket is the same as one never seen, whatever the new spec: full.
        units = capacityUnits;
      } else if (state.periodMicros != period) {
        units = Math.min(rescale(units, state.periodMicros, period), capacityUnits);
      } else {
        units = Math.min(units, capacityUnits);
      }
      if (units >= need) {
        if (bucket.compareAndSet(state, new State(units - need, last, spec, period))) {
          return taken((units - need) / period);
        }
        continue;
      }
      // Refused: the state only needs writing when the spec changed, so that the time until now
      // stays refilled at the old rate. Otherwise the read above is the linearization point.
      if (!state.sameSpec(spec, period)
          && !bucket.compareAndSet(state, new State(units, last, spec, period))) {
        continue;
      }
      long wait = (last - t) + ceilDiv(need - units, spec.refillTokens());
      return new TakeResult(false, units / period, duration(wait));
    }
  }

  @Override
  public AdmitResult admit(String key, String member, long limit, Duration window, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    long w = windowMicros(window);
    long t = micros(now);
    maybeSweep(t);
    while (true) {
      MemberWindow win = windows.computeIfAbsent(key, k -> new MemberWindow());
      AdmitResult r = win.admit(member, limit, w, t);
      if (r != null) {
        return r;
      }
      windows.remove(key, win); // retired meanwhile: start over with a new one
    }
  }

  @Override
  public boolean refund(String key, BucketSpec spec, long tokens, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(now, "now");
    if (tokens < 1 || tokens > spec.capacity()) {
      throw new IllegalArgumentException(
          "tokens must be between 1 and the capacity " + spec.capacity() + ", was " + tokens);
    }
    long t = micros(now);
    long period = spec.refillPeriodMicros();
    long capacityUnits = spec.capacity() * period;
    while (true) {
      Bucket bucket = buckets.get(key);
      if (bucket == null) {
        return false; // swept while full: nothing to give back
      }
      State state = bucket.get();
      if (state == DEAD) {
        return false;
      }
      long last = Math.max(state.lastMicros, t);
      long units = unitsAt(state, last);
      if (state.periodMicros != period) {
        units = rescale(units, state.periodMicros, period);
      }
      units = Math.min(capacityUnits, units + tokens * period);
      if (bucket.compareAndSet(state, new State(units, last, spec, period))) {
        return true;
      }
    }
  }

  @Override
  public boolean release(String key, String member, Instant admittedAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(admittedAt, "admittedAt");
    MemberWindow win = windows.get(key);
    return win != null && win.release(member, micros(admittedAt));
  }

  @Override
  public long windowSize(String key, Duration window, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(now, "now");
    MemberWindow win = windows.get(key);
    return win == null ? 0 : win.size(windowMicros(window), micros(now));
  }

  @Override
  public boolean eraseUser(
      java.util.Collection<String> bucketKeys,
      java.util.Collection<String> windowKeys,
      String member) {
    Objects.requireNonNull(member, "member");
    boolean any = false;
    for (String key : bucketKeys) {
      Bucket bucket = buckets.get(key);
      State state;
      // Marked DEAD first, as when forgotten: a concurrent take then starts over on a new bucket.
      while (bucket != null && (state = bucket.get()) != DEAD) {
        if (bucket.compareAndSet(state, DEAD)) {
          buckets.remove(key, bucket);
          any = true;
          break;
        }
      }
    }
    for (String key : windowKeys) {
      MemberWindow win = windows.get(key);
      if (win != null && win.anonymize(member)) {
        any = true;
      }
    }
    return any;
  }

  /** Forgets every full bucket and every window with no unexpired member at {@code now}. */
  void forgetIdle(Instant now) {
    long t = micros(now);
    buckets.forEach((key, bucket) -> forgetIfFull(key, bucket, t));
    windows.forEach((key, win) -> forgetIfEmpty(key, win, t));
  }

  /** Returns how many buckets the store holds. */
  int bucketCount() {
    return buckets.size();
  }

  /** Returns how many windows the store holds. */
  int windowCount() {
    return windows.size();
  }

  @Override
  public String toString() {
    return "InMemoryLimiterStore[buckets=" + buckets.size() + ", windows=" + windows.size() + "]";
  }

  private void maybeSweep(long t) {
    if (sweepOneIn == 0
        || (sweepOneIn > 1 && ThreadLocalRandom.current().nextInt(sweepOneIn) != 0)
        || !sweeping.compareAndSet(false, true)) {
      return;
    }
    try {
      boolean restarted = false;
      for (int i = 0; i < SWEEP_BATCH; i++) {
        if (!bucketCursor.hasNext()) {
          if (restarted) {
            break;
          }
          bucketCursor = buckets.entrySet().iterator();
          restarted = true;
          if (!bucketCursor.hasNext()) {
            break;
          }
        }
        Map.Entry<String, Bucket> e = bucketCursor.next();
        forgetIfFull(e.getKey(), e.getValue(), t);
      }
      restarted = false;
      for (int i = 0; i < SWEEP_BATCH; i++) {
        if (!windowCursor.hasNext()) {
          if (restarted) {
            break;
          }
          windowCursor = windows.entrySet().iterator();
          restarted = true;
          if (!windowCursor.hasNext()) {
            break;
          }
        }
        Map.Entry<String, MemberWindow> e = windowCursor.next();
        forgetIfEmpty(e.getKey(), e.getValue(), t);
      }
    } finally {
      sweeping.set(false);
    }
  }

  private void forgetIfFull(String key, Bucket bucket, long t) {
    State state = bucket.get();
    // Once DEAD, a concurrent take fails its compare-and-set and starts over with a new bucket.
    if (state != DEAD
        && unitsAt(state, t) >= state.capacity * state.periodMicros
        && bucket.compareAndSet(state, DEAD)) {
      buckets.remove(key, bucket);
    }
  }

  private void forgetIfEmpty(String key, MemberWindow win, long t) {
    if (win.retireIfEmpty(t)) {
      windows.remove(key, win);
    }
  }

  /** Returns the units the bucket holds at {@code t}, refilled at its own spec. */
  private static long unitsAt(State s, long t) {
    if (t <= s.lastMicros) {
      return s.units;
    }
    long capacityUnits = s.capacity * s.periodMicros;
    long space = capacityUnits - s.units;
    if (space <= 0) {
      return capacityUnits;
    }
    long elapsed = t - s.lastMicros;
    long refill = elapsed * s.refillTokens;
    // An idle time of years overflows the product: then, as whenever it fills the space, full.
    if (Math.multiplyHigh(elapsed, s.refillTokens) != 0 || refill < 0 || refill >= space) {
      return capacityUnits;
    }
    return s.units + refill;
  }

  /** Returns {@code floor(units × to / from)}: the same tokens in units of another period. */
  static long rescale(long units, long from, long to) {
    long high = Math.multiplyHigh(units, to);
    long low = units * to;
    if (high == 0 && low >= 0) {
      return low / from;
    }
    BigInteger exact =
        BigInteger.valueOf(units).multiply(BigInteger.valueOf(to)).divide(BigInteger.valueOf(from));
    return exact.bitLength() < 63 ? exact.longValue() : Long.MAX_VALUE;
  }

  private static TakeResult taken(long remaining) {
    return remaining < TAKEN.length
        ? TAKEN[(int) remaining]
        : new TakeResult(true, remaining, Duration.ZERO);
  }

  static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  static long micros(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("instant out of range: " + instant, e);
    }
  }

  static long windowMicros(Duration window) {
    long w;
    try {
      w =
          Math.addExact(
              Math.multiplyExact(window.getSeconds(), 1_000_000L), window.getNano() / 1_000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("window out of range: " + window, e);
    }
    if (w < 1) {
      throw new IllegalArgumentException("window must be at least 1 microsecond, was " + window);
    }
    return w;
  }

  static Duration duration(long micros) {
    return Duration.ofSeconds(micros / 1_000_000L, (micros % 1_000_000L) * 1_000L);
  }

  /** A bucket's state at its last use; replaced whole, never changed. */
  private static final class State {
    final long units;
    final long lastMicros;
    final long capacity;
    final long refillTokens;
    final long periodMicros;

    State(long units, long lastMicros, long capacity, long refillTokens, long periodMicros) {
      this.units = units;
      this.lastMicros = lastMicros;
      this.capacity = capacity;
      this.refillTokens = refillTokens;
      this.periodMicros = periodMicros;
    }

    State(long units, long lastMicros, BucketSpec spec, long periodMicros) {
      this(units, lastMicros, spec.capacity(), spec.refillTokens(), periodMicros);
    }

    boolean sameSpec(BucketSpec spec, long period) {
      return capacity == spec.capacity()
          && refillTokens == spec.refillTokens()
          && periodMicros == period;
    }
  }

  private static final class Bucket extends AtomicReference<State> {
    Bucket(State initial) {
      super(initial);
    }
  }
}
