package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.sender.SendOutcome;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Brazilian and Mexican numbers whose WhatsApp id differs from the number dialled: the simulator
 * answers with the wa_id as Meta does, and the sender, having learned it from a send response,
 * treats both forms as one user.
 */
class WaIdTest {
  private final WhatsAppSimulator sim = WhatsAppSimulator.start();
  private final WhatsAppClient wa =
      WhatsAppClient.builder()
          .accessToken(sim.accessToken())
          .phoneNumberId(sim.phoneNumberId())
          .baseUrl(sim.baseUrl())
          .build();
  private MessageSender sender;

  @BeforeEach
  void templates() {
    sim.registerTemplate("order_update", "en_US", TemplateCategory.UTILITY, 0);
  }

  @AfterEach
  void close() {
    if (sender != null) {
      sender.close(Duration.ZERO);
    }
    wa.close();
    sim.close();
  }

  @ParameterizedTest
  @CsvSource({
    "+551187654321, 5511987654321", // Sao Paulo: the wa_id has the mobile 9
    "+5592981723241, 559281723241", // Manaus: the wa_id kept the old eight digits
    "+525512345678, 5215512345678", // Mexico: the wa_id has the 1 after 52
    "+5215512345678, 5215512345678",
    "+5511987654321, 5511987654321",
    "+16505551234, 16505551234"
  })
  void send_numberDialled_responseCarriesTheCanonicalWaId(String dialled, String waId) {
    SendResult r = wa.messages().send(Message.to(dialled).template("hello_world", "en_US").build());

    assertThat(r.input()).isEqualTo(dialled);
    assertThat(r.waId()).contains(waId);
  }

  @ParameterizedTest
  @CsvSource({
    "+551187654321, +5511987654321",
    "+5592981723241, +559281723241",
    "+525512345678, +5215512345678"
  })
  void stop_fromTheWaIdForm_stopsMarketingToTheDialledForm(String dialled, String waId)
      throws Exception {
    sim.registerTemplate("spring_sale", "en_US", TemplateCategory.MARKETING, 1);

    sender = MessageSender.builder(wa).build();
    // The first send teaches the sender the number's wa_id.
    assertThat(await(sender.submit(hello(dialled)))).isInstanceOf(SendOutcome.Sent.class);
    sender.consent().optIn(dialled, TemplateCategory.MARKETING, "signup", sim.clock().instant());
    assertThat(await(sender.submit(springSale(dialled)))).isInstanceOf(SendOutcome.Sent.class);

    sender.onInboundText(waId, "STOP", sim.clock().instant(), "wamid.IN1");

    SendOutcome o = await(sender.submit(springSale(dialled)));
    assertThat(((SendOutcome.Rejected) o).reason()).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(sim.sentMessages()).hasSize(2);
  }

  @ParameterizedTest
  @CsvSource({
    "+551187654321, +5511987654321",
    "+5592981723241, +559281723241",
    "+525512345678, +5215512345678"
  })
  void inbound_fromTheWaIdForm_opensTheWindowForTheDialledForm(String dialled, String waId)
      throws Exception {
    sender = MessageSender.builder(wa).build();
    assertThat(await(sender.submit(hello(dialled)))).isInstanceOf(SendOutcome.Sent.class);
    Message reply = Message.to(dialled).text("Your order shipped");
    assertThat(((SendOutcome.Rejected) await(sender.submit(reply))).reason())
        .isEqualTo(RejectReason.WINDOW_CLOSED);

    sim.userSends(waId, "Where is my order?");
    sender.onInbound(waId, sim.clock().instant());

    assertThat(await(sender.submit(reply))).isInstanceOf(SendOutcome.Sent.class);
  }

  @ParameterizedTest
  @CsvSource({
    "+551187654321, +5511987654321",
    "+5592981723241, +559281723241",
    "+525512345678, +5215512345678"
  })
  void optIn_forTheDialledFormBeforeAnySend_foundUnderTheWaIdOnceLearned(
      String dialled, String waId) throws Exception {
    sim.registerTemplate("spring_sale", "en_US", TemplateCategory.MARKETING, 1);
    sender = MessageSender.builder(wa).build();
    sender.consent().optIn(dialled, TemplateCategory.MARKETING, "signup", sim.clock().instant());

    // The first send teaches the sender the number's wa_id.
    assertThat(await(sender.submit(hello(dialled)))).isInstanceOf(SendOutcome.Sent.class);

    assertThat(sender.consent().history(waId))
        .extracting(ConsentRecord::kind)
        .containsExactly(ConsentRecord.Kind.OPT_IN);
    assertThat(await(sender.submit(springSale(waId)))).isInstanceOf(SendOutcome.Sent.class);
    assertThat(await(sender.submit(springSale(dialled)))).isInstanceOf(SendOutcome.Sent.class);
    assertThat(sim.sentMessages()).hasSize(3);
  }

  @ParameterizedTest
  @CsvSource({
    "+551187654321, +5511987654321",
    "+5592981723241, +559281723241",
    "+525512345678, +5215512345678"
  })
  void stop_fromTheDialledFormBeforeAnySend_refusesMarketingToTheWaIdForm(
      String dialled, String waId) throws Exception {
    sim.registerTemplate("spring_sale", "en_US", TemplateCategory.MARKETING, 1);
    sender = MessageSender.builder(wa).build();
    sender.consent().optIn(dialled, TemplateCategory.MARKETING, "signup", sim.clock().instant());
    sender.onInboundText(dialled, "STOP", sim.clock().instant().plusSeconds(1), "wamid.IN1");

    assertThat(await(sender.submit(hello(dialled)))).isInstanceOf(SendOutcome.Sent.class);

    SendOutcome o = await(sender.submit(springSale(waId)));
    assertThat(((SendOutcome.Rejected) o).reason()).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(sender.consent().history(waId))
        .extracting(ConsentRecord::kind)
        .containsExactly(ConsentRecord.Kind.OPT_IN, ConsentRecord.Kind.OPT_OUT);
    assertThat(sim.sentMessages()).hasSize(1);
  }

  private static SendOutcome await(CompletableFuture<SendOutcome> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  private Message hello(String to) {
    return Message.to(to)
        .template("order_update", "en_US")
        .category(TemplateCategory.UTILITY)
        .build();
  }

  private static Message springSale(String to) {
    return Message.to(to)
        .template("spring_sale", "en_US")
        .category(TemplateCategory.MARKETING)
        .bodyText("20%")
        .build();
  }
}
