package dev.wasdk.benchmarks.send;

import com.sun.management.OperatingSystemMXBean;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The CPU time of one {@code wa.messages().send(text)} with no network (a {@link CannedHttpClient}
 * that answers at once), from the whole process's CPU time, so that the work of helper threads (a
 * timer's scheduler, for one) counts too. CPU time stays readable on a machine shared with other
 * work, where wall time swings with the neighbours' load. Prints the median and the batches.
 *
 * <p>To compare two builds of the SDK, put this module's classes first on the class path and each
 * build's benchmark jar after it:
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/classes:before.jar dev.wasdk.benchmarks.send.SendCpuTime 8
 * java -cp whatsapp-sdk-benchmarks/target/classes:after.jar dev.wasdk.benchmarks.send.SendCpuTime 8
 * </pre>
 */
public final class SendCpuTime {
  private static final int WARMUP_SENDS = 300_000;
  private static final int BATCH_SENDS = 100_000;
  private static final int BATCHES = 7;
  private static volatile Object sink;

  private SendCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args the number of sending threads (default 1)
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (WhatsAppClient wa =
        WhatsAppClient.builder()
            .accessToken("EAAG-benchmark-token-not-secret-0123456789")
            .phoneNumberId("106540352242922")
            .httpClient(new CannedHttpClient(LoopbackServer.SEND_OK))
            .build()) {
      Message message =
          Message.to("+16505551234").text("Your order 4711 has shipped and arrives Tuesday.");
      run(wa, message, threads, WARMUP_SENDS);
      long[] perSend = new long[BATCHES];
      for (int b = 0; b < BATCHES; b++) {
        long cpu = os.getProcessCpuTime();
        run(wa, message, threads, BATCH_SENDS);
        perSend[b] = (os.getProcessCpuTime() - cpu) / BATCH_SENDS;
      }
      Arrays.sort(perSend);
      System.out.printf(
          "threads=%d process CPU ns per send: median %d, batches %s%n",
          threads, perSend[BATCHES / 2], Arrays.toString(perSend));
      System.out.printf("RESULT sendCpuNs.t%d %d%n", threads, perSend[BATCHES / 2]);
    }
  }

  private static void run(WhatsAppClient wa, Message message, int threads, int sends)
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(threads);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int share = sends / threads + (t < sends % threads ? 1 : 0);
      Thread w =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < share; i++) {
                    sink = wa.messages().send(message);
                  }
                } finally {
                  done.countDown();
                }
              });
      workers.add(w);
      w.start();
    }
    done.await();
    for (Thread w : workers) {
      w.join();
    }
  }
}
