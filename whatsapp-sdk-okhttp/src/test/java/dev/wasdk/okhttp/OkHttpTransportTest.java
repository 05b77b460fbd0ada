package dev.wasdk.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.HttpTransportContract;
import dev.wasdk.client.http.HttpTransport;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The transport contract on a transport that creates its own OkHttp client. */
class OkHttpTransportTest extends HttpTransportContract {
  @Override
  protected HttpTransport newTransport() {
    return OkHttpTransport.create();
  }

  @Test
  void build_clientAndConnectTimeout_isRefused() {
    assertThatThrownBy(
            () ->
                OkHttpTransport.builder()
                    .client(new OkHttpClient())
                    .connectTimeout(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("configure it on your client instead");
  }

  @Test
  void connectTimeout_notPositive_isRefused() {
    assertThatThrownBy(() -> OkHttpTransport.builder().connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout must be positive");
  }

  @Test
  void toString_saysWhoseClientItIs() {
    try (OkHttpTransport own = OkHttpTransport.create()) {
      assertThat(own).hasToString("OkHttpTransport[own client]");
    }
  }
}
