package dev.wasdk.benchmarks.send;

import com.sun.management.OperatingSystemMXBean;
import dev.wasdk.benchmarks.observe.Observers;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Meters and spans on against off, timed in CPU time with the variants interleaved round by round,
 * so that a machine shared with other work still gives readable ratios (wall time swings with the
 * neighbours' load). A send with no network and a webhook delivery are timed in the measuring
 * thread's CPU time; a send over loopback in the whole process's CPU time (the server's and the
 * HTTP client's threads included) and in wall time. Prints the medians, the median of the rounds'
 * ratios, and {@code RESULT} lines.
 *
 * <pre>
 * java -Dsun.net.httpserver.nodelay=true -cp whatsapp-sdk-benchmarks/target/benchmarks.jar \
 *     dev.wasdk.benchmarks.send.ObservabilityCpuTime [rounds]
 * </pre>
 */
public final class ObservabilityCpuTime {
  private static final int WARMUP_ROUNDS = 6;
  private static final String TOKEN = "EAAG-benchmark-token-not-secret-0123456789";
  private static final String SECRET = "benchmark-app-secret-0123456789";
  private static volatile Object sink;

  private ObservabilityCpuTime() {}

  /**
   * Runs the comparison.
   *
   * @param args the number of measured rounds (default 15)
   * @throws Exception if the loopback server cannot start
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Message message =
        Message.to("+16505551234").text("Your order 4711 has shipped and arrives Tuesday.");
    try (LoopbackServer server = new LoopbackServer(4)) {
      Map<String, Runnable> ops = new LinkedHashMap<>();
      for (String mode : List.of("off", "on", "metrics", "tracing")) {
        WhatsAppClient canned =
            WhatsAppClient.builder()
                .accessToken(TOKEN)
                .phoneNumberId("106540352242922")
                .httpClient(new CannedHttpClient(LoopbackServer.SEND_OK))
                .observer(Observers.of(mode))
                .build();
        ops.put("sendCanned." + mode, () -> sink = canned.messages().send(message));
        WebhookEndpoint endpoint = endpoint(mode);
        WebhookRequest request = inbound();
        ops.put("webhook." + mode, () -> sink = endpoint.handle(request));
        WhatsAppClient loopback =
            WhatsAppClient.builder()
                .accessToken(TOKEN)
                .phoneNumberId("106540352242922")
                .baseUrl(server.baseUrl())
                .observer(Observers.of(mode))
                .build();
        ops.put("sendLoopback." + mode, () -> sink = loopback.messages().send(message));
      }
      Map<String, Integer> perRound =
          Map.of("sendCanned", 20_000, "webhook", 20_000, "sendLoopback", 1_000);
      Map<String, List<Double>> cpu = new LinkedHashMap<>();
      Map<String, List<Double>> wall = new LinkedHashMap<>();
      for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
        for (Map.Entry<String, Runnable> op : ops.entrySet()) {
          String name = op.getKey();
          String path = name.substring(0, name.indexOf('.'));
          int n = perRound.get(path);
          ToLongFunction<Void> clock =
              path.equals("sendLoopback")
                  ? v -> os.getProcessCpuTime()
                  : v -> threads.getCurrentThreadCpuTime();
          long c0 = clock.applyAsLong(null);
          long w0 = System.nanoTime();
          for (int i = 0; i < n; i++) {
            op.getValue().run();
          }
          long w1 = System.nanoTime();
          long c1 = clock.applyAsLong(null);
          if (round >= WARMUP_ROUNDS) {
            cpu.computeIfAbsent(name, k -> new ArrayList<>()).add((c1 - c0) / (double) n);
            wall.computeIfAbsent(name, k -> new ArrayList<>()).add((w1 - w0) / (double) n);
          }
        }
      }
      for (String path : List.of("sendCanned", "webhook", "sendLoopback")) {
        report(path, "cpu", cpu);
        System.out.printf(
            Locale.ROOT,
            "%-13s cpu  metrics alone %,10.0f ns  tracing alone %,10.0f ns%n",
            path,
            median(cpu.get(path + ".metrics")),
            median(cpu.get(path + ".tracing")));
        if (path.equals("sendLoopback")) {
          report(path, "wall", wall);
        }
      }
    }
  }

  private static void report(String path, String kind, Map<String, List<Double>> samples) {
    List<Double> off = samples.get(path + ".off");
    List<Double> on = samples.get(path + ".on");
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < off.size(); i++) {
      ratios.add(on.get(i) / off.get(i));
    }
    double mOff = median(off);
    double mOn = median(on);
    List<Double> sorted = new ArrayList<>(ratios);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-13s %-4s off %,10.0f ns  on %,10.0f ns  added %,8.0f ns  on/off median %.3f (%.3f-%.3f)%n",
        path,
        kind,
        mOff,
        mOn,
        mOn - mOff,
        median(ratios),
        sorted.get(0),
        sorted.get(sorted.size() - 1));
    System.out.printf(Locale.ROOT, "RESULT observe.%s.%s.offNanos %.1f%n", path, kind, mOff);
    System.out.printf(Locale.ROOT, "RESULT observe.%s.%s.onNanos %.1f%n", path, kind, mOn);
    System.out.printf(Locale.ROOT, "RESULT observe.%s.%s.ratio %.4f%n", path, kind, median(ratios));
  }

  private static double median(List<Double> values) {
    List<Double> l = new ArrayList<>(values);
    Collections.sort(l);
    return l.get(l.size() / 2);
  }

  private static WebhookEndpoint endpoint(String mode) {
    return WebhookEndpoint.builder()
        .appSecret(SECRET)
        .verifyToken("verify")
        .router(WebhookRouter.builder().on(WebhookEvent.class, e -> sink = e).build())
        .deduplicator(new ClaimAll())
        .observer(Observers.of(mode))
        .build();
  }

  private static WebhookRequest inbound() {
    byte[] body =
        ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
                + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":"
                + "\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},"
                + "\"wa_id\":\"16505551234\"}],\"messages\":[{\"from\":\"16505551234\",\"id\":"
                + "\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=\","
                + "\"timestamp\":\"1749416383\",\"type\":\"text\",\"text\":{\"body\":"
                + "\"Does it come in another color?\"}}]},\"field\":\"messages\"}]}]}")
            .getBytes(StandardCharsets.UTF_8);
    return WebhookRequest.builder()
        .method("POST")
        .header(SignatureVerifier.HEADER, WebhookSigner.of(SECRET).sign(body))
        .body(body)
        .build();
  }

  /** Claims every key, so that the same delivery is handled each time. */
  private static final class ClaimAll implements Deduplicator {
    @Override
    public Claim claim(String key, String holder, Instant now, Duration lease) {
      return Claim.CLAIMED;
    }

    @Override
    public boolean renew(String key, String holder, Instant now, Duration lease) {
      return true;
    }

    @Override
    public void complete(String key, String holder, Instant now) {}

    @Override
    public void release(String key, String holder) {}
  }
}
