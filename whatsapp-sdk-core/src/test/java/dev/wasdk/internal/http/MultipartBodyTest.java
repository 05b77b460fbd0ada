package dev.wasdk.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.client.RetryPolicy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MultipartBodyTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void publisher_fieldsAndFile_arriveAsMultipartFormData(@TempDir Path dir) throws Exception {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x0D, 0x0A, 0x2D, 0x2D};
    Path file = Files.write(dir.resolve("photo.jpg"), jpeg);
    wm.stubFor(post(urlEqualTo("/v24.0/1/media")).willReturn(okJson("{\"id\":\"MEDIA1\"}")));
    MultipartBody body =
        MultipartBody.create()
            .field("messaging_product", "whatsapp")
            .field("type", "image/jpeg")
            .file("file", "pho\"to.jpg", "image/jpeg", file);

    try (GraphTransport t =
        TestTransports.create(URI.create(wm.baseUrl()), new FakeSleeper(), RetryPolicy.none())) {
      GraphResponse r =
          t.execute(
              new GraphRequest(
                  "POST",
                  t.uri("1/media"),
                  body.publisher(),
                  body.contentType(),
                  false,
                  "upload media",
                  null,
                  null));
      assertThat(r.json().path("id").asString()).isEqualTo("MEDIA1");
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/v24.0/1/media"))
            .withHeader("Content-Type", containing("multipart/form-data; boundary=wasdk-"))
            .withRequestBodyPart(
                aMultipart().withName("messaging_product").withBody(equalTo("whatsapp")).build())
            .withRequestBodyPart(
                aMultipart().withName("type").withBody(equalTo("image/jpeg")).build())
            .withRequestBodyPart(
                aMultipart()
                    .withName("file")
                    .withHeader("Content-Type", equalTo("image/jpeg"))
                    .withHeader("Content-Disposition", containing("filename=\"pho%22to.jpg\""))
                    .withBody(binaryEqualTo(jpeg))
                    .build()));
  }

  @Test
  void create_twice_usesDifferentBoundaries() {
    assertThat(MultipartBody.create().contentType())
        .isNotEqualTo(MultipartBody.create().contentType());
  }
}
