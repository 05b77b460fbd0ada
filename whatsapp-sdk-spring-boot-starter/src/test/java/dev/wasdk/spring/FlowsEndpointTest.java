package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.flows.FlowCounters;
import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.flows.FlowHandler;
import dev.wasdk.flows.FlowResponse;
import dev.wasdk.flows.FlowRouter;
import dev.wasdk.testkit.FlowUser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Flows data endpoint served by the starter, over real HTTP, and its configuration errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FlowsEndpointTest {
  static final String APP_SECRET = "flows-starter-app-secret";
  static final KeyPair KEYS = keys();

  static KeyPair keys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class FlowApp {
    @Bean
    FlowRouter bookingRouter() {
      return FlowRouter.builder()
          .onInit(i -> FlowResponse.nextScreen("DETAILS").put("from", "spring").build())
          .onDataExchange(
              "DETAILS", x -> FlowResponse.close(x.flowToken().orElse("")).put("ok", true).build())
          .build();
    }

    @Bean
    FlowCounters flowCounters() {
      return new FlowCounters();
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("wasdk.access-token", () -> "EAAG-flows-starter-token");
    registry.add("wasdk.phone-number-id", () -> "106540352242922");
    registry.add("wasdk.app-secret", () -> APP_SECRET);
    registry.add("wasdk.verify-token", () -> "verify");
    registry.add(
        "wasdk.flows.private-key", () -> pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()));
    registry.add("wasdk.flows.path", () -> "/flows/booking");
    registry.add("wasdk.flows.flow-name", () -> "booking");
  }

  @LocalServerPort int port;
  @Autowired FlowCounters counters;

  @Test
  void journey_throughTheAutoConfiguredServlet() {
    FlowUser user =
        FlowUser.builder(
                URI.create("http://127.0.0.1:" + port + "/flows/booking"),
                pem("PUBLIC KEY", KEYS.getPublic().getEncoded()))
            .appSecret(APP_SECRET)
            .build();

    assertThat(user.ping().data()).containsEntry("status", "active");
    FlowUser.Reply init = user.init("tok-spring");
    assertThat(init.screen()).contains("DETAILS");
    assertThat(init.data()).containsEntry("from", "spring");
    FlowUser.Reply done = user.dataExchange("DETAILS", Map.of("x", "y"), "tok-spring");
    assertThat(done.completionParams()).contains("{\"flow_token\":\"tok-spring\",\"ok\":true}");
    assertThat(user.initWithWrongKey("tok-spring").status()).isEqualTo(421);
    assertThat(counters.snapshot("booking").requests()).isEqualTo(4);
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WhatsAppAutoConfiguration.class, WhatsAppFlowsAutoConfiguration.class))
          .withPropertyValues(
              "wasdk.access-token=EAAG-flows-starter-token",
              "wasdk.phone-number-id=106540352242922",
              "wasdk.app-secret=" + APP_SECRET,
              "wasdk.verify-token=verify",
              // not a web application: no webhook endpoint, which would have nothing to serve it
              "wasdk.webhook.enabled=false");

  @Test
  void keyFromFile_andHandlerBean_makeTheEndpoint(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("flows-private.pem");
    Files.writeString(key, pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()));
    runner
        .withPropertyValues("wasdk.flows.private-key=" + key)
        .withBean(FlowHandler.class, () -> r -> FlowResponse.nextScreen("A").build())
        .run(context -> assertThat(context).hasSingleBean(FlowEndpoint.class));
  }

  @Test
  void noHandlerBean_failsNamingWhatIsMissing() {
    runner
        .withPropertyValues(
            "wasdk.flows.private-key=" + pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()))
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("FlowHandler bean"));
  }

  @Test
  void unreadableKey_failsWithoutEchoingIt() {
    runner
        .withPropertyValues("wasdk.flows.private-key=/nonexistent/flows-key.pem")
        .withBean(FlowHandler.class, () -> r -> FlowResponse.nextScreen("A").build())
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("wasdk.flows.private-key"));
  }

  @Test
  void noPrivateKey_noFlowsBeans() {
    runner.run(context -> assertThat(context).doesNotHaveBean(FlowEndpoint.class));
  }
}
