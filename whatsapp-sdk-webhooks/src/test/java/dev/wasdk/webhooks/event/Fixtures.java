package dev.wasdk.webhooks.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.WebhookParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Loads the webhook fixtures under {@code src/test/resources/webhooks/} and parses them. */
final class Fixtures {
  static final WebhookParser PARSER = WebhookParser.create();

  private Fixtures() {}

  /** Returns the bytes of a fixture, such as {@code messages/text.json}. */
  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture webhooks/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a fixture. */
  static List<WebhookEvent> parse(String name) {
    return PARSER.parse(bytes(name));
  }

  /** Parses a fixture that holds exactly one event, of the given type. */
  static <T extends WebhookEvent> T single(String name, Class<T> type) {
    List<WebhookEvent> events = parse(name);
    assertThat(events).as(name).hasSize(1);
    assertThat(events.get(0)).as(name).isInstanceOf(type);
    return type.cast(events.get(0));
  }

  /** Returns the names of all fixtures, such as {@code statuses/failed.json}, sorted. */
  static List<String> all() {
    URL root = Fixtures.class.getResource("/webhooks");
    try {
      Path dir = Paths.get(root.toURI());
      try (Stream<Path> files = Files.walk(dir)) {
        return files
            .filter(p -> p.toString().endsWith(".json"))
            .map(p -> dir.relativize(p).toString().replace('\\', '/'))
            .sorted()
            .collect(Collectors.toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
