package dev.wasdk.campaigns;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a campaign stands: its status, the recipients in each state, the A/B decision and an
 * estimated finish time.
 *
 * <p>The estimate divides the recipients left by the send rate (the sender's current throughput, or
 * the rate observed so far when lower), adds a day for each full messaging-limit tier the rest
 * needs beyond the slots free now, and the time left to wait for an A/B decision. It is empty
 * before any estimate is possible.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param campaignId the campaign
 * @param status what this instance is doing
 * @param counts recipients by state, as the store has them
 * @param audienceLoaded audience members in the store
 * @param audienceComplete whether the whole audience is in the store
 * @param decision the A/B decision, once made
 * @param inFlight messages this instance handed to the sender and awaits
 * @param sendRatePerSecond the rate the estimate uses
 * @param estimatedFinish when the last message should be sent
 * @param at when the snapshot was taken
 */
public record CampaignSnapshot(
    String campaignId,
    Status status,
    Map<RecipientState, Long> counts,
    long audienceLoaded,
    boolean audienceComplete,
    Optional<AbDecision> decision,
    long inFlight,
    double sendRatePerSecond,
    Optional<Instant> estimatedFinish,
    Instant at) {

  /** What a campaign instance is doing. */
  public enum Status {
    /** Built, not started, or waiting for its start time. */
    SCHEDULED,
    /** Sending. */
    RUNNING,
    /** Paused by {@link Campaign#pause()}. */
    PAUSED,
    /** Waiting for the A/B decision. */
    WAITING_FOR_DECISION,
    /** Waiting for the store to answer again. */
    STORE_UNAVAILABLE,
    /** Cancelled. */
    CANCELLED,
    /** Every recipient has a final state. */
    COMPLETED,
    /** {@link Campaign#close()} stopped this instance; the campaign itself may go on elsewhere. */
    CLOSED
  }

  /** Checks the arguments and copies the map. */
  public CampaignSnapshot {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(status, "status");
    counts = Map.copyOf(counts);
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(estimatedFinish, "estimatedFinish");
    Objects.requireNonNull(at, "at");
  }

  /** Returns how many recipients are in a state. */
  public long count(RecipientState state) {
    return counts.getOrDefault(state, 0L);
  }

  /** Returns how many recipients have no final state yet. */
  public long remaining() {
    return count(RecipientState.PENDING) + count(RecipientState.CLAIMED);
  }
}
