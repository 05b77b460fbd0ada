package dev.wasdk.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.HttpTransportContract;
import dev.wasdk.client.http.HttpTransport;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transport contract on a caller's OkHttp client with OkHttp's defaults, which follow redirects
 * and retry on connection failures: the transport must turn both off.
 */
class OkHttpTransportOnCallersClientTest extends HttpTransportContract {
  private static OkHttpClient callers;

  @BeforeAll
  static void createClient() {
    callers = new OkHttpClient();
  }

  @AfterAll
  static void shutDownClient() {
    callers.dispatcher().executorService().shutdown();
    callers.connectionPool().evictAll();
  }

  @Override
  protected HttpTransport newTransport() {
    return OkHttpTransport.builder().client(callers).build();
  }

  @Test
  void build_leavesTheCallersClientAsItWas() {
    try (OkHttpTransport t = OkHttpTransport.builder().client(callers).build()) {
      assertThat(t).hasToString("OkHttpTransport[caller's client]");
    }
    assertThat(callers.followRedirects()).isTrue();
    assertThat(callers.retryOnConnectionFailure()).isTrue();
    assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
  }
}
