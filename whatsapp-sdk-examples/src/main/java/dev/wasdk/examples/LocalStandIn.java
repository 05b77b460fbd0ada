package dev.wasdk.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal local stand-in for the Cloud API's send endpoint, so the examples run with no
 * credentials. It accepts {@code POST /{version}/{phone-number-id}/messages}, records the body, and
 * answers the way Meta does: a fresh {@code wamid} for a message, {@code {"success":true}} for a
 * read receipt.
 *
 * <p>It checks nothing; the full simulator in {@code whatsapp-sdk-testkit} replaces it.
 */
public final class LocalStandIn implements AutoCloseable {
  /** One request the stand-in received and the reply it gave. */
  public record Exchange(
      String method, String path, String requestBody, int status, String reply) {}

  private static final Pattern TO = Pattern.compile("\"(?:to|recipient)\"\\s*:\\s*\"([^\"]*)\"");
  private final HttpServer server;
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();

  private LocalStandIn(HttpServer server) {
    this.server = server;
  }

  /** Starts the stand-in on a free loopback port. */
  public static LocalStandIn start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    LocalStandIn standIn = new LocalStandIn(server);
    server.createContext("/", standIn::handle);
    server.start();
    return standIn;
  }

  /** Returns the base URL to give the client. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Returns the exchanges so far, oldest first. */
  public List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  private void handle(HttpExchange ex) throws IOException {
    String body;
    try (InputStream in = ex.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String path = ex.getRequestURI().getPath();
    int status;
    String reply;
    if (!"POST".equals(ex.getRequestMethod()) || !path.endsWith("/messages")) {
      status = 404;
      reply =
          "{\"error\":{\"message\":\"Unknown path components\",\"type\":\"OAuthException\","
              + "\"code\":2500,\"fbtrace_id\":\"standin\"}}";
    } else if (body.contains("\"status\":\"read\"")) {
      status = 200;
      reply = "{\"success\":true}";
    } else {
      Matcher m = TO.matcher(body);
      String input = m.find() ? m.group(1) : "";
      String waId = input.startsWith("+") ? input.substring(1) : input;
      String wamid = "wamid.STANDIN" + ids.incrementAndGet();
      status = 200;
      reply =
          "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\""
              + input
              + "\",\"wa_id\":\""
              + waId
              + "\"}],\"messages\":[{\"id\":\""
              + wamid
              + "\""
              + (body.contains("\"type\":\"template\"") ? ",\"message_status\":\"accepted\"" : "")
              + "}]}";
    }
    exchanges.add(new Exchange(ex.getRequestMethod(), path, body, status, reply));
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
