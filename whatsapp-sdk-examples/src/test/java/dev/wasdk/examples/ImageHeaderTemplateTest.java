package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.TemplateCreated;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.testkit.RecordedRequest;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageHeaderTemplateTest {
  @TempDir Path dir;

  @Test
  void brokenUploadResumes_andTheHandleBecomesTheHeaderExample() throws Exception {
    Path image = Files.write(dir.resolve("banner.png"), QuickStart.PIXEL_PNG);
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = QuickStart.client(sim)) {
      sim.breakNextUploadAfter(16);
      TemplateCreated t = ImageHeaderTemplate.create(wa, "1234567890", image);
      assertThat(t.id()).isNotBlank();
      assertThat(sim.receivedRequests())
          .filteredOn(r -> r.path().contains("upload:"))
          .extracting(RecordedRequest::method)
          .containsExactly("POST", "GET", "POST");
      RecordedRequest create =
          sim.receivedRequests().stream()
              .filter(r -> r.path().endsWith("/message_templates") && r.method().equals("POST"))
              .findFirst()
              .orElseThrow();
      assertThat(create.body()).contains("\"header_handle\":[\"4::");
    }
  }
}
