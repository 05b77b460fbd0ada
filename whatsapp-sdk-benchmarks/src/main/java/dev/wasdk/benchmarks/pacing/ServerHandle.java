package dev.wasdk.benchmarks.pacing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The {@link SlowServer} a harness run talks to: one in the harness's JVM, one started as a child
 * JVM with the same {@code java} and class path, or one already running elsewhere. The harness
 * resets and reads it the same way in all three cases, over its control requests.
 */
final class ServerHandle implements AutoCloseable {
  private static final int WARM_UP_REQUESTS = 4000;
  private final URI baseUrl;
  private final SlowServer inProcess;
  private final Process child;
  private final String where;
  private final HttpClient control =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private ServerHandle(URI baseUrl, SlowServer inProcess, Process child, String where) {
    this.baseUrl = baseUrl;
    this.inProcess = inProcess;
    this.child = child;
    this.where = where;
  }

  /**
   * Opens the server the option names: {@code inproc}, {@code spawn}, or the base URL of a running
   * one ({@code http://127.0.0.1:8089}).
   */
  static ServerHandle open(String option, int rate, long latencyMillis, int threads)
      throws IOException, InterruptedException {
    ServerHandle handle;
    if ("inproc".equals(option)) {
      SlowServer server = new SlowServer(latencyMillis, rate, threads);
      handle = new ServerHandle(server.baseUrl(), server, null, "in the harness's JVM");
    } else if ("spawn".equals(option)) {
      handle = spawn(rate, latencyMillis, threads);
    } else if (option.startsWith("http://")) {
      handle = new ServerHandle(URI.create(option), null, null, "at " + option);
    } else {
      throw new IllegalArgumentException("--server must be inproc, spawn or a URL: " + option);
    }
    if (handle.child != null) {
      handle.warmUp();
    }
    handle.reset(rate, latencyMillis);
    return handle;
  }

  /**
   * Sends a few thousand unlimited, undelayed requests from a few threads, so that the freshly
   * started server JVM has compiled its request path before the measured run (the in-process server
   * shares the harness's warm-up instead). The reset that follows clears their counts.
   */
  private void warmUp() throws IOException, InterruptedException {
    reset(0, 0);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create(baseUrl + "/v24.0/warm-up/messages");
    byte[] body = "{\"messaging_product\":\"whatsapp\"}".getBytes(StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      done.add(
          pool.submit(
              () -> {
                for (int i = 0; i < WARM_UP_REQUESTS / 4; i++) {
                  client.send(
                      HttpRequest.newBuilder(uri)
                          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                          .build(),
                      HttpResponse.BodyHandlers.discarding());
                }
                return null;
              }));
    }
    pool.shutdown();
    try {
      for (Future<?> f : done) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IOException("the server's warm-up failed", e.getCause());
    }
  }

  private static ServerHandle spawn(int rate, long latencyMillis, int threads)
      throws IOException, InterruptedException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Dsun.net.httpserver.nodelay=true",
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    SlowServer.class.getName(),
                    "0",
                    Integer.toString(rate),
                    Long.toString(latencyMillis),
                    Integer.toString(threads)))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("listening ")) {
      process.destroyForcibly();
      throw new IOException("the server process did not start: " + line);
    }
    return new ServerHandle(
        URI.create(line.substring("listening ".length()).trim()),
        null,
        process,
        "in its own JVM (pid " + process.pid() + ")");
  }

  /** Returns the base URL for the client under test. */
  URI baseUrl() {
    return baseUrl;
  }

  /** Says where the server runs, for the report. */
  String where() {
    return where;
  }

  /** Clears the server's counters and sets its limit (0: none) and latency. */
  void reset(int rate, long latencyMillis) throws IOException, InterruptedException {
    call("POST", "/_reset?rate=" + rate + "&latencyMs=" + latencyMillis);
  }

  /** Reads the server's counters. */
  SlowServer.Stats stats() throws IOException, InterruptedException {
    return SlowServer.Stats.parse(call("GET", "/_stats"));
  }

  private String call(String method, String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response = control.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(method + " " + pathAndQuery + " answered " + response.statusCode());
    }
    return response.body();
  }

  /** Stops the server if this handle started it. */
  @Override
  public void close() throws InterruptedException {
    if (inProcess != null) {
      inProcess.close();
    }
    if (child != null) {
      try {
        call("POST", "/_shutdown");
      } catch (IOException e) {
        // Stopped below regardless.
      }
      if (!child.waitFor(5, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }
}
