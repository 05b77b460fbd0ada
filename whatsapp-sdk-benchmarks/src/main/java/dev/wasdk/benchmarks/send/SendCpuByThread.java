package dev.wasdk.benchmarks.send;

import com.sun.management.OperatingSystemMXBean;
import dev.wasdk.benchmarks.send.RawPosts.Side;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.okhttp.OkHttpTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sending thread, wasdk against its raw peer on the same loopback server, in alternating rounds
 * in one JVM: the wall time per send, the process CPU time per send, the calling thread's CPU time
 * per send, and then the CPU time per send of each group of threads (the HTTP client's selector and
 * workers, the server's threads, the caller). At one thread the time of a send is mostly hand-overs
 * between those threads, and this is where an extra wake-up or an extra piece of work on one of
 * them shows; JMH's throughput alone does not say which thread pays.
 *
 * <p>{@code jdk} compares {@code wa.messages().send} on the default transport with a raw {@code
 * HttpClient} POST of the same bytes read with the JDK's byte-array body handler; {@code
 * jdk-stream} reads the raw POST's answer from the JDK's input-stream body handler instead (the way
 * wasdk read every answer before the change of section 20 of {@code docs/benchmarks.md}); {@code
 * okhttp} compares wasdk on its OkHttp transport with a raw OkHttp POST. Rounds alternate which
 * side goes first; the first two rounds are warm-up. Medians over the remaining rounds.
 *
 * <pre>
 * java -Dsun.net.httpserver.nodelay=true -cp whatsapp-sdk-benchmarks/target/benchmarks.jar \
 *     dev.wasdk.benchmarks.send.SendCpuByThread [jdk|jdk-stream|okhttp] [sends-per-round] [rounds]
 * </pre>
 */
public final class SendCpuByThread {
  private static final int WARM_UP_ROUNDS = 2;

  private SendCpuByThread() {}

  /** The medians of one side's rounds. */
  private record Figures(double wallMicros, double processCpuMicros, double callerCpuMicros) {}

  /**
   * Runs the comparison and prints it.
   *
   * @param args the peer ({@code jdk}, {@code jdk-stream} or {@code okhttp}; default {@code jdk}),
   *     the sends per round (default 5,000) and the rounds (default 14)
   * @throws Exception if the loopback server cannot start or a send fails
   */
  public static void main(String[] args) throws Exception {
    String peer = args.length > 0 ? args[0] : "jdk";
    int sends = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 14;
    if (!List.of("jdk", "jdk-stream", "okhttp").contains(peer)) {
      throw new IllegalArgumentException("the peer is jdk, jdk-stream or okhttp: " + peer);
    }
    boolean onOkhttp = peer.equals("okhttp");
    try (LoopbackServer server = new LoopbackServer(16)) {
      WhatsAppClient.Builder builder =
          WhatsAppClient.builder().accessToken(RawPosts.TOKEN).phoneNumberId(RawPosts.PHONE_ID);
      OkHttpTransport transport = onOkhttp ? OkHttpTransport.create() : null;
      if (transport != null) {
        builder.transport(transport);
      }
      try (WhatsAppClient wa = builder.baseUrl(server.baseUrl()).build()) {
        Message message = Message.to(RawPosts.TO).text(RawPosts.TEXT);
        wa.messages().send(message);
        byte[] body = server.lastBody();
        URI uri = URI.create(server.baseUrl() + server.lastPath());
        Side wasdk = () -> wa.messages().send(message);
        Side raw =
            onOkhttp
                ? RawPosts.okhttp(uri, body)
                : RawPosts.jdk(uri, body, peer.equals("jdk-stream"));
        run(peer, wasdk, raw, sends, rounds);
      } finally {
        if (transport != null) {
          transport.close();
        }
      }
    }
  }

  private static void run(String peer, Side wasdk, Side raw, int sends, int rounds)
      throws IOException, InterruptedException {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Figures> wasdkRounds = new ArrayList<>();
    List<Figures> rawRounds = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < 2; i++) {
        boolean wasdkNow = (i + r) % 2 == 0;
        Figures f = round(wasdkNow ? wasdk : raw, sends, os, threads);
        if (r >= WARM_UP_ROUNDS) {
          (wasdkNow ? wasdkRounds : rawRounds).add(f);
        }
      }
    }
    Figures w = median(wasdkRounds);
    Figures p = median(rawRounds);
    System.out.printf(
        "peer %s, 1 thread, %d rounds of %d sends (%d warm-up)%n",
        peer, rounds, sends, WARM_UP_ROUNDS);
    System.out.printf("%-6s %10s %16s %16s%n", "", "wall µs", "process CPU µs", "caller CPU µs");
    System.out.printf(
        "%-6s %10.1f %16.1f %16.1f%n", "raw", p.wallMicros, p.processCpuMicros, p.callerCpuMicros);
    System.out.printf(
        "%-6s %10.1f %16.1f %16.1f%n",
        "wasdk", w.wallMicros, w.processCpuMicros, w.callerCpuMicros);
    System.out.printf(
        "wasdk ÷ raw: wall %.3f, process CPU %.3f%n",
        w.wallMicros / p.wallMicros, w.processCpuMicros / p.processCpuMicros);
    System.out.println("CPU µs per send by thread group (groups over 0.5 µs):");
    Map<String, Double> rawByGroup = byGroup(raw, sends * 4, threads);
    Map<String, Double> wasdkByGroup = byGroup(wasdk, sends * 4, threads);
    Map<String, Double> groups = new TreeMap<>(rawByGroup);
    wasdkByGroup.forEach(groups::putIfAbsent);
    System.out.printf("  %-42s %8s %8s%n", "group", "raw", "wasdk");
    for (String g : groups.keySet()) {
      double a = rawByGroup.getOrDefault(g, 0.0);
      double b = wasdkByGroup.getOrDefault(g, 0.0);
      if (a > 0.5 || b > 0.5) {
        System.out.printf("  %-42s %8.1f %8.1f%n", g, a, b);
      }
    }
  }

  private static Figures round(Side side, int sends, OperatingSystemMXBean os, ThreadMXBean threads)
      throws IOException, InterruptedException {
    long cpu0 = os.getProcessCpuTime();
    long caller0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    for (int i = 0; i < sends; i++) {
      side.send();
    }
    long wall = System.nanoTime() - t0;
    long caller = threads.getCurrentThreadCpuTime() - caller0;
    long cpu = os.getProcessCpuTime() - cpu0;
    return new Figures(wall / 1e3 / sends, cpu / 1e3 / sends, caller / 1e3 / sends);
  }

  private static Map<String, Double> byGroup(Side side, int sends, ThreadMXBean threads)
      throws IOException, InterruptedException {
    Map<String, Long> before = cpuByGroup(threads);
    for (int i = 0; i < sends; i++) {
      side.send();
    }
    Map<String, Long> after = cpuByGroup(threads);
    Map<String, Double> perSend = new TreeMap<>();
    after.forEach(
        (group, nanos) ->
            perSend.put(group, (nanos - before.getOrDefault(group, 0L)) / 1e3 / sends));
    return perSend;
  }

  /** Sums the CPU time of live threads by name, digits dropped ({@code HttpClient-#-Worker-#}). */
  private static Map<String, Long> cpuByGroup(ThreadMXBean threads) {
    Map<String, Long> byGroup = new TreeMap<>();
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t == null) {
        continue;
      }
      long nanos = threads.getThreadCpuTime(t.getThreadId());
      if (nanos > 0) {
        byGroup.merge(t.getThreadName().replaceAll("[0-9]+", "#"), nanos, Long::sum);
      }
    }
    return byGroup;
  }

  private static Figures median(List<Figures> rounds) {
    return new Figures(
        middle(rounds.stream().map(Figures::wallMicros).toList()),
        middle(rounds.stream().map(Figures::processCpuMicros).toList()),
        middle(rounds.stream().map(Figures::callerCpuMicros).toList()));
  }

  private static double middle(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
