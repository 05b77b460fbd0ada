package dev.wasdk.benchmarks.send;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the tasks the HTTP client hands to its executor per blocking send, for wasdk and for a raw
 * {@code HttpClient} POST of the same bytes with the JDK's byte-array body handler, over loopback.
 * Each task is a hand-over from one thread to another, so a send with more of them waits on more
 * wake-ups. The count does not depend on the machine's load, unlike the time per send.
 *
 * <pre>
 * java -Dsun.net.httpserver.nodelay=true -cp whatsapp-sdk-benchmarks/target/benchmarks.jar \
 *     dev.wasdk.benchmarks.send.ExecutorHops [sends]
 * </pre>
 */
public final class ExecutorHops {
  private static final String TOKEN = "EAAG-benchmark-token-not-secret-0123456789";

  private ExecutorHops() {}

  /**
   * Runs the count.
   *
   * @param args the number of measured sends per client (default 20,000)
   * @throws Exception if the loopback server cannot start
   */
  public static void main(String[] args) throws Exception {
    int sends = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    AtomicLong tasks = new AtomicLong();
    ExecutorService pool = Executors.newCachedThreadPool();
    try (LoopbackServer server = new LoopbackServer(4)) {
      WhatsAppClient wa =
          WhatsAppClient.builder()
              .accessToken(TOKEN)
              .phoneNumberId("106540352242922")
              .baseUrl(server.baseUrl())
              .executor(
                  r -> {
                    tasks.incrementAndGet();
                    pool.execute(r);
                  })
              .build();
      Message message = Message.to("+16505551234").text("Your order 4711 has shipped.");
      wa.messages().send(message);
      HttpClient raw =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(
                  r -> {
                    tasks.incrementAndGet();
                    pool.execute(r);
                  })
              .build();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(server.baseUrl() + server.lastPath()))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + TOKEN)
              .header("Content-Type", "application/json")
              .POST(BodyPublishers.ofByteArray(server.lastBody()))
              .build();
      for (int i = 0; i < 2_000; i++) {
        wa.messages().send(message);
        raw.send(request, BodyHandlers.ofByteArray());
      }
      tasks.set(0);
      for (int i = 0; i < sends; i++) {
        wa.messages().send(message);
      }
      double wasdk = tasks.getAndSet(0) / (double) sends;
      for (int i = 0; i < sends; i++) {
        raw.send(request, BodyHandlers.ofByteArray());
      }
      double rawTasks = tasks.get() / (double) sends;
      System.out.printf("executor tasks per send: wasdk %.2f, raw %.2f%n", wasdk, rawTasks);
      System.out.printf("RESULT send.executorTasks.wasdk %.3f%n", wasdk);
      System.out.printf("RESULT send.executorTasks.raw %.3f%n", rawTasks);
    } finally {
      pool.shutdownNow();
    }
  }
}
