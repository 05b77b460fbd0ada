package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.AnalyticsRange;
import dev.wasdk.client.BusinessProfileUpdate;
import dev.wasdk.client.CodeMethod;
import dev.wasdk.client.MessagingAnalytics;
import dev.wasdk.client.MessagingAnalyticsQuery;
import dev.wasdk.client.MessagingGranularity;
import dev.wasdk.client.PricingAnalyticsQuery;
import dev.wasdk.client.PricingGranularity;
import dev.wasdk.client.QrCode;
import dev.wasdk.client.QrImageFormat;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.SubscribedApp;
import dev.wasdk.client.TemplateAnalyticsQuery;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.ApiException;
import dev.wasdk.template.Template;
import dev.wasdk.template.TemplateStatus;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every management API of wasdk's client against the simulator, none of them answered with
 * "nonexisting field": phone numbers with registration and verification, the settings, business
 * profile, QR codes, webhook subscriptions, analytics and templates with unpause. Invalid input
 * gets Meta's error 100.
 */
class ManagementApisOfflineTest {
  private WhatsAppSimulator sim;
  private WhatsAppClient wa;

  @BeforeEach
  void start() {
    sim = WhatsAppSimulator.start();
    wa =
        WhatsAppClient.builder()
            .accessToken(sim.accessToken())
            .phoneNumberId(sim.phoneNumberId())
            .wabaId(sim.wabaId())
            .baseUrl(sim.baseUrl())
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void close() {
    wa.close();
    sim.close();
  }

  static int code(Throwable t) {
    return ((ApiException) t).error().code();
  }

  @Test
  void registrationAndVerification_answerAndCheckTheirInput() {
    wa.phoneNumbers().requestCode(CodeMethod.SMS, "en_US");
    wa.phoneNumbers().verifyCode("123456");
    // The code is spent: a second verification needs a new request.
    assertThatThrownBy(() -> wa.phoneNumbers().verifyCode("123456"))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo(100))
        .hasMessageContaining("no verification code was requested");

    wa.phoneNumbers().register("135790", Optional.of("DE"));
    wa.phoneNumbers().deregister();
    wa.phoneNumbers().register("135790");
    assertThat(
            sim.receivedRequests().stream()
                .filter(r -> r.path().matches(".*/(register|deregister|request_code|verify_code)"))
                .map(r -> r.path().substring(r.path().lastIndexOf('/') + 1) + " " + r.status()))
        .containsExactly(
            "request_code 200",
            "verify_code 200",
            "verify_code 400",
            "register 200",
            "deregister 200",
            "register 200");
  }

  @Test
  void settingsAndProfile_roundTrip() {
    wa.phoneNumbers().identityKeyCheck(true);
    assertThat(
            sim.receivedRequests().stream()
                .filter(r -> r.path().endsWith("/settings"))
                .map(RecordedRequest::status))
        .containsExactly(200);
    wa.businessProfile().update(BusinessProfileUpdate.builder().about("Open 9 to 5").build());
    assertThat(wa.businessProfile().get().about()).hasValue("Open 9 to 5");
    assertThat(wa.phoneNumbers().get().id()).isEqualTo(sim.phoneNumberId());
    assertThat(wa.phoneNumbers().list(Optional.empty()).items())
        .extracting(p -> p.id())
        .contains(sim.phoneNumberId());
  }

  @Test
  void qrCodes_createUpdateListGetDelete() {
    QrCode created = wa.qrCodes().create("Hi, I saw your poster", QrImageFormat.PNG);
    assertThat(created.code()).isNotBlank();
    assertThat(created.prefilledMessage()).isEqualTo("Hi, I saw your poster");
    assertThat(created.deepLinkUrl()).isPresent();
    assertThat(created.qrImageUrl()).hasValueSatisfying(u -> assertThat(u).endsWith(".png"));
    QrCode second = wa.qrCodes().create("Second");

    QrCode updated = wa.qrCodes().update(created.code(), "Hi, I saw your flyer");
    assertThat(updated.prefilledMessage()).isEqualTo("Hi, I saw your flyer");
    assertThat(wa.qrCodes().list(Optional.empty()).items())
        .extracting(QrCode::code)
        .containsExactly(second.code(), created.code());
    assertThat(wa.qrCodes().get(created.code(), QrImageFormat.SVG))
        .hasValueSatisfying(
            c -> {
              assertThat(c.prefilledMessage()).isEqualTo("Hi, I saw your flyer");
              assertThat(c.qrImageUrl()).hasValueSatisfying(u -> assertThat(u).endsWith(".svg"));
            });

    wa.qrCodes().delete(created.code());
    assertThat(wa.qrCodes().stream().map(QrCode::code)).containsExactly(second.code());
    assertThatThrownBy(() -> wa.qrCodes().update("NOSUCHCODE", "x"))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo(100));
  }

  @Test
  void webhookSubscriptions_subscribeOverrideListUnsubscribe() {
    assertThat(wa.webhookSubscriptions().list()).isEmpty();
    wa.webhookSubscriptions().subscribe();
    assertThat(wa.webhookSubscriptions().list())
        .singleElement()
        .satisfies(a -> assertThat(a.overrideCallbackUri()).isEmpty());

    wa.webhookSubscriptions()
        .subscribe(URI.create("https://hooks.example.com/whatsapp"), "verify-me");
    List<SubscribedApp> apps = wa.webhookSubscriptions().list();
    assertThat(apps)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.appId()).isNotBlank();
              assertThat(a.overrideCallbackUri()).hasValue("https://hooks.example.com/whatsapp");
            });

    wa.webhookSubscriptions().unsubscribe();
    assertThat(wa.webhookSubscriptions().list()).isEmpty();
  }

  @Test
  void analytics_answerTheirShapeWithNoDataPoints() {
    AnalyticsRange range =
        AnalyticsRange.ofDays(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 7));
    MessagingAnalytics m =
        wa.analytics().messaging(MessagingAnalyticsQuery.of(range, MessagingGranularity.DAY));
    assertThat(m.granularity()).hasValue("DAY");
    assertThat(m.dataPoints()).isEmpty();
    assertThat(
            wa.analytics()
                .pricing(PricingAnalyticsQuery.of(range, PricingGranularity.DAILY))
                .dataPoints())
        .isEmpty();
    assertThat(
            wa.analytics()
                .templates(TemplateAnalyticsQuery.builder(range, "1234567890").build())
                .dataPoints())
        .isEmpty();
  }

  @Test
  void unpause_approvesAPausedTemplate_andRefusesAnApprovedOne() {
    Template hello =
        wa.templates().list(dev.wasdk.client.TemplateQuery.all(), Optional.empty()).items().stream()
            .filter(t -> t.name().equals("hello_world"))
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> wa.templates().unpause(hello.id()))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(code(e)).isEqualTo(100))
        .hasMessageContaining("not PAUSED");

    sim.setTemplateStatus("hello_world", "en_US", "PAUSED");
    wa.templates().unpause(hello.id());
    assertThat(wa.templates().get(hello.id()).status()).isEqualTo(TemplateStatus.APPROVED);
  }

  @Test
  void invalidInput_getsError100_notNonexistingField() {
    String phone = sim.phoneNumberId();
    String waba = sim.wabaId();
    List<Runnable> calls =
        List.of(
            () -> wa.graph().post(phone + "/register", Map.of("messaging_product", "whatsapp")),
            () ->
                wa.graph()
                    .post(phone + "/request_code", Map.of("code_method", "FAX", "language", "en")),
            () -> wa.graph().post(phone + "/verify_code", Map.of("code", "12")),
            () -> wa.graph().post(phone + "/message_qrdls", Map.of("prefilled_message", " ")),
            () ->
                wa.graph()
                    .post(
                        waba + "/subscribed_apps",
                        Map.of("override_callback_uri", "http://x.example/h", "verify_token", "t")),
            () -> wa.graph().get(waba, Map.of("fields", "analytics.start(1).end(2)")));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run)
          .isInstanceOf(ApiException.class)
          .satisfies(e -> assertThat(code(e)).isEqualTo(100))
          .message()
          .doesNotContain("nonexisting field");
    }
    assertThat(sim.receivedRequests()).hasSize(calls.size());
  }
}
