package dev.wasdk.sender;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.PhoneNumber;
import dev.wasdk.client.SendResult;
import dev.wasdk.client.Throughput;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends messages from one business phone number at the pace WhatsApp allows, so that sends do not
 * fail on a limit. It models Meta's limits and checks each message against them before the network:
 *
 * <ul>
 *   <li><b>Throughput</b> per phone number: a token bucket, 80 messages per second by default
 *       ({@link Throughput}), paced {@link Builder#throughputHeadroom(double) 2% below} the limit,
 *       and no span of 1.01 seconds holds more sends than the limit, because Meta counts requests
 *       as they arrive, after the network's jitter. A 130429 answer lowers the rate by 10% (by half
 *       when the previous reduction has not yet recovered), which then recovers linearly over
 *       {@link Builder#throughputRecovery(Duration)}; the refused message is queued again.
 *   <li><b>Pair rate</b> per (phone number, user): a bucket of 45 refilled one every 6 seconds. A
 *       131056 answer backs off that user alone for 4<sup>x</sup> seconds (x = 0, 1, 2, … per
 *       consecutive 131056); other users are not delayed.
 *   <li><b>Messaging-limit tier</b> per business portfolio: unique users reached outside the
 *       customer-service window in a rolling 24 hours ({@link MessagingTier}). A user already
 *       counted costs nothing; a slot taken by a send Meta rejected is given back. Several numbers
 *       (senders) with the same {@link Builder#portfolioId(String) portfolio id} and store share
 *       one window. When no slot is free, the {@link TierExhaustedPolicy} defers or rejects.
 *   <li><b>Customer-service window</b> ({@link ServiceWindowTracker}): a free-form message to a
 *       user whose window is closed is refused before the network ({@link
 *       RejectReason#WINDOW_CLOSED}); send a template instead. Messages inside an open window do
 *       not count against the tier.
 *   <li><b>Consent</b> ({@link ConsentRegistry}): marketing templates go only to opted-in users who
 *       have not opted out. A template that does not declare its category is looked up through the
 *       templates API (cached for an hour) and counts as marketing when that fails or without a
 *       client: the consent check is never skipped.
 * </ul>
 *
 * <pre>{@code
 * MessageSender sender = MessageSender.builder(wa)
 *     .throughputPerSecond(80)
 *     .tier(MessagingTier.TIER_2K)
 *     .store(LimiterStore.inMemory())       // or a RedisLimiterStore shared by app instances
 *     .build();
 * CompletableFuture<SendOutcome> outcome = sender.submit(message);
 * }</pre>
 *
 * <p><b>Outcomes.</b> Every submitted message ends in exactly one {@link SendOutcome}. A message is
 * sent again only when Meta provably did not accept it (130429, 131056, maintenance, a connection
 * that never opened), within {@link Builder#maxAttempts(int)}. A timeout after the request was
 * written ends {@link SendOutcome.Unknown} and is never resent.
 *
 * <p><b>Order and priority.</b> Messages to one user are sent one at a time, in the order they were
 * submitted. Among users, higher {@link Priority priorities} go first (authentication, then utility
 * and free-form, then marketing), then the order of submission. The queue holds at most {@link
 * Builder#maxQueued(int)} messages; the {@link QueueFullPolicy} decides what happens beyond.
 *
 * <p><b>Shared state.</b> Consent ({@link Builder#consentStore}) and the service windows ({@link
 * Builder#serviceWindowStore}) live in stores, in memory by default; with Redis or JDBC stores an
 * opt-out survives restarts and holds on every app instance, and a window opened on one instance
 * lets every instance reply. The feeds below update this instance at once and the stores without
 * waiting for them.
 *
 * <p><b>Feeding it.</b> The webhooks tell the sender what Meta knows: {@link #onInbound} (opens the
 * window), {@link #onStatusFailed} (131056, 131049, 131050, 131047 and tier slots), {@link
 * #onMarketingPreference}, {@link #updateTier} and {@link #updateThroughput}.
 *
 * <p><b>Concurrency.</b> At most {@link Builder#maxInFlight(int)} requests are outstanding, sent
 * with the client's non-blocking {@code sendAsync}. The sender adds one scheduler thread (or uses
 * the one given) and never busy-waits. The client's own retry policy still applies to each request;
 * the sender sees what is left after it.
 *
 * <p><b>Thread-safety and lifecycle.</b> Instances are thread-safe; share one per phone number.
 * {@link #close(Duration)} stops new submissions, lets the queue drain for a while, and hands back
 * what was not sent. The sender does not close the client or the store.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput">Throughput</a>
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits">Messaging
 *     limits</a>
 */
public final class MessageSender implements AutoCloseable {
  private final SenderConfig config;
  private final SendLoop loop;

  private MessageSender(SenderConfig config) {
    this.config = config;
    this.loop = new SendLoop(config);
  }

  /**
   * Returns a builder for a sender that sends through {@code client}'s phone number. The tier
   * window's portfolio key defaults to the client's WABA id, or else its phone number id.
   *
   * @param client the client
   * @return a builder
   */
  public static Builder builder(WhatsAppClient client) {
    return new Builder().sendVia(client);
  }

  /** Returns a builder that sends through {@code transport}, for tests. */
  static Builder builder(
      String phoneNumberId, Function<Message, CompletableFuture<SendResult>> transport) {
    return new Builder().sendVia(transport, phoneNumberId, phoneNumberId, null);
  }

  /**
   * Queues a message with the default options.
   *
   * @param message the message
   * @return its outcome, completed once, when it ends; never completed exceptionally by the sender
   */
  public CompletableFuture<SendOutcome> submit(Message message) {
    return submit(message, SubmitOptions.defaults());
  }

  /**
   * Queues a message. With {@link QueueFullPolicy#block(Duration)} this blocks while the queue is
   * full; otherwise it returns at once: the limits are checked later, on the sender's own thread,
   * so a slow store never delays the caller. Once the message is queued this method does not throw.
   *
   * <p>Cancelling the returned future withdraws the message if it has not been sent yet; a request
   * already in flight is not stopped.
   *
   * @param message the message
   * @param options its priority and deadline
   * @return its outcome, completed once, when it ends
   */
  public CompletableFuture<SendOutcome> submit(Message message, SubmitOptions options) {
    return loop.submit(message, options);
  }

  /**
   * Records an inbound message from a user, which opens the user's 24-hour customer-service window.
   * Feed it from the {@code messages} webhook.
   *
   * @param user the user's WhatsApp id, phone number or business-scoped user id
   * @param at the inbound message's time
   */
  public void onInbound(String user, Instant at) {
    loop.feeds().onInbound(user, at);
  }

  /**
   * Records an inbound text message: it opens the window, and an opt-out keyword (such as STOP)
   * opts the user out of marketing.
   *
   * @param user the user
   * @param text the message's text
   * @param at the message's time
   * @return whether the text was an opt-out keyword
   */
  public boolean onInboundText(String user, String text, Instant at) {
    return onInboundText(user, text, at, null);
  }

  /**
   * Records an inbound text message with its id: it opens the window, and an opt-out keyword opts
   * the user out of marketing, with the message's id kept as the opt-out's evidence.
   *
   * @param user the user
   * @param text the message's text
   * @param at the message's time
   * @param messageId the inbound message's id ({@code wamid}), or null
   * @return whether the text was an opt-out keyword
   */
  public boolean onInboundText(String user, String text, Instant at, String messageId) {
    return loop.feeds().onInboundText(user, text, at, messageId);
  }

  /**
   * Records a {@code user_preferences} webhook: the user stopped or resumed marketing messages.
   *
   * @param user the user
   * @param stop true for {@code stop}, false for {@code resume}
   * @param at the event's time
   */
  public void onMarketingPreference(String user, boolean stop, Instant at) {
    loop.feeds().onMarketingPreference(user, stop, at);
  }

  /**
   * Records a {@code failed} status webhook for a message this sender sent. The tier slot the send
   * took is given back (Meta counts delivered messages only), and:
   *
   * <ul>
   *   <li>131056: the user is backed off, as for a synchronous 131056;
   *   <li>131049: marketing to the user is held back for 24 hours;
   *   <li>131050: the user is opted out of marketing;
   *   <li>131047: the user's window is marked closed.
   * </ul>
   *
   * <p>It never waits for the limiter store: the slot is given back on the store's own executor.
   *
   * @param wamid the failed message's id
   * @param user the recipient ({@code recipient_id} or {@code recipient_user_id})
   * @param errorCode the first error's code
   * @param at the status's time
   */
  public void onStatusFailed(String wamid, String user, int errorCode, Instant at) {
    loop.feeds().onStatusFailed(wamid, UserKeys.of(user), errorCode, at);
  }

  /**
   * Changes the messaging-limit tier, as reported by {@code business_capability_update}, {@code
   * phone_number_quality_update} or a phone-number read, now. It applies to the next message.
   * Prefer {@link #updateTier(MessagingTier, Instant)} with the event's time when it is known.
   *
   * @param tier the new tier
   */
  public void updateTier(MessagingTier tier) {
    loop.updateTier(tier, loop.now());
  }

  /**
   * Changes the messaging-limit tier as reported at {@code eventTime} (the webhook's timestamp). A
   * report older than the last one applied is ignored, so a late retry or a replayed webhook cannot
   * roll the tier back.
   *
   * @param tier the new tier
   * @param eventTime when Meta reported it
   * @return whether the report was applied (false when it was older than the last one)
   */
  public boolean updateTier(MessagingTier tier, Instant eventTime) {
    return loop.updateTier(tier, eventTime);
  }

  /**
   * Applies what a phone-number read says about the limits: the portfolio's messaging limit (when
   * the read has one with a known size) and the number's throughput level (when the read has one
   * and it differs from the current throughput). Call it at start-up and now and then, for example:
   *
   * <pre>{@code
   * sender.updateFrom(client.phoneNumbers().get());
   * }</pre>
   *
   * @param number the phone number as read from the API
   */
  public void updateFrom(PhoneNumber number) {
    loop.updateFrom(number);
  }

  /**
   * Changes the configured throughput, as after a {@code THROUGHPUT_UPGRADE} event or a
   * phone-number read, now. It also ends any reduction after a 130429. Prefer {@link
   * #updateThroughput(Throughput, Instant)} with the event's time when it is known.
   *
   * @param throughput the new throughput
   */
  public void updateThroughput(Throughput throughput) {
    loop.updateThroughput(Objects.requireNonNull(throughput, "throughput"), loop.now());
  }

  /**
   * Changes the configured throughput as reported at {@code eventTime}; a report older than the
   * last one applied is ignored.
   *
   * @param throughput the new throughput
   * @param eventTime when Meta reported it
   * @return whether the report was applied (false when it was older than the last one)
   */
  public boolean updateThroughput(Throughput throughput, Instant eventTime) {
    return loop.updateThroughput(Objects.requireNonNull(throughput, "throughput"), eventTime);
  }

  /** Returns the tracker of customer-service windows this sender consults. */
  public ServiceWindowTracker serviceWindows() {
    return config.windows();
  }

  /** Returns the consent registry this sender consults. */
  public ConsentRegistry consent() {
    return config.consent();
  }

  /** Returns the id of the business phone number this sender sends from. */
  public String phoneNumberId() {
    return config.phoneNumberId();
  }

  /** Returns the key of the tier window this sender counts in. */
  public String portfolioId() {
    return config.portfolioId();
  }

  /**
   * Returns a snapshot of the queue, the counters and the limits. The tier usage is read from the
   * store, within the store's time budget; it is empty when the tier is unlimited or the store
   * cannot be reached.
   *
   * @return the snapshot
   */
  public SenderStats stats() {
    return loop.stats();
  }

  /** Returns the loop behind this facade, for tests that look at its queue. */
  SendLoop loop() {
    return loop;
  }

  /**
   * Returns everything this sender and its tracker and registry hold about a user, for a
   * data-access request. The limiter store holds only pseudonyms of users (a keyed hash), which
   * expire within 24 hours, and {@link #eraseUser} removes.
   *
   * @param user the user
   * @return the user's data
   */
  public UserData exportUser(String user) {
    return loop.exportUser(UserKeys.of(user));
  }

  /**
   * Erases what this sender and its stores hold about a user: the window, the consent records, the
   * learned WhatsApp id, the pair backoff, the record of recent sends, and in the limiter store the
   * user's pair-rate and marketing-cap buckets and their name in the tier window ({@link
   * LimiterStore#eraseUser}; the slot itself stays counted, anonymously, as Meta still counts it).
   * The user's queued messages end {@link SendOutcome.Cancelled}; a request already in flight is
   * not stopped. The webhook de-duplication keys are not touched: they hold message ids, and a
   * user's or group member's id only as a hash, and expire after the deduplicator's horizon.
   *
   * @param user the user
   * @throws LimiterUnavailableException when a store cannot be reached within its time budget; call
   *     it again
   */
  public void eraseUser(String user) {
    loop.eraseUser(UserKeys.of(user));
  }

  /**
   * Closes the sender: new submissions end {@link SendOutcome.Cancelled}, queued messages keep
   * being sent for up to {@code drainTimeout}, and those still queued then end {@link
   * SendOutcome.Cancelled} and are returned, in submission order. Requests in flight are not
   * stopped; their futures complete when Meta answers. On an interrupted thread it stops waiting at
   * once, still cancels every queued message, and keeps the interrupt. Calling it again returns an
   * empty list. A closed sender lets go of every message it ended, even while it is still
   * referenced.
   *
   * @param drainTimeout how long to keep sending; zero stops at once
   * @return the messages that were not sent
   */
  public List<Message> close(Duration drainTimeout) {
    return loop.close(drainTimeout);
  }

  /** Closes the sender, draining for up to 30 seconds; see {@link #close(Duration)}. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  @Override
  public String toString() {
    return "MessageSender[" + loop.describe() + "]";
  }

  /**
   * Builds a {@link MessageSender}. Every option has a default, documented on its setter; setters
   * check their values and {@link #build()} checks their combination. Not thread-safe.
   *
   * <pre>{@code
   * MessageSender sender = MessageSender.builder(wa).tier(MessagingTier.TIER_10K).build();
   * }</pre>
   */
  public static final class Builder extends SenderConfigBuilder<Builder> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Builds the sender.
     *
     * @return the sender
     * @throws IllegalStateException when two options exclude each other
     */
    public MessageSender build() {
      return new MessageSender(toConfig());
    }
  }
}
