package dev.wasdk.benchmarks.pacing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Cloud API stand-in that answers every send after a fixed latency, records when each
 * request arrived, and optionally enforces a messages-per-second limit with 130429, counting over a
 * sliding one-second window as Meta's limit is described.
 */
final class SlowServer implements AutoCloseable {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final byte[] OK =
      ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\","
              + "\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkV\"}]}")
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] THROTTLED =
      ("{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\","
              + "\"code\":130429,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":"
              + "\"Cloud API message throughput has been reached.\"},\"fbtrace_id\":\"Az8or2\"}}")
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService workers;
  private final long latencyMillis;
  private final int limitPerSecond;
  private final ArrayDeque<Long> acceptedWindow = new ArrayDeque<>();
  private final List<Long> accepted = new ArrayList<>();
  private final AtomicInteger throttled = new AtomicInteger();
  private final List<Long> throttledArrivals = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  /** Starts the server; {@code limitPerSecond} 0 enforces no limit. */
  SlowServer(long latencyMillis, int limitPerSecond, int threads) throws IOException {
    this.latencyMillis = latencyMillis;
    this.limitPerSecond = limitPerSecond;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
    workers = Executors.newFixedThreadPool(threads);
    server.setExecutor(workers);
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try (exchange) {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      long arrived = System.nanoTime();
      boolean ok = admit(arrived);
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = ok ? OK : THROTTLED;
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(ok ? 200 : 400, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private synchronized boolean admit(long arrived) {
    if (limitPerSecond > 0) {
      long cutoff = arrived - TimeUnit.SECONDS.toNanos(1);
      while (!acceptedWindow.isEmpty() && acceptedWindow.peekFirst() <= cutoff) {
        acceptedWindow.pollFirst();
      }
      if (acceptedWindow.size() >= limitPerSecond) {
        throttled.incrementAndGet();
        throttledArrivals.add(arrived);
        return false;
      }
      acceptedWindow.addLast(arrived);
    }
    accepted.add(arrived);
    return true;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized List<Long> acceptedArrivals() {
    return new ArrayList<>(accepted);
  }

  /** Returns when each refused request arrived ({@link System#nanoTime()}). */
  synchronized List<Long> throttledArrivals() {
    return new ArrayList<>(throttledArrivals);
  }

  int throttled() {
    return throttled.get();
  }

  int maxConcurrentRequests() {
    return maxInFlight.get();
  }

  /** Returns the most accepted arrivals in any one-second window [t, t + 1 s). */
  static int maxPerSecondWindow(List<Long> arrivals) {
    List<Long> sorted = new ArrayList<>(arrivals);
    sorted.sort(null);
    long second = TimeUnit.SECONDS.toNanos(1);
    int max = 0;
    int j = 0;
    for (int i = 0; i < sorted.size(); i++) {
      while (j < sorted.size() && sorted.get(j) < sorted.get(i) + second) {
        j++;
      }
      max = Math.max(max, j - i);
    }
    return max;
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
