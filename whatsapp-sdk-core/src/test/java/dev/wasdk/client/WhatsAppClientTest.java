package dev.wasdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class WhatsAppClientTest {
  private static final String TOKEN = "EAAG-builder-token-ABCDEF123456";

  private static WhatsAppClient.Builder valid() {
    return WhatsAppClient.builder().accessToken(TOKEN).phoneNumberId("106540352242922");
  }

  @Test
  void build_defaults_areDocumentedValues() {
    try (WhatsAppClient wa = valid().build()) {
      assertThat(wa.baseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
      assertThat(wa.apiVersion()).isEqualTo(ApiVersion.V24_0);
      assertThat(wa.retryPolicy()).isEqualTo(RetryPolicy.defaults());
      assertThat(wa.wabaId()).isEmpty();
      assertThat(wa.phoneNumberId()).isEqualTo("106540352242922");
      assertThat(wa.messages()).isSameAs(wa.messages());
    }
  }

  @Test
  void toString_neverShowsTheToken() {
    try (WhatsAppClient wa = valid().wabaId("102290129340398").build()) {
      assertThat(wa.toString())
          .isEqualTo(
              "WhatsAppClient[phoneNumberId=106540352242922, wabaId=102290129340398,"
                  + " baseUrl=https://graph.facebook.com, apiVersion=v24.0]")
          .doesNotContain(TOKEN);
    }
    assertThat(AccessTokenProvider.of(TOKEN).toString()).doesNotContain(TOKEN);
  }

  @Test
  void build_withoutTokenOrPhoneNumberId_fails() {
    assertThatThrownBy(() -> WhatsAppClient.builder().phoneNumberId("1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("accessToken");
    assertThatThrownBy(() -> WhatsAppClient.builder().accessToken(TOKEN).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("phoneNumberId");
  }

  @Test
  void build_httpClientWithExecutorOrConnectTimeout_failsAsContradictory() {
    HttpClient http = HttpClient.newHttpClient();

    assertThatThrownBy(
            () -> valid().httpClient(http).executor(Executors.newSingleThreadExecutor()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("executor");
    assertThatThrownBy(() -> valid().httpClient(http).connectTimeout(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("connectTimeout");
  }

  @Test
  void setters_invalidValues_failFast() {
    WhatsAppClient.Builder b = WhatsAppClient.builder();

    assertThatThrownBy(() -> b.accessToken(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.phoneNumberId("12/../34"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.wabaId("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.baseUrl(URI.create("ftp://x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.baseUrl(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.baseUrl(URI.create("https://h/?q=1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.baseUrl(URI.create("https://user:pw@h/")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.connectTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.userAgent("a\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toBuilder_copiesSettingsForAVariant() {
    try (WhatsAppClient wa = valid().apiVersion(ApiVersion.V25_0).wabaId("99").build();
        WhatsAppClient other = wa.toBuilder().phoneNumberId("200").build()) {
      assertThat(other.phoneNumberId()).isEqualTo("200");
      assertThat(other.apiVersion()).isEqualTo(ApiVersion.V25_0);
      assertThat(other.wabaId()).contains("99");
      assertThat(other).isNotSameAs(wa);
    }
  }

  @Test
  void close_twoClients_areIndependent() {
    WhatsAppClient a = valid().build();
    WhatsAppClient b = valid().phoneNumberId("2").build();

    a.close();

    assertThat(a.toString()).endsWith(", closed]");
    assertThat(b.toString()).doesNotContain("closed");
    b.close();
  }
}
