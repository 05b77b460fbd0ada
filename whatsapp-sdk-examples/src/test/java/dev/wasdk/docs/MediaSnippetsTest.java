package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.DownloadedMedia;
import dev.wasdk.client.MediaInfo;
import dev.wasdk.client.MediaKind;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.InboundMedia;
import dev.wasdk.webhooks.event.MediaMessageReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of {@code docs/media.md}, run against the simulator's media endpoints. */
class MediaSnippetsTest extends SimulatorFixture {
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'
  };

  @TempDir Path dir;

  @Test
  void upload_fromFileBytesAndStream_returnsIds() throws IOException {
    Path receipt = Files.write(dir.resolve("receipt.pdf"), PDF);
    byte[] logoBytes = PNG;
    InputStream videoStream = new java.io.ByteArrayInputStream(new byte[] {0, 0, 0, 0x18});

    // tag::upload[]
    String pdfId = wa.media().upload(receipt, "application/pdf"); // streamed from disk
    String logoId = wa.media().upload(logoBytes, "image/png", "logo.png");
    String clipId = wa.media().upload(videoStream, "video/mp4", "howto.mp4"); // not closed for you
    // end::upload[]

    assertThat(pdfId).isNotBlank();
    assertThat(logoId).isNotEqualTo(pdfId);
    assertThat(clipId).isNotEqualTo(logoId);
  }

  @Test
  void upload_unsupportedTypeOrTooLarge_failsBeforeAnyRequest() {
    // tag::upload-invalid[]
    try {
      wa.media().upload(new byte[] {1, 2, 3}, "image/gif", "party.gif"); // GIF is not accepted
    } catch (InvalidMessageException e) {
      System.out.println(e.fieldPath() + ": " + e.limit()); // type: one of the accepted types
    }

    long imageLimit = MediaKind.IMAGE.maxBytes(); // 5 MB
    boolean accepted = MediaKind.ofMimeType("audio/ogg; codecs=opus").isPresent(); // true
    // end::upload-invalid[]

    assertThatThrownBy(() -> wa.media().upload(new byte[] {1, 2, 3}, "image/gif", "party.gif"))
        .isInstanceOf(InvalidMessageException.class)
        .satisfies(e -> assertThat(((InvalidMessageException) e).fieldPath()).isEqualTo("type"));
    assertThat(imageLimit).isEqualTo(5L * 1024 * 1024);
    assertThat(accepted).isTrue();
    assertThat(sim.receivedRequests()).noneMatch(r -> r.path().endsWith("/media"));
  }

  @Test
  void urlDownloadAndDelete_roundTrip() throws IOException {
    String mediaId = wa.media().upload(PDF, "application/pdf", "receipt.pdf");
    Path target = dir.resolve("copy.pdf");

    // tag::url-download[]
    MediaInfo info = wa.media().url(mediaId); // the URL is valid for 5 minutes
    System.out.println(info.mimeType() + ", " + info.fileSize().orElse(-1L) + " bytes");

    DownloadedMedia saved = wa.media().download(mediaId, target); // streamed to a file, 100 MB cap

    ByteArrayOutputStream memory = new ByteArrayOutputStream();
    wa.media().download(mediaId, memory, 1024 * 1024); // or to a stream, with your own cap
    // end::url-download[]

    // tag::delete[]
    wa.media().delete(mediaId);
    // end::delete[]

    assertThat(info.id()).isEqualTo(mediaId);
    assertThat(saved.size()).isEqualTo(PDF.length);
    assertThat(Files.readAllBytes(target)).isEqualTo(PDF);
    assertThat(memory.toByteArray()).isEqualTo(PDF);
    assertThatThrownBy(() -> wa.media().url(mediaId)).isInstanceOf(ApiException.class);
  }

  @Test
  void downloadCap_smallerThanTheFile_fails() {
    String mediaId = wa.media().upload(PDF, "application/pdf", "receipt.pdf");

    assertThatThrownBy(() -> wa.media().download(mediaId, new ByteArrayOutputStream(), 8))
        .hasMessageContaining("8");
  }

  @Test
  void inbound_imageFromAWebhook_isDownloaded() throws IOException {
    Path inbox = Files.createDirectory(dir.resolve("inbox"));
    // tag::inbound[]
    WebhookRouter router =
        WebhookRouter.builder()
            .on(
                MediaMessageReceived.class, // images, videos, audio, documents and stickers
                received -> {
                  InboundMedia media = received.media(); // id, MIME type, SHA-256
                  wa.media().download(media.id(), inbox.resolve(media.id()));
                })
            .build();
    // end::inbound[]
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("t")
            .router(router)
            .build();
    try (JdkWebhookServer server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .start()) {
      sim.deliverWebhooksTo(server.uri());
      sim.userSendsImage(USER, PNG, "image/png", "my receipt");
      assertThat(sim.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
    }

    try (Stream<Path> files = Files.list(inbox)) {
      List<Path> saved = files.toList();
      assertThat(saved).singleElement();
      assertThat(Files.readAllBytes(saved.get(0))).isEqualTo(PNG);
    }
  }

  @Test
  void send_byIdAndByLink_areAccepted() {
    // tag::send[]
    String id = wa.media().upload(PNG, "image/png", "menu.png");
    wa.messages().send(Message.to("+16505551234").image(MediaRef.id(id), "Today's menu"));

    // Or let WhatsApp fetch a public https URL (no upload; fetched on every send)
    wa.messages()
        .send(
            Message.to("+16505551234")
                .image(MediaRef.link("https://example.com/menu.png"), "Today's menu"));
    // end::send[]

    assertThat(sim.sentMessages().get(0).json()).contains("\"id\":\"" + id + "\"");
    assertThat(lastJson()).contains("\"link\":\"https://example.com/menu.png\"");
  }
}
