package dev.wasdk.flows.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.flows.FlowResponse;
import dev.wasdk.flows.TestRequests;
import dev.wasdk.webhooks.WebhookSigner;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Servlet adapter in an embedded Tomcat, over real HTTP on loopback. */
class FlowServletTest {
  private static final String SECRET = "servlet-flow-secret";
  private final HttpClient http = HttpClient.newHttpClient();
  private Tomcat tomcat;
  private FlowEndpoint endpoint;
  private Path baseDir;
  private URI uri;

  @BeforeEach
  void start() throws Exception {
    baseDir = Files.createTempDirectory("flow-servlet");
    endpoint =
        FlowEndpoint.builder()
            .cipher(TestRequests.cipher())
            .appSecret(SECRET)
            .handler(r -> FlowResponse.nextScreen("WELCOME").put("via", "servlet").build())
            .maxBodyBytes(4096)
            .build();
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    Context context =
        tomcat.addContext("", new File(baseDir.toFile(), "docroot").getAbsolutePath());
    new File(baseDir.toFile(), "docroot").mkdirs();
    Tomcat.addServlet(context, "flow", new FlowServlet(endpoint));
    context.addServletMappingDecoded("/flows/welcome", "flow");
    tomcat.start();
    uri = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/flows/welcome");
  }

  @AfterEach
  void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    endpoint.close();
  }

  private HttpResponse<String> post(byte[] body, String signature) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      b.header("X-Hub-Signature-256", signature);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void post_answersEncrypted() throws Exception {
    TestRequests.Sealed init = TestRequests.seal("{\"action\":\"INIT\",\"flow_token\":\"t\"}");
    HttpResponse<String> r = post(init.body(), WebhookSigner.of(SECRET).sign(init.body()));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(init.open(r.body()))
        .isEqualTo("{\"screen\":\"WELCOME\",\"data\":{\"via\":\"servlet\"}}");
  }

  @Test
  void post_refusals_haveFlowStatuses() throws Exception {
    TestRequests.Sealed init = TestRequests.seal("{\"action\":\"INIT\"}");
    byte[] wrongKey = TestRequests.wrongKeyBody();
    byte[] big = new byte[5000];

    assertThat(post(init.body(), "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(432);
    assertThat(post(wrongKey, WebhookSigner.of(SECRET).sign(wrongKey)).statusCode()).isEqualTo(421);
    assertThat(post(big, WebhookSigner.of(SECRET).sign(big)).statusCode()).isEqualTo(413);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(405);
  }
}
