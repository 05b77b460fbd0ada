package dev.wasdk.benchmarks.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP/1.1 server that answers every request with one fixed send-success body, and
 * remembers the last request body and path so a benchmark can replay exactly what the SDK sent and
 * check where a peer library sent its request.
 *
 * <p>Requests are handled on a bounded pool of worker threads (a fixed number, created on demand,
 * with an unbounded queue of accepted exchanges), so 64 concurrent keep-alive clients are served
 * without one thread per connection and without refusing work.
 *
 * <p>The JDK server delays every reply by about 40 ms unless {@code sun.net.httpserver.nodelay} is
 * true, so this class sets it before the server is created; benchmarks also pass it on the forked
 * JVM's command line. It also keeps up to 1,000 idle connections for 10 minutes (the JDK server's
 * defaults are 200 and 30 s), so that a client resting between rounds does not find its pooled
 * connections closed.
 */
final class LoopbackServer implements AutoCloseable {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Keep idle keep-alive connections for 10 minutes instead of 30 s, and up to 1,000 of them
    // instead of 200: a harness that pauses some clients' pools of 64 while others send would
    // otherwise find their pooled connections closed.
    System.setProperty("sun.net.httpserver.idleInterval", "600");
    System.setProperty("sun.net.httpserver.maxIdleConnections", "1000");
  }

  static final byte[] SEND_OK =
      ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\","
              + "\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":"
              + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA\"}]}")
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
  private final AtomicReference<String> lastPath = new AtomicReference<>();

  LoopbackServer(int workerThreads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    AtomicInteger count = new AtomicInteger();
    workers =
        new ThreadPoolExecutor(
            workerThreads,
            workerThreads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "loopback-server-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(workers);
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      lastBody.set(body);
      lastPath.set(exchange.getRequestURI().getPath());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, SEND_OK.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(SEND_OK);
      }
    }
  }

  /** Returns the base URL, such as {@code http://127.0.0.1:41234}. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Returns the body of the last request received, or null. */
  byte[] lastBody() {
    return lastBody.get();
  }

  /** Returns the path of the last request received, or null. */
  String lastPath() {
    return lastPath.get();
  }

  @Override
  public void close() throws InterruptedException {
    server.stop(0);
    workers.shutdown();
    workers.awaitTermination(5, TimeUnit.SECONDS);
  }
}
