package dev.wasdk.benchmarks.pacing;

import dev.wasdk.benchmarks.report.Results;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.sender.SubmitOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Measures the heap a {@link MessageSender} holds per queued message when N messages wait with
 * 1-day deadlines, and what it still holds once they have all ended, by cancellation and by {@code
 * close}.
 *
 * <p>The sender is paced at one message a second with one in flight, against a loopback {@link
 * SlowServer} that answers at once, so nearly all N stay queued. Used heap is read after full
 * collections: with nothing built; with the N template messages built; with them submitted (each
 * with its own deadline one day ahead, futures kept by the caller); after every future is cancelled
 * and the queue is empty, with the caller's messages and futures dropped; then again with N queued
 * afresh, and after {@code close(Duration.ZERO)} with the caller's references dropped. The last two
 * heap figures, compared with the first, show whether ended messages stay in the sender, in the
 * deadlines structure for instance, until their deadlines pass.
 *
 * <pre>
 * java -Xmx8g -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.pacing.QueuedMemory [N]
 * </pre>
 *
 * <p>With {@code -Dhistogram=true} it also prints the top of the class histogram after {@code
 * close}, to show what the closed sender still holds.
 */
public final class QueuedMemory {
  private QueuedMemory() {}

  /**
   * Runs the measurement.
   *
   * @param args optional: N, the number of messages queued (default 1,000,000)
   * @throws Exception when the loopback server cannot start
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    try (SlowServer server = new SlowServer(0, 0, 4);
        WhatsAppClient wa = PacingHarness.client(server.baseUrl(), RetryPolicy.none())) {
      MessageSender sender =
          MessageSender.builder(wa)
              .throughputPerSecond(1)
              .maxInFlight(1)
              .tier(MessagingTier.TIER_UNLIMITED)
              .maxQueued(n + 10)
              .build();
      long base = PacingHarness.usedHeap();

      List<Message> messages = build(n);
      long built = PacingHarness.usedHeap();
      List<CompletableFuture<SendOutcome>> futures = submit(sender, messages);
      long queued = PacingHarness.usedHeap();
      long queuedCount = sender.stats().queued();
      messages = null;
      long queuedOnly = PacingHarness.usedHeap(); // the sender alone holds the messages now

      futures.forEach(f -> f.cancel(false));
      awaitEmpty(sender);
      futures = null;
      long afterCancel = PacingHarness.usedHeap();
      long cancelled = sender.stats().cancelled();

      messages = build(n);
      futures = submit(sender, messages);
      long queuedAgain = PacingHarness.usedHeap();
      List<Message> unsent = sender.close(Duration.ZERO);
      int unsentCount = unsent.size();
      unsent = null;
      long ended = futures.stream().filter(CompletableFuture::isDone).count();
      messages = null;
      futures = null;
      long afterClose = PacingHarness.usedHeap();

      if (Boolean.getBoolean("histogram")) {
        histogram("after close(ZERO)");
      }
      double perQueued = (queued - built) / (double) n;
      double perQueuedWithMessage = (queuedOnly - base) / (double) n;
      System.out.printf(
          Locale.ROOT,
          "N=%d queued with 1-day deadlines (stats().queued()=%d)%n"
              + "  heap used: base %.1f MB, N messages built %.1f MB, queued %.1f MB,"
              + " queued with the caller's messages dropped %.1f MB%n"
              + "  the template message itself: %.1f B%n"
              + "  the sender's cost per queued message (caller's future included): %.1f B%n"
              + "  the sender's whole hold per queued message (the message included): %.1f B%n"
              + "  after cancelling all %d (stats().cancelled()=%d) and dropping the caller's"
              + " references: %.1f MB, %.1f B per cancelled message above base%n"
              + "  queued again: %.1f MB; after close(ZERO) (%d returned unsent, %d of %d futures"
              + " done) and dropping the references: %.1f MB, %.1f B per closed message above"
              + " base%n",
          n,
          queuedCount,
          base / 1e6,
          built / 1e6,
          queued / 1e6,
          queuedOnly / 1e6,
          (built - base) / (double) n,
          perQueued,
          perQueuedWithMessage,
          n,
          cancelled,
          afterCancel / 1e6,
          (afterCancel - base) / (double) n,
          queuedAgain / 1e6,
          unsentCount,
          ended,
          n,
          afterClose / 1e6,
          (afterClose - base) / (double) n);
      String k = "memory.senderDeadlines." + n + ".";
      Results.emit(k + "messageBytes", (built - base) / (double) n);
      Results.emit(k + "queueBytesPerMessage", perQueued);
      Results.emit(k + "heldBytesPerMessage", perQueuedWithMessage);
      Results.emit(k + "afterCancelBytesPerMessage", (afterCancel - base) / (double) n);
      Results.emit(k + "afterCloseBytesPerMessage", (afterClose - base) / (double) n);
    }
    System.exit(0);
  }

  private static List<Message> build(int n) {
    List<Message> messages = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      messages.add(PacingHarness.template(i));
    }
    return messages;
  }

  private static List<CompletableFuture<SendOutcome>> submit(
      MessageSender sender, List<Message> messages) {
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>(messages.size());
    for (Message m : messages) {
      SubmitOptions options =
          SubmitOptions.defaults().withDeadline(Instant.now().plus(Duration.ofDays(1)));
      futures.add(sender.submit(m, options));
    }
    return futures;
  }

  /** Prints the top of this JVM's class histogram (live objects), through {@code jcmd}. */
  private static void histogram(String when) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p =
        new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    System.out.println("class histogram " + when + ":");
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      r.lines().limit(25).forEach(System.out::println);
    }
    p.waitFor();
  }

  /** Waits until the sender's queue is empty, for at most five minutes. */
  private static void awaitEmpty(MessageSender sender) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (sender.stats().queued() > 0) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("queue not empty after cancelling: " + sender.stats());
      }
      Thread.sleep(50);
    }
  }
}
