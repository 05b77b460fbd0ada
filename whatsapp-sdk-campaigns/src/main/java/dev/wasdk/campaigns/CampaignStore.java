package dev.wasdk.campaigns;

import dev.wasdk.campaigns.internal.InMemoryCampaignStore;
import dev.wasdk.sender.RejectReason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps a campaign's progress: the audience as loaded so far (its cursor), each recipient's state
 * ({@link RecipientState}: pending, claimed, sent with its {@code wamid}, or a final outcome), and
 * a few named values such as the A/B decision. A {@link Campaign} resumes from it after a crash,
 * and several app instances share one campaign through it.
 *
 * <p>The algorithm lives in {@link Campaign}; a store offers only atomic steps on rows. It is wider
 * than most of the SDK's stores because a campaign needs batch claims, batch writes and aggregates,
 * which a database does far faster than a loop over single rows. Backends: {@link #inMemory()}
 * here, and {@code JdbcCampaignStore} (PostgreSQL, H2) in {@code whatsapp-sdk-jdbc}. Every backend
 * passes the same contract tests ({@code CampaignStoreContract} in this module's test-jar).
 *
 * <pre>{@code
 * CampaignStore store = CampaignStore.inMemory();                 // tests, small runs
 * CampaignStore shared = JdbcCampaignStore.builder(dataSource).build(); // crash-safe, shared
 * }</pre>
 *
 * <p><b>Thread-safety.</b> Implementations must be thread-safe, and every step atomic against other
 * instances using the same backend. A step that cannot reach the backend throws {@link
 * dev.wasdk.sender.StoreUnavailableException}; the campaign pauses and tries again.
 */
public interface CampaignStore {

  /**
   * Returns a store in this JVM's memory: fast, lost on restart, not shared.
   *
   * @return a new, empty store
   */
  static CampaignStore inMemory() {
    return new InMemoryCampaignStore();
  }

  /**
   * Returns how many audience members the store holds for a campaign: the audience cursor.
   *
   * @param campaignId the campaign
   * @return the count, 0 for a campaign the store has not seen
   */
  long audienceCursor(String campaignId);

  /**
   * Appends audience members, as pending recipients, if the cursor is still where the caller saw
   * it; otherwise appends nothing (another instance loaded them first).
   *
   * @param campaignId the campaign
   * @param expectedCursor the cursor the caller read; the entries' indexes start there
   * @param entries the members, with consecutive indexes from {@code expectedCursor}
   * @return whether they were appended
   */
  boolean appendAudience(String campaignId, long expectedCursor, List<Entry> entries);

  /**
   * Claims up to {@code limit} pending recipients whose time has come, lowest index first, for one
   * worker until its lease ends. Rows other workers are claiming at the same moment are skipped,
   * not waited for.
   *
   * @param campaignId the campaign
   * @param claim who claims, how many, and which rows
   * @return the claimed recipients, with their variant as assigned
   */
  List<Entry> claim(String campaignId, Claim claim);

  /**
   * Gives claimed recipients back as pending, not before a time (quiet hours), or at once.
   *
   * @param campaignId the campaign
   * @param worker the worker that claimed them
   * @param indexes the recipients
   * @param notBefore when they may be claimed again
   */
  void release(String campaignId, String worker, List<Long> indexes, Instant notBefore);

  /**
   * Extends the lease of every recipient a worker has claimed.
   *
   * @param campaignId the campaign
   * @param worker the worker
   * @param leaseUntil the new end of the lease
   * @return how many leases were extended
   */
  int renewClaims(String campaignId, String worker, Instant leaseUntil);

  /**
   * Ends the claims whose lease ran out before {@code now} (their worker stopped): they may have
   * been sent, so they become {@link RecipientState#UNKNOWN}, never pending again.
   *
   * @param campaignId the campaign
   * @param now the time
   * @return how many claims ended
   */
  int expireClaims(String campaignId, Instant now);

  /**
   * Records send outcomes in one batch. An outcome applies to a recipient the worker still claims;
   * a {@link RecipientState#SENT} outcome also applies to an {@link RecipientState#UNKNOWN}
   * recipient (the send is proven after all). Anything else is ignored: a final state is never
   * overwritten by a late or duplicate write.
   *
   * @param campaignId the campaign
   * @param worker the worker that claimed the recipients
   * @param outcomes the outcomes
   */
  void recordOutcomes(String campaignId, String worker, List<Outcome> outcomes);

  /**
   * Records what status webhooks and replies said, in one batch: the highest status rank reached, a
   * failure, a reply, the pricing category. Applies to recipients in any state but pending; a
   * failure makes the recipient {@link RecipientState#FAILED}, and a status of a recipient still
   * {@link RecipientState#CLAIMED} or {@link RecipientState#UNKNOWN} records its {@code wamid}.
   *
   * @param campaignId the campaign
   * @param progress the updates
   */
  void recordProgress(String campaignId, List<Progress> progress);

  /**
   * Returns the tag of the campaign message with a {@code wamid}, for replies, which name only the
   * message they answer.
   *
   * @param wamid the message id
   * @return its tag, when a campaign in this store sent it
   */
  Optional<TrackingTag> findByWamid(String wamid);

  /**
   * Returns one recipient.
   *
   * @param campaignId the campaign
   * @param index the recipient's index
   * @return the recipient, when loaded
   */
  Optional<Row> recipient(String campaignId, long index);

  /**
   * Passes every recipient of a campaign to a consumer, by index, without holding them all in
   * memory.
   *
   * @param campaignId the campaign
   * @param consumer the consumer
   */
  void forEachRecipient(String campaignId, Consumer<Row> consumer);

  /**
   * Returns how many recipients are in each state.
   *
   * @param campaignId the campaign
   * @param sampleOnly whether to count only the A/B sample
   * @return the counts; states with none are left out
   */
  Map<RecipientState, Long> counts(String campaignId, boolean sampleOnly);

  /**
   * Returns the funnel of each variant, computed from the recipients' rows (and the click counts
   * stored as {@code clicks.<variant>} values).
   *
   * @param campaignId the campaign
   * @param sampleOnly whether to count only the A/B sample
   * @return the funnels by variant; recipients without a variant are left out
   */
  Map<String, Funnel> funnels(String campaignId, boolean sampleOnly);

  /**
   * Returns a named value of a campaign, such as its A/B decision.
   *
   * @param campaignId the campaign
   * @param key the name
   * @return the value, when set
   */
  Optional<String> value(String campaignId, String key);

  /**
   * Sets a named value unless one is set: the first instance to decide wins.
   *
   * @param campaignId the campaign
   * @param key the name
   * @param value the value
   * @return the value now stored: {@code value}, or the one another instance set first
   */
  String putValueIfAbsent(String campaignId, String key, String value);

  /**
   * Sets a named value, replacing any.
   *
   * @param campaignId the campaign
   * @param key the name
   * @param value the value
   */
  void putValue(String campaignId, String key, String value);

  /**
   * One audience member as the store holds it.
   *
   * @param index the position in the audience, from 0
   * @param recipient the recipient
   * @param params the message parameters
   * @param zone the time zone, if known
   * @param variant the variant to send, or null while it waits for the A/B decision
   * @param sample whether the member is in the A/B sample
   */
  record Entry(
      long index,
      String recipient,
      Map<String, String> params,
      Optional<ZoneId> zone,
      String variant,
      boolean sample) {
    /** Checks the arguments and copies the map. */
    public Entry {
      Objects.requireNonNull(recipient, "recipient");
      params = Map.copyOf(params);
      Objects.requireNonNull(zone, "zone");
    }

    /** Returns the member. */
    public AudienceMember member() {
      return new AudienceMember(recipient, params, zone);
    }

    /** Returns a copy with a variant. */
    public Entry withVariant(String v) {
      return new Entry(index, recipient, params, zone, v, sample);
    }

    @Override
    public String toString() {
      return "Entry[" + index + ", variant=" + variant + ", sample=" + sample + "]";
    }
  }

  /**
   * A claim request.
   *
   * @param worker who claims: an id unique to one running campaign instance
   * @param limit how many rows at most, at least 1
   * @param now the time: rows with a later not-before time are skipped
   * @param leaseUntil when the claim ends unless renewed
   * @param includeUnassigned whether rows without a variant may be claimed
   * @param assignTo the variant to give rows without one as they are claimed, or null to leave them
   *     without
   */
  record Claim(
      String worker,
      int limit,
      Instant now,
      Instant leaseUntil,
      boolean includeUnassigned,
      String assignTo) {
    /** Checks the arguments. */
    public Claim {
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(now, "now");
      Objects.requireNonNull(leaseUntil, "leaseUntil");
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1, was " + limit);
      }
    }
  }

  /**
   * How one send ended.
   *
   * @param index the recipient
   * @param state {@link RecipientState#SENT}, {@link RecipientState#REFUSED}, {@link
   *     RecipientState#UNKNOWN}, {@link RecipientState#CANCELLED}, {@link RecipientState#SKIPPED}
   *     or {@link RecipientState#PENDING} (provably not sent; claimable again)
   * @param wamid the message id, for {@code SENT}
   * @param reason why, for {@code REFUSED}
   * @param at when
   */
  record Outcome(long index, RecipientState state, String wamid, RejectReason reason, Instant at) {
    /** Checks the arguments. */
    public Outcome {
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(at, "at");
      if (state == RecipientState.CLAIMED || state == RecipientState.FAILED) {
        throw new IllegalArgumentException(state + " is not a send outcome");
      }
      if (state == RecipientState.SENT && wamid == null) {
        throw new IllegalArgumentException("a SENT outcome needs its wamid");
      }
      if (state == RecipientState.REFUSED && reason == null) {
        throw new IllegalArgumentException("a REFUSED outcome needs its reason");
      }
    }
  }

  /**
   * What a webhook said about a recipient's message.
   *
   * @param index the recipient
   * @param wamid the message id
   * @param rank the status rank reached (1 sent, 2 delivered, 3 read, 4 played), 0 for none
   * @param errorCode the failure's code, or 0 when the status was not a failure
   * @param replied whether the user answered the message
   * @param pricingCategory the category the message was charged in, or null
   * @param at when
   */
  record Progress(
      long index,
      String wamid,
      int rank,
      int errorCode,
      boolean replied,
      String pricingCategory,
      Instant at) {
    /** Checks the arguments. */
    public Progress {
      Objects.requireNonNull(wamid, "wamid");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * One recipient's row.
   *
   * @param entry the audience member and variant
   * @param state the state
   * @param wamid the message id, once known
   * @param reason why it was refused, for {@link RecipientState#REFUSED}
   * @param rank the status rank reached
   * @param errorCode the failure's code, for {@link RecipientState#FAILED}
   * @param replied whether the user answered
   * @param pricingCategory the category the message was charged in
   * @param changedAt when a worker last changed its state: the claim, or the send outcome (for
   *     {@link RecipientState#SENT}, when Meta accepted it)
   * @param deliveredAt when a status first said delivered or read, if one did
   */
  record Row(
      Entry entry,
      RecipientState state,
      Optional<String> wamid,
      Optional<RejectReason> reason,
      int rank,
      int errorCode,
      boolean replied,
      Optional<String> pricingCategory,
      Instant changedAt,
      Optional<Instant> deliveredAt) {
    /** Checks the arguments. */
    public Row {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(wamid, "wamid");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(pricingCategory, "pricingCategory");
      Objects.requireNonNull(changedAt, "changedAt");
      Objects.requireNonNull(deliveredAt, "deliveredAt");
    }

    /** Returns the row's tag. */
    public TrackingTag tag(String campaignId) {
      return TrackingTag.of(
          campaignId, entry.variant() == null ? "-" : entry.variant(), entry.index());
    }
  }
}
