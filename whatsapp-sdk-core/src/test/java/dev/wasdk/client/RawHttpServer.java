package dev.wasdk.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 server on a free loopback port that writes one fixed byte sequence per
 * connection, for faults WireMock cannot script exactly: headers followed by a body that never
 * ends, or a body without {@code Content-Length} delimited by closing the connection.
 */
final class RawHttpServer implements AutoCloseable {
  private final ServerSocket server;
  private final byte[] response;
  private final boolean holdOpen;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;

  private RawHttpServer(byte[] response, boolean holdOpen) throws IOException {
    this.response = response;
    this.holdOpen = holdOpen;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.acceptor = new Thread(this::acceptLoop, "raw-http-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Answers every request with status 200, JSON headers announcing 100 bytes, and 5 of them. */
  static RawHttpServer stallingBody() throws IOException {
    return new RawHttpServer(
        ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\":")
            .getBytes(StandardCharsets.US_ASCII),
        true);
  }

  /** Answers every request with a 200 JSON body without a length, ended by closing. */
  static RawHttpServer unannounced(String body) throws IOException {
    return withHead(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n", body);
  }

  /** Answers every request with a 200 JSON body and its {@code Content-Length}, then closes. */
  static RawHttpServer announced(String body) throws IOException {
    return withHead(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + "Content-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n",
        body);
  }

  private static RawHttpServer withHead(String headText, String body) throws IOException {
    byte[] head = headText.getBytes(StandardCharsets.US_ASCII);
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + b.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(b, 0, all, head.length, b.length);
    return new RawHttpServer(all, false);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Returns how many requests arrived (request heads read to the blank line). */
  int requests() {
    return requests.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return;
      }
      sockets.add(s);
      Thread t = new Thread(() -> serve(s), "raw-http-connection");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try {
      readHead(s.getInputStream());
      requests.incrementAndGet();
      OutputStream out = s.getOutputStream();
      out.write(response);
      out.flush();
      if (!holdOpen) {
        s.close();
      }
      // Held sockets stay open, the body unfinished, until close().
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    for (int c; (c = in.read()) != -1; ) {
      head.write(c);
      matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
      if (matched == 4) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
