package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MediaInfo;
import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.Button;
import dev.wasdk.template.Component;
import dev.wasdk.template.Template;
import dev.wasdk.template.TemplateDefinition;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.TextReceived;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The wasdk side of {@code docs/migrating.md}, run against the simulator. */
class MigratingSnippetsTest extends SimulatorFixture {

  @Test
  void client_oneObjectForMessagesAndManagement() {
    String token = sim.accessToken();
    String phoneNumberId = sim.phoneNumberId();
    String wabaId = sim.wabaId();
    // tag::client[]
    WhatsAppClient wa =
        WhatsAppClient.builder()
            .accessToken(token)
            .phoneNumberId(phoneNumberId) // set once, not passed to every call
            .wabaId(wabaId) // for templates and phone-number listing
            .baseUrl(sim.baseUrl()) // only for the simulator; Meta is the default
            .build();
    // end::client[]
    try (wa) {
      assertThat(wa.phoneNumberId()).isEqualTo(phoneNumberId);
      assertThat(wa.wabaId()).hasValue(wabaId);
    }
  }

  @Test
  void sendText_andInteractive() {
    String receivedWamid = inboundWamid;
    // tag::send[]
    SendResult text = wa.messages().send(Message.to("+16505551234").text("*Hello* world!"));
    System.out.println(text.wamid());

    wa.messages()
        .send(
            Message.to("+16505551234")
                .buttons()
                .body("Body message")
                .button("UNIQUE_BUTTON_ID_1", "Button 1")
                .button("UNIQUE_BUTTON_ID_2", "Button 2")
                .build()); // limits checked here, not by Meta

    wa.messages().markRead(receivedWamid); // the id of a message the user sent
    // end::send[]

    assertThat(sim.sentMessages()).hasSize(2);
    assertThat(sim.messagesMarkedRead()).containsExactly(inboundWamid);
  }

  @Test
  void templates_createListAndSend() {
    // tag::templates[]
    TemplateDefinition confirmation =
        TemplateDefinition.builder("schedule_confirmation", "pt_BR", TemplateCategory.UTILITY)
            .component(Component.textHeader("Confirmação de atendimento"))
            .component(
                Component.body(
                    "Olá {{1}}, confirma seu horário em {{2}} às {{3}}?",
                    "Maria", "04/11/2026", "13:30"))
            .component(Component.buttons(Button.quickReply("Sim"), Button.quickReply("Não")))
            .build();
    wa.templates().create(confirmation);

    try (Stream<Template> all = wa.templates().stream()) { // every page
      all.forEach(t -> System.out.println(t.name() + " " + t.status()));
    }

    wa.messages()
        .send(
            Message.to("+16505551234")
                .template("schedule_confirmation", "pt_BR")
                .bodyText("Mauricio", "04/11/2026", "14:30")
                .build());
    // end::templates[]

    assertThat(sim.sentMessages()).singleElement().matches(s -> !s.failed());
  }

  @Test
  void media_uploadUrlDownloadDelete() {
    byte[] fileContent = "a text file".getBytes(StandardCharsets.UTF_8);
    // tag::media[]
    String mediaId = wa.media().upload(fileContent, "text/plain", "notes.txt"); // type checked

    MediaInfo info = wa.media().url(mediaId);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wa.media().download(info, out, 10 * 1024 * 1024); // streamed, capped, token kept to Meta

    wa.media().delete(mediaId);
    // end::media[]

    assertThat(out.toByteArray()).isEqualTo(fileContent);
  }

  @Test
  void webhook_verifiedParsedAndTyped() {
    List<String> seen = new ArrayList<>();
    String appSecret = WhatsAppSimulator.DEFAULT_APP_SECRET;
    String verifyToken = "my-verify-token";
    // tag::webhook[]
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(appSecret) // every POST's signature is checked before parsing
            .verifyToken(verifyToken) // the GET handshake
            .router(WebhookRouter.builder().on(TextReceived.class, t -> seen.add(t.body())).build())
            .build();
    // end::webhook[]
    byte[] body =
        ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                + "\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"106540352242922\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"16505551234\"}],"
                + "\"messages\":[{\"from\":\"16505551234\",\"id\":\"wamid.X1\","
                + "\"timestamp\":\"1767225600\",\"type\":\"text\",\"text\":{\"body\":\"Olá\"}}]}}]}]}")
            .getBytes(StandardCharsets.UTF_8);
    WebhookRequest post =
        WebhookRequest.builder()
            .method("POST")
            .header("X-Hub-Signature-256", WebhookSigner.of(appSecret).sign(body))
            .body(body)
            .build();

    assertThat(endpoint.handle(post).status()).isEqualTo(200);
    assertThat(endpoint.handle(post).status()).isEqualTo(200); // a retry: acknowledged, not rerun
    assertThat(seen).containsExactly("Olá");
  }
}
