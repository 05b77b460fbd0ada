package dev.wasdk.benchmarks.pacing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A loopback Cloud API stand-in that answers every send after a fixed latency, records when each
 * request arrived, and optionally enforces a messages-per-second limit with 130429, counting
 * accepted requests over a sliding one-second window on arrival, as Meta's limit is described.
 *
 * <p>It runs inside the harness's JVM or in a process of its own ({@link #main}), so that the
 * client's threads do not compete with it for the JVM's safepoints and allocation. A waiting reply
 * holds no thread: the request is read and timed on arrival, and the reply is written later from a
 * scheduler.
 *
 * <p>Besides the send path it serves three control requests:
 *
 * <ul>
 *   <li>{@code GET /_stats}: the counters since the last reset, one {@code key=value} per line (see
 *       {@link Stats});
 *   <li>{@code POST /_reset?rate=R&latencyMs=L}: clears the counters and sets the limit (0: none)
 *       and the latency;
 *   <li>{@code POST /_shutdown}: stops the process started with {@link #main}.
 * </ul>
 *
 * <p>Server-side connection counts: {@code distinctConnections} is the number of client sockets
 * (remote address and port) seen since the reset; {@code peakOpenConnections} is the most
 * established server-side sockets from those clients at any one time, sampled every 50 ms from
 * {@code /proc/net/tcp} and {@code tcp6} (-1 where that is not readable).
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
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService replies;
  private final Thread connectionSampler;
  private final CountDownLatch shutdown = new CountDownLatch(1);
  private volatile long latencyMillis;
  private volatile int limitPerSecond;
  private final LongSupplier nanoClock;

  // Guarded by this.
  private final ArrayDeque<Long> acceptedWindow = new ArrayDeque<>();
  private final List<Long> accepted = new ArrayList<>();
  private final List<Long> throttledArrivals = new ArrayList<>();
  private final Set<Integer> clientPorts = new HashSet<>();
  private int peakOpenConnections;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  /**
   * Starts the server on a loopback port.
   *
   * @param port the port, or 0 for any free one
   * @param latencyMillis how long each reply waits
   * @param limitPerSecond accepted sends per sliding second; 0 enforces no limit
   * @param threads the most threads that read requests at once
   */
  SlowServer(int port, long latencyMillis, int limitPerSecond, int threads) throws IOException {
    this(port, latencyMillis, limitPerSecond, threads, System::nanoTime);
  }

  /**
   * Starts the server on a loopback port, timing arrivals by {@code nanoClock}: a clock that stands
   * still puts every arrival in one window, for tests.
   */
  SlowServer(int port, long latencyMillis, int limitPerSecond, int threads, LongSupplier nanoClock)
      throws IOException {
    this.nanoClock = nanoClock;
    this.latencyMillis = latencyMillis;
    this.limitPerSecond = limitPerSecond;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 4096);
    AtomicInteger names = new AtomicInteger();
    workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> daemon(r, "slow-server-" + names.incrementAndGet()));
    workers.allowCoreThreadTimeOut(true);
    replies = Executors.newScheduledThreadPool(2, r -> daemon(r, "slow-server-replies"));
    server.setExecutor(workers);
    server.createContext("/", this::handle);
    server.createContext("/_stats", this::stats);
    server.createContext("/_reset", this::reset);
    server.createContext("/_shutdown", this::shutdown);
    server.start();
    connectionSampler = daemon(this::sampleConnections, "slow-server-connections");
    connectionSampler.start();
  }

  /** Starts the server in the harness's JVM with the default latency, on any free port. */
  SlowServer(long latencyMillis, int limitPerSecond, int threads) throws IOException {
    this(0, latencyMillis, limitPerSecond, threads);
  }

  /**
   * Runs the server as a process of its own until {@code POST /_shutdown} or until its standard
   * input closes (so it ends with the harness that started it). Prints {@code listening <url>} once
   * it accepts requests.
   *
   * <pre>
   * java -Dsun.net.httpserver.nodelay=true -cp benchmarks.jar dev.wasdk.benchmarks.pacing.SlowServer 0 80 200
   * </pre>
   *
   * @param args port (0: any free), rate limit per second (0: none), latency in ms, and optionally
   *     the most request-reading threads (default 64)
   */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int rate = Integer.parseInt(args[1]);
    long latency = Long.parseLong(args[2]);
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 64;
    try (SlowServer server = new SlowServer(port, latency, rate, threads)) {
      System.out.println("listening " + server.baseUrl());
      System.out.flush();
      Thread stdin =
          daemon(
              () -> {
                try {
                  while (System.in.read() >= 0) {
                    // Wait for the parent to go away.
                  }
                } catch (IOException e) {
                  // Treated as closed.
                }
                server.shutdown.countDown();
              },
              "slow-server-stdin");
      stdin.start();
      server.shutdown.await();
    }
    System.exit(0);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    } catch (IOException e) {
      inFlight.decrementAndGet();
      exchange.close();
      throw e;
    }
    long arrived = nanoClock.getAsLong();
    boolean ok = admit(arrived, exchange.getRemoteAddress().getPort());
    Runnable reply =
        () -> {
          try (exchange) {
            byte[] body = ok ? OK : THROTTLED;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          } catch (IOException e) {
            // The client went away; nothing to answer.
          } finally {
            inFlight.decrementAndGet();
          }
        };
    long latency = latencyMillis;
    if (latency <= 0) {
      reply.run();
    } else {
      replies.schedule(reply, latency, TimeUnit.MILLISECONDS);
    }
  }

  private synchronized boolean admit(long arrived, int clientPort) {
    clientPorts.add(clientPort);
    if (limitPerSecond > 0) {
      long cutoff = arrived - SECOND;
      while (!acceptedWindow.isEmpty() && acceptedWindow.peekFirst() <= cutoff) {
        acceptedWindow.pollFirst();
      }
      if (acceptedWindow.size() >= limitPerSecond) {
        throttledArrivals.add(arrived);
        return false;
      }
      acceptedWindow.addLast(arrived);
    }
    accepted.add(arrived);
    return true;
  }

  private void stats(HttpExchange exchange) throws IOException {
    respond(exchange, 200, snapshot().toText());
  }

  private void reset(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI());
    synchronized (this) {
      if (query.containsKey("rate")) {
        limitPerSecond = Integer.parseInt(query.get("rate"));
      }
      if (query.containsKey("latencyMs")) {
        latencyMillis = Long.parseLong(query.get("latencyMs"));
      }
      acceptedWindow.clear();
      accepted.clear();
      throttledArrivals.clear();
      clientPorts.clear();
      peakOpenConnections = 0;
      maxInFlight.set(inFlight.get());
    }
    respond(exchange, 200, "ok\n");
  }

  private void shutdown(HttpExchange exchange) throws IOException {
    respond(exchange, 200, "bye\n");
    shutdown.countDown();
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    String q = uri.getRawQuery();
    if (q != null) {
      for (String pair : q.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return out;
  }

  /** Counts established server-side sockets from the clients seen since the reset. */
  private void sampleConnections() {
    String localPort = String.format(Locale.ROOT, ":%04X", server.getAddress().getPort());
    List<Path> tables = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    if (tables.stream().noneMatch(Files::isReadable)) {
      synchronized (this) {
        peakOpenConnections = -1;
      }
      return;
    }
    while (!Thread.currentThread().isInterrupted()) {
      Set<Integer> ports;
      synchronized (this) {
        ports = new HashSet<>(clientPorts);
      }
      int open = 0;
      for (Path table : tables) {
        open += countEstablished(table, localPort, ports);
      }
      synchronized (this) {
        if (peakOpenConnections >= 0) {
          peakOpenConnections = Math.max(peakOpenConnections, open);
        }
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static int countEstablished(Path table, String localPort, Set<Integer> clientPorts) {
    if (!Files.isReadable(table) || clientPorts.isEmpty()) {
      return 0;
    }
    int count = 0;
    try (BufferedReader r = Files.newBufferedReader(table, StandardCharsets.US_ASCII)) {
      r.readLine(); // header
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.trim().split("\\s+");
        // f[1] local address:port, f[2] remote address:port, f[3] state (01 = ESTABLISHED)
        if (f.length > 3 && "01".equals(f[3]) && f[1].endsWith(localPort)) {
          int remotePort = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
          if (clientPorts.contains(remotePort)) {
            count++;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return count;
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Returns the counters since the last reset. */
  synchronized Stats snapshot() {
    List<Long> all = new ArrayList<>(accepted.size() + throttledArrivals.size());
    all.addAll(accepted);
    all.addAll(throttledArrivals);
    all.sort(null);
    List<Long> ok = new ArrayList<>(accepted);
    ok.sort(null);
    long first = all.isEmpty() ? 0 : all.get(0);
    double span = ok.size() < 2 ? 0 : (ok.get(ok.size() - 1) - ok.get(0)) / 1e9;
    List<Integer> histogram = new ArrayList<>();
    for (long t : all) {
      int second = (int) ((t - first) / SECOND);
      while (histogram.size() <= second) {
        histogram.add(0);
      }
      histogram.set(second, histogram.get(second) + 1);
    }
    List<Double> throttledAt = new ArrayList<>();
    for (long t : throttledArrivals) {
      throttledAt.add((t - first) / 1e9);
    }
    throttledAt.sort(null);
    return new Stats(
        ok.size(),
        throttledArrivals.size(),
        span,
        span > 0 ? (ok.size() - 1) / span : 0,
        maxPerSecondWindow(all),
        maxPerSecondWindow(ok),
        maxInFlight.get(),
        clientPorts.size(),
        peakOpenConnections,
        histogram,
        throttledAt);
  }

  /** Returns the most arrivals in any one-second window [t, t + 1 s), from sorted times. */
  static int maxPerSecondWindow(List<Long> sorted) {
    int max = 0;
    int j = 0;
    for (int i = 0; i < sorted.size(); i++) {
      while (j < sorted.size() && sorted.get(j) < sorted.get(i) + SECOND) {
        j++;
      }
      max = Math.max(max, j - i);
    }
    return max;
  }

  /** Stops the server and its threads. */
  @Override
  public void close() {
    connectionSampler.interrupt();
    server.stop(0);
    replies.shutdownNow();
    workers.shutdownNow();
  }

  /**
   * The server's counters since the last reset.
   *
   * @param accepted sends answered with success
   * @param throttled sends answered with 130429
   * @param acceptedSpanSeconds from the first to the last accepted arrival
   * @param achievedPerSecond accepted arrivals per second over that span
   * @param maxArrivalsPerWindow the most arrivals, accepted or not, in any sliding second
   * @param maxAcceptedPerWindow the most accepted arrivals in any sliding second
   * @param maxConcurrentRequests the most requests being handled at once
   * @param distinctConnections client sockets seen
   * @param peakOpenConnections the most of those open at once (-1: not measurable here)
   * @param arrivalsPerSecond arrivals in each whole second after the first arrival
   * @param throttledAtSeconds when each 130429 arrival came, in seconds after the first arrival
   */
  record Stats(
      int accepted,
      int throttled,
      double acceptedSpanSeconds,
      double achievedPerSecond,
      int maxArrivalsPerWindow,
      int maxAcceptedPerWindow,
      int maxConcurrentRequests,
      int distinctConnections,
      int peakOpenConnections,
      List<Integer> arrivalsPerSecond,
      List<Double> throttledAtSeconds) {

    /** Returns the counters as {@code key=value} lines, lists comma-separated. */
    String toText() {
      StringJoiner hist = new StringJoiner(",");
      arrivalsPerSecond.forEach(c -> hist.add(Integer.toString(c)));
      StringJoiner at = new StringJoiner(",");
      throttledAtSeconds.forEach(t -> at.add(String.format(Locale.ROOT, "%.2f", t)));
      return String.format(
          Locale.ROOT,
          "accepted=%d%nthrottled=%d%nacceptedSpanSeconds=%.6f%nachievedPerSecond=%.6f%n"
              + "maxArrivalsPerWindow=%d%nmaxAcceptedPerWindow=%d%nmaxConcurrentRequests=%d%n"
              + "distinctConnections=%d%npeakOpenConnections=%d%narrivalsPerSecond=%s%n"
              + "throttledAtSeconds=%s%n",
          accepted,
          throttled,
          acceptedSpanSeconds,
          achievedPerSecond,
          maxArrivalsPerWindow,
          maxAcceptedPerWindow,
          maxConcurrentRequests,
          distinctConnections,
          peakOpenConnections,
          hist,
          at);
    }

    /** Parses {@link #toText()}. */
    static Stats parse(String text) {
      Map<String, String> kv = new HashMap<>();
      for (String line : text.split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          kv.put(line.substring(0, eq), line.substring(eq + 1).trim());
        }
      }
      List<Integer> hist = new ArrayList<>();
      for (String s : kv.getOrDefault("arrivalsPerSecond", "").split(",")) {
        if (!s.isEmpty()) {
          hist.add(Integer.parseInt(s));
        }
      }
      List<Double> at = new ArrayList<>();
      for (String s : kv.getOrDefault("throttledAtSeconds", "").split(",")) {
        if (!s.isEmpty()) {
          at.add(Double.parseDouble(s));
        }
      }
      return new Stats(
          Integer.parseInt(kv.get("accepted")),
          Integer.parseInt(kv.get("throttled")),
          Double.parseDouble(kv.get("acceptedSpanSeconds")),
          Double.parseDouble(kv.get("achievedPerSecond")),
          Integer.parseInt(kv.get("maxArrivalsPerWindow")),
          Integer.parseInt(kv.get("maxAcceptedPerWindow")),
          Integer.parseInt(kv.get("maxConcurrentRequests")),
          Integer.parseInt(kv.get("distinctConnections")),
          Integer.parseInt(kv.get("peakOpenConnections")),
          hist,
          at);
    }
  }
}
