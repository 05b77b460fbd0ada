package dev.wasdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.UsageInfo;
import dev.wasdk.internal.json.UsageJson;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerWaitsTest {
  @Test
  void ofSeconds_andOfMinutes_keepSmallWaitsAndCapLargeOnesAtADay() {
    assertThat(ServerWaits.ofSeconds(-5)).isZero();
    assertThat(ServerWaits.ofSeconds(90)).isEqualTo(Duration.ofSeconds(90));
    assertThat(ServerWaits.ofSeconds(86_400)).isEqualTo(ServerWaits.MAX);
    assertThat(ServerWaits.ofSeconds(Long.MAX_VALUE)).isEqualTo(ServerWaits.MAX);
    assertThat(ServerWaits.ofMinutes(0)).isZero();
    assertThat(ServerWaits.ofMinutes(1_439)).isEqualTo(Duration.ofMinutes(1_439));
    assertThat(ServerWaits.ofMinutes(Long.MAX_VALUE)).isEqualTo(ServerWaits.MAX);
    assertThat(ServerWaits.clamp(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo(ServerWaits.MAX);
    assertThat(ServerWaits.clamp(Duration.ofSeconds(-1))).isZero();
    assertThat(ServerWaits.MAX).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void usageHeader_hugeRegainEstimate_readAsADay() {
    HttpHeaders headers =
        HttpHeaders.of(
            Map.of(
                "X-Business-Use-Case-Usage",
                List.of(
                    "{\"1\":[{\"type\":\"whatsapp\",\"call_count\":100,"
                        + "\"estimated_time_to_regain_access\":99999999999999999999999}]}")),
            (a, b) -> true);

    UsageInfo usage = UsageJson.parse(headers, Instant.EPOCH).orElseThrow();

    assertThat(usage.regainAccessIn()).contains(ServerWaits.MAX);
  }
}
