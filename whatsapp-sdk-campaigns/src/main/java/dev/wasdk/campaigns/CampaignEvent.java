package dev.wasdk.campaigns;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a campaign, as a {@link CampaignListener} hears it.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param campaignId the campaign
 * @param type what happened
 * @param detail a sentence with the numbers, for logs; never a phone number
 * @param at when, by the campaign's clock
 */
public record CampaignEvent(String campaignId, Type type, String detail, Instant at) {
  /** What happened. */
  public enum Type {
    /** The start time came and this instance began working. */
    STARTED,
    /** The whole audience is in the store. */
    AUDIENCE_LOADED,
    /** Send outcomes were recorded; at most one a second. */
    PROGRESS,
    /** Every sample message has an outcome; the decision wait runs. */
    SAMPLE_DONE,
    /** The A/B test decided; the detail is {@link AbDecision#explanation()}. */
    DECIDED,
    /** {@link Campaign#pause()} took effect. */
    PAUSED,
    /** {@link Campaign#resume()} took effect. */
    RESUMED,
    /** The store failed; the campaign waits and keeps what it must write. */
    STORE_UNAVAILABLE,
    /** The store answers again; the campaign goes on. */
    STORE_RECOVERED,
    /** The campaign was cancelled; what was not sent is {@link RecipientState#CANCELLED}. */
    CANCELLED,
    /** Every recipient has a final state. */
    COMPLETED
  }

  /** Checks the arguments. */
  public CampaignEvent {
    Objects.requireNonNull(campaignId, "campaignId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
  }
}
