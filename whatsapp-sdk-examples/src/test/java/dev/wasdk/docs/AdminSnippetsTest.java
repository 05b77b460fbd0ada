package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.ConversationalAutomation;
import dev.wasdk.client.TemplateCreated;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.Component;
import dev.wasdk.template.HeaderFormat;
import dev.wasdk.template.TemplateDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account-administration snippets of {@code docs/management.md}, run on the simulator. */
class AdminSnippetsTest extends SimulatorFixture {
  private static final String APP_ID = "1234567890";

  @TempDir Path dir;

  @Test
  void uploadSession_thenTemplateWithAnImageHeader() throws Exception {
    Path banner = Files.write(dir.resolve("banner.png"), new byte[4096]);
    String appId = APP_ID;
    sim.breakNextUploadAfter(1024); // the first transfer breaks part-way
    // tag::upload-session[]
    // Resumable upload: the handle is the example a media header needs for review.
    String handle = wa.media().uploadSessions().upload(appId, banner, "image/png");

    TemplateCreated created =
        wa.templates()
            .create(
                TemplateDefinition.builder("spring_sale", "en_US", TemplateCategory.MARKETING)
                    .components(
                        Component.mediaHeader(HeaderFormat.IMAGE, handle),
                        Component.body("Our spring sale starts {{1}}!", "Monday"))
                    .build());
    // end::upload-session[]
    assertThat(handle).isNotBlank();
    assertThat(created.id()).isNotBlank();
    assertThat(sim.receivedRequests())
        .filteredOn(r -> r.path().contains("upload:"))
        .extracting(r -> r.method())
        .containsExactly("POST", "GET", "POST"); // broken, asked for the offset, resumed
  }

  @Test
  void pinDisplayNameAndAutomation() {
    // tag::two-step[]
    wa.phoneNumbers().setTwoStepPin("482916"); // six digits; never logged
    wa.phoneNumbers().updateDisplayName("Jaspers Market"); // reviewed by Meta
    // end::two-step[]

    // tag::automation[]
    wa.phoneNumbers()
        .updateConversationalAutomation(
            new ConversationalAutomation(
                Optional.of(true), // a request_welcome message when a user first opens the chat
                List.of("Track my order", "Talk to support"), // ice breakers: at most 4
                List.of(new ConversationalAutomation.Command("order", "Show my last order"))));
    ConversationalAutomation current = wa.phoneNumbers().conversationalAutomation();
    // end::automation[]
    assertThat(current.prompts()).containsExactly("Track my order", "Talk to support");
    assertThat(current.commands())
        .extracting(ConversationalAutomation.Command::name)
        .containsExactly("order");
  }
}
