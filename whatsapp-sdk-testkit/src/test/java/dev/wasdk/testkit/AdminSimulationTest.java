package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.ConversationalAutomation;
import dev.wasdk.client.DisplayName;
import dev.wasdk.client.LibraryQuery;
import dev.wasdk.client.LibraryTemplate;
import dev.wasdk.client.LibraryTemplateCreate;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.TemplateCreated;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.ApiException;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.TemplateStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account-administration calls of wasdk's client against the simulator. */
class AdminSimulationTest {
  @TempDir Path dir;
  private WhatsAppSimulator sim;
  private WhatsAppClient wa;

  @BeforeEach
  void start() {
    sim = WhatsAppSimulator.start();
    wa =
        WhatsAppClient.builder()
            .accessToken(sim.accessToken())
            .phoneNumberId(sim.phoneNumberId())
            .baseUrl(sim.baseUrl())
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void close() {
    wa.close();
    sim.close();
  }

  @Test
  void uploadSession_brokenTransfer_resumesAndReturnsAHandle() throws Exception {
    Path file = dir.resolve("header.png");
    byte[] data = new byte[10_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    Files.write(file, data);
    sim.breakNextUploadAfter(4_000);
    String handle = wa.media().uploadSessions().upload("1234567890", file, "image/png");
    assertThat(handle).startsWith("4::");
    List<RecordedRequest> uploads =
        sim.receivedRequests().stream().filter(r -> r.path().contains("upload:")).toList();
    assertThat(uploads).extracting(RecordedRequest::method).containsExactly("POST", "GET", "POST");
  }

  @Test
  void uploadSession_openedSession_startsAtOffsetZero() {
    String session = wa.media().uploadSessions().create("1", "a.pdf", 3, "application/pdf");
    assertThat(session).startsWith("upload:");
    assertThat(wa.media().uploadSessions().offset(session)).isZero();
  }

  @Test
  void pinDisplayNameAndAutomation() {
    wa.phoneNumbers().setTwoStepPin("482916");
    wa.phoneNumbers().updateDisplayName("Jaspers Market");
    DisplayName name = wa.phoneNumbers().displayName();
    assertThat(name.newDisplayName()).contains("Jaspers Market");
    assertThat(name.newNameStatus()).contains("PENDING_REVIEW");
    assertThat(name.nameStatus()).contains("APPROVED");
    wa.phoneNumbers()
        .updateConversationalAutomation(
            new ConversationalAutomation(
                Optional.of(true),
                List.of("Track my order"),
                List.of(new ConversationalAutomation.Command("order", "Show my last order"))));
    ConversationalAutomation read = wa.phoneNumbers().conversationalAutomation();
    assertThat(read.prompts()).containsExactly("Track my order");
    assertThat(read.commands()).hasSize(1);
    assertThat(read.welcomeMessage()).contains(true);
  }

  @Test
  void templateLibrary_browseCreateAndMigrate() {
    WhatsAppClient withWaba = wa.toBuilder().wabaId(sim.wabaId()).build();
    try (withWaba) {
      List<LibraryTemplate> found =
          withWaba
              .templates()
              .library(LibraryQuery.all().topic("ORDER_MANAGEMENT"), Optional.empty())
              .items();
      assertThat(found).extracting(LibraryTemplate::name).containsExactly("delivery_update_1");
      TemplateCreated created =
          withWaba
              .templates()
              .createFromLibrary(
                  LibraryTemplateCreate.builder(
                          "my_delivery", "en_US", TemplateCategory.UTILITY, "delivery_update_1")
                      .build());
      assertThat(created.status()).isEqualTo(TemplateStatus.APPROVED);
      assertThat(withWaba.templates().get(created.id()).name()).isEqualTo("my_delivery");
      assertThatThrownBy(() -> withWaba.templates().migrateFrom("104996122399160", 0))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().code()).isEqualTo(100));
    }
  }

  @Test
  void simulator_refusesABadPinWithCode100() {
    Http http = new Http(sim);
    Http.Response r = http.post("/v23.0/" + sim.phoneNumberId(), "{\"pin\":\"12\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").path("code").asInt()).isEqualTo(100);
    assertThatThrownBy(() -> wa.phoneNumbers().setTwoStepPin("12"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
