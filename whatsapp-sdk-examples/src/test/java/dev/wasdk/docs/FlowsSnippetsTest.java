package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.wasdk.client.FlowCategory;
import dev.wasdk.client.FlowCreated;
import dev.wasdk.client.FlowDefinition;
import dev.wasdk.client.FlowGranularity;
import dev.wasdk.client.FlowHealth;
import dev.wasdk.client.FlowInfo;
import dev.wasdk.client.FlowMetric;
import dev.wasdk.client.FlowMetricName;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.flows.DecryptedFlowRequest;
import dev.wasdk.flows.FlowCipher;
import dev.wasdk.flows.FlowCounters;
import dev.wasdk.flows.FlowDecryptionException;
import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.flows.FlowOutcome;
import dev.wasdk.flows.FlowRequest;
import dev.wasdk.flows.FlowResponse;
import dev.wasdk.flows.FlowRouter;
import dev.wasdk.flows.jdk.JdkFlowServer;
import dev.wasdk.testkit.FlowUser;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/flows.md} that are not in the booking example. */
class FlowsSnippetsTest {
  private static final String APP_SECRET = "flows-guide-app-secret";

  private static KeyPair keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Test
  void cipher_withoutAnyAdapter_answersTheUser() throws Exception {
    KeyPair keys = keys();
    String privateKeyPem = pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    String passphrase = null; // the key's passphrase, when it is encrypted
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // tag::cipher[]
    FlowCipher cipher = FlowCipher.fromPem(privateKeyPem, passphrase);
    server.createContext(
        "/flow",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status;
          String reply;
          try {
            DecryptedFlowRequest request = cipher.decrypt(body);
            FlowRequest parsed = FlowRequest.parse(request.json());
            FlowResponse answer =
                parsed instanceof FlowRequest.Ping
                    ? FlowResponse.ping()
                    : FlowResponse.nextScreen("WELCOME").put("name", "Ada").build();
            status = answer.httpStatus();
            reply = request.encryptResponse(answer.json());
          } catch (FlowDecryptionException e) {
            status = 421; // the client fetches the public key again and resends
            reply = e.reason().description();
          }
          byte[] out = reply.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/plain");
          exchange.sendResponseHeaders(status, out.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
          }
        });
    // end::cipher[]
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/flow");
      FlowUser user =
          FlowUser.builder(uri, pem("PUBLIC KEY", keys.getPublic().getEncoded())).build();
      assertThat(user.ping().data()).containsEntry("status", "active");
      assertThat(user.init("t").data()).containsEntry("name", "Ada");
      assertThat(user.initWithWrongKey("t").status()).isEqualTo(421);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void validatorAndCounters_rejectExpiredTokensAndCountEverything() throws Exception {
    KeyPair keys = keys();
    FlowCipher cipher = FlowCipher.of(keys.getPrivate());
    Set<String> openSessions = Set.of("tok-open");
    FlowRouter router =
        FlowRouter.builder().onInit(i -> FlowResponse.nextScreen("WELCOME").build()).build();
    // tag::validator[]
    FlowCounters counters = new FlowCounters();
    FlowEndpoint endpoint =
        FlowEndpoint.builder()
            .flowName("signup")
            .cipher(cipher)
            .appSecret(APP_SECRET)
            .handler(router)
            .tokenValidator(
                request ->
                    request.flowToken().filter(openSessions::contains).isPresent()
                        ? Optional.empty()
                        : Optional.of("This sign-up link has expired."))
            .listener(counters)
            .build();
    // end::validator[]
    try (endpoint;
        JdkFlowServer server =
            JdkFlowServer.builder()
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .endpoint("/flows/signup", endpoint)
                .start()) {
      FlowUser user =
          FlowUser.builder(
                  server.uri("/flows/signup"), pem("PUBLIC KEY", keys.getPublic().getEncoded()))
              .appSecret(APP_SECRET)
              .build();
      assertThat(user.init("tok-open").screen()).contains("WELCOME");
      FlowUser.Reply expired = user.init("tok-old");
      assertThat(expired.status()).isEqualTo(427);
      assertThat(expired.json()).contains("{\"error_msg\":\"This sign-up link has expired.\"}");
      // tag::counters[]
      FlowCounters.Snapshot signup = counters.snapshot("signup");
      long requests = signup.requests();
      long rejected = signup.count(FlowOutcome.Kind.TOKEN_REJECTED);
      long errors = signup.errors(); // bad signatures, undecryptable, handler failures, overruns
      // end::counters[]
      assertThat(requests).isEqualTo(2);
      assertThat(rejected).isEqualTo(1);
      assertThat(errors).isZero();
    }
  }

  @Test
  void management_onTheSimulator_publishesAndReadsHealthPreviewAndMetrics() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .wabaId(sim.wabaId())
                .baseUrl(sim.baseUrl())
                .build()) {
      FlowMetric requests = management(wa, "{\"version\":\"7.3\",\"screens\":[]}");

      FlowInfo info = wa.flows().stream().findFirst().orElseThrow();
      assertThat(sim.flowStatus(info.id())).contains("PUBLISHED");
      assertThat(requests.flowId()).isEqualTo(info.id());
      assertThat(requests.name()).isEqualTo("ENDPOINT_REQUEST_COUNT");
      assertThat(requests.dataPoints()).isEmpty(); // no endpoint call was recorded
      FlowInfo full = wa.flows().get(info.id());
      assertThat(full.healthStatus().orElseThrow().canSendMessage())
          .isEqualTo(FlowHealth.Availability.AVAILABLE);
      assertThat(full.preview()).isPresent();
    }
  }

  /**
   * The management calls, run on the simulator above; {@code FlowsApiTest} in the core module runs
   * each call against a server and Meta's examples.
   */
  static FlowMetric management(WhatsAppClient wa, String flowJson) {
    // tag::management[]
    FlowCreated created =
        wa.flows()
            .create(
                FlowDefinition.builder()
                    .name("table booking")
                    .category(FlowCategory.APPOINTMENT_BOOKING)
                    .endpointUri(URI.create("https://flows.example.com/flows/booking"))
                    .build());
    FlowCreated uploaded = wa.flows().uploadFlowJson(created.id(), flowJson);
    uploaded.validationErrors().forEach(e -> System.out.println(e.message()));
    if (uploaded.isValid()) {
      wa.flows().publish(created.id());
    }
    FlowInfo info = wa.flows().get(created.id()); // status, health, preview, validation errors
    FlowMetric requests =
        wa.flows()
            .metric(
                created.id(),
                FlowMetricName.ENDPOINT_REQUEST_COUNT,
                FlowGranularity.DAY,
                Optional.of(LocalDate.now().minusDays(7)),
                Optional.empty());
    // end::management[]
    System.out.println(info.status() + " " + requests.dataPoints().size());
    return requests;
  }
}
