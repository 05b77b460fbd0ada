package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.SendResult;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Consent recorded for a Brazilian or Mexican number as dialled, before anything was sent to it:
 * once a send response names the number's WhatsApp id, the records are found under both forms. The
 * transport answers as Meta does (and as the simulator does), with the canonical wa_id.
 */
class ConsentBeforeFirstSendTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";

  /** Dialled form (digits) to the wa_id Meta answers with. */
  static final Map<String, String> WA_IDS =
      Map.of(
          "551187654321", "5511987654321", // Sao Paulo: the wa_id has the mobile 9
          "5592981723241", "559281723241", // Manaus: the wa_id kept the old eight digits
          "525512345678", "5215512345678"); // Mexico: the wa_id has the 1 after 52

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport =
      new ScriptedTransport(time)
          .answering(
              m -> {
                String to = m.recipient().value().replace("+", "");
                return new SendResult(
                    "wamid." + to,
                    m.recipient().value(),
                    Optional.of(WA_IDS.getOrDefault(to, to)),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
              });

  MessageSender sender(ConsentStore consent) {
    return MessageSender.builder(PHONE_ID, transport)
        .clock(time)
        .scheduler(time)
        .tier(MessagingTier.TIER_UNLIMITED)
        .throughputPerSecond(1_000)
        .consentStore(consent)
        .storeExecutor(Runnable::run)
        .build();
  }

  static Message marketing(String to) {
    return Message.to(to)
        .template("spring_sale", "en_US")
        .category(TemplateCategory.MARKETING)
        .build();
  }

  static Message utility(String to) {
    return Message.to(to)
        .template("order_update", "en_US")
        .category(TemplateCategory.UTILITY)
        .build();
  }

  SendOutcome send(MessageSender sender, Message m) {
    CompletableFuture<SendOutcome> f = sender.submit(m);
    time.advance(Duration.ofSeconds(1));
    assertThat(f).isDone();
    return f.join();
  }

  static List<ConsentRecord.Kind> kinds(List<ConsentRecord> history) {
    return history.stream().map(ConsentRecord::kind).toList();
  }

  /** A store outside the registry's in-memory class, so its calls go through the store executor. */
  static ConsentStore elsewhere(ConsentStore inner) {
    return new ConsentStore() {
      @Override
      public void append(String key, ConsentRecord record) {
        inner.append(key, record);
      }

      @Override
      public List<ConsentRecord> history(String key) {
        return inner.history(key);
      }

      @Override
      public boolean erase(String key) {
        return inner.erase(key);
      }
    };
  }

  @ParameterizedTest
  @CsvSource({
    "+551187654321, +5511987654321, memory",
    "+5592981723241, +559281723241, memory",
    "+525512345678, +5215512345678, memory",
    "+551187654321, +5511987654321, elsewhere",
    "+525512345678, +5215512345678, elsewhere"
  })
  void optIn_beforeTheFirstSend_foundUnderBothFormsOnceTheWaIdIsLearned(
      String dialled, String waId, String where) {
    ConsentStore store = ConsentStore.inMemory();
    MessageSender sender = sender(where.equals("memory") ? store : elsewhere(store));
    sender.consent().optIn(dialled, TemplateCategory.MARKETING, "signup", T0);

    // The first send teaches the sender the number's wa_id.
    assertThat(send(sender, utility(dialled))).isInstanceOf(SendOutcome.Sent.class);

    assertThat(kinds(sender.consent().history(dialled))).containsExactly(ConsentRecord.Kind.OPT_IN);
    assertThat(kinds(sender.consent().history(waId))).containsExactly(ConsentRecord.Kind.OPT_IN);
    assertThat(send(sender, marketing(dialled))).isInstanceOf(SendOutcome.Sent.class);
    assertThat(send(sender, marketing(waId))).isInstanceOf(SendOutcome.Sent.class);
    assertThat(sender.consent().export(waId).orElseThrow().optIns()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "+551187654321, +5511987654321",
    "+5592981723241, +559281723241",
    "+525512345678, +5215512345678"
  })
  void optOut_beforeTheFirstSend_refusesMarketingToBothFormsFromTheStore(
      String dialled, String waId) {
    MessageSender sender = sender(ConsentStore.inMemory());
    sender.consent().optIn(dialled, TemplateCategory.MARKETING, "signup", T0);
    assertThat(sender.onInboundText(dialled, "STOP", T0.plusSeconds(1), "wamid.IN1")).isTrue();

    assertThat(send(sender, utility(dialled))).isInstanceOf(SendOutcome.Sent.class);
    // Past the opt-out cache's lifetime, so each check reads the history in the store.
    time.advance(ConsentRegistry.DEFAULT_OPT_OUT_CACHE_TTL.plusSeconds(1));

    SendOutcome toDialled = send(sender, marketing(dialled));
    SendOutcome toWaId = send(sender, marketing(waId));
    assertThat(((SendOutcome.Rejected) toDialled).reason()).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(((SendOutcome.Rejected) toWaId).reason()).isEqualTo(RejectReason.OPTED_OUT);
    List<ConsentRecord> history = sender.consent().history(waId);
    assertThat(kinds(history))
        .containsExactly(ConsentRecord.Kind.OPT_IN, ConsentRecord.Kind.OPT_OUT);
    assertThat(history.get(1).evidence()).contains("wamid.IN1");
    assertThat(transport.calls()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({"+551187654321, +5511987654321", "+525512345678, +5215512345678"})
  void stopDialledThenResumeFromTheWaId_beforeTheFirstSend_theLaterResumeWins(
      String dialled, String waId) {
    MessageSender sender = sender(ConsentStore.inMemory());
    sender.consent().optIn(dialled, TemplateCategory.MARKETING, "signup", T0);
    sender.onMarketingPreference(dialled, true, T0.plusSeconds(1));
    // The resume arrives by webhook, under the wa_id; the older stop is moved after it.
    sender.onMarketingPreference(waId, false, T0.plusSeconds(2));

    assertThat(send(sender, utility(dialled))).isInstanceOf(SendOutcome.Sent.class);
    time.advance(ConsentRegistry.DEFAULT_OPT_OUT_CACHE_TTL.plusSeconds(1));

    assertThat(send(sender, marketing(dialled))).isInstanceOf(SendOutcome.Sent.class);
  }

  @ParameterizedTest
  @CsvSource({"+551187654321, +5511987654321", "+525512345678, +5215512345678"})
  void eraseUser_byTheWaIdAfterTheMove_leavesNothingUnderEitherForm(String dialled, String waId) {
    ConsentStore store = ConsentStore.inMemory();
    MessageSender sender = sender(elsewhere(store));
    sender.consent().optIn(dialled, TemplateCategory.MARKETING, "signup", T0);
    assertThat(send(sender, utility(dialled))).isInstanceOf(SendOutcome.Sent.class);

    sender.eraseUser(waId);

    assertThat(sender.consent().history(waId)).isEmpty();
    assertThat(sender.consent().history(dialled)).isEmpty();
    assertThat(((InMemoryConsentStore) store).size()).isZero();
  }
}
