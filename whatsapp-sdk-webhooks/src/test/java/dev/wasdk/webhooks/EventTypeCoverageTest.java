package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.event.WebhookEvent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every concrete event type is produced by at least one webhook fixture. */
class EventTypeCoverageTest {

  @Test
  void fixtures_together_produceEveryConcreteEventType() throws IOException, URISyntaxException {
    Path dir = Paths.get(EventTypeCoverageTest.class.getResource("/webhooks").toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).collect(Collectors.toList());
    }
    Set<Class<?>> produced = new LinkedHashSet<>();
    for (Path f : files) {
      for (WebhookEvent e : WebhookParser.create().parse(Files.readAllBytes(f))) {
        produced.add(e.getClass());
      }
    }

    Set<Class<?>> all = WebhookRouter.instantiableTypes(WebhookEvent.class);

    assertThat(all).hasSizeGreaterThan(50);
    assertThat(produced).containsAll(all);
  }
}
