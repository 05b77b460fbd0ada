package dev.wasdk.campaigns;

import dev.wasdk.campaigns.internal.FunnelCounter;
import dev.wasdk.client.AnalyticsApi;
import dev.wasdk.client.AnalyticsRange;
import dev.wasdk.client.TemplateAnalytics;
import dev.wasdk.client.TemplateAnalyticsQuery;
import dev.wasdk.client.TemplateDataPoint;
import dev.wasdk.client.TemplateMetric;
import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.webhooks.event.DeliveryStatus;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.WebhookError;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties status and inbound-message webhooks back to the sends they are about, keeps a {@link Funnel}
 * per campaign and variant, and calls back on every failed status with the original message, the
 * recipient, the error and its {@link FailureAdvice}.
 *
 * <pre>{@code
 * DeliveryTracker tracker = DeliveryTracker.builder()
 *     .onFailure(f -> log.warn("not delivered: {}", f))       // 131049 -> LATER, 131026 -> NOT_REACHABLE
 *     .build();
 * router.on(WebhookEvent.class, tracker::accept);            // statuses and replies
 * tracker.submit(sender, Message.to("+16505551234")          // an ordinary send, tracked too
 *     .bizOpaqueCallbackData(TrackingTag.of("receipts", "v1", orderNo).encode())
 *     .template("order_receipt", "en").build());
 * Funnel receipts = tracker.funnel("receipts", "v1");
 * }</pre>
 *
 * <p><b>How a status finds its send.</b> A message whose {@code biz_opaque_callback_data} is a
 * {@link TrackingTag} names its campaign, variant and recipient in every status Meta sends about
 * it, so a failure that arrives hours later, on another instance, after a restart, is still counted
 * against the right variant and reported with its tag; the {@link Builder#originals(Function)
 * originals} function rebuilds the message itself from the tag (a {@link Campaign} does this from
 * its store). A reply carries only the id of the message it answers ({@code context.id}): the
 * tracker finds the tag among the sends it remembers, or asks the {@link
 * Builder#wamidLookup(Function) wamid lookup} (a campaign's store). Untagged messages are not
 * counted in any funnel, but their failures are still reported, with the original message when this
 * tracker saw the send.
 *
 * <p><b>Counting once.</b> The tracker remembers the last {@link Builder#recentCapacity(int)}
 * messages (default 100,000) and how far each got, so that a status Meta sends twice, or a {@code
 * read} without a {@code delivered}, is counted right. A message forgotten since (or sent by
 * another instance) starts again from its first status here. The funnel counts what this tracker
 * saw since it was built; a {@link Campaign}'s own funnel comes from its store and survives
 * restarts.
 *
 * <p><b>Clicks.</b> Meta reports URL-button clicks only as template analytics: per template and
 * day, read through {@code wa.analytics().templates(...)} ({@link #importClicks}). They lag: Meta
 * documents analytics as available with a delay, typically within the day, and only when template
 * insights are turned on for the WABA. Give each variant its own template so clicks can be told
 * apart.
 *
 * <p><b>Thread-safety.</b> Thread-safe; feed it from any thread. Callbacks and listeners run on the
 * feeding thread with no lock held.
 */
public final class DeliveryTracker {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryTracker.class);

  private final Function<TrackingTag, Optional<Message>> originals;
  private final Function<String, Optional<TrackingTag>> wamidLookup;
  private final List<Consumer<DeliveryFailure>> failureCallbacks;
  private final List<TrackingListener> listeners;
  private final Map<String, Map<String, FunnelCounter>> funnels = new ConcurrentHashMap<>();
  private final LinkedHashMap<String, Sent> recent;

  /** What the tracker remembers of one message; guarded by {@link #recent}. */
  private static final class Sent {
    final TrackingTag tag;
    final Message original;
    int rank;
    boolean failed;
    boolean replied;
    boolean charged;

    Sent(TrackingTag tag, Message original) {
      this.tag = tag;
      this.original = original;
    }
  }

  private DeliveryTracker(Builder b) {
    this.originals = b.originals;
    this.wamidLookup = b.wamidLookup;
    this.failureCallbacks = List.copyOf(b.failureCallbacks);
    this.listeners = List.copyOf(b.listeners);
    int capacity = b.recentCapacity;
    this.recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * Returns a builder.
   *
   * @return a builder with no callbacks
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Submits a message through a sender and tracks it: counts it as submitted, then its outcome.
   *
   * @param sender the sender
   * @param message the message; tag it with {@link TrackingTag#encode()} to count it in a funnel
   * @return the sender's outcome future
   */
  public CompletableFuture<SendOutcome> submit(MessageSender sender, Message message) {
    Objects.requireNonNull(sender, "sender");
    submitted(message);
    CompletableFuture<SendOutcome> f = sender.submit(message);
    f.thenAccept(this::outcome);
    return f;
  }

  /**
   * Counts a message as submitted to the sender.
   *
   * @param message the message
   */
  public void submitted(Message message) {
    tagOf(message).ifPresent(t -> counter(t).submitted());
  }

  /**
   * Records how a submitted message ended: sent (its {@code wamid} is remembered) or refused (by
   * reason). Deferred, cancelled and unknown outcomes are not funnel steps.
   *
   * @param outcome the sender's outcome
   */
  public void outcome(SendOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    Optional<TrackingTag> tag = tagOf(outcome.message());
    if (outcome instanceof SendOutcome.Sent sent) {
      String wamid = sent.result().wamid();
      boolean fresh;
      synchronized (recent) {
        fresh = !recent.containsKey(wamid);
        if (fresh) {
          recent.put(wamid, new Sent(tag.orElse(null), outcome.message()));
        }
      }
      if (fresh) {
        tag.ifPresent(t -> counter(t).sent());
      }
    } else if (outcome instanceof SendOutcome.Rejected rejected) {
      tag.ifPresent(t -> counter(t).refused(rejected.reason()));
    }
  }

  /**
   * Feeds a webhook event: statuses and inbound messages that answer a message; other events are
   * ignored.
   *
   * @param event the event
   */
  public void accept(WebhookEvent event) {
    if (event instanceof MessageStatusChanged status) {
      onStatus(status);
    } else if (event instanceof MessageReceived inbound) {
      onInbound(inbound);
    }
  }

  /**
   * Sets the click total of a variant, as template analytics report it.
   *
   * @param campaignId the campaign
   * @param variant the variant
   * @param total the clicks so far
   */
  public void recordClicks(String campaignId, String variant, long total) {
    counter(campaignId, variant).clicked(total);
  }

  /**
   * Reads URL-button clicks from template analytics and records them: each variant's clicks are the
   * sum over the range of its template's {@code url_button} clicks.
   *
   * @param analytics {@code wa.analytics()}
   * @param campaignId the campaign
   * @param templateIdsByVariant each variant's template id (at most 10)
   * @param range the days the campaign ran
   * @return the clicks recorded, by variant
   */
  public Map<String, Long> importClicks(
      AnalyticsApi analytics,
      String campaignId,
      Map<String, String> templateIdsByVariant,
      AnalyticsRange range) {
    TemplateAnalytics data =
        analytics.templates(
            TemplateAnalyticsQuery.builder(
                    range, templateIdsByVariant.values().stream().distinct().toArray(String[]::new))
                .metrics(TemplateMetric.CLICKED)
                .build());
    Map<String, Long> out = new TreeMap<>();
    templateIdsByVariant.forEach(
        (variant, templateId) -> {
          long clicks = 0;
          for (TemplateDataPoint p : data.forTemplate(templateId)) {
            for (TemplateDataPoint.Clicks c : p.clicked()) {
              if (c.type().equalsIgnoreCase("url_button")) {
                clicks += c.count();
              }
            }
          }
          recordClicks(campaignId, variant, clicks);
          out.put(variant, clicks);
        });
    return out;
  }

  /**
   * Returns a variant's funnel as this tracker counted it.
   *
   * @param campaignId the campaign
   * @param variant the variant
   * @return the funnel; {@link Funnel#EMPTY} when nothing was counted
   */
  public Funnel funnel(String campaignId, String variant) {
    FunnelCounter c = funnels.getOrDefault(campaignId, Map.of()).get(variant);
    return c == null ? Funnel.EMPTY : c.snapshot();
  }

  /**
   * Returns the funnel of each variant of a campaign.
   *
   * @param campaignId the campaign
   * @return the funnels by variant, sorted by name
   */
  public Map<String, Funnel> funnels(String campaignId) {
    Map<String, Funnel> out = new TreeMap<>();
    funnels.getOrDefault(campaignId, Map.of()).forEach((v, c) -> out.put(v, c.snapshot()));
    return out;
  }

  private void onStatus(MessageStatusChanged s) {
    String wamid = s.messageId();
    if (wamid.isEmpty()) {
      return;
    }
    Optional<TrackingTag> fromData = s.bizOpaqueCallbackData().flatMap(TrackingTag::decode);
    DeliveryStatus status = s.status();
    boolean countSent = false;
    boolean countDelivered = false;
    boolean countRead = false;
    boolean countFailed = false;
    String chargedCategory = null;
    TrackingTag tag;
    Message original;
    synchronized (recent) {
      Sent sent = recent.get(wamid);
      if (sent == null) {
        sent = new Sent(fromData.orElse(null), null);
        recent.put(wamid, sent);
        countSent = status != DeliveryStatus.FAILED && status != DeliveryStatus.UNKNOWN;
      }
      tag = sent.tag != null ? sent.tag : fromData.orElse(null);
      original = sent.original;
      if (status == DeliveryStatus.FAILED) {
        countFailed = !sent.failed;
        sent.failed = true;
      } else if (status != DeliveryStatus.UNKNOWN) {
        int rank = status.rank();
        countDelivered =
            rank >= DeliveryStatus.DELIVERED.rank()
                && sent.rank < rank
                && sent.rank < DeliveryStatus.DELIVERED.rank();
        countRead = rank >= DeliveryStatus.READ.rank() && sent.rank < DeliveryStatus.READ.rank();
        sent.rank = Math.max(sent.rank, rank);
      }
      if (!sent.charged && s.pricing().isPresent() && s.pricing().get().isCharged()) {
        sent.charged = true;
        chargedCategory = s.pricing().get().category().orElse("unknown");
      }
    }
    if (tag != null) {
      FunnelCounter c = counter(tag);
      if (countSent) {
        c.sent();
      }
      if (countDelivered) {
        c.delivered();
      }
      if (countRead) {
        c.read();
      }
      if (countFailed) {
        c.failed(s.errorCode().orElse(0));
      }
      if (chargedCategory != null) {
        c.charged(chargedCategory);
      }
      for (TrackingListener l : listeners) {
        try {
          l.onStatus(tag, s);
        } catch (RuntimeException e) {
          LOG.warn("a tracking listener failed on a status of {}: {}", wamid, e.toString());
        }
      }
    }
    if (countFailed && !failureCallbacks.isEmpty()) {
      Optional<Message> message = Optional.ofNullable(original);
      if (message.isEmpty() && tag != null) {
        try {
          message = originals.apply(tag);
        } catch (RuntimeException e) {
          LOG.warn("could not rebuild the message of {}: {}", tag, e.toString());
        }
      }
      int code = s.errorCode().orElse(0);
      Optional<String> title = s.errors().stream().findFirst().flatMap(WebhookError::title);
      DeliveryFailure failure =
          new DeliveryFailure(
              wamid,
              s.recipientId(),
              Optional.ofNullable(tag),
              code,
              title,
              FailureAdvice.of(code),
              message,
              s.timestamp());
      for (Consumer<DeliveryFailure> cb : failureCallbacks) {
        try {
          cb.accept(failure);
        } catch (RuntimeException e) {
          LOG.warn("a failure callback failed on {}: {}", wamid, e.toString());
        }
      }
    }
  }

  private void onInbound(MessageReceived m) {
    Optional<String> answered = m.messageContext().flatMap(c -> c.id());
    if (answered.isEmpty()) {
      return;
    }
    String wamid = answered.get();
    TrackingTag tag = null;
    boolean count = false;
    boolean known;
    synchronized (recent) {
      Sent sent = recent.get(wamid);
      known = sent != null;
      if (known) {
        tag = sent.tag;
        count = !sent.replied;
        sent.replied = true;
      }
    }
    if (!known) {
      try {
        tag = wamidLookup.apply(wamid).orElse(null);
      } catch (RuntimeException e) {
        LOG.warn("could not look up the message a reply answers: {}", e.toString());
      }
      if (tag != null) {
        synchronized (recent) {
          Sent sent = recent.computeIfAbsent(wamid, k -> new Sent(null, null));
          count = !sent.replied;
          sent.replied = true;
        }
      }
    }
    if (tag == null) {
      return;
    }
    if (count) {
      counter(tag).replied();
    }
    for (TrackingListener l : listeners) {
      try {
        l.onReply(tag, wamid, m);
      } catch (RuntimeException e) {
        LOG.warn("a tracking listener failed on a reply to {}: {}", wamid, e.toString());
      }
    }
  }

  private static Optional<TrackingTag> tagOf(Message message) {
    return message.envelope().bizOpaqueCallbackData().flatMap(TrackingTag::decode);
  }

  private FunnelCounter counter(TrackingTag tag) {
    return counter(tag.campaignId(), tag.variant());
  }

  private FunnelCounter counter(String campaignId, String variant) {
    return funnels
        .computeIfAbsent(campaignId, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(variant, k -> new FunnelCounter());
  }

  @Override
  public String toString() {
    synchronized (recent) {
      return "DeliveryTracker[campaigns="
          + funnels.keySet()
          + ", remembered="
          + recent.size()
          + "]";
    }
  }

  /**
   * Configures a {@link DeliveryTracker}.
   *
   * <p>Not thread-safe; use one builder per tracker.
   */
  public static final class Builder {
    private Function<TrackingTag, Optional<Message>> originals = t -> Optional.empty();
    private Function<String, Optional<TrackingTag>> wamidLookup = w -> Optional.empty();
    private final List<Consumer<DeliveryFailure>> failureCallbacks = new ArrayList<>();
    private final List<TrackingListener> listeners = new ArrayList<>();
    private int recentCapacity = 100_000;

    private Builder() {}

    /**
     * Adds a callback for failed statuses. Called once per failed message.
     *
     * @param callback the callback
     * @return this builder
     */
    public Builder onFailure(Consumer<DeliveryFailure> callback) {
      failureCallbacks.add(Objects.requireNonNull(callback, "callback"));
      return this;
    }

    /**
     * Adds a listener for the statuses and replies of tagged messages.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(TrackingListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets how to rebuild a failed message from its tag when this tracker did not see it sent
     * (after a restart, or on another instance). Default: it is not rebuilt.
     *
     * @param originals the tag to the message
     * @return this builder
     */
    public Builder originals(Function<TrackingTag, Optional<Message>> originals) {
      this.originals = Objects.requireNonNull(originals, "originals");
      return this;
    }

    /**
     * Sets how to find the tag of a message by its {@code wamid}, for replies to messages this
     * tracker does not remember. Default: none.
     *
     * @param lookup the wamid to the tag
     * @return this builder
     */
    public Builder wamidLookup(Function<String, Optional<TrackingTag>> lookup) {
      this.wamidLookup = Objects.requireNonNull(lookup, "lookup");
      return this;
    }

    /**
     * Sets how many messages the tracker remembers for counting once and for tying replies back.
     * Default 100,000 (a few tens of megabytes at most).
     *
     * @param capacity at least 1
     * @return this builder
     */
    public Builder recentCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
      }
      this.recentCapacity = capacity;
      return this;
    }

    /**
     * Builds the tracker.
     *
     * @return the tracker
     */
    public DeliveryTracker build() {
      return new DeliveryTracker(this);
    }
  }
}
