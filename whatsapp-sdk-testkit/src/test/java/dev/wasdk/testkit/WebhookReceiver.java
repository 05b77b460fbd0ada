package dev.wasdk.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver on the JDK's HTTP server. It verifies each signature itself, with HMAC-SHA256
 * over the raw body, and keeps every POST. It can answer the first requests with an error status.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One received POST. */
  record Received(byte[] body, String signature, boolean signatureValid) {
    JsonNode json() {
      return Http.JSON.readTree(body);
    }

    String field() {
      return json().path("entry").path(0).path("changes").path(0).path("field").asString();
    }

    JsonNode value() {
      return json().path("entry").path(0).path("changes").path(0).path("value");
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final byte[] secret;

  WebhookReceiver(String appSecret) {
    this.secret = appSecret.getBytes(StandardCharsets.UTF_8);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/webhook",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
          if (status == 200) {
            received.add(new Received(body, signature, valid(body, signature)));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.setExecutor(executor);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook");
  }

  /** Answers the next {@code n} posts with HTTP 500. */
  void failNext(int n) {
    failuresLeft.set(n);
  }

  /** Waits for {@code n} posts in all and returns them, or fails after the timeout. */
  List<Received> await(int n, Duration timeout) {
    List<Received> out = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (out.size() < n) {
      long left = deadline - System.nanoTime();
      Received r;
      try {
        r = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      if (r == null) {
        throw new AssertionError(
            "expected " + n + " webhooks, received " + out.size() + ": " + out);
      }
      out.add(r);
    }
    return out;
  }

  /** Returns the posts received so far without waiting. */
  List<Received> drain() {
    List<Received> out = new ArrayList<>();
    received.drainTo(out);
    return out;
  }

  private boolean valid(byte[] body, String header) {
    if (header == null || !header.startsWith("sha256=")) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] expected = mac.doFinal(body);
      StringBuilder hex = new StringBuilder();
      for (byte b : expected) {
        hex.append(String.format("%02x", b));
      }
      return MessageDigest.isEqual(
          hex.toString().getBytes(StandardCharsets.US_ASCII),
          header.substring(7).getBytes(StandardCharsets.US_ASCII));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
