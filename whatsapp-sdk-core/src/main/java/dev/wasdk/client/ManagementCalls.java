package dev.wasdk.client;

import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.http.GraphDownload;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphResponse;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.ManagementJson;
import dev.wasdk.internal.json.UsageJson;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The calls every management API makes: runs a request on the shared transport, remembers the
 * latest usage headers and reads the JSON body. One instance per client; thread-safe.
 */
final class ManagementCalls {
  private final GraphTransport transport;
  private final Clock clock;
  private final Executor executor;
  private final AtomicReference<UsageInfo> lastUsage = new AtomicReference<>();

  ManagementCalls(GraphTransport transport, Clock clock) {
    this(transport, clock, java.util.concurrent.ForkJoinPool.commonPool());
  }

  ManagementCalls(GraphTransport transport, Clock clock, Executor executor) {
    this.transport = transport;
    this.clock = clock;
    this.executor = executor;
  }

  Clock clock() {
    return clock;
  }

  GraphTransport transport() {
    return transport;
  }

  URI uri(String path) {
    return transport.uri(path);
  }

  URI uri(String path, Map<String, String> query) {
    return transport.uri(path, query);
  }

  Optional<UsageInfo> lastUsage() {
    return Optional.ofNullable(lastUsage.get());
  }

  /**
   * One management call: its checked request and how its answer is read. Building a call checks the
   * arguments; running it, blocking or not, does the I/O, so the sync and async forms of an API
   * method share everything but the waiting.
   *
   * @param request the request
   * @param reader reads an accepted response; may throw the same exceptions as the call
   * @param <T> the result type
   */
  record Call<T>(GraphRequest request, Function<GraphResponse, T> reader) {}

  /** Returns a call whose JSON body is read by {@code reader}. */
  static <T> Call<T> json(GraphRequest request, Function<JsonNode, T> reader) {
    return new Call<>(request, r -> reader.apply(read(r, request)));
  }

  /** Returns a call that must answer {@code {"success":true}}. */
  static Call<Void> success(GraphRequest request) {
    return json(
        request,
        body -> {
          checkSuccess(body, request);
          return null;
        });
  }

  /** Runs a call on the calling thread. */
  <T> T call(Call<T> call) {
    return call.reader().apply(execute(call.request()));
  }

  /** Runs a call without blocking; failures as in {@link #callAsync(GraphRequest, Function)}. */
  <T> CompletableFuture<T> callAsync(Call<T> call) {
    return callAsync(call.request(), call.reader());
  }

  /** Runs a GET and returns its JSON body. */
  JsonNode get(URI uri, String operation) {
    return run(GraphRequest.get(uri, operation));
  }

  /** Runs a request with a JSON body and returns the JSON answer. */
  JsonNode send(String method, URI uri, byte[] json, boolean idempotent, String operation) {
    return run(GraphRequest.json(method, uri, json, idempotent, operation, null));
  }

  /** Runs a request and returns the JSON answer. */
  JsonNode run(GraphRequest request) {
    return read(execute(request), request);
  }

  /** Runs a request that answers {@code {"success":true}} and checks that it did. */
  void expectSuccess(GraphRequest request) {
    checkSuccess(run(request), request);
  }

  /** Runs a request and returns the raw response, recording usage. */
  GraphResponse execute(GraphRequest request) {
    GraphResponse response = transport.execute(request);
    record(response);
    return response;
  }

  /**
   * Runs a request without blocking, records usage and reads the answer. The future completes with
   * the result, or exceptionally with the very exceptions the blocking form throws, not wrapped.
   */
  <T> CompletableFuture<T> callAsync(GraphRequest request, Function<GraphResponse, T> reader) {
    return mapAsync(transport.executeAsync(request), reader);
  }

  private <T> CompletableFuture<T> mapAsync(
      CompletableFuture<GraphResponse> sent, Function<GraphResponse, T> reader) {
    CompletableFuture<T> out = new CompletableFuture<>();
    sent.whenComplete(
        (response, error) -> {
          if (error != null) {
            out.completeExceptionally(unwrap(error));
            return;
          }
          try {
            record(response);
            out.complete(reader.apply(response));
          } catch (RuntimeException e) {
            out.completeExceptionally(e);
          }
        });
    return out;
  }

  /**
   * Runs a blocking task on the client's executor and completes a future with its result or its
   * exception, not wrapped; for calls that stream to or from caller-supplied I/O.
   */
  <T> CompletableFuture<T> blockingAsync(Supplier<T> task) {
    CompletableFuture<T> out = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try {
              out.complete(task.get());
            } catch (RuntimeException e) {
              out.completeExceptionally(e);
            } catch (Error e) {
              out.completeExceptionally(e);
              throw e;
            }
          });
    } catch (RuntimeException e) {
      out.completeExceptionally(e);
    }
    return out;
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  GraphDownload download(GraphRequest request, OutputStream sink, long maxBytes) {
    GraphDownload d = transport.download(request, sink, maxBytes);
    UsageJson.parse(d.headers(), clock.instant()).ifPresent(lastUsage::set);
    return d;
  }

  private static void checkSuccess(JsonNode body, GraphRequest request) {
    if (!ManagementJson.success(body)) {
      throw new WhatsAppException(
          request.describe() + " was not confirmed: the answer lacked success=true");
    }
  }

  void record(GraphResponse response) {
    UsageJson.parse(response.headers(), clock.instant()).ifPresent(lastUsage::set);
  }

  static JsonNode read(GraphResponse response, GraphRequest request) {
    try {
      return ManagementJson.tree(response.body());
    } catch (IllegalArgumentException e) {
      if (request.idempotent()) {
        throw new WhatsAppException(
            request.describe()
                + " returned HTTP "
                + response.status()
                + " with an unreadable body: "
                + e.getMessage(),
            e);
      }
      throw new RequestMaybeSentException(
          request.describe()
              + " was probably done (HTTP "
              + response.status()
              + "), but the answer could not be read: "
              + e.getMessage(),
          TransportFailure.UNREADABLE_RESPONSE,
          e);
    }
  }
}
