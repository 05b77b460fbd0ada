package dev.wasdk.testkit;

import dev.wasdk.client.MessagingTier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a {@link WhatsAppSimulator} as a program of its own, so that an application (not only a
 * test) can run against it, the way WireMock or LocalStack run standalone. It prints its base URL
 * and credentials at start, then reads commands from standard input: a simulated user writes with
 * {@code say +16505551234 Hello}. It stops on {@code quit} or when the process is stopped.
 *
 * <pre>{@code
 * # in this repository
 * mvn -q -DskipTests -Psimulator -pl whatsapp-sdk-testkit -am package exec:java \
 *     -Dexec.args="--port 8089 --webhook-url http://localhost:8080/webhooks/whatsapp"
 * # in a project that has whatsapp-sdk-testkit as a dependency
 * mvn -q exec:java -Dexec.mainClass=dev.wasdk.testkit.StandaloneSimulator \
 *     -Dexec.classpathScope=test -Dexec.args="--port 8089"
 * }</pre>
 *
 * <p>Options ({@code --help} prints them): {@code --port} (default 8089; 0 picks a free one),
 * {@code --webhook-url}, {@code --app-secret}, {@code --access-token}, {@code --phone-number-id},
 * {@code --waba-id}, {@code --tier} and {@code --seed FILE}, a JSON file such as:
 *
 * <pre>{@code
 * {"templates": [{"name": "order_update", "language": "en_US", "category": "UTILITY",
 *                 "components": [{"type": "BODY", "text": "Order {{1}} shipped."}]}],
 *  "inbound":   [{"from": "+16505551234", "text": "Hi"}]}
 * }</pre>
 *
 * <p>Templates are registered as approved; each inbound message is sent by its user once the
 * simulator runs, which opens that user's 24-hour service window. The simulator listens on the
 * loopback interface only. Not meant to be used from code: tests start a {@link WhatsAppSimulator}
 * directly.
 */
public final class StandaloneSimulator {
  /** The port the standalone simulator listens on unless {@code --port} says otherwise. */
  public static final int DEFAULT_PORT = 8089;

  private static final String USAGE =
      """
      Usage: StandaloneSimulator [options]
        --port N              port on 127.0.0.1 (default 8089; 0 picks a free port)
        --webhook-url URL     where to post signed webhooks, such as
                              http://localhost:8080/webhooks/whatsapp (default: none)
        --app-secret S        the secret webhooks are signed with (default simulator-app-secret)
        --access-token T      the token the simulator accepts (default simulator-access-token)
        --phone-number-id ID  the business phone number id (default 106540352242922)
        --waba-id ID          the WhatsApp Business Account id (default 102290129340398)
        --tier TIER           the messaging limit, such as TIER_2K (default TIER_250)
        --seed FILE           JSON with "templates" (creation requests) and "inbound"
                              ([{"from": "+16505551234", "text": "Hi"}])
        --help                print this text
      Commands on standard input, once running:
        say <from> <text>     a simulated user sends a text message
        stop <from>           the user stops marketing messages
        sent                  lists the messages sent so far
        quit                  stops the simulator
      """;

  private StandaloneSimulator() {}

  /**
   * Starts the simulator and blocks until {@code quit} is read or the process is stopped.
   *
   * @param args the options described above
   */
  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.print(USAGE);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (WhatsAppSimulator sim = start(options, System.out)) {
      Thread hook = new Thread(stopped::countDown, "wasdk-simulator-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      startConsole(sim, stopped::countDown);
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Reads the console commands ({@code say}, {@code stop}, {@code sent}, {@code help}, {@code
   * quit}) from standard input on a daemon thread, for a simulator started some other way, such as
   * the Spring Boot starter's development mode. The thread ends at {@code quit}, which then runs
   * {@code onQuit}, or at the end of the input; it never keeps the JVM alive.
   *
   * @param sim the simulator the commands act on
   * @param onQuit what {@code quit} does after the console stops reading
   * @return the started thread
   */
  public static Thread startConsole(WhatsAppSimulator sim, Runnable onQuit) {
    Objects.requireNonNull(sim, "sim");
    Objects.requireNonNull(onQuit, "onQuit");
    Thread console =
        new Thread(() -> console(sim, System.in, System.out, onQuit), "wasdk-simulator-console");
    console.setDaemon(true);
    console.start();
    return console;
  }

  /**
   * Starts a simulator for the options and prints its address and credentials.
   *
   * @param options the parsed options
   * @param out where to print
   * @return the running simulator
   */
  static WhatsAppSimulator start(Options options, PrintStream out) {
    WhatsAppSimulator.Builder b = WhatsAppSimulator.builder().port(options.port);
    if (options.webhookUrl != null) {
      b.webhookUrl(options.webhookUrl);
    }
    if (options.appSecret != null) {
      b.appSecret(options.appSecret);
    }
    if (options.accessToken != null) {
      b.accessToken(options.accessToken);
    }
    if (options.wabaId != null) {
      b.wabaId(options.wabaId);
    }
    if (options.phoneNumberId != null) {
      b.phoneNumber(options.phoneNumberId, WhatsAppSimulator.DEFAULT_DISPLAY_PHONE_NUMBER);
    }
    if (options.tier != null) {
      b.messagingTier(options.tier);
    }
    WhatsAppSimulator sim = b.start();
    try {
      for (String template : options.templates) {
        sim.registerTemplate(template);
      }
      out.print(banner(sim, options.webhookUrl));
      out.flush();
      for (String[] inbound : options.inbound) {
        sim.userSends(inbound[0], inbound[1]);
      }
      return sim;
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
  }

  /** Returns the start-up text: the address, the credentials and the properties to paste. */
  static String banner(WhatsAppSimulator sim, URI webhookUrl) {
    return "WhatsApp Cloud API simulator (for development only: it is not WhatsApp)\n"
        + "  base URL         "
        + sim.baseUrl()
        + "\n  access token     "
        + sim.accessToken()
        + "\n  phone number id  "
        + sim.phoneNumberId()
        + "  (display number "
        + sim.displayPhoneNumber()
        + ")\n  WABA id          "
        + sim.wabaId()
        + "\n  app secret       "
        + sim.appSecret()
        + "\n  webhooks to      "
        + (webhookUrl == null ? "(none: pass --webhook-url)" : webhookUrl.toString())
        + "\nSpring Boot properties:\n"
        + "  wasdk.base-url="
        + sim.baseUrl()
        + "\n  wasdk.access-token="
        + sim.accessToken()
        + "\n  wasdk.phone-number-id="
        + sim.phoneNumberId()
        + "\n  wasdk.waba-id="
        + sim.wabaId()
        + "\n  wasdk.app-secret="
        + sim.appSecret()
        + "\nType 'say +16505551234 Hello' to send as a user, 'help' for more, 'quit' to stop.\n";
  }

  /** Reads commands until {@code quit} (which runs {@code onQuit}) or the end of input. */
  static void console(WhatsAppSimulator sim, InputStream in, PrintStream out, Runnable onQuit) {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!command(sim, line.strip(), out)) {
          onQuit.run();
          return;
        }
      }
      // End of input (started in the background, say): keep running until stopped.
    } catch (IOException e) {
      out.println("console closed: " + e.getMessage());
    }
  }

  /** Runs one console command; returns false for {@code quit}. */
  static boolean command(WhatsAppSimulator sim, String line, PrintStream out) {
    if (line.isEmpty()) {
      return true;
    }
    String[] parts = line.split("\\s+", 3);
    try {
      switch (parts[0].toLowerCase(Locale.ROOT)) {
        case "quit", "exit" -> {
          return false;
        }
        case "say" -> {
          if (parts.length < 3) {
            out.println("usage: say <from> <text>, such as: say +16505551234 Hello");
          } else {
            out.println("inbound message " + sim.userSends(parts[1], parts[2]));
          }
        }
        case "stop" -> {
          if (parts.length < 2) {
            out.println("usage: stop <from>");
          } else {
            sim.userStopsMarketing(parts[1]);
            out.println("marketing stopped for " + parts[1]);
          }
        }
        case "sent" -> {
          List<SentMessage> sent = sim.sentMessages();
          sent.forEach(m -> out.println("  " + m));
          out.println(sent.size() + " sent");
        }
        case "help" -> out.print(USAGE);
        default -> out.println("unknown command '" + parts[0] + "'; type help");
      }
    } catch (RuntimeException e) {
      out.println("error: " + e.getMessage());
    }
    return true;
  }

  /** The parsed command line. */
  static final class Options {
    int port = DEFAULT_PORT;
    URI webhookUrl;
    String appSecret;
    String accessToken;
    String phoneNumberId;
    String wabaId;
    MessagingTier tier;
    boolean help;
    final List<String> templates = new ArrayList<>();
    final List<String[]> inbound = new ArrayList<>();

    static Options parse(String... args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help") || flag.equals("-h")) {
          o.help = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String value = args[++i];
        switch (flag) {
          case "--port" -> o.port = port(value);
          case "--webhook-url" -> o.webhookUrl = url(value);
          case "--app-secret" -> o.appSecret = value;
          case "--access-token", "--token" -> o.accessToken = value;
          case "--phone-number-id" -> o.phoneNumberId = value;
          case "--waba-id" -> o.wabaId = value;
          case "--tier" -> o.tier = MessagingTier.of(value);
          case "--seed" -> o.seed(Path.of(value));
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      return o;
    }

    private static int port(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException("--port must be 0 to 65535, was " + value);
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number, was '" + value + "'");
      }
    }

    private static URI url(String value) {
      URI uri;
      try {
        uri = URI.create(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--webhook-url is not a URL: " + value);
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException("--webhook-url must be an http(s) URL: " + value);
      }
      return uri;
    }

    private void seed(Path file) {
      JsonNode root;
      try {
        ObjectMapper mapper = JsonMapper.builder().build();
        root = mapper.readTree(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException("--seed cannot read " + file + ": " + e.getMessage());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("--seed " + file + " is not JSON: " + e.getMessage());
      }
      for (JsonNode t : root.path("templates")) {
        templates.add(t.toString());
      }
      for (JsonNode m : root.path("inbound")) {
        String from = m.path("from").asString("");
        String text = m.path("text").asString("Hi");
        if (from.isEmpty()) {
          throw new IllegalArgumentException("--seed " + file + ": an inbound entry has no from");
        }
        inbound.add(new String[] {from, Objects.requireNonNull(text)});
      }
    }
  }
}
