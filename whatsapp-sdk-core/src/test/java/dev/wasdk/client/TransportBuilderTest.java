package dev.wasdk.client;

import static dev.wasdk.client.TestClients.PHONE_ID;
import static dev.wasdk.client.TestClients.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.http.HttpTransport;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link WhatsAppClient.Builder#transport}: what it cannot be combined with, and who closes it. */
class TransportBuilderTest {

  /** A transport that answers nothing and counts its closes. */
  private static final class CountingTransport implements HttpTransport {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public Response execute(Request request) {
      throw new UnsupportedOperationException("not called here");
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  private static WhatsAppClient.Builder builder(HttpTransport transport) {
    return WhatsAppClient.builder().accessToken(TOKEN).phoneNumberId(PHONE_ID).transport(transport);
  }

  private static void assertRefused(Consumer<WhatsAppClient.Builder> jdkSetting, String name) {
    WhatsAppClient.Builder b = builder(new CountingTransport());
    jdkSetting.accept(b);
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(name + " configures the JDK HTTP client")
        .hasMessageContaining("configure the transport instead");
  }

  @Test
  void build_transportWithAJdkSetting_isRefused() {
    assertRefused(b -> b.httpClient(HttpClient.newHttpClient()), "httpClient");
    assertRefused(b -> b.executor(Runnable::run), "executor");
    assertRefused(b -> b.connectTimeout(Duration.ofSeconds(3)), "connectTimeout");
    assertRefused(b -> b.httpVersion(java.net.http.HttpClient.Version.HTTP_2), "httpVersion");
  }

  @Test
  void close_client_doesNotCloseTheCallersTransport() {
    CountingTransport transport = new CountingTransport();
    WhatsAppClient wa = builder(transport).build();
    wa.close();
    assertThat(transport.closes).hasValue(0);
    assertThat(wa.toString()).endsWith(", closed]");
  }

  @Test
  void toBuilder_keepsTheTransport() {
    CountingTransport transport = new CountingTransport();
    try (WhatsAppClient wa = builder(transport).build()) {
      assertThatThrownBy(() -> wa.toBuilder().executor(Runnable::run).build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("executor configures the JDK HTTP client");
    }
  }

  @Test
  void transport_null_isRefused() {
    assertThatThrownBy(() -> WhatsAppClient.builder().transport(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("transport");
  }
}
