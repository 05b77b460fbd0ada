package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone simulator as a user runs it: a program of its own, in a child JVM, with flags and
 * a seed file; an application sends to it and receives its signed webhooks; {@code quit} ends the
 * process.
 */
class StandaloneSimulatorTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String USER = "+16505551234";

  @Test
  void main_inChildJvm_printsCredentialsServesAndStopsOnQuit(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(
        seed,
        """
        {"templates": [{"name": "order_update", "language": "en_US", "category": "UTILITY",
                        "components": [{"type": "BODY", "text": "Order {{1}} shipped."}]}],
         "inbound": [{"from": "+16505551234", "text": "Hi"}]}
        """);
    try (WebhookReceiver receiver = new WebhookReceiver("standalone-secret")) {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  StandaloneSimulator.class.getName(),
                  "--port",
                  "0",
                  "--webhook-url",
                  receiver.url().toString(),
                  "--app-secret",
                  "standalone-secret",
                  "--access-token",
                  "standalone-token",
                  "--seed",
                  seed.toString())
              .redirectErrorStream(true)
              .start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> readLines(process, lines), "child-output");
      reader.setDaemon(true);
      reader.start();
      try {
        String baseUrl = awaitGroup(lines, Pattern.compile("base URL\\s+(\\S+)"));
        assertThat(awaitGroup(lines, Pattern.compile("access token\\s+(\\S+)")))
            .isEqualTo("standalone-token");
        assertThat(awaitGroup(lines, Pattern.compile("wasdk\\.app-secret=(\\S+)")))
            .isEqualTo("standalone-secret");

        // The seeded user wrote first, so a free-form reply is inside the service window.
        List<WebhookReceiver.Received> inbound = receiver.await(1, TIMEOUT);
        assertThat(inbound.get(0).field()).isEqualTo("messages");
        assertThat(inbound.get(0).signatureValid()).isTrue();
        try (WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken("standalone-token")
                .phoneNumberId(WhatsAppSimulator.DEFAULT_PHONE_NUMBER_ID)
                .baseUrl(URI.create(baseUrl))
                .build()) {
          SendResult text = wa.messages().send(Message.to(USER).text("Hello from the app"));
          assertThat(text.wamid()).startsWith("wamid.");
          SendResult template =
              wa.messages()
                  .send(Message.to(USER).template("order_update", "en_US").bodyText("A-1").build());
          assertThat(template.wamid()).startsWith("wamid.");
        }
        // sent, delivered and read for each of the two messages
        List<WebhookReceiver.Received> statuses = receiver.await(6, TIMEOUT);
        assertThat(statuses).allMatch(WebhookReceiver.Received::signatureValid);

        OutputStream stdin = process.getOutputStream();
        stdin.write(("say " + USER + " second message\nquit\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        assertThat(receiver.await(1, TIMEOUT).get(0).text()).contains("second message");
        assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
            .as("the simulator process exits after quit")
            .isTrue();
        assertThat(process.exitValue()).isZero();
      } finally {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void parse_unknownOrIncompleteFlag_failsNamingIt() {
    assertThatThrownBy(() -> StandaloneSimulator.Options.parse("--prot", "8089"))
        .hasMessageContaining("unknown option --prot");
    assertThatThrownBy(() -> StandaloneSimulator.Options.parse("--port"))
        .hasMessageContaining("--port needs a value");
    assertThatThrownBy(() -> StandaloneSimulator.Options.parse("--port", "http"))
        .hasMessageContaining("--port must be a number");
    assertThatThrownBy(() -> StandaloneSimulator.Options.parse("--webhook-url", "ftp://x/y"))
        .hasMessageContaining("http(s)");
  }

  @Test
  void parse_noFlags_usesPort8089() {
    assertThat(StandaloneSimulator.Options.parse().port).isEqualTo(8089);
  }

  @Test
  void command_sayAndSent_sendAsUserAndList() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

      assertThat(StandaloneSimulator.command(sim, "say " + USER + " Hello there", out)).isTrue();
      assertThat(StandaloneSimulator.command(sim, "say " + USER, out)).isTrue();
      assertThat(StandaloneSimulator.command(sim, "bogus", out)).isTrue();
      assertThat(StandaloneSimulator.command(sim, "quit", out)).isFalse();

      assertThat(bytes.toString(StandardCharsets.UTF_8))
          .contains("inbound message wamid.")
          .contains("usage: say <from> <text>")
          .contains("unknown command 'bogus'");
    }
  }

  private static void readLines(Process process, BlockingQueue<String> lines) {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("read failed: " + e);
    }
  }

  /** Waits for the next line matching the pattern and returns its first group. */
  private static String awaitGroup(BlockingQueue<String> lines, Pattern pattern)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    StringBuilder seen = new StringBuilder();
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("no line matching " + pattern + " in:\n" + seen);
      }
      seen.append(line).append('\n');
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
  }
}
