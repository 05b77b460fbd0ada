package dev.wasdk.client;

import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.internal.http.AppSecretProof;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.http.SdkVersion;
import dev.wasdk.internal.http.Sleeper;
import dev.wasdk.internal.http.TransportSettings;
import dev.wasdk.observe.WhatsAppObserver;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client for the WhatsApp Business Cloud API, bound to one business phone number.
 *
 * <pre>{@code
 * try (WhatsAppClient wa = WhatsAppClient.builder()
 *     .accessToken(System.getenv("WHATSAPP_TOKEN"))
 *     .phoneNumberId("106540352242922")
 *     .build()) {
 *   SendResult r = wa.messages().send(Message.to("+16505551234").text("Hello"));
 *   System.out.println(r.wamid());
 * }
 * }</pre>
 *
 * <p><b>Thread-safety and reuse.</b> A client is immutable and thread-safe. Build one per phone
 * number and share it for the life of the application: it holds the connection pool. There is no
 * global state; several clients, for different numbers, tokens or servers, coexist.
 *
 * <p><b>Lifecycle.</b> {@link #close()} rejects further calls with {@link IllegalStateException}
 * and makes pending automatic retries give up with their last failure. The client owns the HTTP
 * client it creates: on JDK 21 and later, closing the client closes it, which waits for calls in
 * flight to finish; on JDK 17 the JDK offers no way to close an HTTP client, and its connections
 * and threads are released when it is garbage-collected. A caller-supplied {@link HttpClient},
 * {@link HttpTransport} or {@link Executor} is never closed. The client owns no other threads.
 *
 * <p><b>Secrets.</b> The access token is sent only to the base URL's host (and to Meta's media host
 * for downloads), never follows redirects (a caller-supplied HTTP client that would is refused),
 * travels over plain http only to a loopback host unless {@link Builder#allowInsecureHttp()} says
 * otherwise, and never appears in {@link #toString()}, logs or exception messages.
 *
 * <p><b>Bounds.</b> Every attempt has a deadline for its whole response, body included ({@link
 * Builder#requestTimeout}, or {@link Builder#downloadTimeout} for media), and a response read into
 * memory is capped ({@link Builder#maxResponseBytes}), so a stalled or oversized answer fails the
 * call instead of hanging it or filling the heap.
 */
public final class WhatsAppClient implements AutoCloseable {
  /** The default base URL. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://graph.facebook.com");

  /** The default cap on a response body read into memory: 1 MiB. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

  /**
   * The HTTP version of the HTTP client the builder creates, for every base URL: HTTP/1.1, which
   * sent faster than the JDK client's HTTP/2 at every concurrency measured (docs/benchmarks.md,
   * section 18).
   */
  private static final HttpClient.Version DEFAULT_HTTP_VERSION = HttpClient.Version.HTTP_1_1;

  /** Meta's media download host, which also receives the bearer token. */
  static final String MEDIA_HOST = "lookaside.fbsbx.com";

  private final Builder config;
  private final GraphTransport transport;
  private final MessagesApi messages;
  private final ManagementCalls management;
  private final MediaApi media;
  private final TemplatesApi templates;
  private final PhoneNumbersApi phoneNumbers;
  private final BusinessProfileApi businessProfile;
  private final BlockedUsersApi blockedUsers;
  private final QrCodesApi qrCodes;
  private final WebhookSubscriptionsApi webhookSubscriptions;
  private final AnalyticsApi analytics;
  private final FlowsApi flows;
  private final GraphApi graph;
  private final CallsApi calls;
  private final GroupsApi groups;

  private WhatsAppClient(Builder b, GraphTransport transport) {
    this.config = b;
    this.transport = transport;
    this.messages = new MessagesApi(transport, b.phoneNumberId);
    this.management =
        new ManagementCalls(
            transport, b.clock, b.executor != null ? b.executor : ForkJoinPool.commonPool());
    this.media = new MediaApi(management, b.phoneNumberId);
    this.templates = new TemplatesApi(management, b.wabaId);
    this.phoneNumbers = new PhoneNumbersApi(management, b.phoneNumberId, b.wabaId);
    this.businessProfile = new BusinessProfileApi(management, b.phoneNumberId);
    this.blockedUsers = new BlockedUsersApi(management, b.phoneNumberId);
    this.qrCodes = new QrCodesApi(management, b.phoneNumberId);
    this.webhookSubscriptions = new WebhookSubscriptionsApi(management, b.wabaId);
    this.analytics = new AnalyticsApi(management, b.wabaId);
    this.flows = new FlowsApi(management, b.wabaId);
    this.graph = new GraphApi(management);
    this.calls = new CallsApi(management, b.phoneNumberId);
    this.groups = new GroupsApi(management, b.phoneNumberId);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder with this client's settings, to build a variant (another phone number, say).
   * A caller-supplied HTTP client is carried over; one the client created is not.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return config.copy();
  }

  /**
   * Returns the observer this client reports to, {@link WhatsAppObserver#none()} unless {@link
   * Builder#observer} set one. A {@code MessageSender} built on this client reports to it too.
   *
   * @return the observer, with its failures isolated
   */
  public WhatsAppObserver observer() {
    return config.observer;
  }

  /** Returns the API for sending messages and read receipts. */
  public MessagesApi messages() {
    return messages;
  }

  /** Returns the API for uploading, downloading and deleting media. */
  public MediaApi media() {
    return media;
  }

  /**
   * Returns the API for message templates. Its calls need {@link Builder#wabaId(String)}; without
   * it they throw {@link IllegalStateException}.
   */
  public TemplatesApi templates() {
    return templates;
  }

  /** Returns the API for phone numbers: details, registration, verification and settings. */
  public PhoneNumbersApi phoneNumbers() {
    return phoneNumbers;
  }

  /** Returns the API for this phone number's business profile. */
  public BusinessProfileApi businessProfile() {
    return businessProfile;
  }

  /** Returns the API for blocking and unblocking users. */
  public BlockedUsersApi blockedUsers() {
    return blockedUsers;
  }

  /** Returns the API for this phone number's message QR codes and short links. */
  public QrCodesApi qrCodes() {
    return qrCodes;
  }

  /**
   * Returns the API for subscribing the app to the WABA's webhooks. Its calls need {@link
   * Builder#wabaId(String)}; without it they throw {@link IllegalStateException}.
   */
  public WebhookSubscriptionsApi webhookSubscriptions() {
    return webhookSubscriptions;
  }

  /**
   * Returns the API for the WABA's messaging, pricing and template analytics. Its calls need {@link
   * Builder#wabaId(String)}; without it they throw {@link IllegalStateException}.
   */
  public AnalyticsApi analytics() {
    return analytics;
  }

  /**
   * Returns the API for WhatsApp Flows: create, upload Flow JSON, publish, metrics and more.
   * Creating, listing and migrating need {@link Builder#wabaId(String)}; without it they throw
   * {@link IllegalStateException}.
   */
  public FlowsApi flows() {
    return flows;
  }

  /**
   * Returns the raw Graph API, for endpoints wasdk does not cover yet: any method, path and body,
   * with this client's token, {@code appsecret_proof}, base URL, version, error mapping and retry
   * rules.
   */
  public GraphApi graph() {
    return graph;
  }

  /**
   * Returns the Calling API: place, answer and end calls, read call permissions and the number's
   * calling settings.
   */
  public CallsApi calls() {
    return calls;
  }

  /**
   * Returns the Groups API: create and delete groups, their settings, invite link, join requests
   * and participants.
   */
  public GroupsApi groups() {
    return groups;
  }

  /** Returns the business phone number id this client sends from. */
  public String phoneNumberId() {
    return config.phoneNumberId;
  }

  /** Returns the WhatsApp Business Account id, when one was configured. */
  public Optional<String> wabaId() {
    return Optional.ofNullable(config.wabaId);
  }

  /** Returns the Graph API version of every request. */
  public ApiVersion apiVersion() {
    return config.apiVersion;
  }

  /** Returns the base URL, such as {@code https://graph.facebook.com}. */
  public URI baseUrl() {
    return config.baseUrl;
  }

  /** Returns the retry policy. */
  public RetryPolicy retryPolicy() {
    return config.retryPolicy;
  }

  /** Returns the transport, for the other APIs of this package. */
  GraphTransport transport() {
    return transport;
  }

  /**
   * Closes the client; see the class description for what that means. Calling it again does
   * nothing.
   */
  @Override
  public void close() {
    transport.close();
  }

  /** Returns the phone number id, WABA id, base URL and version; never the token. */
  @Override
  public String toString() {
    return "WhatsAppClient[phoneNumberId="
        + config.phoneNumberId
        + (config.wabaId != null ? ", wabaId=" + config.wabaId : "")
        + ", baseUrl="
        + config.baseUrl
        + ", apiVersion="
        + config.apiVersion
        + (transport.isClosed() ? ", closed" : "")
        + "]";
  }

  /**
   * Builds a {@link WhatsAppClient}. An access token (or provider) and a phone number id are
   * required; everything else has a documented default. Setters check their values; {@link
   * #build()} checks how they combine. Not thread-safe.
   */
  public static final class Builder {
    private AccessTokenProvider tokens;
    private AppSecretProof appSecretProof;
    private String phoneNumberId;
    private String wabaId;
    private URI baseUrl = DEFAULT_BASE_URL;
    private ApiVersion apiVersion = ApiVersion.DEFAULT;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private boolean connectTimeoutSet;
    private HttpClient.Version httpVersion = DEFAULT_HTTP_VERSION;
    private boolean httpVersionSet;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration downloadTimeout = Duration.ofMinutes(10);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private boolean allowInsecureHttp;
    private HttpClient httpClient;
    private HttpTransport transport;
    private Executor executor;
    private String userAgent = "wasdk/" + SdkVersion.VALUE;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Logger logger;
    private WhatsAppObserver observer = WhatsAppObserver.none();

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.tokens = tokens;
      b.appSecretProof = appSecretProof;
      b.phoneNumberId = phoneNumberId;
      b.wabaId = wabaId;
      b.baseUrl = baseUrl;
      b.apiVersion = apiVersion;
      b.connectTimeout = connectTimeout;
      b.connectTimeoutSet = connectTimeoutSet;
      b.httpVersion = httpVersion;
      b.httpVersionSet = httpVersionSet;
      b.requestTimeout = requestTimeout;
      b.downloadTimeout = downloadTimeout;
      b.maxResponseBytes = maxResponseBytes;
      b.allowInsecureHttp = allowInsecureHttp;
      b.httpClient = httpClient;
      b.transport = transport;
      b.executor = executor;
      b.userAgent = userAgent;
      b.retryPolicy = retryPolicy;
      b.clock = clock;
      b.sleeper = sleeper;
      b.random = random;
      b.logger = logger;
      b.observer = observer;
      return b;
    }

    /**
     * Sets a fixed access token; replaces any provider set before. Use {@link #accessTokenProvider}
     * when the token rotates.
     *
     * @param accessToken a system-user (recommended), business-integration or user token
     * @return this builder
     */
    public Builder accessToken(String accessToken) {
      this.tokens = AccessTokenProvider.of(accessToken);
      return this;
    }

    /**
     * Sets where tokens come from; called once per request. Replaces a fixed token set before.
     *
     * @param provider a thread-safe, fast provider (see {@link AccessTokenProvider})
     * @return this builder
     */
    public Builder accessTokenProvider(AccessTokenProvider provider) {
      this.tokens = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /**
     * Sets the app secret, so that every Graph request carries an {@code appsecret_proof} (the
     * HMAC-SHA256 of the request's access token, keyed with this secret, in hex). Meta requires it
     * once the app's "Require App Secret" setting is on, and it proves that a stolen token alone is
     * not enough. The proof is computed again whenever the token provider hands out a new token. It
     * is not sent to Meta's media download host. The secret never appears in {@code toString()},
     * logs or exception messages. Optional; default none.
     *
     * <pre>{@code
     * WhatsAppClient wa = WhatsAppClient.builder()
     *     .accessToken(System.getenv("WHATSAPP_TOKEN"))
     *     .appSecret(System.getenv("WHATSAPP_APP_SECRET"))
     *     .phoneNumberId("106540352242922")
     *     .build();
     * }</pre>
     *
     * @param appSecret the app secret from the App Dashboard (App settings, Basic)
     * @return this builder
     * @throws IllegalArgumentException if the secret is blank or contains whitespace
     */
    public Builder appSecret(String appSecret) {
      this.appSecretProof = AppSecretProof.of(appSecret);
      return this;
    }

    /**
     * Sets the business phone number id to send from (not the phone number itself). Required.
     *
     * @param phoneNumberId such as {@code 106540352242922}
     * @return this builder
     */
    public Builder phoneNumberId(String phoneNumberId) {
      this.phoneNumberId = id(phoneNumberId, "phoneNumberId");
      return this;
    }

    /**
     * Sets the WhatsApp Business Account id, which the template and phone-number APIs need.
     * Optional.
     *
     * @param wabaId such as {@code 102290129340398}
     * @return this builder
     */
    public Builder wabaId(String wabaId) {
      this.wabaId = id(wabaId, "wabaId");
      return this;
    }

    /**
     * Sets the base URL. Default {@code https://graph.facebook.com}. Change it to reach a simulator
     * ({@code http://127.0.0.1:8089}) or a proxy; a path prefix is kept. Plain {@code http} is
     * accepted only for a loopback host ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}),
     * since the access token would travel in clear text; {@link #allowInsecureHttp()} lifts that
     * for a trusted network.
     *
     * @param baseUrl an absolute http or https URL without user info, query or fragment
     * @return this builder
     */
    public Builder baseUrl(URI baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      // Messages name the scheme and host only: the URL could carry a password in its user info.
      if (baseUrl.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must not carry user info");
      }
      String scheme = baseUrl.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
          || baseUrl.getHost() == null) {
        throw new IllegalArgumentException(
            "baseUrl must be an absolute http or https URL with a host, but its scheme was "
                + (scheme == null ? "missing" : "'" + scheme + "'")
                + (baseUrl.getHost() == null ? " and it had no host" : ""));
      }
      if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl must not have a query or fragment");
      }
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Allows a plain {@code http} base URL on a host that is not loopback, such as a simulator in
     * another container. The access token and message contents then cross the network unencrypted:
     * use it only on a network you trust, never towards Meta. Default: not allowed.
     *
     * @return this builder
     */
    public Builder allowInsecureHttp() {
      this.allowInsecureHttp = true;
      return this;
    }

    /**
     * Sets the Graph API version. Default {@link ApiVersion#DEFAULT} (v24.0; see {@link ApiVersion}
     * for why).
     *
     * @param apiVersion the version
     * @return this builder
     */
    public Builder apiVersion(ApiVersion apiVersion) {
      this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
      return this;
    }

    /**
     * Sets how long to wait for a connection. Default 10 s. Applies only to the HTTP client the
     * client creates; it cannot be combined with {@link #httpClient}.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      this.connectTimeoutSet = true;
      return this;
    }

    /**
     * Sets how long one attempt may take, from sending the request to the last byte of its
     * response. Default 30 s. The deadline covers the body too, so a server that sends headers and
     * then stalls cannot hang a call. A send that times out may have been accepted, so it is
     * reported as maybe sent and not retried: keep this well above Meta's usual latency. Media
     * downloads have their own {@link #downloadTimeout}.
     *
     * @param requestTimeout a positive duration
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * Sets how long one media download may take, from sending the request to the last byte of the
     * file. Default 10 minutes, enough for 100 MB at about 170 KB/s. The response headers must
     * still arrive within the {@link #requestTimeout}. Lower it when a stalled download should fail
     * sooner; raise it for large files on slow links.
     *
     * @param downloadTimeout a positive duration
     * @return this builder
     */
    public Builder downloadTimeout(Duration downloadTimeout) {
      this.downloadTimeout = positive(downloadTimeout, "downloadTimeout");
      return this;
    }

    /**
     * Sets the largest response body the client reads into memory, for every call but media
     * downloads (which have their own cap). Default {@link #DEFAULT_MAX_RESPONSE_BYTES} (1 MiB),
     * far above any documented answer. A larger body fails the call with a {@link
     * dev.wasdk.error.RequestMaybeSentException} ({@code UNREADABLE_RESPONSE}) instead of filling
     * the heap; raise it only for an endpoint known to answer more.
     *
     * @param maxResponseBytes a positive number of bytes
     * @return this builder
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes <= 0) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be positive, but was " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Sets the HTTP version of the HTTP client the client creates. Default {@link
     * HttpClient.Version#HTTP_1_1}, also for {@code https} base URLs, where the JDK's own default
     * would be HTTP/2: measured against an HTTP/2 server over TLS, the JDK 17 client took 1.2 to
     * 2.6 times as long per send on one multiplexed HTTP/2 connection as on HTTP/1.1 connections,
     * more the more threads sent at once (docs/benchmarks.md, section 18). Choose {@link
     * HttpClient.Version#HTTP_2} to keep to one connection per client, for example behind a proxy
     * that limits connections; the client then falls back to HTTP/1.1 where the server does not
     * offer HTTP/2. Plain {@code http} base URLs always use HTTP/1.1. Applies only to the HTTP
     * client the client creates; it cannot be combined with {@link #httpClient}, whose own version
     * is used as it is.
     *
     * @param httpVersion the version
     * @return this builder
     */
    public Builder httpVersion(HttpClient.Version httpVersion) {
      this.httpVersion = Objects.requireNonNull(httpVersion, "httpVersion");
      this.httpVersionSet = true;
      return this;
    }

    /**
     * Uses a caller-supplied HTTP client (for a proxy, custom TLS, or a shared pool). The client
     * then does not own it and never closes it. It must be built with {@code
     * followRedirects(HttpClient.Redirect.NEVER)} (the JDK's default): a client that follows
     * redirects would resend the {@code Authorization} header to whatever host a redirect names, so
     * {@link #build()} refuses it.
     *
     * @param httpClient the HTTP client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sends every call through another HTTP transport instead of the JDK's {@link HttpClient}, such
     * as {@code OkHttpTransport} from the {@code whatsapp-sdk-okhttp} module. The client keeps the
     * token, {@code appsecret_proof}, retries, error mapping, deadlines and observation; the
     * transport carries out each exchange (see {@link HttpTransport} for what it must guarantee).
     * Cannot be combined with {@link #httpClient}, {@link #executor} or {@link #connectTimeout},
     * which configure the JDK client: configure the transport instead.
     *
     * <p>The transport belongs to the caller: closing the client does not close it, so one
     * transport (and its connection pool) can serve several clients. Close it after them.
     *
     * <pre>{@code
     * try (OkHttpTransport okhttp = OkHttpTransport.create();
     *     WhatsAppClient wa = WhatsAppClient.builder()
     *         .accessToken(System.getenv("WHATSAPP_TOKEN"))
     *         .phoneNumberId("106540352242922")
     *         .transport(okhttp)
     *         .build()) {
     *   wa.messages().send(Message.to("+16505551234").text("Hello"));
     * }
     * }</pre>
     *
     * @param transport the HTTP transport
     * @return this builder
     */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * Sets the executor for the created HTTP client's asynchronous work and for delayed
     * asynchronous retries. Default: the HTTP client's own executor, and the common fork-join pool
     * for retries. Never shut down by the client. Cannot be combined with {@link #httpClient}.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets the {@code User-Agent} header. Default {@code wasdk/<version>}.
     *
     * @param userAgent a non-blank value without line breaks
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank() || userAgent.indexOf('\r') >= 0 || userAgent.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("userAgent must be non-blank, without line breaks");
      }
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sets the retry policy. Default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()}
     * turns automatic retries off, for callers such as a pacing sender that retry themselves.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets the observer of this client's Graph requests, and of the sends, limiter decisions and
     * store calls of a {@code MessageSender} built on it. Default {@link WhatsAppObserver#none()},
     * which costs nothing. Use {@link WhatsAppObserver#of(java.util.List)} to combine several; an
     * observer that throws is logged and ignored.
     *
     * @param observer the observer
     * @return this builder
     */
    public Builder observer(WhatsAppObserver observer) {
      this.observer = WhatsAppObserver.of(Objects.requireNonNull(observer, "observer"));
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    Builder logger(Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if the token or phone number id is missing, if an HTTP client
     *     is combined with an executor, a connect timeout or an HTTP version, or follows redirects,
     *     if a transport is combined with an HTTP client, an executor, a connect timeout or an HTTP
     *     version, or if the base URL is plain http on a host that is not loopback without {@link
     *     #allowInsecureHttp()}
     */
    public WhatsAppClient build() {
      if (tokens == null) {
        throw new IllegalStateException("an accessToken or accessTokenProvider is required");
      }
      if (phoneNumberId == null) {
        throw new IllegalStateException("a phoneNumberId is required");
      }
      if (transport != null) {
        String jdkSetting =
            httpClient != null
                ? "httpClient"
                : executor != null
                    ? "executor"
                    : connectTimeoutSet ? "connectTimeout" : httpVersionSet ? "httpVersion" : null;
        if (jdkSetting != null) {
          throw new IllegalStateException(
              jdkSetting
                  + " configures the JDK HTTP client, which a client with its own transport does"
                  + " not use; configure the transport instead, or drop transport(...)");
        }
      }
      if (httpClient != null && executor != null) {
        throw new IllegalStateException(
            "executor applies to the HTTP client the client creates; configure it on your"
                + " httpClient instead");
      }
      if (httpClient != null && connectTimeoutSet) {
        throw new IllegalStateException(
            "connectTimeout applies to the HTTP client the client creates; configure it on your"
                + " httpClient instead");
      }
      if (httpClient != null && httpVersionSet) {
        throw new IllegalStateException(
            "httpVersion applies to the HTTP client the client creates; configure it on your"
                + " httpClient instead");
      }
      if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalStateException(
            "the httpClient follows redirects ("
                + httpClient.followRedirects()
                + "), which would resend the access token to any host a redirect names; build it"
                + " with followRedirects(HttpClient.Redirect.NEVER)");
      }
      if ("http".equalsIgnoreCase(baseUrl.getScheme())
          && !allowInsecureHttp
          && !isLoopback(baseUrl.getHost())) {
        throw new IllegalStateException(
            "baseUrl uses plain http on "
                + baseUrl.getHost()
                + ", which would send the access token unencrypted; use https, a loopback host,"
                + " or call allowInsecureHttp() for a trusted network");
      }
      Builder b = copy();
      boolean owns = b.httpClient == null && b.transport == null;
      HttpClient http = b.transport != null ? null : owns ? newHttpClient() : b.httpClient;
      if (owns) {
        b.httpClient = null;
      }
      TransportSettings settings =
          new TransportSettings(
              http,
              owns,
              baseUrl,
              apiVersion,
              tokens,
              appSecretProof,
              requestTimeout,
              downloadTimeout,
              maxResponseBytes,
              userAgent,
              retryPolicy,
              Set.of(MEDIA_HOST),
              executor != null ? executor : ForkJoinPool.commonPool(),
              clock,
              sleeper,
              random,
              logger != null ? logger : LoggerFactory.getLogger(WhatsAppClient.class));
      GraphTransport graph =
          transport != null
              ? new GraphTransport(settings, transport, false, observer)
              : new GraphTransport(settings, observer);
      return new WhatsAppClient(b, graph);
    }

    private HttpClient newHttpClient() {
      HttpClient.Builder h =
          HttpClient.newBuilder()
              .version(httpVersion)
              .connectTimeout(connectTimeout)
              .followRedirects(HttpClient.Redirect.NEVER);
      if (executor != null) {
        h.executor(executor);
      }
      return h.build();
    }

    /** Returns whether a host names the loopback interface, without a DNS lookup. */
    static boolean isLoopback(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      if (h.equals("localhost")) {
        return true;
      }
      if (h.equals("[::1]") || h.equals("::1")) {
        return true;
      }
      String[] parts = h.split("\\.", -1);
      if (parts.length != 4 || !parts[0].equals("127")) {
        return false;
      }
      for (String p : parts) {
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
          return false;
        }
        if (Integer.parseInt(p) > 255) {
          return false;
        }
      }
      return true;
    }

    private static String id(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank() || value.length() > 64 || !value.chars().allMatch(Builder::idChar)) {
        throw new IllegalArgumentException(
            name + " must be 1 to 64 letters, digits, '-' or '_', but was '" + value + "'");
      }
      return value;
    }

    private static boolean idChar(int c) {
      return (c >= '0' && c <= '9')
          || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || c == '-'
          || c == '_';
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, but was " + d);
      }
      return d;
    }
  }
}
