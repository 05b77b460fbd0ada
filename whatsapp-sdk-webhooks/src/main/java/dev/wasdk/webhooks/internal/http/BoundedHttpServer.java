package dev.wasdk.webhooks.internal.http;

import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.internal.QueryString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server for webhook-style paths (one path per endpoint, each with its own body
 * limit and handler) that slow or hostile clients cannot stall.
 *
 * <ul>
 *   <li>An accept thread takes connections; beyond {@code maxConnections} open ones, a new
 *       connection gets 503 at once and is closed.
 *   <li>Each open connection has a reader thread that reads one whole request (line, headers and
 *       body, plain or chunked) within {@code requestTimeout}, counted from its first byte's wait;
 *       past it the connection gets 408 and is closed. A declared {@code Content-Length} over the
 *       body limit gets 413 before any body byte is read.
 *   <li>Bodies grow as their bytes arrive, against one budget of buffered bytes for the whole
 *       server; a request that would exceed it gets 503. Memory is therefore bounded by the budget
 *       plus a header buffer per open connection, however many clients trickle.
 *   <li>Only complete requests reach the handler, on the given executor; when it refuses the task
 *       (bounded queue full), the request gets 503.
 * </ul>
 *
 * <p>Thread-safe; {@link #close()} stops it.
 */
public final class BoundedHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BoundedHttpServer.class);
  private static final int MAX_HEADER_BYTES = 16 * 1024;
  private static final int MAX_HEADERS = 100;
  private static final int FIRST_BUFFER = 8 * 1024;
  private static final int LINGER_MILLIS = 1_000;
  private static final long LINGER_BYTES = 4L * 1024 * 1024;

  /**
   * What serves one path: its body limit and its handler.
   *
   * @param maxBodyBytes the largest body the path accepts; a larger one gets 413
   * @param handler answers complete requests
   */
  public record Route(int maxBodyBytes, Function<WebhookRequest, WebhookResponse> handler) {}

  /**
   * The limits and parts of a server.
   *
   * @param routes the served paths, matched exactly; any other path gets 404
   */
  public record Config(
      InetSocketAddress address,
      Map<String, Route> routes,
      int maxConnections,
      long requestTimeoutMillis,
      long bufferBudgetBytes,
      ExecutorService executor,
      ThreadFactory threads) {

    /** Copies the routes. */
    public Config {
      routes = Map.copyOf(routes);
    }

    /** A server for a single path. */
    public Config(
        InetSocketAddress address,
        String path,
        int maxConnections,
        long requestTimeoutMillis,
        int maxBodyBytes,
        long bufferBudgetBytes,
        ExecutorService executor,
        Function<WebhookRequest, WebhookResponse> handler,
        ThreadFactory threads) {
      this(
          address,
          Map.of(path, new Route(maxBodyBytes, handler)),
          maxConnections,
          requestTimeoutMillis,
          bufferBudgetBytes,
          executor,
          threads);
    }
  }

  private final Config config;
  private final ServerSocket socket;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger openCount = new AtomicInteger();
  private final AtomicLong buffered = new AtomicLong();
  private volatile boolean closed;

  private BoundedHttpServer(Config config, ServerSocket socket) {
    this.config = config;
    this.socket = socket;
    this.acceptor = config.threads().newThread(this::acceptLoop);
  }

  /**
   * Binds and starts a server.
   *
   * @throws IOException if the address cannot be bound
   */
  public static BoundedHttpServer start(Config config) throws IOException {
    ServerSocket s = new ServerSocket();
    try {
      s.bind(config.address(), 128);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    BoundedHttpServer server = new BoundedHttpServer(config, s);
    server.acceptor.start();
    return server;
  }

  /** Returns the bound address. */
  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Returns the number of open connections. */
  public int openConnections() {
    return openCount.get();
  }

  /** Returns the body bytes buffered across all connections now. */
  public long bufferedBytes() {
    return buffered.get();
  }

  /** Stops accepting and closes every open connection. Idempotent. */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("Closing the webhook server socket failed: {}", e.getClass().getName());
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException e) {
        if (!closed) {
          log.warn("Webhook server accept failed: {}", e.getClass().getName());
        }
        continue;
      }
      if (openCount.incrementAndGet() > config.maxConnections()) {
        openCount.decrementAndGet();
        refuse(s);
        continue;
      }
      open.add(s);
      Thread reader;
      try {
        reader = config.threads().newThread(() -> serve(s));
        reader.start();
      } catch (RuntimeException | OutOfMemoryError e) {
        forget(s);
        refuse(s);
      }
    }
  }

  private void refuse(Socket s) {
    try {
      s.setSoTimeout(1_000);
      write(s.getOutputStream(), text(503, "too many connections"), true);
    } catch (IOException e) {
      log.debug("Could not refuse a connection: {}", e.getClass().getName());
    } finally {
      closeQuietly(s);
    }
    log.debug("Webhook connection refused: {} open", config.maxConnections());
  }

  private void forget(Socket s) {
    if (open.remove(s)) {
      openCount.decrementAndGet();
    }
  }

  private void serve(Socket s) {
    try {
      s.setTcpNoDelay(true);
      DeadlineInput in = new DeadlineInput(s);
      OutputStream out = s.getOutputStream();
      boolean keepAlive = true;
      while (keepAlive && !closed) {
        in.deadline(
            System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.requestTimeoutMillis()));
        keepAlive = exchange(in, out);
      }
    } catch (SocketTimeoutException e) {
      log.debug("Webhook request not complete within its deadline; closing");
    } catch (IOException e) {
      log.debug("Webhook connection ended: {}", e.getClass().getName());
    } finally {
      lingerClose(s);
      forget(s);
    }
  }

  /**
   * Closes a connection without losing the answer just written: a socket closed with unread input
   * resets the connection, and the client may then never see a 413 or 408. So the output is shut
   * first and the rest of the request discarded, for at most a second and 4 MiB.
   */
  private static void lingerClose(Socket s) {
    try {
      if (!s.isClosed() && !s.isOutputShutdown()) {
        s.shutdownOutput();
        s.setSoTimeout(LINGER_MILLIS);
        InputStream in = s.getInputStream();
        byte[] scratch = new byte[8 * 1024];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        long left = LINGER_BYTES;
        int n;
        while (left > 0 && System.nanoTime() < deadline && (n = in.read(scratch)) >= 0) {
          left -= n;
        }
      }
    } catch (IOException e) {
      // the client went away first; nothing to keep
    } finally {
      closeQuietly(s);
    }
  }

  /** Reads and answers one request; returns whether the connection stays open. */
  private boolean exchange(DeadlineInput in, OutputStream out) throws IOException {
    Head head;
    try {
      head = Head.read(in);
    } catch (SocketTimeoutException e) {
      if (in.consumed()) {
        write(out, text(408, "request not complete in time"), true);
      }
      return false;
    } catch (BadRequest e) {
      write(out, text(e.status, e.getMessage()), true);
      return false;
    }
    if (head == null) {
      return false; // the client closed an idle connection
    }
    Route route = config.routes().get(head.path());
    if (route == null) {
      write(out, text(404, "not found"), true);
      return false;
    }
    boolean post = "POST".equals(head.method());
    long declared = head.contentLength();
    if (post && declared > route.maxBodyBytes()) {
      write(out, text(413, "request body exceeds " + route.maxBodyBytes() + " bytes"), true);
      return false;
    }
    if (head.expectContinue() && post) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    Body body = new Body(route.maxBodyBytes());
    try {
      if (head.chunked()) {
        body.readChunked(in);
      } else if (declared > 0) {
        body.readExactly(in, declared);
      }
      if (body.tooLarge) {
        write(out, text(413, "request body exceeds " + route.maxBodyBytes() + " bytes"), true);
        return false;
      }
      if (body.overBudget) {
        write(out, text(503, "server busy; retry later"), true);
        return false;
      }
      WebhookRequest request = head.toRequest(post ? body.bytes() : null);
      WebhookResponse response = dispatch(route, request, in);
      boolean close = head.close() || closed;
      write(out, response, close);
      return !close;
    } catch (SocketTimeoutException e) {
      write(out, text(408, "request not complete in time"), true);
      return false;
    } catch (BadRequest e) {
      write(out, text(e.status, e.getMessage()), true);
      return false;
    } finally {
      body.free();
    }
  }

  private WebhookResponse dispatch(Route route, WebhookRequest request, DeadlineInput in) {
    Future<WebhookResponse> result;
    try {
      result = config.executor().submit(() -> route.handler().apply(request));
    } catch (RejectedExecutionException e) {
      log.warn("Webhook request refused: every request thread is busy and the queue is full");
      return text(503, "server busy; retry later");
    }
    try {
      return result.get();
    } catch (ExecutionException e) {
      log.warn("Webhook request failed unexpectedly: {}", e.getCause().getClass().getName());
      return new WebhookResponse(500, "text/plain; charset=utf-8", "internal error", Map.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result.cancel(true);
      return text(503, "server busy; retry later");
    }
  }

  private static WebhookResponse text(int status, String body) {
    return new WebhookResponse(status, "text/plain; charset=utf-8", body, Map.of());
  }

  private static void write(OutputStream out, WebhookResponse response, boolean close)
      throws IOException {
    byte[] body = response.bodyBytes();
    StringBuilder head = new StringBuilder(160);
    head.append("HTTP/1.1 ").append(response.status()).append(' ');
    head.append(reason(response.status())).append("\r\n");
    head.append("Content-Type: ").append(response.contentType()).append("\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    head.append("X-Content-Type-Options: nosniff\r\n");
    response
        .headers()
        .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (close) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 413 -> "Content Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // nothing left to do with it
    }
  }

  /** A request the server refuses before the endpoint sees it. */
  static final class BadRequest extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** Reads from a socket, failing with {@link SocketTimeoutException} past the deadline. */
  static final class DeadlineInput extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final byte[] buf = new byte[8 * 1024];
    private int pos;
    private int end;
    private long deadline;
    private boolean consumed;

    DeadlineInput(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
    }

    void deadline(long nanos) {
      this.deadline = nanos;
      this.consumed = pos < end;
    }

    /** Returns whether any byte of the current request was read. */
    boolean consumed() {
      return consumed;
    }

    private boolean fill() throws IOException {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new SocketTimeoutException("request deadline passed");
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
      int n;
      try {
        n = in.read(buf, 0, buf.length);
      } catch (SocketException e) {
        if (System.nanoTime() - deadline >= 0) {
          throw new SocketTimeoutException("request deadline passed");
        }
        throw e;
      }
      if (n <= 0) {
        return false;
      }
      pos = 0;
      end = n;
      return true;
    }

    @Override
    public int read() throws IOException {
      if (pos >= end && !fill()) {
        return -1;
      }
      consumed = true;
      return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos >= end && !fill()) {
        return -1;
      }
      consumed = true;
      int n = Math.min(len, end - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }
  }

  /** A body buffer that grows as bytes arrive, against the server's budget. */
  private final class Body {
    private final int limit;
    private byte[] data = new byte[0];
    private int size;
    private long reserved;
    boolean tooLarge;
    boolean overBudget;

    Body(int limit) {
      this.limit = limit;
    }

    /** Makes room for at least one more byte, growing by doubling up to {@code cap}. */
    private boolean ensureRoom(long cap) {
      if (size < data.length) {
        return true;
      }
      long grown = Math.min(cap, Math.max(FIRST_BUFFER, data.length * 2L));
      long extra = grown - data.length;
      if (buffered.addAndGet(extra) > config.bufferBudgetBytes()) {
        buffered.addAndGet(-extra);
        overBudget = true;
        return false;
      }
      reserved += extra;
      byte[] next = new byte[(int) grown];
      System.arraycopy(data, 0, next, 0, size);
      data = next;
      return true;
    }

    void readExactly(InputStream in, long length) throws IOException {
      long total = size + length;
      if (total > limit) {
        tooLarge = true;
        return;
      }
      long left = length;
      while (left > 0) {
        if (!ensureRoom(total)) {
          return;
        }
        int room = (int) Math.min(left, data.length - size);
        int n = in.read(data, size, room);
        if (n < 0) {
          throw new BadRequest(400, "request body ends early");
        }
        size += n;
        left -= n;
      }
    }

    void readChunked(DeadlineInput in) throws IOException {
      while (true) {
        String line = Head.line(in, 1024);
        int semi = line.indexOf(';');
        String hex = (semi >= 0 ? line.substring(0, semi) : line).strip();
        long chunk;
        try {
          chunk = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
          throw new BadRequest(400, "malformed chunk size");
        }
        if (chunk < 0) {
          throw new BadRequest(400, "malformed chunk size");
        }
        if (chunk == 0) {
          // Trailer fields, if any, end with an empty line.
          while (!Head.line(in, MAX_HEADER_BYTES).isEmpty()) {
            // skipped
          }
          return;
        }
        if (size + chunk > limit) {
          tooLarge = true;
          return;
        }
        readExactly(in, chunk);
        if (tooLarge || overBudget) {
          return;
        }
        if (!Head.line(in, 2).isEmpty()) {
          throw new BadRequest(400, "malformed chunk");
        }
      }
    }

    byte[] bytes() {
      if (size == data.length) {
        return data;
      }
      byte[] exact = new byte[size];
      System.arraycopy(data, 0, exact, 0, size);
      return exact;
    }

    void free() {
      buffered.addAndGet(-reserved);
      reserved = 0;
      data = null;
    }
  }

  /** A request's line and headers. */
  record Head(
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> headers,
      long contentLength,
      boolean chunked,
      boolean close,
      boolean expectContinue) {

    /** Reads a request head; null when the connection ended before its first byte. */
    static Head read(DeadlineInput in) throws IOException {
      String requestLine;
      try {
        requestLine = line(in, MAX_HEADER_BYTES);
        while (requestLine.isEmpty()) {
          requestLine = line(in, MAX_HEADER_BYTES); // tolerate stray CRLF between requests
        }
      } catch (EndOfStream e) {
        return null;
      }
      String[] parts = requestLine.split(" ", -1);
      if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
        throw new BadRequest(400, "malformed request line");
      }
      String target = parts[1];
      int q = target.indexOf('?');
      String path = q >= 0 ? target.substring(0, q) : target;
      String query = q >= 0 ? target.substring(q + 1) : null;
      Map<String, List<String>> headers = new LinkedHashMap<>();
      int total = requestLine.length();
      int count = 0;
      String line;
      try {
        while (!(line = line(in, MAX_HEADER_BYTES)).isEmpty()) {
          total += line.length() + 2;
          if (++count > MAX_HEADERS || total > MAX_HEADER_BYTES) {
            throw new BadRequest(431, "request headers too large");
          }
          int colon = line.indexOf(':');
          if (colon <= 0) {
            throw new BadRequest(400, "malformed header");
          }
          headers
              .computeIfAbsent(
                  line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                  k -> new ArrayList<>(1))
              .add(line.substring(colon + 1).strip());
        }
      } catch (EndOfStream e) {
        throw new BadRequest(400, "request ends inside its headers");
      }
      boolean http10 = parts[2].equals("HTTP/1.0");
      String connection = first(headers, "connection");
      boolean close =
          http10
              ? connection == null || !connection.equalsIgnoreCase("keep-alive")
              : connection != null && connection.equalsIgnoreCase("close");
      String te = first(headers, "transfer-encoding");
      boolean chunked = te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
      long length = -1;
      String cl = first(headers, "content-length");
      if (cl != null && !chunked) {
        try {
          length = Long.parseLong(cl.strip());
        } catch (NumberFormatException e) {
          throw new BadRequest(400, "malformed Content-Length");
        }
        if (length < 0) {
          throw new BadRequest(400, "malformed Content-Length");
        }
      }
      String expect = first(headers, "expect");
      return new Head(
          parts[0],
          path,
          query,
          headers,
          length,
          chunked,
          close,
          expect != null && expect.equalsIgnoreCase("100-continue"));
    }

    WebhookRequest toRequest(byte[] body) {
      WebhookRequest.Builder b =
          WebhookRequest.builder()
              .method(method)
              .queryParameters(QueryString.parse(rawQuery))
              .headers(headers);
      if (body != null) {
        b.body(body);
        if (contentLength >= 0) {
          b.contentLength(contentLength);
        }
      }
      return b.build();
    }

    private static String first(Map<String, List<String>> headers, String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Reads one CRLF- (or LF-) terminated line of at most {@code max} bytes, as Latin-1. */
    static String line(InputStream in, int max) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream(64);
      int c;
      while ((c = in.read()) != '\n') {
        if (c < 0) {
          throw new EndOfStream();
        }
        if (b.size() >= max) {
          throw new BadRequest(431, "request line or header too long");
        }
        b.write(c);
      }
      byte[] bytes = b.toByteArray();
      int n = bytes.length;
      if (n > 0 && bytes[n - 1] == '\r') {
        n--;
      }
      return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
    }
  }

  /** The connection ended where a line was expected. */
  static final class EndOfStream extends IOException {
    private static final long serialVersionUID = 1L;

    EndOfStream() {
      super("connection ended");
    }
  }
}
