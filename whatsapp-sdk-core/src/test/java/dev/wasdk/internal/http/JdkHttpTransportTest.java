package dev.wasdk.internal.http;

import dev.wasdk.client.HttpTransportContract;
import dev.wasdk.client.http.HttpTransport;
import java.net.http.HttpClient;
import java.time.Duration;

/** The transport contract on the default transport, the JDK's {@code HttpClient}. */
class JdkHttpTransportTest extends HttpTransportContract {
  @Override
  protected HttpTransport newTransport() {
    return new JdkHttpTransport(
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        true,
        true,
        Duration.ofSeconds(30),
        new CapturingLogger("jdk"));
  }
}
