package dev.wasdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.http.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PublisherBody}: a JDK body publisher written to a stream, as non-JDK transports do. */
class PublisherBodyTest {
  @TempDir Path dir;

  private static byte[] written(HttpTransport.Body body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toByteArray();
  }

  @Test
  void writeTo_fileAndMultipartPublishers_writeTheirBytesOnEveryCall() throws Exception {
    byte[] data = new byte[40_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    Path file = dir.resolve("photo.jpg");
    Files.write(file, data);
    HttpTransport.Body fromFile = PublisherBody.of(BodyPublishers.ofFile(file));
    assertThat(fromFile.contentLength()).isEqualTo(data.length);
    assertThat(written(fromFile)).isEqualTo(data);
    assertThat(written(fromFile)).isEqualTo(data);

    MultipartBody multipart =
        MultipartBody.create()
            .field("type", "image/jpeg")
            .file("file", "p.jpg", "image/jpeg", file);
    HttpTransport.Body body = PublisherBody.of(multipart.publisher());
    byte[] first = written(body);
    assertThat(first).hasSize((int) body.contentLength());
    assertThat(new String(first, StandardCharsets.ISO_8859_1))
        .contains("filename=\"p.jpg\"")
        .endsWith("--\r\n");
    assertThat(written(body)).isEqualTo(first);
  }

  @Test
  void of_bytesFromAJsonRequest_areSentWithoutSubscribing() throws Exception {
    byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    GraphRequest r =
        GraphRequest.json(
            "POST", java.net.URI.create("https://x.test/v1"), json, false, "op", null);
    HttpTransport.Body body = PublisherBody.of(r.body());
    assertThat(body).isInstanceOf(ByteArrayBody.class);
    assertThat(written(body)).isEqualTo(json);
    assertThat(PublisherBody.of(null)).isNull();
  }

  @Test
  void writeTo_failingPublisher_throwsItsFailure() {
    BodyPublisher failing =
        new BodyPublisher() {
          @Override
          public long contentLength() {
            return -1;
          }

          @Override
          public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
            s.onSubscribe(
                new Flow.Subscription() {
                  @Override
                  public void request(long n) {
                    s.onError(new IOException("disk gone"));
                  }

                  @Override
                  public void cancel() {}
                });
          }
        };
    assertThatThrownBy(() -> written(PublisherBody.of(failing)))
        .isInstanceOf(IOException.class)
        .hasMessage("disk gone");
  }
}
