package dev.wasdk.internal.http;

import dev.wasdk.client.RetryPolicy;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.RetryAdvice;
import dev.wasdk.error.TransportFailure;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Decides which failures are retried and how long to wait, on top of Resilience4j's {@link Retry}
 * (attempt counting, events and metrics). Waiting itself goes through a {@link Sleeper}, never
 * through Resilience4j's global sleep function, so tests need no real time. Thread-safe.
 */
final class Retrier {
  /**
   * Codes that reject a request before Meta processes it, so a non-idempotent request (a message)
   * answered with one was provably not accepted: the app and WABA call limits, the throughput
   * limit, and maintenance mode.
   */
  static final Set<Integer> NOT_ACCEPTED_CODES = Set.of(4, 80007, 130429, 131057, 2494100);

  private final RetryPolicy policy;
  private final DoubleSupplier random;
  private final Retry idempotent;
  private final Retry nonIdempotent;

  Retrier(RetryPolicy policy, DoubleSupplier random, String name) {
    this.policy = policy;
    this.random = random;
    this.idempotent = Retry.of(name + "-idempotent", config(true));
    this.nonIdempotent = Retry.of(name + "-non-idempotent", config(false));
  }

  private RetryConfig config(boolean idempotentCalls) {
    return RetryConfig.custom()
        .maxAttempts(policy.maxAttempts())
        .retryOnException(t -> retryable(t, idempotentCalls))
        .intervalBiFunction((attempt, outcome) -> interval(attempt, outcome.getLeft()))
        .failAfterMaxAttempts(false)
        .writableStackTraceEnabled(false)
        .build();
  }

  /** Returns whether a policy allows any retry at all; a quick check before a context is made. */
  boolean enabled() {
    return policy.maxAttempts() > 1;
  }

  /**
   * Returns a new per-call retry context; {@code onError} returns the wait in ms, or -1 to stop.
   */
  Retry.AsyncContext<Object> context(boolean idempotentCall) {
    return (idempotentCall ? idempotent : nonIdempotent).asyncContext();
  }

  int maxAttempts() {
    return policy.maxAttempts();
  }

  /** Returns whether a failure may be retried for a call of the given idempotency. */
  static boolean retryable(Throwable t, boolean idempotentCall) {
    if (t instanceof RequestNotSentException e) {
      return e.failure() == TransportFailure.CONNECT_FAILED
          || e.failure() == TransportFailure.CONNECT_TIMEOUT;
    }
    if (t instanceof RequestMaybeSentException e) {
      return idempotentCall
          && (e.failure() == TransportFailure.RESPONSE_TIMEOUT
              || e.failure() == TransportFailure.CONNECTION_CLOSED_BEFORE_RESPONSE
              || e.failure() == TransportFailure.CONNECTION_LOST);
    }
    if (t instanceof ApiException e) {
      RetryAdvice advice = e.advice();
      if (advice != RetryAdvice.RETRY && advice != RetryAdvice.RETRY_LATER) {
        return false;
      }
      return idempotentCall || NOT_ACCEPTED_CODES.contains(e.error().code());
    }
    return false;
  }

  /**
   * Returns the wait in milliseconds before the next attempt: the server's announced wait when
   * there is one (or -1 when it exceeds the policy's limit), else exponential backoff with jitter.
   */
  long interval(int attempt, Throwable failure) {
    if (failure instanceof ApiException e) {
      Optional<Duration> announced = e.retryAfter();
      if (announced.isPresent()) {
        Duration d = announced.get();
        return d.compareTo(policy.maxRetryAfter()) > 0 ? -1 : d.toMillis();
      }
    }
    double backoff =
        policy.initialBackoff().toMillis() * Math.pow(policy.multiplier(), attempt - 1.0);
    backoff = Math.min(backoff, policy.maxBackoff().toMillis());
    double factor = 1.0 - policy.jitter() * random.getAsDouble();
    return Math.max(1L, Math.round(backoff * factor));
  }
}
