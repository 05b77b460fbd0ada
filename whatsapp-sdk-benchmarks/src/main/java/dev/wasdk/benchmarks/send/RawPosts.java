package dev.wasdk.benchmarks.send;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The raw peers of the send harnesses: a POST of the bytes wasdk sent, with the same headers, on
 * the JDK's {@code HttpClient} or on OkHttp, the answer read as bytes and not parsed (as {@link
 * SendBenchmark}'s {@code raw} and {@code okhttp} do).
 */
final class RawPosts {
  static final String TOKEN = "EAAG-benchmark-token-not-secret-0123456789";
  static final String PHONE_ID = "106540352242922";
  static final String TO = "+16505551234";
  static final String TEXT = "Your order 4711 has shipped and arrives Tuesday.";

  private RawPosts() {}

  /** One blocking send. */
  interface Side {
    void send() throws IOException, InterruptedException;
  }

  /**
   * Returns a raw JDK POST of {@code body} to {@code uri}.
   *
   * @param stream whether to read the answer from the JDK's input-stream body handler instead of
   *     its byte-array one
   */
  static Side jdk(URI uri, byte[] body, boolean stream) {
    HttpClient raw =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String authorization = "Bearer " + TOKEN;
    return () -> {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", authorization)
              .header("User-Agent", "raw/1.0")
              .header("Content-Type", "application/json")
              .POST(BodyPublishers.ofByteArray(body))
              .build();
      if (stream) {
        try (InputStream in = raw.send(request, BodyHandlers.ofInputStream()).body()) {
          in.readAllBytes();
        }
      } else {
        raw.send(request, BodyHandlers.ofByteArray());
      }
    };
  }

  /** Returns a raw OkHttp POST of {@code body} to {@code uri}, with a pool of 64 connections. */
  static Side okhttp(URI uri, byte[] body) {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .build();
    Request request =
        new Request.Builder()
            .url(uri.toString())
            .header("Authorization", "Bearer " + TOKEN)
            .header("User-Agent", "okhttp-peer/1.0")
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    return () -> {
      try (Response response = client.newCall(request).execute()) {
        response.body().bytes();
      }
    };
  }
}
