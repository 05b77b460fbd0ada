package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metadata IDEs read to complete and document the wasdk.* properties. */
class ConfigurationMetadataTest {

  @Test
  void metadata_onTheClassPath_describesEveryPropertyWithItsDefault() throws Exception {
    JsonNode root;
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata on the class path").isNotNull();
      root = JsonMapper.builder().build().readTree(in);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode property : root.get("properties")) {
      String name = property.get("name").asString();
      names.add(name);
      assertThat(property.path("description").asString()).as(name).isNotBlank();
    }
    assertThat(names)
        .contains(
            "wasdk.access-token",
            "wasdk.phone-number-id",
            "wasdk.waba-id",
            "wasdk.app-secret",
            "wasdk.verify-token",
            "wasdk.base-url",
            "wasdk.api-version",
            "wasdk.webhook.path",
            "wasdk.webhook.max-body-size",
            "wasdk.webhook.dispatch",
            "wasdk.webhook.dedupe.max-keys",
            "wasdk.webhook.dedupe.store",
            "wasdk.webhook.dedupe.lease",
            "wasdk.webhook.dedupe.key-prefix",
            "wasdk.webhook.dedupe.purge-interval",
            "wasdk.webhook.redis-stream.stream",
            "wasdk.webhook.redis-stream.group",
            "wasdk.webhook.redis-stream.consumer",
            "wasdk.webhook.redis-stream.worker-enabled",
            "wasdk.webhook.redis-stream.claim-idle",
            "wasdk.webhook.redis-stream.max-deliveries",
            "wasdk.webhook.redis-stream.max-length",
            "wasdk.webhook.redis-stream.max-age",
            "wasdk.sender.throughput",
            "wasdk.sender.tier",
            "wasdk.sender.queue-capacity",
            "wasdk.sender.queue-full-policy",
            "wasdk.sender.tier-exhausted-policy",
            "wasdk.sender.throughput-headroom",
            "wasdk.redis.enabled",
            "wasdk.redis.uri",
            "wasdk.redis.key-prefix",
            "wasdk.redis.on-unavailable");
    Map<String, String> defaults =
        Map.of(
            "wasdk.webhook.path", "/webhooks/whatsapp",
            "wasdk.base-url", "https://graph.facebook.com",
            "wasdk.sender.throughput", "80",
            "wasdk.sender.tier", "TIER_250",
            "wasdk.webhook.dispatch", "synchronous",
            "wasdk.webhook.dedupe.store", "memory",
            "wasdk.webhook.dedupe.lease", "2m",
            "wasdk.webhook.redis-stream.stream", "wasdk:webhooks");
    for (JsonNode property : root.get("properties")) {
      String name = property.get("name").asString();
      if (defaults.containsKey(name)) {
        assertThat(property.get("defaultValue").asString()).as(name).isEqualTo(defaults.get(name));
      }
    }
  }
}
