package dev.wasdk.testkit;

import dev.wasdk.testkit.internal.FlowStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The test-side controls of the simulator's Flows, beyond {@link
 * WhatsAppSimulator#setFlowStatus(String, String)}: the data-endpoint calls that feed a Flow's
 * metrics, and the Flows of other WABAs of the same business that {@code migrate_flows} copies
 * from.
 *
 * <p>Metrics follow Meta's names: each recorded call counts toward {@code ENDPOINT_REQUEST_COUNT},
 * {@code ENDPOINT_AVAILABILITY} ({@code succeeded} or {@code failed}), {@code
 * ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL} (keyed by whole seconds, rounded up), and, when it failed,
 * {@code ENDPOINT_REQUEST_ERROR} (keyed by the error kind) and {@code ENDPOINT_REQUEST_ERROR_RATE}.
 * Calls are stamped with the simulator's clock and grouped by UTC day or hour.
 *
 * <p>A Flow that a test sets to {@code BLOCKED} refuses Flow messages with error 132068, and a
 * {@code THROTTLED} one accepts 10 in any hour of the simulator's clock and then refuses with
 * 132069.
 *
 * <p>{@link WhatsAppSimulator#reset()} forgets the recorded calls and the Flow messages counted
 * toward the throttled hour; the Flows, their statuses and the other WABAs' Flows stay.
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * sim.flows().recordEndpointCall(flowId, Duration.ofMillis(300), null);
 * sim.flows().recordEndpointCall(flowId, Duration.ofSeconds(11), "timeout_error");
 * String source = sim.flows().addToOtherWaba("1029384756", "booking", List.of("OTHER"),
 *     "PUBLISHED", flowJson);
 * }</pre>
 */
public final class SimulatedFlows {
  private final FlowStore store;
  private final Clock clock;

  SimulatedFlows(FlowStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Records a call Meta made to a Flow's data endpoint, now on the simulator's clock.
   *
   * @param flowId the Flow
   * @param latency how long the endpoint took to answer
   * @param errorKind null for a success; otherwise the kind Meta reports, such as {@code
   *     timeout_error}
   */
  public void recordEndpointCall(String flowId, Duration latency, String errorKind) {
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    if (errorKind != null && errorKind.isBlank()) {
      throw new IllegalArgumentException("errorKind must be null or not blank");
    }
    store.metrics().record(flowId, clock.instant(), latency, errorKind);
  }

  /**
   * Puts a Flow into another WABA of the same business, for {@code POST /{waba-id}/migrate_flows}
   * to copy.
   *
   * @param wabaId the other WABA's id
   * @param name the Flow's name, unique in that WABA
   * @param categories its categories
   * @param status {@code DRAFT} or {@code PUBLISHED}, kept by the copy
   * @param flowJson its Flow JSON, or null
   * @return the Flow's id in the other WABA
   * @throws IllegalArgumentException if that WABA already has a Flow of that name
   */
  public String addToOtherWaba(
      String wabaId, String name, List<String> categories, String status, String flowJson) {
    Objects.requireNonNull(wabaId, "wabaId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(status, "status");
    return store.addToOtherWaba(wabaId, name, categories, status, flowJson);
  }

  @Override
  public String toString() {
    return "SimulatedFlows";
  }
}
