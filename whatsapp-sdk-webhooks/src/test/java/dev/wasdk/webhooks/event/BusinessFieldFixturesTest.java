package dev.wasdk.webhooks.event;

import static dev.wasdk.webhooks.event.Fixtures.parse;
import static dev.wasdk.webhooks.event.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixtures of {@code account_settings_update}, {@code automatic_events}, {@code
 * partner_solutions} and {@code payment_configuration_update}.
 */
class BusinessFieldFixturesTest {
  private static final Instant ENTRY_TIME = Instant.ofEpochSecond(1750264300L);

  @Test
  void accountSettings_bracketedLowerCaseType_readsTypeNumberAndCalling() {
    AccountSettingsUpdated s =
        single("fields/account_settings_update.json", AccountSettingsUpdated.class);
    assertThat(s.context().field()).isEqualTo("account_settings_update");
    assertThat(s.context().entryTime()).contains(ENTRY_TIME);
    assertThat(s.rawType()).isEqualTo("[phone_number_settings]");
    assertThat(s.type()).isEqualTo(AccountSettingsUpdated.Type.PHONE_NUMBER_SETTINGS);
    assertThat(s.timestamp()).contains(Instant.ofEpochSecond(1750264290L));
    assertThat(s.phoneNumberId()).isEqualTo("106540352242922");
    assertThat(s.context().phoneNumberId()).contains("106540352242922");
    AccountSettingsUpdated.CallingSettings c = s.calling().orElseThrow();
    assertThat(c.isEnabled()).isTrue();
    assertThat(c.status()).contains("ENABLED");
    assertThat(c.callIconVisibility()).contains("DEFAULT");
    assertThat(c.callbackPermissionStatus()).contains("DISABLED");
    assertThat(c.sipStatus()).contains("DISABLED");
    assertThat(c.srtpKeyExchangeProtocol()).contains("DTLS");
    assertThat(s.rawJson()).contains("America/Manaus");
  }

  @Test
  void automaticEvents_oneEventPerDetectionWithPurchaseData() {
    List<WebhookEvent> events = parse("fields/automatic_events.json");
    assertThat(events).hasSize(2);
    AutomaticEventDetected lead = (AutomaticEventDetected) events.get(0);
    assertThat(lead.context().phoneNumberId()).contains("106540352242922");
    assertThat(lead.eventName()).isEqualTo(AutomaticEventDetected.Name.LEAD_SUBMITTED);
    assertThat(lead.rawEventName()).isEqualTo("LeadSubmitted");
    assertThat(lead.messageId())
        .isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBRBVVRPRVZFTlQwMDAwMDAwMDAxAA==");
    assertThat(lead.timestamp()).isEqualTo(Instant.ofEpochSecond(1750090702L));
    assertThat(lead.ctwaClid()).contains("Afd3kQm0CtWaClIdLead");
    assertThat(lead.currency()).isEmpty();
    assertThat(lead.value()).isEmpty();
    assertThat(lead.dedupeKey())
        .contains(
            "automatic_events:wamid.HBgLMTY1MDU1NTEyMzQVAgASGBRBVVRPRVZFTlQwMDAwMDAwMDAxAA==:"
                + "LeadSubmitted");

    AutomaticEventDetected purchase = (AutomaticEventDetected) events.get(1);
    assertThat(purchase.eventName()).isEqualTo(AutomaticEventDetected.Name.PURCHASE);
    assertThat(purchase.currency()).contains("USD");
    assertThat(purchase.value())
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(new BigDecimal("49.90")));
  }

  @Test
  void partnerSolutions_readsEventSolutionAndStatus() {
    PartnerSolutionChanged p =
        single("fields/partner_solutions.json", PartnerSolutionChanged.class);
    assertThat(p.businessId()).isEqualTo("506914307656634");
    assertThat(p.context().entryTime()).contains(ENTRY_TIME);
    assertThat(p.context().phoneNumberId()).isEmpty();
    assertThat(p.event()).isEqualTo(PartnerSolutionChanged.Event.SOLUTION_UPDATED);
    assertThat(p.solutionId()).isEqualTo("880921920637346");
    assertThat(p.solutionStatus()).isEqualTo(PartnerSolutionChanged.Status.PENDING_DEACTIVATION);
  }

  @Test
  void paymentConfiguration_readsProviderAndHumanReadableStatus() {
    PaymentConfigurationChanged p =
        single("fields/payment_configuration_update.json", PaymentConfigurationChanged.class);
    assertThat(p.context().field()).isEqualTo("payment_configuration_update");
    assertThat(p.configurationName()).isEqualTo("checkout-main");
    assertThat(p.provider()).isEqualTo(PaymentConfigurationChanged.Provider.RAZORPAY);
    assertThat(p.providerMid()).contains("MID-000123");
    assertThat(p.rawStatus()).isEqualTo("Needs Testing");
    assertThat(p.status()).isEqualTo(PaymentConfigurationChanged.Status.NEEDS_TESTING);
    assertThat(p.createdAt()).contains(Instant.ofEpochSecond(1750200000L));
    assertThat(p.updatedAt()).contains(Instant.ofEpochSecond(1750264290L));
  }
}
