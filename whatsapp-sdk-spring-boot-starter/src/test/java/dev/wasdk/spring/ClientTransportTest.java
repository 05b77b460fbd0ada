package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.message.Message;
import dev.wasdk.okhttp.OkHttpTransport;
import dev.wasdk.testkit.PlatformRule;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP layer under the starter's clients: an application's {@link HttpTransport} bean carries
 * every client's calls (one number or several), and {@code wasdk.connect-timeout}, which configures
 * only the HTTP client wasdk creates, is refused by name beside a transport or an {@code
 * HttpClient} of the application's own.
 */
class ClientTransportTest {
  private static final String SUPPORT_ID = "107655329012345";

  // The texts go to a user who never wrote, so the simulator's 24-hour window rule is off.
  private static final WhatsAppSimulator sim =
      WhatsAppSimulator.builder()
          .addPhoneNumber(SUPPORT_ID, "15550001111")
          .disable(PlatformRule.SERVICE_WINDOW)
          .start();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WhatsAppAutoConfiguration.class, WhatsAppNumbersAutoConfiguration.class))
          .withPropertyValues(
              "wasdk.access-token=" + sim.accessToken(),
              "wasdk.base-url=" + sim.baseUrl(),
              "wasdk.sender.enabled=false",
              "wasdk.webhook.enabled=false");

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  // tag::okhttp-bean[]
  @Configuration(proxyBeanMethods = false)
  static class OnOkHttp {
    @Bean // every client the starter builds sends through it; Spring closes it at shutdown
    OkHttpTransport okHttpTransport() {
      return OkHttpTransport.create();
    }
  }

  // end::okhttp-bean[]

  /** An OkHttp transport whose client counts the requests it carries. */
  @Configuration(proxyBeanMethods = false)
  static class CountingOkHttp {
    static final AtomicInteger requests = new AtomicInteger();

    @Bean
    OkHttpTransport okHttpTransport() {
      OkHttpClient counting =
          new OkHttpClient.Builder()
              .addInterceptor(
                  chain -> {
                    requests.incrementAndGet();
                    return chain.proceed(chain.request());
                  })
              .build();
      return OkHttpTransport.builder().client(counting).build();
    }
  }

  /** A customizer that gives the client an HttpClient of the application's own. */
  @Configuration(proxyBeanMethods = false)
  static class OwnHttpClient {
    @Bean
    WhatsAppClientCustomizer ownHttpClient() {
      return b ->
          b.httpClient(
              HttpClient.newBuilder()
                  .connectTimeout(Duration.ofSeconds(3))
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build());
    }
  }

  @Test
  void transportBean_carriesTheClientsCalls() {
    CountingOkHttp.requests.set(0);
    runner
        .withUserConfiguration(CountingOkHttp.class)
        .withPropertyValues("wasdk.phone-number-id=" + sim.phoneNumberId())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              WhatsAppClient wa = context.getBean(WhatsAppClient.class);
              String wamid = wa.messages().send(Message.to("+16505551234").text("Hi")).wamid();
              assertThat(wamid).startsWith("wamid.");
              assertThat(CountingOkHttp.requests).hasValue(1);
            });
  }

  @Test
  void okHttpTransportBean_sendsThroughIt() {
    runner
        .withUserConfiguration(OnOkHttp.class)
        .withPropertyValues("wasdk.phone-number-id=" + sim.phoneNumberId())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              WhatsAppClient wa = context.getBean(WhatsAppClient.class);
              String wamid = wa.messages().send(Message.to("+16505551234").text("Hi")).wamid();
              assertThat(sim.sentMessages())
                  .anySatisfy(m -> assertThat(m.wamid()).isEqualTo(wamid));
            });
  }

  @Test
  void transportBean_carriesEveryNumbersCalls() {
    CountingOkHttp.requests.set(0);
    runner
        .withUserConfiguration(CountingOkHttp.class)
        .withPropertyValues(
            "wasdk.numbers.sales.phone-number-id=" + sim.phoneNumberId(),
            "wasdk.numbers.support.phone-number-id=" + SUPPORT_ID)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              WhatsAppNumbers numbers = context.getBean(WhatsAppNumbers.class);
              for (String name : numbers.names()) {
                numbers.get(name).client().messages().send(Message.to("+16505551234").text("Hi"));
              }
              assertThat(CountingOkHttp.requests).hasValue(2);
            });
  }

  @Test
  void transportBean_withConnectTimeoutProperty_failsNamingTheProperty() {
    runner
        .withUserConfiguration(CountingOkHttp.class)
        .withPropertyValues(
            "wasdk.phone-number-id=" + sim.phoneNumberId(), "wasdk.connect-timeout=5s")
        .run(
            context -> {
              WhatsAppConfigurationException e = configurationFailure(context.getStartupFailure());
              assertThat(e.property()).isEqualTo("wasdk.connect-timeout");
              assertThat(e).hasMessageContaining("HttpTransport bean");
            });
  }

  @Test
  void customizersOwnHttpClient_startsAndSends() {
    runner
        .withUserConfiguration(OwnHttpClient.class)
        .withPropertyValues("wasdk.phone-number-id=" + sim.phoneNumberId())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              WhatsAppClient wa = context.getBean(WhatsAppClient.class);
              assertThat(wa.messages().send(Message.to("+16505551234").text("Hi")).wamid())
                  .startsWith("wamid.");
            });
  }

  @Test
  void customizersOwnHttpClient_withConnectTimeoutProperty_failsNamingTheProperty() {
    runner
        .withUserConfiguration(OwnHttpClient.class)
        .withPropertyValues(
            "wasdk.phone-number-id=" + sim.phoneNumberId(), "wasdk.connect-timeout=5s")
        .run(
            context ->
                assertThat(configurationFailure(context.getStartupFailure()).property())
                    .isEqualTo("wasdk.connect-timeout"));
  }

  /** Returns the configuration error in a start-up failure's causes. */
  private static WhatsAppConfigurationException configurationFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof WhatsAppConfigurationException e) {
        return e;
      }
    }
    throw new AssertionError("no WhatsAppConfigurationException in the start-up failure", failure);
  }
}
