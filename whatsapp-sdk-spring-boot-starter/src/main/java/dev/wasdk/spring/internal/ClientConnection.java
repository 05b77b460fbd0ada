package dev.wasdk.spring.internal;

import static dev.wasdk.spring.internal.Checks.positive;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.spring.WhatsAppClientCustomizer;
import dev.wasdk.spring.WhatsAppConfigurationException;
import dev.wasdk.spring.WhatsAppProperties;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The last steps of every client the starter builds, one number or several: the shared timeouts,
 * the application's {@link HttpTransport} bean if it has one, then the customizers, then {@code
 * build()}. {@code wasdk.connect-timeout} configures the HTTP client wasdk creates, so it is
 * applied only when set; a client on a transport or on an {@code HttpClient} of the application's
 * own has that one's connect timeout, and setting the property as well fails the start-up naming
 * it. Stateless.
 */
public final class ClientConnection {
  private static final String CONNECT_TIMEOUT = "wasdk.connect-timeout";

  private ClientConnection() {}

  /**
   * Applies the shared settings, the transport and the customizers, and builds the client.
   *
   * @param b the builder, with the number's own settings applied
   * @param shared the {@code wasdk.*} properties
   * @param transport the application's transport bean, or null for the JDK client
   * @param customizers the customizers, in order
   * @return the client
   * @throws WhatsAppConfigurationException when {@code wasdk.connect-timeout} is set for a client
   *     whose HTTP client is not wasdk's own, or a timeout is not positive
   */
  public static WhatsAppClient build(
      WhatsAppClient.Builder b,
      WhatsAppProperties shared,
      HttpTransport transport,
      Stream<WhatsAppClientCustomizer> customizers) {
    Duration connect = shared.getConnectTimeout();
    if (connect != null) {
      b.connectTimeout(positive(CONNECT_TIMEOUT, connect));
    }
    b.requestTimeout(positive("wasdk.request-timeout", shared.getRequestTimeout()));
    if (transport != null) {
      b.transport(transport);
    }
    customizers.forEach(c -> c.customize(b));
    try {
      return b.build();
    } catch (IllegalStateException e) {
      String message = e.getMessage();
      if (connect != null && message != null && message.startsWith("connectTimeout")) {
        WhatsAppConfigurationException clear =
            new WhatsAppConfigurationException(
                CONNECT_TIMEOUT,
                "is set, but the client has an HTTP client or transport of the application's own"
                    + " (an HttpTransport bean, or a WhatsAppClientCustomizer's httpClient or"
                    + " transport), which has its own connect timeout: set it there and remove "
                    + CONNECT_TIMEOUT);
        clear.initCause(e);
        throw clear;
      }
      throw e;
    }
  }
}
