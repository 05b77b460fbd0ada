package dev.wasdk.internal.http;

import dev.wasdk.client.AccessTokenProvider;
import dev.wasdk.client.ApiVersion;
import dev.wasdk.client.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;

/**
 * Everything a {@link GraphTransport} needs, checked by the client builder.
 *
 * @param http the JDK HTTP client, or null when the client was given an {@link
 *     dev.wasdk.client.http.HttpTransport} instead
 * @param ownsHttp whether the transport created the HTTP client (and so may close it)
 * @param baseUrl the scheme, host, port and optional path prefix, such as {@code
 *     https://graph.facebook.com}
 * @param version the Graph API version
 * @param tokens the access token provider
 * @param appSecretProof the maker of {@code appsecret_proof} values, or null to send none
 * @param requestTimeout how long one attempt may take, from sending the request to the last byte of
 *     its response (downloads excepted)
 * @param downloadTimeout how long one download attempt may take, to the last byte of the body
 * @param maxResponseBytes the largest response body read into memory (downloads excepted)
 * @param userAgent the {@code User-Agent} value
 * @param retryPolicy the retry policy
 * @param tokenHosts hosts besides the base URL's that may receive the token (media downloads)
 * @param executor the executor for delayed asynchronous retries
 * @param clock the clock for {@code Retry-After} dates
 * @param sleeper the sleeper for retry waits
 * @param random the source of jitter, values in [0, 1)
 * @param log the logger
 */
public record TransportSettings(
    HttpClient http,
    boolean ownsHttp,
    URI baseUrl,
    ApiVersion version,
    AccessTokenProvider tokens,
    AppSecretProof appSecretProof,
    Duration requestTimeout,
    Duration downloadTimeout,
    long maxResponseBytes,
    String userAgent,
    RetryPolicy retryPolicy,
    Set<String> tokenHosts,
    Executor executor,
    Clock clock,
    Sleeper sleeper,
    DoubleSupplier random,
    Logger log) {

  /** Checks that nothing is null and copies the host set. */
  public TransportSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(downloadTimeout, "downloadTimeout");
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive");
    }
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(retryPolicy, "retryPolicy");
    tokenHosts = Set.copyOf(tokenHosts);
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(log, "log");
  }
}
