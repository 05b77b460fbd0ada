package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.AnalyticsRange;
import dev.wasdk.client.BlockResult;
import dev.wasdk.client.BusinessProfile;
import dev.wasdk.client.BusinessProfileUpdate;
import dev.wasdk.client.CodeMethod;
import dev.wasdk.client.MessagingAnalytics;
import dev.wasdk.client.MessagingAnalyticsQuery;
import dev.wasdk.client.MessagingGranularity;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.PhoneNumber;
import dev.wasdk.client.PricingAnalytics;
import dev.wasdk.client.PricingAnalyticsQuery;
import dev.wasdk.client.PricingDimension;
import dev.wasdk.client.PricingGranularity;
import dev.wasdk.client.QrCode;
import dev.wasdk.client.QrImageFormat;
import dev.wasdk.client.TemplateAnalytics;
import dev.wasdk.client.TemplateAnalyticsQuery;
import dev.wasdk.client.TemplateMetric;
import dev.wasdk.client.UsageInfo;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.InvalidMessageException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The snippets of {@code docs/management.md}. Phone numbers, the business profile and blocked users
 * run against the simulator. QR codes, webhook subscriptions, analytics and number registration are
 * not served by the simulator: those snippets are compiled here and their request checks run, but
 * they are not sent.
 */
class ManagementSnippetsTest extends SimulatorFixture {

  @Test
  void client_withWabaId_reachesTheAccount() {
    String token = sim.accessToken();
    // tag::client[]
    WhatsAppClient wa =
        WhatsAppClient.builder()
            .accessToken(token)
            .phoneNumberId("106540352242922")
            .wabaId("102290129340398") // templates, phone-number listing, QR codes, analytics
            .baseUrl(sim.baseUrl()) // left out against Meta
            .build();
    // end::client[]
    try (wa) {
      assertThat(wa.phoneNumbers().stream()).isNotEmpty();
    }
  }

  @Test
  void phoneNumbers_readAndList() {
    // tag::phone-numbers[]
    PhoneNumber me = wa.phoneNumbers().get(); // quality, messaging limit, throughput, statuses
    System.out.println(me.qualityRating() + " " + me.messagingLimit() + " " + me.throughputLevel());
    wa.phoneNumbers().stream().forEach(n -> System.out.println(n.id() + " " + n.verifiedName()));
    // end::phone-numbers[]

    assertThat(me.id()).isEqualTo(sim.phoneNumberId());
    assertThat(me.messagingLimit()).hasValue(MessagingTier.TIER_250);
  }

  /** Compiled only: the simulator does not serve registration. */
  static void registration(WhatsAppClient wa) {
    // tag::registration[]
    wa.phoneNumbers().requestCode(CodeMethod.SMS, "en_US");
    wa.phoneNumbers().verifyCode("123456");
    wa.phoneNumbers().register("123456"); // the two-step verification PIN: 6 digits
    wa.phoneNumbers().identityKeyCheck(true);
    // end::registration[]
  }

  @Test
  void register_pinOfFiveDigits_failsBeforeAnyRequest() {
    assertThatThrownBy(() -> wa.phoneNumbers().register("12345"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 digits");
    assertThat(sim.receivedRequests()).noneMatch(r -> r.path().endsWith("/register"));
  }

  @Test
  void profileAndBlockedUsers_roundTrip() {
    // tag::profile-blocking[]
    wa.businessProfile()
        .update(
            BusinessProfileUpdate.builder()
                .about("Open 9 to 5")
                .websites("https://example.com")
                .build());
    BusinessProfile profile = wa.businessProfile().get();

    BlockResult result = wa.blockedUsers().block(List.of("+16505551234"));
    result.failed().forEach(f -> System.out.println(f.code() + " " + f.details())); // partial
    wa.blockedUsers().stream().forEach(System.out::println);
    wa.blockedUsers().unblock(List.of("+16505551234"));
    // end::profile-blocking[]

    assertThat(profile.about()).hasValue("Open 9 to 5");
    assertThat(result.allSucceeded()).isTrue();
    assertThat(wa.blockedUsers().stream()).isEmpty();
  }

  /** Compiled only: the simulator does not serve QR codes. */
  static void qrCodes(WhatsAppClient wa) {
    // tag::qr-codes[]
    QrCode qr = wa.qrCodes().create("Show me today's deals", QrImageFormat.SVG); // or PNG
    qr.deepLinkUrl(); // https://wa.me/message/<code>
    qr.qrImageUrl(); // the image Meta rendered
    wa.qrCodes().update(qr.code(), "Show me this week's deals");
    Optional<QrCode> same = wa.qrCodes().get(qr.code(), QrImageFormat.PNG);
    wa.qrCodes().stream().forEach(c -> System.out.println(c.code())); // newest first
    wa.qrCodes().delete(qr.code()); // printed codes stop working
    // end::qr-codes[]
  }

  @Test
  void qrCode_prefilledMessageOver140_failsBeforeAnyRequest() {
    assertThatThrownBy(() -> wa.qrCodes().create("x".repeat(141)))
        .isInstanceOf(InvalidMessageException.class);
  }

  /** Compiled only: the simulator does not serve subscriptions. */
  static void subscriptions(WhatsAppClient wa, String verifyToken) {
    // tag::subscriptions[]
    wa.webhookSubscriptions().subscribe(); // this WABA's events go to the app's callback URL
    wa.webhookSubscriptions().subscribe(URI.create("https://hooks.example.com/wa"), verifyToken);
    wa.webhookSubscriptions().list().forEach(app -> System.out.println(app.appId()));
    wa.webhookSubscriptions().unsubscribe(); // events stop at once
    // end::subscriptions[]
  }

  /** Compiled only: the simulator does not serve analytics. */
  static void analytics(WhatsAppClient wa) {
    // tag::analytics[]
    AnalyticsRange march =
        AnalyticsRange.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    MessagingAnalytics messaging =
        wa.analytics()
            .messaging(
                MessagingAnalyticsQuery.builder(march, MessagingGranularity.DAY)
                    .countryCodes("US", "BR")
                    .build());
    messaging.dataPoints().forEach(p -> System.out.println(p.start() + " sent " + p.sent()));

    PricingAnalytics pricing =
        wa.analytics()
            .pricing(
                PricingAnalyticsQuery.builder(march, PricingGranularity.MONTHLY)
                    .dimensions(PricingDimension.PRICING_CATEGORY, PricingDimension.COUNTRY)
                    .pricingCategories("MARKETING", "UTILITY")
                    .build());
    BigDecimal spent = pricing.totalCost(); // exact decimals, never doubles

    TemplateAnalytics templates =
        wa.analytics()
            .templates(
                TemplateAnalyticsQuery.builder(march, "1924084211297547") // 1 to 10 ids
                    .metrics(TemplateMetric.SENT, TemplateMetric.READ, TemplateMetric.CLICKED)
                    .build());
    templates.forTemplate("1924084211297547").forEach(d -> System.out.println(d.read()));
    // end::analytics[]
    System.out.println(spent);
  }

  @Test
  void analyticsQuery_elevenTemplates_failsBeforeAnyRequest() {
    AnalyticsRange march =
        AnalyticsRange.ofDays(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    String[] eleven = new String[11];
    for (int i = 0; i < eleven.length; i++) {
      eleven[i] = Integer.toString(1_000 + i);
    }
    assertThatThrownBy(() -> TemplateAnalyticsQuery.builder(march, eleven).build())
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void lastUsage_afterAManagementCall_isReadable() {
    wa.phoneNumbers().get();
    // tag::usage[]
    Optional<UsageInfo> usage = wa.phoneNumbers().lastUsage(); // from X-Business-Use-Case-Usage
    usage.ifPresent(u -> System.out.println(u.highestPercent() + "% of the hourly budget used"));
    // end::usage[]
    assertThat(usage).isEmpty(); // the simulator sends no usage headers; Meta does
  }
}
