package dev.wasdk.flows;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts requests per flow: the total, each {@linkplain FlowOutcome.Kind kind}, and the latency
 * (sum and maximum). A {@link FlowListener} to give to one or several endpoints.
 *
 * <p>Thread-safe and lock-free.
 *
 * <pre>{@code
 * FlowCounters counters = new FlowCounters();
 * FlowEndpoint endpoint = FlowEndpoint.builder()...listener(counters).build();
 * FlowCounters.Snapshot s = counters.snapshot("booking");
 * double errorRate = (double) s.errors() / s.requests();
 * }</pre>
 */
public final class FlowCounters implements FlowListener {
  private final Map<String, PerFlow> flows = new ConcurrentHashMap<>();

  /** Creates empty counters. */
  public FlowCounters() {}

  private static final class PerFlow {
    final LongAdder requests = new LongAdder();
    final Map<FlowOutcome.Kind, LongAdder> byKind = new EnumMap<>(FlowOutcome.Kind.class);
    final LongAdder latencyNanos = new LongAdder();
    final AtomicLong maxLatencyNanos = new AtomicLong();

    PerFlow() {
      for (FlowOutcome.Kind k : FlowOutcome.Kind.values()) {
        byKind.put(k, new LongAdder());
      }
    }
  }

  @Override
  public void onOutcome(FlowOutcome outcome) {
    PerFlow f = flows.computeIfAbsent(outcome.flow(), n -> new PerFlow());
    long nanos = Math.max(0, outcome.latency().toNanos());
    f.requests.increment();
    f.byKind.get(outcome.kind()).increment();
    f.latencyNanos.add(nanos);
    f.maxLatencyNanos.accumulateAndGet(nanos, Math::max);
  }

  /** Returns the flow names seen so far. */
  public Set<String> flows() {
    return Set.copyOf(flows.keySet());
  }

  /**
   * Returns the counts of one flow; all zero for a flow not seen.
   *
   * @param flow the flow name
   */
  public Snapshot snapshot(String flow) {
    PerFlow f = flows.get(flow);
    Map<FlowOutcome.Kind, Long> kinds = new EnumMap<>(FlowOutcome.Kind.class);
    for (FlowOutcome.Kind k : FlowOutcome.Kind.values()) {
      kinds.put(k, f == null ? 0L : f.byKind.get(k).sum());
    }
    return new Snapshot(
        flow,
        f == null ? 0 : f.requests.sum(),
        Map.copyOf(kinds),
        Duration.ofNanos(f == null ? 0 : f.latencyNanos.sum()),
        Duration.ofNanos(f == null ? 0 : f.maxLatencyNanos.get()));
  }

  /**
   * The counts of one flow at one moment (the fields are read one after another, not atomically).
   *
   * @param flow the flow name
   * @param requests all requests
   * @param byKind requests per kind; every kind is present
   * @param totalLatency the sum of all latencies
   * @param maxLatency the longest latency
   */
  public record Snapshot(
      String flow,
      long requests,
      Map<FlowOutcome.Kind, Long> byKind,
      Duration totalLatency,
      Duration maxLatency) {
    /** Copies the map. */
    public Snapshot {
      byKind = Map.copyOf(byKind);
    }

    /** Returns the number of requests of one kind. */
    public long count(FlowOutcome.Kind kind) {
      return byKind.getOrDefault(kind, 0L);
    }

    /** Returns the number of requests whose kind is an error. */
    public long errors() {
      return byKind.entrySet().stream()
          .filter(e -> e.getKey().isError())
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    /** Returns the mean latency; zero when there were no requests. */
    public Duration meanLatency() {
      return requests == 0 ? Duration.ZERO : totalLatency.dividedBy(requests);
    }
  }
}
