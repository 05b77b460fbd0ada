package dev.wasdk.spring;

import dev.wasdk.sender.TierExhaustedPolicy;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Binds the {@code wasdk.*} properties that configure the WhatsApp client, the pacing sender, the
 * webhook endpoint and the optional Redis limiter store.
 *
 * <p>Four properties are required to send and receive: {@code wasdk.access-token}, {@code
 * wasdk.phone-number-id}, {@code wasdk.app-secret} and {@code wasdk.verify-token}; {@code
 * wasdk.waba-id} is the fifth, recommended one (the templates API needs it, and the sender keys the
 * messaging-limit window by it). Everything else has a default that matches the SDK's builders.
 * Missing or invalid values fail the start-up with a message naming the property.
 *
 * <pre>{@code
 * wasdk.access-token=${WHATSAPP_ACCESS_TOKEN}
 * wasdk.phone-number-id=106540352242922
 * wasdk.waba-id=102290129340398
 * wasdk.app-secret=${WHATSAPP_APP_SECRET}
 * wasdk.verify-token=${WHATSAPP_VERIFY_TOKEN}
 * }</pre>
 *
 * <p>{@link #toString()} never shows the access token, the app secrets or the verify token, only
 * whether they are set. Instances are bound once at start-up and then only read; they are not
 * thread-safe for changes.
 */
@ConfigurationProperties("wasdk")
public final class WhatsAppProperties {
  /**
   * Access token sent as the bearer token: a system-user token (recommended) or a business
   * integration token. Required for the client. Never logged.
   */
  private String accessToken;

  /** Id of the business phone number to send from (not the phone number itself). Required. */
  private String phoneNumberId;

  /**
   * Id of the WhatsApp Business Account. Needed by the templates, analytics and subscription APIs;
   * the sender also keys its messaging-limit window by it.
   */
  private String wabaId;

  /**
   * App secret that signs webhook deliveries (App Dashboard, App settings, Basic). Never logged.
   */
  private String appSecret;

  /**
   * App secret being rotated out; deliveries signed with it are accepted too until you remove it.
   * Never logged.
   */
  private String previousAppSecret;

  /**
   * Verify token typed into the App Dashboard next to the callback URL; answers the subscription
   * handshake. Never logged.
   */
  private String verifyToken;

  /**
   * Base URL of the Graph API. Change it only to reach a simulator or a proxy; the access token is
   * sent to this host.
   */
  private URI baseUrl = URI.create("https://graph.facebook.com");

  /** Graph API version of every request, such as v24.0 or 25.0. */
  private String apiVersion = "v24.0";

  /**
   * How long to wait for a connection to the Graph API; unset, 10 seconds. It configures the HTTP
   * client wasdk creates: a client on an HttpTransport bean, or on an HttpClient a customizer gives
   * it, takes that one's connect timeout, and setting this as well fails the start-up.
   */
  private Duration connectTimeout;

  /**
   * How long one request may wait for its response. A send that times out may have been accepted,
   * so it is never retried blindly: keep this well above Meta's usual latency.
   */
  private Duration requestTimeout = Duration.ofSeconds(30);

  private final Webhook webhook = new Webhook();

  private final Sender sender = new Sender();

  private final Redis redis = new Redis();

  private final Simulator simulator = new Simulator();

  /** Returns the access token, or null when not set. */
  public String getAccessToken() {
    return accessToken;
  }

  /**
   * Sets the access token.
   *
   * @param accessToken the token
   */
  public void setAccessToken(String accessToken) {
    this.accessToken = accessToken;
  }

  /** Returns the business phone number id, or null when not set. */
  public String getPhoneNumberId() {
    return phoneNumberId;
  }

  /**
   * Sets the business phone number id.
   *
   * @param phoneNumberId such as {@code 106540352242922}
   */
  public void setPhoneNumberId(String phoneNumberId) {
    this.phoneNumberId = phoneNumberId;
  }

  /** Returns the WhatsApp Business Account id, or null when not set. */
  public String getWabaId() {
    return wabaId;
  }

  /**
   * Sets the WhatsApp Business Account id.
   *
   * @param wabaId such as {@code 102290129340398}
   */
  public void setWabaId(String wabaId) {
    this.wabaId = wabaId;
  }

  /** Returns the app secret, or null when not set. */
  public String getAppSecret() {
    return appSecret;
  }

  /**
   * Sets the app secret.
   *
   * @param appSecret the secret
   */
  public void setAppSecret(String appSecret) {
    this.appSecret = appSecret;
  }

  /** Returns the app secret being rotated out, or null when not set. */
  public String getPreviousAppSecret() {
    return previousAppSecret;
  }

  /**
   * Sets the app secret being rotated out.
   *
   * @param previousAppSecret the old secret
   */
  public void setPreviousAppSecret(String previousAppSecret) {
    this.previousAppSecret = previousAppSecret;
  }

  /** Returns the verify token, or null when not set. */
  public String getVerifyToken() {
    return verifyToken;
  }

  /**
   * Sets the verify token.
   *
   * @param verifyToken the token
   */
  public void setVerifyToken(String verifyToken) {
    this.verifyToken = verifyToken;
  }

  /** Returns the Graph API base URL. */
  public URI getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets the Graph API base URL.
   *
   * @param baseUrl an absolute http or https URL
   */
  public void setBaseUrl(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Returns the Graph API version. */
  public String getApiVersion() {
    return apiVersion;
  }

  /**
   * Sets the Graph API version.
   *
   * @param apiVersion such as {@code v24.0}
   */
  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  /** Returns the connect timeout, or null when unset (the client's default, 10 seconds). */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the connect timeout.
   *
   * @param connectTimeout positive
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** Returns the request timeout. */
  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  /**
   * Sets the request timeout.
   *
   * @param requestTimeout positive
   */
  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  /** Returns the webhook settings. */
  public Webhook getWebhook() {
    return webhook;
  }

  /** Returns the pacing sender's settings. */
  public Sender getSender() {
    return sender;
  }

  /** Returns the Redis limiter store's settings. */
  public Redis getRedis() {
    return redis;
  }

  /** Returns the development simulator's settings. */
  public Simulator getSimulator() {
    return simulator;
  }

  /** Returns the settings with every secret shown only as set or not set. */
  @Override
  public String toString() {
    return "WhatsAppProperties[phoneNumberId="
        + phoneNumberId
        + ", wabaId="
        + wabaId
        + ", accessToken="
        + secret(accessToken)
        + ", appSecret="
        + secret(appSecret)
        + ", previousAppSecret="
        + secret(previousAppSecret)
        + ", verifyToken="
        + secret(verifyToken)
        + ", baseUrl="
        + baseUrl
        + ", apiVersion="
        + apiVersion
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", "
        + webhook
        + ", "
        + sender
        + ", "
        + redis
        + ", "
        + simulator
        + "]";
  }

  static String secret(String value) {
    return value == null ? "(not set)" : "(set)";
  }

  /** When the webhook endpoint acknowledges a delivery. */
  public enum Dispatch {
    /** After the listeners ran on the request thread; a listener that throws makes Meta retry. */
    SYNCHRONOUS,
    /** Once the events are queued in memory; listeners run on worker threads. */
    QUEUED,
    /**
     * Once the events are added to a Redis stream; listeners run on stream workers in any app
     * instance (needs dev.wasdk:whatsapp-sdk-redis; see {@code wasdk.webhook.redis-stream.*}).
     */
    REDIS_STREAM,
    /** The earlier name of {@link #SYNCHRONOUS}. */
    SYNC,
    /** The earlier name of {@link #QUEUED}. */
    ASYNC;

    /** Returns whether deliveries are acknowledged before the listeners run. */
    public boolean isHandedOff() {
      return this != SYNCHRONOUS && this != SYNC;
    }
  }

  /** What {@code MessageSender.submit} does when its queue is full. */
  public enum QueueFull {
    /** Completes the submission at once as rejected (queue full). */
    REJECT,
    /** Blocks the submitting thread for up to {@code wasdk.sender.queue-full-timeout}. */
    BLOCK
  }

  /** What the Redis limiter store does when Redis cannot be reached. */
  public enum RedisUnavailable {
    /** Every limiter call fails, so nothing is sent past a limit that cannot be checked. */
    FAIL_CLOSED,
    /** Limits are kept in this JVM, scaled to {@code wasdk.redis.fallback-fraction}. */
    FALLBACK_TO_LOCAL
  }

  /** The {@code wasdk.webhook.*} settings. */
  public static final class Webhook {
    /**
     * Whether to create the webhook endpoint (and, in a servlet web application, its controller).
     * Turn it off in an application that only sends.
     */
    private boolean enabled = true;

    /** Path of the webhook callback URL, for both the GET handshake and the signed POST. */
    private String path = "/webhooks/whatsapp";

    /**
     * Largest delivery body accepted; larger ones get 413 before anything is parsed. Meta sends at
     * most 3 MB; the default allows 3 MiB plus 64 KiB.
     */
    private DataSize maxBodySize = DataSize.ofKilobytes(3136);

    /**
     * When deliveries are acknowledged: SYNCHRONOUS after the listeners ran (a crash loses
     * nothing), QUEUED once the events are queued in memory (faster acknowledgements; a crash loses
     * the queued events), or REDIS_STREAM once they are added to a Redis stream that workers in
     * every app instance consume. SYNC and ASYNC are the earlier names of the first two.
     */
    private Dispatch dispatch = Dispatch.SYNCHRONOUS;

    /**
     * Whether a mismatching signature is checked again over the body with non-ASCII characters
     * escaped, for deliveries relayed through a proxy that re-encoded them.
     */
    private boolean escapedUnicodeFallback;

    private final Async async = new Async();

    private final Dedupe dedupe = new Dedupe();

    /** Returns whether the webhook endpoint is created. */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the webhook endpoint is created.
     *
     * @param enabled false for an application that only sends
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns the callback path. */
    public String getPath() {
      return path;
    }

    /**
     * Sets the callback path.
     *
     * @param path starting with {@code /}
     */
    public void setPath(String path) {
      this.path = path;
    }

    /** Returns the body size limit. */
    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    /**
     * Sets the body size limit.
     *
     * @param maxBodySize such as {@code 4MB}
     */
    public void setMaxBodySize(DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    /** Returns the dispatch mode. */
    public Dispatch getDispatch() {
      return dispatch;
    }

    /**
     * Sets the dispatch mode.
     *
     * @param dispatch SYNCHRONOUS, QUEUED or REDIS_STREAM
     */
    public void setDispatch(Dispatch dispatch) {
      this.dispatch = dispatch;
    }

    /** Returns whether the escaped-unicode signature fallback is on. */
    public boolean isEscapedUnicodeFallback() {
      return escapedUnicodeFallback;
    }

    /**
     * Sets whether the escaped-unicode signature fallback is on.
     *
     * @param escapedUnicodeFallback whether to check the escaped form too
     */
    public void setEscapedUnicodeFallback(boolean escapedUnicodeFallback) {
      this.escapedUnicodeFallback = escapedUnicodeFallback;
    }

    /** Returns the asynchronous dispatch settings. */
    public Async getAsync() {
      return async;
    }

    /** Returns the de-duplication settings. */
    public Dedupe getDedupe() {
      return dedupe;
    }

    @Override
    public String toString() {
      return "webhook[enabled="
          + enabled
          + ", path="
          + path
          + ", maxBodySize="
          + maxBodySize
          + ", dispatch="
          + dispatch
          + ", escapedUnicodeFallback="
          + escapedUnicodeFallback
          + ", "
          + async
          + ", "
          + dedupe
          + "]";
    }
  }

  /** The {@code wasdk.webhook.async.*} settings, used when the dispatch is QUEUED. */
  public static final class Async {
    /**
     * How many events may wait or run at once; a delivery beyond it gets 503, so Meta retries
     * later.
     */
    private int capacity = 10_000;

    /** Number of worker threads that run the listeners. */
    private int workers = 2;

    /** How long the queue may drain when the application stops. */
    private Duration drainTimeout = Duration.ofSeconds(30);

    /** Returns the queue capacity in events. */
    public int getCapacity() {
      return capacity;
    }

    /**
     * Sets the queue capacity in events.
     *
     * @param capacity at least 1
     */
    public void setCapacity(int capacity) {
      this.capacity = capacity;
    }

    /** Returns the number of worker threads. */
    public int getWorkers() {
      return workers;
    }

    /**
     * Sets the number of worker threads.
     *
     * @param workers at least 1
     */
    public void setWorkers(int workers) {
      this.workers = workers;
    }

    /** Returns the drain timeout on shutdown. */
    public Duration getDrainTimeout() {
      return drainTimeout;
    }

    /**
     * Sets the drain timeout on shutdown.
     *
     * @param drainTimeout zero or positive
     */
    public void setDrainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
    }

    @Override
    public String toString() {
      return "async[capacity="
          + capacity
          + ", workers="
          + workers
          + ", drainTimeout="
          + drainTimeout
          + "]";
    }
  }

  /** The {@code wasdk.webhook.dedupe.*} settings of the in-memory de-duplication store. */
  public static final class Dedupe {
    /**
     * Most event keys remembered at once (roughly 200 to 300 bytes each); the oldest are forgotten
     * first.
     */
    private int maxKeys = 100_000;

    /** How long an event key is remembered; Meta retries a delivery for up to 7 days. */
    private Duration horizon = Duration.ofDays(7);

    /** Returns the most keys remembered. */
    public int getMaxKeys() {
      return maxKeys;
    }

    /**
     * Sets the most keys remembered.
     *
     * @param maxKeys at least 1
     */
    public void setMaxKeys(int maxKeys) {
      this.maxKeys = maxKeys;
    }

    /** Returns how long a key is remembered. */
    public Duration getHorizon() {
      return horizon;
    }

    /**
     * Sets how long a key is remembered.
     *
     * @param horizon positive
     */
    public void setHorizon(Duration horizon) {
      this.horizon = horizon;
    }

    @Override
    public String toString() {
      return "dedupe[maxKeys=" + maxKeys + ", horizon=" + horizon + "]";
    }
  }

  /** The {@code wasdk.sender.*} settings of the pacing {@code MessageSender}. */
  public static final class Sender {
    /** Whether to create the pacing MessageSender bean. */
    private boolean enabled = true;

    /**
     * The phone number's throughput in messages per second: 80 by default, 20 for coexistence
     * numbers, 1000 after Meta's upgrade.
     */
    private int throughput = 80;

    /** How many sends may go at once after an idle time; 1 spaces them evenly. */
    private int throughputBurst = 1;

    /**
     * Share of the throughput left unused (0 to 0.5): the sender paces at the throughput times (1 -
     * headroom), and no span of 1 + headroom / 2 seconds holds more of its sends than the
     * throughput, which absorbs network jitter. Raise it when the number also receives much inbound
     * traffic.
     */
    private double throughputHeadroom = 0.02;

    /** How long the throughput takes to grow back after a 130429 answer lowered it. */
    private Duration throughputRecovery = Duration.ofSeconds(5);

    /**
     * The business portfolio's messaging-limit tier, as Meta spells it (TIER_250, TIER_2K,
     * TIER_10K, TIER_100K, TIER_UNLIMITED) or as a number of users. Webhooks update it live.
     */
    private String tier = "TIER_250";

    /** What happens to a message that needs a tier slot when none is free: DEFER or REJECT. */
    private TierExhaustedPolicy tierExhaustedPolicy = TierExhaustedPolicy.DEFER;

    /**
     * Key of the messaging-limit window: the business portfolio id. Senders of one portfolio must
     * share it. Default: the WABA id, else the phone number id.
     */
    private String portfolioId;

    /**
     * Most requests in flight at once. Default: max(16, throughput / 2), which keeps the rate with
     * up to 500 ms of latency.
     */
    private Integer maxInFlight;

    /** Most messages waiting in the sender's queue. */
    private int queueCapacity = 100_000;

    /** What submit does when the queue is full: REJECT at once, or BLOCK for a while. */
    private QueueFull queueFullPolicy = QueueFull.REJECT;

    /** How long submit blocks for room when the queue-full policy is BLOCK. */
    private Duration queueFullTimeout = Duration.ofSeconds(5);

    /**
     * How many requests one message may take when the earlier ones were provably not accepted
     * (131056, no connection).
     */
    private int maxAttempts = 10;

    /**
     * Whether free-form messages to users without an open 24-hour customer-service window are
     * refused before the network. Inbound webhooks open the window automatically.
     */
    private boolean enforceServiceWindow = true;

    /** Whether marketing templates need a recorded opt-in. Opt-outs are honoured either way. */
    private boolean requireMarketingOptIn = true;

    /**
     * How many recent sends are remembered by message id, to give back their tier slots when a
     * failed status arrives.
     */
    private int recentSends = 100_000;

    private final MarketingCap marketingFrequencyCap = new MarketingCap();

    /** Returns whether the sender bean is created. */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the sender bean is created.
     *
     * @param enabled whether to create it
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns the throughput in messages per second. */
    public int getThroughput() {
      return throughput;
    }

    /**
     * Sets the throughput in messages per second.
     *
     * @param throughput 1 to 100,000
     */
    public void setThroughput(int throughput) {
      this.throughput = throughput;
    }

    /** Returns the burst. */
    public int getThroughputBurst() {
      return throughputBurst;
    }

    /**
     * Sets the burst.
     *
     * @param throughputBurst at least 1
     */
    public void setThroughputBurst(int throughputBurst) {
      this.throughputBurst = throughputBurst;
    }

    /** Returns the headroom share. */
    public double getThroughputHeadroom() {
      return throughputHeadroom;
    }

    /**
     * Sets the headroom share.
     *
     * @param throughputHeadroom 0 to 0.5
     */
    public void setThroughputHeadroom(double throughputHeadroom) {
      this.throughputHeadroom = throughputHeadroom;
    }

    /** Returns the throughput recovery time. */
    public Duration getThroughputRecovery() {
      return throughputRecovery;
    }

    /**
     * Sets the throughput recovery time.
     *
     * @param throughputRecovery positive
     */
    public void setThroughputRecovery(Duration throughputRecovery) {
      this.throughputRecovery = throughputRecovery;
    }

    /** Returns the messaging-limit tier as configured. */
    public String getTier() {
      return tier;
    }

    /**
     * Sets the messaging-limit tier.
     *
     * @param tier such as {@code TIER_2K} or {@code 2000}
     */
    public void setTier(String tier) {
      this.tier = tier;
    }

    /** Returns the tier-exhausted policy. */
    public TierExhaustedPolicy getTierExhaustedPolicy() {
      return tierExhaustedPolicy;
    }

    /**
     * Sets the tier-exhausted policy.
     *
     * @param tierExhaustedPolicy DEFER or REJECT
     */
    public void setTierExhaustedPolicy(TierExhaustedPolicy tierExhaustedPolicy) {
      this.tierExhaustedPolicy = tierExhaustedPolicy;
    }

    /** Returns the portfolio id, or null for the default. */
    public String getPortfolioId() {
      return portfolioId;
    }

    /**
     * Sets the portfolio id.
     *
     * @param portfolioId the business portfolio id
     */
    public void setPortfolioId(String portfolioId) {
      this.portfolioId = portfolioId;
    }

    /** Returns the most requests in flight, or null for the default. */
    public Integer getMaxInFlight() {
      return maxInFlight;
    }

    /**
     * Sets the most requests in flight.
     *
     * @param maxInFlight 1 to 10,000
     */
    public void setMaxInFlight(Integer maxInFlight) {
      this.maxInFlight = maxInFlight;
    }

    /** Returns the queue capacity. */
    public int getQueueCapacity() {
      return queueCapacity;
    }

    /**
     * Sets the queue capacity.
     *
     * @param queueCapacity at least 1
     */
    public void setQueueCapacity(int queueCapacity) {
      this.queueCapacity = queueCapacity;
    }

    /** Returns the queue-full policy. */
    public QueueFull getQueueFullPolicy() {
      return queueFullPolicy;
    }

    /**
     * Sets the queue-full policy.
     *
     * @param queueFullPolicy REJECT or BLOCK
     */
    public void setQueueFullPolicy(QueueFull queueFullPolicy) {
      this.queueFullPolicy = queueFullPolicy;
    }

    /** Returns how long submit blocks under the BLOCK policy. */
    public Duration getQueueFullTimeout() {
      return queueFullTimeout;
    }

    /**
     * Sets how long submit blocks under the BLOCK policy.
     *
     * @param queueFullTimeout zero or positive
     */
    public void setQueueFullTimeout(Duration queueFullTimeout) {
      this.queueFullTimeout = queueFullTimeout;
    }

    /** Returns the most requests per message. */
    public int getMaxAttempts() {
      return maxAttempts;
    }

    /**
     * Sets the most requests per message.
     *
     * @param maxAttempts 1 to 100
     */
    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    /** Returns whether the service window is enforced. */
    public boolean isEnforceServiceWindow() {
      return enforceServiceWindow;
    }

    /**
     * Sets whether the service window is enforced.
     *
     * @param enforceServiceWindow whether to refuse before the network
     */
    public void setEnforceServiceWindow(boolean enforceServiceWindow) {
      this.enforceServiceWindow = enforceServiceWindow;
    }

    /** Returns whether marketing needs an opt-in. */
    public boolean isRequireMarketingOptIn() {
      return requireMarketingOptIn;
    }

    /**
     * Sets whether marketing needs an opt-in.
     *
     * @param requireMarketingOptIn whether an opt-in is needed
     */
    public void setRequireMarketingOptIn(boolean requireMarketingOptIn) {
      this.requireMarketingOptIn = requireMarketingOptIn;
    }

    /** Returns how many recent sends are remembered. */
    public int getRecentSends() {
      return recentSends;
    }

    /**
     * Sets how many recent sends are remembered.
     *
     * @param recentSends 0 or more
     */
    public void setRecentSends(int recentSends) {
      this.recentSends = recentSends;
    }

    /** Returns the per-user marketing frequency cap. */
    public MarketingCap getMarketingFrequencyCap() {
      return marketingFrequencyCap;
    }

    @Override
    public String toString() {
      return "sender[enabled="
          + enabled
          + ", throughput="
          + throughput
          + ", throughputBurst="
          + throughputBurst
          + ", throughputHeadroom="
          + throughputHeadroom
          + ", throughputRecovery="
          + throughputRecovery
          + ", tier="
          + tier
          + ", tierExhaustedPolicy="
          + tierExhaustedPolicy
          + ", portfolioId="
          + portfolioId
          + ", maxInFlight="
          + maxInFlight
          + ", queueCapacity="
          + queueCapacity
          + ", queueFullPolicy="
          + queueFullPolicy
          + ", queueFullTimeout="
          + queueFullTimeout
          + ", maxAttempts="
          + maxAttempts
          + ", enforceServiceWindow="
          + enforceServiceWindow
          + ", requireMarketingOptIn="
          + requireMarketingOptIn
          + ", recentSends="
          + recentSends
          + ", "
          + marketingFrequencyCap
          + "]";
    }
  }

  /**
   * The {@code wasdk.sender.marketing-frequency-cap.*} settings: at most {@code count} marketing
   * templates per user per {@code period}. Off unless {@code count} is set.
   */
  public static final class MarketingCap {
    /** Most marketing templates one user receives per period; unset means no cap of our own. */
    private Integer count;

    /** The period of the marketing cap. */
    private Duration period = Duration.ofDays(7);

    /** Returns the count, or null when there is no cap. */
    public Integer getCount() {
      return count;
    }

    /**
     * Sets the count.
     *
     * @param count at least 1
     */
    public void setCount(Integer count) {
      this.count = count;
    }

    /** Returns the period. */
    public Duration getPeriod() {
      return period;
    }

    /**
     * Sets the period.
     *
     * @param period positive
     */
    public void setPeriod(Duration period) {
      this.period = period;
    }

    @Override
    public String toString() {
      return "marketingFrequencyCap[count=" + count + ", period=" + period + "]";
    }
  }

  /** The {@code wasdk.redis.*} settings of the shared limiter store. */
  public static final class Redis {
    /**
     * Whether the sender keeps its limits in Redis, shared by every app instance, instead of in
     * memory. Needs dev.wasdk:whatsapp-sdk-redis on the class path.
     */
    private boolean enabled;

    /**
     * Redis URI in Lettuce's syntax, such as redis://localhost:6379 or
     * rediss://:password@host:6380/0. Never logged.
     */
    private String uri = "redis://localhost:6379";

    /** Prefix of every key the store writes; change it to separate deployments on one Redis. */
    private String keyPrefix = "wasdk:limiter:";

    /**
     * How long a call waits for Redis before it counts as unavailable; also the connect timeout.
     */
    private Duration commandTimeout = Duration.ofSeconds(1);

    /** Least time between two reconnection attempts after the connection is lost. */
    private Duration reconnectInterval = Duration.ofSeconds(1);

    /**
     * What happens while Redis is unavailable: FAIL_CLOSED (nothing is sent past a limit that
     * cannot be checked) or FALLBACK_TO_LOCAL (limits kept in this JVM, scaled down).
     */
    private RedisUnavailable onUnavailable = RedisUnavailable.FAIL_CLOSED;

    /**
     * Share of each shared limit kept locally under FALLBACK_TO_LOCAL; about one over the number of
     * app instances.
     */
    private double fallbackFraction = 0.5;

    /** Returns whether the Redis store is used. */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the Redis store is used.
     *
     * @param enabled whether to use it
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns the Redis URI. */
    public String getUri() {
      return uri;
    }

    /**
     * Sets the Redis URI.
     *
     * @param uri in Lettuce's syntax
     */
    public void setUri(String uri) {
      this.uri = uri;
    }

    /** Returns the key prefix. */
    public String getKeyPrefix() {
      return keyPrefix;
    }

    /**
     * Sets the key prefix.
     *
     * @param keyPrefix may be empty
     */
    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    /** Returns the command timeout. */
    public Duration getCommandTimeout() {
      return commandTimeout;
    }

    /**
     * Sets the command timeout.
     *
     * @param commandTimeout positive
     */
    public void setCommandTimeout(Duration commandTimeout) {
      this.commandTimeout = commandTimeout;
    }

    /** Returns the reconnect interval. */
    public Duration getReconnectInterval() {
      return reconnectInterval;
    }

    /**
     * Sets the reconnect interval.
     *
     * @param reconnectInterval zero or positive
     */
    public void setReconnectInterval(Duration reconnectInterval) {
      this.reconnectInterval = reconnectInterval;
    }

    /** Returns what happens while Redis is unavailable. */
    public RedisUnavailable getOnUnavailable() {
      return onUnavailable;
    }

    /**
     * Sets what happens while Redis is unavailable.
     *
     * @param onUnavailable FAIL_CLOSED or FALLBACK_TO_LOCAL
     */
    public void setOnUnavailable(RedisUnavailable onUnavailable) {
      this.onUnavailable = onUnavailable;
    }

    /** Returns the local fallback fraction. */
    public double getFallbackFraction() {
      return fallbackFraction;
    }

    /**
     * Sets the local fallback fraction.
     *
     * @param fallbackFraction greater than 0 and at most 1
     */
    public void setFallbackFraction(double fallbackFraction) {
      this.fallbackFraction = fallbackFraction;
    }

    @Override
    public String toString() {
      return "redis[enabled="
          + enabled
          + ", uri="
          + secret(uri)
          + ", keyPrefix="
          + keyPrefix
          + ", commandTimeout="
          + commandTimeout
          + ", reconnectInterval="
          + reconnectInterval
          + ", onUnavailable="
          + onUnavailable
          + ", fallbackFraction="
          + fallbackFraction
          + "]";
    }
  }

  /**
   * The {@code wasdk.simulator.*} settings: a development mode that runs the application against an
   * embedded WhatsApp simulator instead of WhatsApp.
   */
  public static final class Simulator {
    /**
     * Whether to start an embedded WhatsApp simulator and send to it instead of WhatsApp, with its
     * own credentials, and have it post signed webhooks to this application's endpoint. For
     * development only; needs dev.wasdk:whatsapp-sdk-testkit on the class path. Off by default.
     */
    private boolean enabled;

    /** Port of the embedded simulator on 127.0.0.1; 0 picks a free port. */
    private int port;

    /** Returns whether the development simulator is on. */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether the development simulator is on.
     *
     * @param enabled true to send to an embedded simulator instead of WhatsApp
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns the simulator's port; 0 picks a free one. */
    public int getPort() {
      return port;
    }

    /**
     * Sets the simulator's port.
     *
     * @param port 0 to 65535; 0 picks a free port
     */
    public void setPort(int port) {
      this.port = port;
    }

    @Override
    public String toString() {
      return "simulator[enabled=" + enabled + ", port=" + port + "]";
    }
  }
}
