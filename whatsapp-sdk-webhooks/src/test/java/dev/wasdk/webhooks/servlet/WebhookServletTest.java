package dev.wasdk.webhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.WebhookEvent;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WebhookServletTest {
  private static final String SECRET = "servlet-adapter-secret";
  private static final String TOKEN = "servlet-verify-token";
  private static final byte[] BODY =
      ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":"
              + "[{\"field\":\"x_wasdk_test\",\"value\":{\"note\":\"hi\"}}]}]}")
          .getBytes(StandardCharsets.UTF_8);

  private final List<WebhookEvent> received = new ArrayList<>();
  private final WebhookServlet servlet =
      new WebhookServlet(
          WebhookEndpoint.builder()
              .appSecret(SECRET)
              .verifyToken(TOKEN)
              .router(WebhookRouter.builder().on(WebhookEvent.class, received::add).build())
              .maxBodyBytes(1024)
              .build());

  /** A request with only what the servlet reads; any other call fails the test. */
  private static final class FakeRequest {
    String method = "GET";
    String queryString;
    final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byte[] body = new byte[0];
    long contentLength = -1;
    int bytesRead;

    FakeRequest header(String name, String value) {
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    HttpServletRequest proxy() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (p, m, args) -> {
                switch (m.getName()) {
                  case "getMethod":
                    return method;
                  case "getQueryString":
                    return queryString;
                  case "getHeaderNames":
                    return Collections.enumeration(new ArrayList<>(headers.keySet()));
                  case "getHeaders":
                    return Collections.enumeration(
                        headers.getOrDefault((String) args[0], List.of()));
                  case "getContentLengthLong":
                    return contentLength;
                  case "getInputStream":
                    return new CountingInput();
                  case "toString":
                    return "FakeRequest";
                  default:
                    throw new UnsupportedOperationException(m.getName());
                }
              });
    }

    private final class CountingInput extends ServletInputStream {
      @Override
      public int read() {
        if (bytesRead >= body.length) {
          return -1;
        }
        return body[bytesRead++] & 0xff;
      }

      @Override
      public boolean isFinished() {
        return bytesRead >= body.length;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException();
      }
    }
  }

  /** A response that records what the servlet sets. */
  private static final class FakeResponse {
    int status;
    String contentType;
    int contentLength = -1;
    final Map<String, String> headers = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();

    HttpServletResponse proxy() {
      ServletOutputStream out =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              body.write(b);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              throw new UnsupportedOperationException();
            }
          };
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (p, m, args) -> {
                switch (m.getName()) {
                  case "setStatus":
                    status = (Integer) args[0];
                    return null;
                  case "setContentType":
                    contentType = (String) args[0];
                    return null;
                  case "setContentLength":
                    contentLength = (Integer) args[0];
                    return null;
                  case "setHeader":
                    headers.put((String) args[0], (String) args[1]);
                    return null;
                  case "getOutputStream":
                    return out;
                  case "toString":
                    return "FakeResponse";
                  default:
                    throw new UnsupportedOperationException(m.getName());
                }
              });
    }

    String text() {
      return body.toString(StandardCharsets.UTF_8);
    }
  }

  private FakeResponse serve(FakeRequest request) throws Exception {
    FakeResponse response = new FakeResponse();
    servlet.service(request.proxy(), response.proxy());
    return response;
  }

  private static FakeRequest signedPost(byte[] body, String secret) {
    FakeRequest r = new FakeRequest();
    r.method = "POST";
    r.body = body;
    r.contentLength = body.length;
    return r.header("X-Hub-Signature-256", WebhookSigner.of(secret).sign(body));
  }

  @Test
  void service_handshake_echoesChallenge() throws Exception {
    FakeRequest get = new FakeRequest();
    get.queryString = "hub.mode=subscribe&hub.verify_token=" + TOKEN + "&hub.challenge=8831";
    FakeResponse r = serve(get);
    assertThat(r.status).isEqualTo(200);
    assertThat(r.text()).isEqualTo("8831");
    assertThat(r.contentType).startsWith("text/plain");
    assertThat(r.contentLength).isEqualTo(4);
  }

  @Test
  void service_handshakeWithWrongToken_403() throws Exception {
    FakeRequest get = new FakeRequest();
    get.queryString = "hub.mode=subscribe&hub.verify_token=nope&hub.challenge=8831";
    FakeResponse r = serve(get);
    assertThat(r.status).isEqualTo(403);
    assertThat(r.text()).doesNotContain("8831");
  }

  @Test
  void service_signedPost_200AndHandled() throws Exception {
    FakeResponse r = serve(signedPost(BODY, SECRET));
    assertThat(r.status).isEqualTo(200);
    assertThat(received).hasSize(1);
  }

  @Test
  void service_headerNameInAnyCase_found() throws Exception {
    FakeRequest post = new FakeRequest();
    post.method = "POST";
    post.body = BODY;
    post.header("x-hub-signature-256", WebhookSigner.of(SECRET).sign(BODY));
    assertThat(serve(post).status).isEqualTo(200);
  }

  @Test
  void service_wrongSecret_403AndNotHandled() throws Exception {
    FakeResponse r = serve(signedPost(BODY, "other-secret"));
    assertThat(r.status).isEqualTo(403);
    assertThat(received).isEmpty();
  }

  @Test
  void service_declaredLengthOverLimit_413WithoutReadingBody() throws Exception {
    byte[] big = new byte[5000];
    FakeRequest post = signedPost(big, SECRET);
    FakeResponse r = serve(post);
    assertThat(r.status).isEqualTo(413);
    assertThat(post.bytesRead).isZero();
    assertThat(received).isEmpty();
  }

  @Test
  void service_undeclaredLengthOverLimit_413AfterReadingOneBytePastLimit() throws Exception {
    byte[] big = new byte[5000];
    FakeRequest post = signedPost(big, SECRET);
    post.contentLength = -1;
    FakeResponse r = serve(post);
    assertThat(r.status).isEqualTo(413);
    assertThat(post.bytesRead).isEqualTo(1025);
  }

  @Test
  void service_otherMethod_405WithAllow() throws Exception {
    FakeRequest put = new FakeRequest();
    put.method = "PUT";
    FakeResponse r = serve(put);
    assertThat(r.status).isEqualTo(405);
    assertThat(r.headers).containsEntry("Allow", "GET, POST");
  }
}
