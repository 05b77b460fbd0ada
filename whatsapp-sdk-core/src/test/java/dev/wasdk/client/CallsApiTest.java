package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.Recipient;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Calling API over HTTP: exact request bodies, answers read, checks before the network. */
class CallsApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String P = "/v24.0/" + PHONE_ID;
  static final String CALLS = P + "/calls";
  static final String SDP = "v=0\r\no=- 3626 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
  static final String SDP_JSON = "v=0\\r\\no=- 3626 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n";
  static final String CALL_ID = "wacid.HBgLMTIxODU1NTI4MjgVAgARGCAyODRQIAFRoA";
  static final String OK = "{\"messaging_product\":\"whatsapp\",\"success\":true}";

  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("calls")).build();
  }

  private static void expectBody(String json) {
    wm.verify(1, postRequestedFor(urlEqualTo(CALLS)).withRequestBody(equalToJson(json)));
  }

  @Test
  void connect_sendsOfferAndCallbackData_andReturnsCallId() {
    wm.stubFor(
        post(urlEqualTo(CALLS))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\",\"calls\":[{\"id\":\""
                        + CALL_ID
                        + "\"}]}")));
    try (WhatsAppClient wa = client()) {
      String id =
          wa.calls()
              .connect(
                  CallConnect.to(Recipient.waId("14085551234"), SDP).withCallbackData("order-7"));
      assertThat(id).isEqualTo(CALL_ID);
    }
    expectBody(
        "{\"messaging_product\":\"whatsapp\",\"to\":\"14085551234\",\"action\":\"connect\","
            + "\"session\":{\"sdp_type\":\"offer\",\"sdp\":\""
            + SDP_JSON
            + "\"},\"biz_opaque_callback_data\":\"order-7\"}");
  }

  @Test
  void connect_toBusinessScopedUserId_sendsRecipient() {
    wm.stubFor(
        post(urlEqualTo(CALLS))
            .willReturn(
                okJson("{\"messaging_product\":\"whatsapp\",\"calls\":[{\"id\":\"c1\"}]}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.calls().connect(CallConnect.to(Recipient.userId("US.13491208655302741"), SDP)))
          .isEqualTo("c1");
    }
    expectBody(
        "{\"messaging_product\":\"whatsapp\",\"recipient\":\"US.13491208655302741\","
            + "\"action\":\"connect\",\"session\":{\"sdp_type\":\"offer\",\"sdp\":\""
            + SDP_JSON
            + "\"}}");
  }

  @Test
  void connectAsync_returnsTheCallId() throws Exception {
    wm.stubFor(
        post(urlEqualTo(CALLS))
            .willReturn(
                okJson("{\"messaging_product\":\"whatsapp\",\"calls\":[{\"id\":\"c2\"}]}")));
    try (WhatsAppClient wa = client()) {
      assertThat(
              wa.calls()
                  .connectAsync(CallConnect.to(Recipient.phone("+14085551234"), SDP))
                  .get(20, TimeUnit.SECONDS))
          .isEqualTo("c2");
    }
    wm.verify(1, postRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void connect_answerWithoutCallId_isMaybeSent() {
    wm.stubFor(post(urlEqualTo(CALLS)).willReturn(okJson("{\"messaging_product\":\"whatsapp\"}")));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(
              () -> wa.calls().connect(CallConnect.to(Recipient.waId("14085551234"), SDP)))
          .isInstanceOf(RequestMaybeSentException.class);
    }
  }

  @Test
  void connect_serverError_isSentOnceAndNotRetried() {
    wm.stubFor(
        post(urlEqualTo(CALLS))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(138004, "Connection error", "x", "T"))));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(
              () -> wa.calls().connect(CallConnect.to(Recipient.waId("14085551234"), SDP)))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().code()).isEqualTo(138004));
    }
    wm.verify(1, postRequestedFor(urlEqualTo(CALLS)));
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void answersAndEnds_sendCallIdSessionAndAction() {
    wm.stubFor(post(urlEqualTo(CALLS)).willReturn(okJson(OK)));
    try (WhatsAppClient wa = client()) {
      wa.calls().preAccept(CALL_ID, SDP);
      wa.calls().accept(CALL_ID, SDP);
      wa.calls().accept(CALL_ID, SDP, "ticket-9");
      wa.calls().reject(CALL_ID);
      wa.calls().terminate(CALL_ID);
    }
    String session = ",\"session\":{\"sdp_type\":\"answer\",\"sdp\":\"" + SDP_JSON + "\"}";
    String head = "{\"messaging_product\":\"whatsapp\",\"call_id\":\"" + CALL_ID + "\"";
    expectBody(head + ",\"action\":\"pre_accept\"" + session + "}");
    expectBody(head + ",\"action\":\"accept\"" + session + "}");
    expectBody(
        head + ",\"action\":\"accept\"" + session + ",\"biz_opaque_callback_data\":\"ticket-9\"}");
    expectBody(head + ",\"action\":\"reject\"}");
    expectBody(head + ",\"action\":\"terminate\"}");
    wm.verify(5, postRequestedFor(urlEqualTo(CALLS)));
  }

  @Test
  void terminate_answerWithoutSuccess_fails() {
    wm.stubFor(post(urlEqualTo(CALLS)).willReturn(okJson("{\"messaging_product\":\"whatsapp\"}")));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.calls().terminate(CALL_ID)).hasMessageContaining("terminate");
    }
  }

  @Test
  void badValues_failBeforeTheNetwork() {
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> CallConnect.to(Recipient.waId("14085551234"), " "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("sdpOffer");
      assertThatThrownBy(() -> CallConnect.to(Recipient.waId("14085551234"), "hello"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("v=0");
      assertThatThrownBy(() -> CallConnect.to(Recipient.group("Y2FwaV9ncm91cDo"), SDP))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("group");
      assertThatThrownBy(
              () ->
                  CallConnect.to(Recipient.waId("14085551234"), SDP)
                      .withCallbackData("x".repeat(513)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("512");
      assertThatThrownBy(() -> wa.calls().accept(CALL_ID, "")).hasMessageContaining("sdpAnswer");
      assertThatThrownBy(() -> wa.calls().preAccept("", SDP)).hasMessageContaining("callId");
      assertThatThrownBy(() -> wa.calls().terminate("wacid. x")).hasMessageContaining("callId");
      assertThatThrownBy(() -> wa.calls().reject(null)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> wa.calls().accept(CALL_ID, SDP, "y".repeat(513)))
          .hasMessageContaining("512");
      assertThatThrownBy(() -> wa.calls().permission("+1 408"))
          .isInstanceOf(InvalidMessageException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void callConnect_toStringMasksTheNumberAndLeavesOutTheSdp() {
    String s =
        CallConnect.to(Recipient.waId("14085551234"), SDP).withCallbackData("secret").toString();
    assertThat(s).doesNotContain("14085551234").doesNotContain("IN IP4").doesNotContain("secret");
  }

  @Test
  void permission_readsStatusExpiryActionsAndLimits() {
    wm.stubFor(
        get(urlEqualTo(P + "/call_permissions?user_wa_id=14085551234"))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\",\"permission\":{\"status\":\"temporary\","
                        + "\"expiration_time\":1745343479},\"actions\":["
                        + "{\"action_name\":\"send_call_permission_request\","
                        + "\"can_perform_action\":false,\"limits\":[{\"time_period\":\"PT24H\","
                        + "\"max_allowed\":1,\"current_usage\":1,"
                        + "\"limit_expiration_time\":1745622600},{\"time_period\":\"P7D\","
                        + "\"max_allowed\":2,\"current_usage\":1}]},"
                        + "{\"action_name\":\"start_call\",\"can_perform_action\":true,"
                        + "\"limits\":null}]}")));
    try (WhatsAppClient wa = client()) {
      CallPermission p = wa.calls().permission("14085551234");
      assertThat(p.status()).isEqualTo(CallPermission.Status.TEMPORARY);
      assertThat(p.rawStatus()).isEqualTo("temporary");
      assertThat(p.expiration()).contains(Instant.ofEpochSecond(1745343479));
      assertThat(p.canPerform(CallPermission.START_CALL)).isTrue();
      assertThat(p.canPerform(CallPermission.SEND_CALL_PERMISSION_REQUEST)).isFalse();
      assertThat(p.canPerform("media_update")).isFalse();
      CallPermission.Action request = p.action(CallPermission.SEND_CALL_PERMISSION_REQUEST).get();
      assertThat(request.limits()).hasSize(2);
      assertThat(request.limits().get(0).reached()).isTrue();
      assertThat(request.limits().get(0).limitExpiration())
          .contains(Instant.ofEpochSecond(1745622600));
      assertThat(request.limits().get(1))
          .isEqualTo(new CallPermission.Limit("P7D", 2, 1, Optional.empty()));
      assertThat(p.action(CallPermission.START_CALL).get().limits()).isEmpty();
    }
  }

  @Test
  void permission_ofBusinessScopedUser_andReferenceStatuses() {
    wm.stubFor(
        get(urlEqualTo(P + "/call_permissions?recipient=US.13491208655302741"))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\",\"permission\":{\"status\":\"granted\"}}")));
    wm.stubFor(
        get(urlEqualTo(P + "/call_permissions?user_wa_id=14085550000"))
            .willReturn(okJson("{\"permission\":{\"status\":\"on_hold\"}}")));
    try (WhatsAppClient wa = client()) {
      CallPermission p = wa.calls().permission(Recipient.userId("US.13491208655302741"));
      assertThat(p.status()).isEqualTo(CallPermission.Status.GRANTED);
      assertThat(p.expiration()).isEmpty();
      assertThat(p.actions()).isEmpty();
      CallPermission q = wa.calls().permission(Recipient.phone("+14085550000"));
      assertThat(q.status()).isEqualTo(CallPermission.Status.UNKNOWN);
      assertThat(q.rawStatus()).isEqualTo("on_hold");
    }
  }

  @Test
  void settings_readsEveryCallingPart_andHidesTheSipPassword() {
    wm.stubFor(
        get(urlEqualTo(P + "/settings?include_sip_credentials=true"))
            .willReturn(
                okJson(
                    "{\"calling\":{\"status\":\"ENABLED\",\"call_icon_visibility\":\"DEFAULT\","
                        + "\"call_icons\":{\"restrict_to_user_countries\":[\"US\",\"BR\"]},"
                        + "\"call_hours\":{\"status\":\"ENABLED\",\"timezone_id\":\"America/Manaus\","
                        + "\"weekly_operating_hours\":[{\"day_of_week\":\"MONDAY\","
                        + "\"open_time\":\"0400\",\"close_time\":\"1020\"},{\"day_of_week\":\"FUNDAY\","
                        + "\"open_time\":\"0400\",\"close_time\":\"1020\"}],"
                        + "\"holiday_schedule\":[{\"date\":\"2026-01-01\",\"start_time\":\"0000\","
                        + "\"end_time\":\"2359\"}]},\"callback_permission_status\":\"DISABLED\","
                        + "\"srtp_key_exchange_protocol\":\"SDES\",\"sip\":{\"status\":\"ENABLED\","
                        + "\"servers\":[{\"hostname\":\"sip.example.com\",\"port\":5062,"
                        + "\"request_uri_user_params\":{\"tgrp\":\"wa\"},"
                        + "\"sip_user_password\":\"s3cr3t-pass\"}]},"
                        + "\"restrictions\":{\"restrictions_list\":[{\"type\":"
                        + "\"RESTRICTED_BUSINESS_INITIATED_CALLING\",\"expiration\":1760000000}]}},"
                        + "\"user_identity_change\":{\"enable_identity_key_check\":true}}")));
    try (WhatsAppClient wa = client()) {
      CallingSettings s = wa.calls().settings(true);
      assertThat(s.status()).contains(CallingSettings.Status.ENABLED);
      assertThat(s.iconVisibility()).contains(CallingSettings.IconVisibility.DEFAULT);
      assertThat(s.iconCountries()).contains(List.of("US", "BR"));
      CallHours h = s.callHours().get();
      assertThat(h.timeZoneId()).contains("America/Manaus");
      assertThat(h.weeklyHours())
          .containsExactly(
              new CallHours.Range(DayOfWeek.MONDAY, LocalTime.of(4, 0), LocalTime.of(10, 20)));
      assertThat(h.holidays())
          .containsExactly(
              new CallHours.Holiday(
                  LocalDate.of(2026, 1, 1), LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
      assertThat(s.callbackPermission()).contains(CallingSettings.Status.DISABLED);
      assertThat(s.srtpKeyExchange()).contains(CallingSettings.SrtpKeyExchange.SDES);
      CallingSettings.SipServer server = s.sip().get().servers().get(0);
      assertThat(server.port()).isEqualTo(5062);
      assertThat(server.requestUriUserParams()).isEqualTo(Map.of("tgrp", "wa"));
      assertThat(server.password()).contains("s3cr3t-pass");
      assertThat(s.toString()).doesNotContain("s3cr3t-pass");
      assertThat(s.restrictions())
          .containsExactly(
              new CallingSettings.Restriction(
                  "RESTRICTED_BUSINESS_INITIATED_CALLING",
                  Optional.empty(),
                  Optional.of(Instant.ofEpochSecond(1760000000))));
    }
  }

  @Test
  void settings_withoutCalling_readsAsEmpty() {
    wm.stubFor(get(urlEqualTo(P + "/settings")).willReturn(okJson("{\"storage\":{}}")));
    try (WhatsAppClient wa = client()) {
      CallingSettings s = wa.calls().settings();
      assertThat(s.status()).isEmpty();
      assertThat(s.callHours()).isEmpty();
      assertThat(s.sip()).isEmpty();
    }
  }

  @Test
  void updateSettings_sendsOnlyWhatWasSet_andNeverAPassword() {
    wm.stubFor(post(urlEqualTo(P + "/settings")).willReturn(okJson("{\"success\":true}")));
    CallHours hours =
        CallHours.builder("America/Manaus")
            .open(DayOfWeek.MONDAY, LocalTime.of(4, 0), LocalTime.of(10, 20))
            .open(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 0))
            .open(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))
            .holiday(LocalDate.of(2026, 1, 1), LocalTime.MIDNIGHT, LocalTime.of(23, 59))
            .build();
    CallingSettings.SipServer server =
        new CallingSettings.SipServer(
            "sip.example.com", 5061, Map.of("tgrp", "wa"), Optional.of("never-sent"));
    try (WhatsAppClient wa = client()) {
      wa.calls()
          .updateSettings(
              CallingSettings.builder()
                  .status(CallingSettings.Status.ENABLED)
                  .iconVisibility(CallingSettings.IconVisibility.DISABLE_ALL)
                  .iconCountries(List.of("US", "BR"))
                  .callHours(hours)
                  .callbackPermission(CallingSettings.Status.ENABLED)
                  .srtpKeyExchange(CallingSettings.SrtpKeyExchange.DTLS)
                  .sip(new CallingSettings.Sip(CallingSettings.Status.ENABLED, List.of(server)))
                  .build());
      wa.calls()
          .updateSettings(
              CallingSettings.builder()
                  .status(CallingSettings.Status.DISABLED)
                  .callHours(CallHours.alwaysOpen())
                  .build());
    }
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/settings"))
            .withRequestBody(
                equalToJson(
                    "{\"calling\":{\"status\":\"ENABLED\",\"call_icon_visibility\":\"DISABLE_ALL\","
                        + "\"call_icons\":{\"restrict_to_user_countries\":[\"US\",\"BR\"]},"
                        + "\"call_hours\":{\"status\":\"ENABLED\",\"timezone_id\":\"America/Manaus\","
                        + "\"weekly_operating_hours\":["
                        + "{\"day_of_week\":\"MONDAY\",\"open_time\":\"0400\",\"close_time\":\"1020\"},"
                        + "{\"day_of_week\":\"MONDAY\",\"open_time\":\"1400\",\"close_time\":\"1800\"},"
                        + "{\"day_of_week\":\"TUESDAY\",\"open_time\":\"0900\",\"close_time\":\"1700\"}],"
                        + "\"holiday_schedule\":[{\"date\":\"2026-01-01\",\"start_time\":\"0000\","
                        + "\"end_time\":\"2359\"}]},\"callback_permission_status\":\"ENABLED\","
                        + "\"srtp_key_exchange_protocol\":\"DTLS\",\"sip\":{\"status\":\"ENABLED\","
                        + "\"servers\":[{\"hostname\":\"sip.example.com\",\"port\":5061,"
                        + "\"request_uri_user_params\":{\"tgrp\":\"wa\"}}]}}}")));
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/settings"))
            .withRequestBody(
                equalToJson(
                    "{\"calling\":{\"status\":\"DISABLED\",\"call_hours\":{\"status\":\"DISABLED\"}}}")));
  }

  @Test
  void callHours_documentedLimits_areCheckedWhenBuilt() {
    LocalTime nine = LocalTime.of(9, 0);
    LocalTime ten = LocalTime.of(10, 0);
    assertThatThrownBy(() -> CallHours.builder("UTC").build()).hasMessageContaining("at least one");
    assertThatThrownBy(() -> CallHours.builder(" ")).hasMessageContaining("timeZoneId");
    assertThatThrownBy(
            () ->
                CallHours.builder("UTC")
                    .open(DayOfWeek.FRIDAY, LocalTime.of(1, 0), LocalTime.of(2, 0))
                    .open(DayOfWeek.FRIDAY, LocalTime.of(3, 0), LocalTime.of(4, 0))
                    .open(DayOfWeek.FRIDAY, LocalTime.of(5, 0), LocalTime.of(6, 0))
                    .build())
        .hasMessageContaining("at most 2");
    assertThatThrownBy(() -> CallHours.builder("UTC").open(DayOfWeek.FRIDAY, ten, nine).build())
        .hasMessageContaining("open before it closes");
    assertThatThrownBy(
            () ->
                CallHours.builder("UTC")
                    .open(DayOfWeek.FRIDAY, nine, LocalTime.of(12, 0))
                    .open(DayOfWeek.FRIDAY, ten, LocalTime.of(13, 0))
                    .build())
        .hasMessageContaining("overlap");
    assertThatThrownBy(
            () -> CallHours.builder("UTC").open(DayOfWeek.FRIDAY, nine, LocalTime.of(10, 0, 30)))
        .hasMessageContaining("minute");
    CallHours.Builder many = CallHours.builder("UTC").open(DayOfWeek.MONDAY, nine, ten);
    for (int i = 1; i <= 21; i++) {
      many.holiday(LocalDate.of(2026, 1, i), nine, ten);
    }
    assertThatThrownBy(many::build).hasMessageContaining("at most 20 holidays");
    assertThatThrownBy(
            () ->
                CallHours.builder("UTC")
                    .open(DayOfWeek.MONDAY, nine, ten)
                    .holiday(LocalDate.of(2026, 1, 1), ten, nine)
                    .build())
        .hasMessageContaining("start before it ends");
    assertThat(
            CallHours.builder("UTC")
                .open(DayOfWeek.FRIDAY, nine, ten)
                .open(DayOfWeek.FRIDAY, ten, LocalTime.of(11, 0))
                .build()
                .weeklyHours())
        .hasSize(2);
  }

  @Test
  void callingSettings_builder_rejectsUnknownAndEmpty() {
    assertThatThrownBy(() -> CallingSettings.builder().build())
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> CallingSettings.builder().status(CallingSettings.Status.UNKNOWN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallingSettings.builder().iconCountries(List.of("usa")))
        .hasMessageContaining("alpha-2");
    assertThatThrownBy(
            () ->
                CallingSettings.builder()
                    .sip(new CallingSettings.Sip(CallingSettings.Status.ENABLED, List.of())))
        .hasMessageContaining("SIP server");
    assertThatThrownBy(() -> new CallingSettings.SipServer("h", 0, Map.of(), Optional.empty()))
        .hasMessageContaining("port");
  }
}
