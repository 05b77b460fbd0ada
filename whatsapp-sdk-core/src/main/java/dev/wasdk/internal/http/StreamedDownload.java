package dev.wasdk.internal.http;

import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.error.WhatsAppException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * Copies one streamed answer into a sink within the download's bounds: its size cap, and its
 * deadline, enforced by a watchdog that closes the stream when it passes (the transport's timeout
 * ended with the headers, and closing is what unblocks a read that waits on a stalled body). One
 * timer per download, which is rare next to the buffered calls. Used by one attempt only.
 */
final class StreamedDownload {
  private static final int ERROR_BODY_MAX = 64 * 1024;
  private static final int COPY_BUFFER = 16 * 1024;

  /** Maps an error answer to the exception it throws. */
  interface ErrorAnswer {
    /**
     * Throws the exception an error status maps to.
     *
     * @param status the status
     * @param headers the headers
     * @param body the start of the body
     */
    void raise(int status, HttpHeaders headers, byte[] body);
  }

  private StreamedDownload() {}

  static GraphDownload copy(
      GraphRequest request,
      HttpTransport.Response response,
      long startNanos,
      Duration timeout,
      String timeoutText,
      OutputStream sink,
      long maxBytes,
      ErrorAnswer errors,
      Logger log) {
    InputStream in = response.stream();
    AtomicBoolean expired = new AtomicBoolean();
    CompletableFuture<Void> watchdog = new CompletableFuture<>();
    watchdog
        .orTimeout(
            Math.max(1, startNanos + timeout.toNanos() - System.nanoTime()), TimeUnit.NANOSECONDS)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                expired.set(true);
                closeQuietly(in);
              }
            });
    long written = 0;
    try (in) {
      int status = response.status();
      if (!request.accepts(status)) {
        byte[] error = in.readNBytes(ERROR_BODY_MAX);
        checkDeadline(expired, timeoutText);
        errors.raise(status, response.headers(), error);
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
      if (declared > maxBytes) {
        throw tooLarge(request, declared + " bytes announced", maxBytes);
      }
      byte[] buffer = new byte[COPY_BUFFER];
      for (int n; (n = in.read(buffer)) != -1; ) {
        if (written + n > maxBytes) {
          throw tooLarge(request, "more than " + maxBytes + " bytes", maxBytes);
        }
        try {
          sink.write(buffer, 0, n);
        } catch (IOException e) {
          throw new WhatsAppException(
              request.describe() + " failed: the output could not be written (" + e + ")", e);
        }
        written += n;
      }
      checkDeadline(expired, timeoutText);
      if (log.isDebugEnabled()) {
        log.debug(
            "{} {} -> HTTP {}, {} bytes",
            request.method(),
            request.uri().getRawPath(),
            status,
            written);
      }
      return new GraphDownload(status, response.headers(), written);
    } catch (IOException e) {
      IOException cause = expired.get() ? deadlineOf(timeoutText) : e;
      if (written > 0) {
        // Bytes already reached the sink, so a retry would duplicate them; fail for good.
        throw new WhatsAppException(
            request.describe() + " broke off after " + written + " bytes: " + cause.getMessage(),
            cause);
      }
      throw FailureClassifier.classify(cause, request);
    } finally {
      watchdog.complete(null);
    }
  }

  private static void checkDeadline(AtomicBoolean expired, String timeoutText) throws IOException {
    if (expired.get()) {
      throw deadlineOf(timeoutText);
    }
  }

  private static IOException deadlineOf(String timeoutText) {
    return new BoundedBody.Exceeded(
        BoundedBody.Exceeded.Bound.DEADLINE, "the response did not complete within " + timeoutText);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the reader sees the stream end and reports the deadline
    }
  }

  private static WhatsAppException tooLarge(GraphRequest request, String actual, long maxBytes) {
    return new WhatsAppException(
        request.describe()
            + " was stopped: the body is "
            + actual
            + ", over the limit of "
            + maxBytes
            + " bytes");
  }
}
