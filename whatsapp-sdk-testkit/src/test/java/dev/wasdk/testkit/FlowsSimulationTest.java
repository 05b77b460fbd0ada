package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.wasdk.client.BusinessPublicKey;
import dev.wasdk.client.FlowCategory;
import dev.wasdk.client.FlowCreated;
import dev.wasdk.client.FlowDefinition;
import dev.wasdk.client.FlowInfo;
import dev.wasdk.client.FlowStatus;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.ApiException;
import dev.wasdk.webhooks.SignatureVerifier;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Flows on the simulator: the management API's life cycle, and the simulated user's side. */
class FlowsSimulationTest {
  private static final String FLOW_JSON = "{\"version\":\"7.3\",\"screens\":[]}";

  private static WhatsAppClient client(WhatsAppSimulator sim) {
    return WhatsAppClient.builder()
        .accessToken(sim.accessToken())
        .phoneNumberId(sim.phoneNumberId())
        .wabaId(sim.wabaId())
        .baseUrl(sim.baseUrl())
        .build();
  }

  @Test
  void management_keepsFlowsAndTheirStatuses() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = client(sim)) {
      FlowCreated created =
          wa.flows()
              .create(
                  FlowDefinition.builder()
                      .name("booking")
                      .category(FlowCategory.APPOINTMENT_BOOKING)
                      .endpointUri(URI.create("https://flows.example.com/booking"))
                      .build());
      assertThat(sim.flowStatus(created.id())).contains("DRAFT");

      // Publishing needs the Flow JSON first.
      assertThatThrownBy(() -> wa.flows().publish(created.id()))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.errorCode().code()).isEqualTo(139002));
      assertThat(wa.flows().uploadFlowJson(created.id(), FLOW_JSON).isValid()).isTrue();
      assertThat(sim.uploadedFlowJson(created.id())).contains(FLOW_JSON);
      wa.flows().publish(created.id());

      FlowInfo info = wa.flows().get(created.id());
      assertThat(info.status()).isEqualTo(FlowStatus.PUBLISHED);
      assertThat(info.name()).contains("booking");
      assertThat(info.jsonVersion()).contains("7.3");
      assertThat(info.endpointUri()).contains("https://flows.example.com/booking");
      assertThat(wa.flows().stream().map(FlowInfo::id)).containsExactly(created.id());

      assertThatThrownBy(() -> wa.flows().delete(created.id()))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.errorCode().code()).isEqualTo(139004));
      assertThatThrownBy(() -> wa.flows().uploadFlowJson(created.id(), FLOW_JSON))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.errorCode().code()).isEqualTo(139001));

      sim.setFlowStatus(created.id(), "THROTTLED");
      assertThat(wa.flows().get(created.id()).status()).isEqualTo(FlowStatus.THROTTLED);
      wa.flows().deprecate(created.id());
      assertThat(sim.flowStatus(created.id())).contains("DEPRECATED");
      assertThatThrownBy(() -> wa.flows().deprecate(created.id()))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.errorCode().code()).isEqualTo(139003));

      FlowCreated draft =
          wa.flows()
              .create(FlowDefinition.builder().name("draft").category(FlowCategory.OTHER).build());
      wa.flows()
          .update(
              draft.id(), FlowDefinition.builder().name("renamed").applicationId("app-1").build());
      assertThat(wa.flows().get(draft.id()).applicationId()).contains("app-1");
      wa.flows().delete(draft.id());
      assertThat(sim.flowStatus(draft.id())).isEmpty();
    }
  }

  @Test
  void businessPublicKey_uploadedAndReadBack() {
    String pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjAN+/==\n-----END PUBLIC KEY-----";
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = client(sim)) {
      assertThat(wa.phoneNumbers().businessPublicKey().pem()).isEmpty();
      wa.phoneNumbers().uploadBusinessPublicKey(pem);
      assertThat(sim.businessPublicKey()).contains(pem);
      BusinessPublicKey key = wa.phoneNumbers().businessPublicKey();
      assertThat(key.pem()).contains(pem);
      assertThat(key.signatureStatus()).isEqualTo(BusinessPublicKey.SignatureStatus.VALID);
    }
  }

  /**
   * A minimal data endpoint written with the JDK alone, independent of the Flows module, checks
   * what {@link FlowUser} sends: signed, OAEP-SHA-256 wrapped key, 16-byte IV, GCM; and that it
   * opens answers encrypted under the inverted IV.
   */
  @Test
  void flowUser_sendsSignedEncryptedRequestsAndOpensAnswers() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair keys = g.generateKeyPair();
    String secret = "flow-user-secret";
    JsonMapper mapper = JsonMapper.builder().build();
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/flow",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String reply;
          int status = 200;
          try {
            SignatureVerifier.of(secret)
                .verify(body, exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"));
            JsonNode env = mapper.readTree(body);
            Base64.Decoder d = Base64.getDecoder();
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(
                Cipher.DECRYPT_MODE,
                keys.getPrivate(),
                new OAEPParameterSpec(
                    "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            byte[] aesKey = rsa.doFinal(d.decode(env.get("encrypted_aes_key").asString()));
            byte[] iv = d.decode(env.get("initial_vector").asString());
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(aesKey, "AES"),
                new GCMParameterSpec(128, iv));
            String json =
                new String(
                    aes.doFinal(d.decode(env.get("encrypted_flow_data").asString())),
                    StandardCharsets.UTF_8);
            seen.add(json);
            for (int i = 0; i < iv.length; i++) {
              iv[i] = (byte) ~iv[i];
            }
            aes.init(
                Cipher.ENCRYPT_MODE,
                new SecretKeySpec(aesKey, "AES"),
                new GCMParameterSpec(128, iv));
            reply =
                Base64.getEncoder()
                    .encodeToString(
                        aes.doFinal(
                            "{\"screen\":\"NEXT\",\"data\":{\"n\":1}}"
                                .getBytes(StandardCharsets.UTF_8)));
          } catch (Exception e) {
            status = 421;
            reply = "cannot decrypt";
          }
          byte[] out = reply.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, out.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
          }
        });
    server.start();
    try {
      String pem =
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n";
      FlowUser user =
          FlowUser.builder(
                  URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/flow"), pem)
              .appSecret(secret)
              .build();

      FlowUser.Reply reply = user.dataExchange("FORM", Map.of("a", "b"), "tok");
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.screen()).contains("NEXT");
      assertThat(reply.data()).containsEntry("n", 1);
      assertThat(mapper.readTree(seen.get(0)))
          .isEqualTo(
              mapper.readTree(
                  "{\"version\":\"3.0\",\"action\":\"data_exchange\",\"screen\":\"FORM\","
                      + "\"data\":{\"a\":\"b\"},\"flow_token\":\"tok\"}"));
      assertThat(user.initWithWrongKey("tok").status()).isEqualTo(421);
      assertThat(user.initWithWrongKey("tok").json()).isEmpty();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void userCompletesFlow_postsSignedNfmReply() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/webhook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          if (SignatureVerifier.of(WhatsAppSimulator.DEFAULT_APP_SECRET)
              .isValid(body, exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"))) {
            bodies.add(new String(body, StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    try (WhatsAppSimulator sim = WhatsAppSimulator.start()) {
      sim.deliverWebhooksTo(
          URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhook"));
      String wamid = sim.userCompletesFlow("+16505551234", "wamid.FLOW", "{\"flow_token\":\"t\"}");

      assertThat(sim.awaitWebhooks(java.time.Duration.ofSeconds(10))).isTrue();
      assertThat(bodies)
          .singleElement()
          .satisfies(
              b -> {
                JsonNode message =
                    JsonMapper.builder()
                        .build()
                        .readTree(b)
                        .at("/entry/0/changes/0/value/messages/0");
                assertThat(message.path("id").asString()).isEqualTo(wamid);
                assertThat(message.at("/context/id").asString()).isEqualTo("wamid.FLOW");
                assertThat(message.at("/interactive/type").asString()).isEqualTo("nfm_reply");
                assertThat(message.at("/interactive/nfm_reply/name").asString()).isEqualTo("flow");
                assertThat(message.at("/interactive/nfm_reply/response_json").asString())
                    .isEqualTo("{\"flow_token\":\"t\"}");
              });
    } finally {
      receiver.stop(0);
    }
  }
}
