package dev.wasdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.RetryPolicy;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestState;
import dev.wasdk.error.TransportFailure;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the JDK client's {@code IOException: HTTP/1.1 header parser received no bytes}
 * deterministically: a raw HTTP/1.1 server answers the first request on a keep-alive connection,
 * then reads the second request on that same pooled connection completely and closes it without
 * answering. The client sees exactly the exception seen rarely in production, although the server
 * received the whole request and could have processed it. That is why a message send must treat it
 * as maybe sent.
 */
class StaleConnectionTest {
  private static final String OK_SEND =
      "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\",\"wa_id\":"
          + "\"16505551234\"}],\"messages\":[{\"id\":\"wamid.S1\"}]}";

  private ServerSocket server;
  private Thread acceptor;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<Integer> connections = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              int connection = 0;
              while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                  open.add(s);
                  connection++;
                  serve(s, connection);
                } catch (IOException e) {
                  // The socket closed or the test ended.
                }
              }
            },
            "stale-connection-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    for (Socket s : open) {
      s.close(); // ends a keep-alive read the pooled client connection would hold open
    }
    acceptor.join(5_000);
    assertThat(acceptor.isAlive()).isFalse();
  }

  /**
   * On the first connection: answer one request, keep the connection open, read the next request
   * fully, then close without a byte of response. On later connections: answer every request.
   */
  private void serve(Socket s, int connection) throws IOException {
    InputStream in = new BufferedInputStream(s.getInputStream());
    OutputStream out = s.getOutputStream();
    for (int n = 1; ; n++) {
      String body = readRequest(in);
      if (body == null) {
        return;
      }
      bodies.add(body);
      connections.add(connection);
      if (connection == 1 && n == 2) {
        return; // close after reading the whole request: "header parser received no bytes"
      }
      String reply = body.contains("\"status\":\"read\"") ? "{\"success\":true}" : OK_SEND;
      byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                  + bytes.length
                  + "\r\nConnection: keep-alive\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
    }
  }

  private static String readRequest(InputStream in) throws IOException {
    int length = 0;
    boolean any = false;
    for (String line = readLine(in); line != null; line = readLine(in)) {
      any = true;
      if (line.isEmpty()) {
        byte[] body = in.readNBytes(length);
        return new String(body, StandardCharsets.UTF_8);
      }
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring("content-length:".length()).trim());
      }
    }
    return any ? "" : null;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String s = line.toString(StandardCharsets.US_ASCII);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      line.write(c);
    }
    return null;
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  private static GraphRequest send(GraphTransport t, String text) {
    byte[] json =
        ("{\"messaging_product\":\"whatsapp\",\"to\":\"+16505551234\",\"type\":\"text\","
                + "\"text\":{\"body\":\""
                + text
                + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    return GraphRequest.json("POST", t.uri("123/messages"), json, false, "send message", null);
  }

  @Test
  void execute_messageOnConnectionClosedAfterReadingIt_isMaybeSentAndNotRetried() {
    FakeSleeper sleeper = new FakeSleeper();
    try (GraphTransport t = TestTransports.create(base(), sleeper, RetryPolicy.defaults())) {
      assertThat(t.execute(send(t, "first")).status()).isEqualTo(200);

      assertThatThrownBy(() -> t.execute(send(t, "second")))
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e -> {
                assertThat(e.requestState()).isEqualTo(RequestState.MAYBE_SENT);
                assertThat(e.failure())
                    .isEqualTo(TransportFailure.CONNECTION_CLOSED_BEFORE_RESPONSE);
                assertThat(e.getCause())
                    .isInstanceOf(IOException.class)
                    .hasMessage("HTTP/1.1 header parser received no bytes");
              });
    }
    // The server read the whole second message: had it been Meta, it could have been accepted.
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(1)).contains("second");
    assertThat(connections).containsExactly(1, 1);
    assertThat(sleeper.waits()).as("never resent").isEmpty();
  }

  @Test
  void execute_idempotentCallOnConnectionClosedAfterReadingIt_isRetriedOnANewConnection() {
    FakeSleeper sleeper = new FakeSleeper();
    byte[] read =
        "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.X\"}"
            .getBytes(StandardCharsets.UTF_8);
    try (GraphTransport t = TestTransports.create(base(), sleeper, RetryPolicy.defaults())) {
      t.execute(send(t, "first"));

      GraphResponse r =
          t.execute(
              GraphRequest.json("POST", t.uri("123/messages"), read, true, "mark read", null));

      assertThat(r.status()).isEqualTo(200);
    }
    assertThat(connections).containsExactly(1, 1, 2);
    assertThat(sleeper.waits()).hasSize(1);
  }
}
