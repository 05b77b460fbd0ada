package dev.wasdk.internal.http;

import dev.wasdk.error.ApiError;
import dev.wasdk.error.ApiException;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds {@link ApiException}s from an error response, headers included, for the transport. The
 * factory lives in {@code dev.wasdk.error}, package-private; {@link ApiException} hands it here
 * once, when it is initialized, so that only the SDK's own code builds exceptions from response
 * headers. Thread-safe.
 */
public final class ApiExceptions {
  /** Builds an exception from an error, the response headers and when the response arrived. */
  @FunctionalInterface
  public interface Factory {
    /**
     * Builds the exception.
     *
     * @param error the error
     * @param headers the response headers
     * @param receivedAt when the response arrived
     * @return the exception of the error's family
     */
    ApiException create(ApiError error, HttpHeaders headers, Instant receivedAt);
  }

  private static volatile Factory factory;

  private ApiExceptions() {}

  /**
   * Takes the factory; called once, by {@link ApiException}'s initialization.
   *
   * @param f the factory
   * @throws IllegalStateException when a factory was already set
   */
  public static synchronized void register(Factory f) {
    Objects.requireNonNull(f, "factory");
    if (factory != null) {
      throw new IllegalStateException("the ApiException factory is already set");
    }
    factory = f;
  }

  /**
   * Returns the exception of the right family for an error response. The headers give {@code
   * Retry-After} (seconds or an HTTP date, measured from {@code receivedAt}) and Meta's usage
   * headers.
   *
   * @param error the error
   * @param headers the response headers
   * @param receivedAt when the response arrived
   * @return the exception; a subclass unless the family is unknown
   */
  public static ApiException of(ApiError error, HttpHeaders headers, Instant receivedAt) {
    Factory f = factory;
    if (f == null) {
      initialize();
      f = factory;
    }
    return f.create(error, headers, receivedAt);
  }

  private static void initialize() {
    try {
      Class.forName(ApiException.class.getName(), true, ApiException.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("ApiException is part of this module", e);
    }
  }
}
