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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP/1.1 server that answers every request with one fixed send-success body, and
 * remembers the last request body so a benchmark can replay exactly what the SDK sent.
 *
 * <p>The JDK server delays every reply by about 40 ms unless {@code sun.net.httpserver.nodelay} is
 * true, so this class sets it before the server is created; benchmarks also pass it on the forked
 * JVM's command line.
 */
final class LoopbackServer implements AutoCloseable {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  static final byte[] SEND_OK =
      ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\","
              + "\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":"
              + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA\"}]}")
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService workers;
  private final AtomicReference<byte[]> lastBody = new AtomicReference<>();

  LoopbackServer(int workerThreads) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    workers =
        Executors.newFixedThreadPool(
            workerThreads,
            r -> {
              Thread t = new Thread(r, "loopback-server");
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

  @Override
  public void close() throws InterruptedException {
    server.stop(0);
    workers.shutdown();
    workers.awaitTermination(5, TimeUnit.SECONDS);
  }
}
