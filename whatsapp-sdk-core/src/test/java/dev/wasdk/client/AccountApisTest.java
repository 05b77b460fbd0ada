package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Phone numbers, business profile and blocked users over HTTP. */
class AccountApisTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String WABA = "102290129340398";
  static final String P = "/v24.0/" + PHONE_ID;
  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("t")).wabaId(WABA).build();
  }

  private static String fieldsQuery() {
    return "?fields=" + PhoneNumber.DEFAULT_FIELDS.replace(",", "%2C");
  }

  @Test
  void phoneNumbersGet_readsQualityTierThroughputAndStatuses() {
    wm.stubFor(
        get(urlEqualTo(P + fieldsQuery()))
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + PHONE_ID
                        + "\",\"display_phone_number\":\"+1 555-555-5555\","
                        + "\"verified_name\":\"Jaspers Market\",\"quality_rating\":\"YELLOW\","
                        + "\"whatsapp_business_manager_messaging_limit\":\"TIER_2K\","
                        + "\"messaging_limit_tier\":\"TIER_1K\",\"throughput\":{\"level\":\"HIGH\"},"
                        + "\"name_status\":\"APPROVED\",\"code_verification_status\":\"VERIFIED\","
                        + "\"platform_type\":\"CLOUD_API\",\"status\":\"CONNECTED\","
                        + "\"is_official_business_account\":false,\"new_field\":1}")));
    try (WhatsAppClient wa = client()) {
      PhoneNumber n = wa.phoneNumbers().get();
      assertThat(n.qualityRating()).isEqualTo(QualityRating.YELLOW);
      assertThat(n.messagingLimit()).contains(MessagingTier.TIER_2K);
      assertThat(n.throughputLevel()).contains("HIGH");
      assertThat(n.nameStatus()).contains("APPROVED");
      assertThat(n.codeVerificationStatus()).contains("VERIFIED");
      assertThat(n.platformType()).contains("CLOUD_API");
      assertThat(n.status()).contains("CONNECTED");
      assertThat(n.isOfficialBusinessAccount()).contains(false);
      assertThat(n.toString()).doesNotContain("555-555");
    }
  }

  @Test
  void phoneNumbersList_pagesThroughWaba() {
    String base = "/v24.0/" + WABA + "/phone_numbers" + fieldsQuery();
    wm.stubFor(
        get(urlEqualTo(base))
            .willReturn(
                okJson(
                    "{\"data\":[{\"id\":\"1\",\"quality_rating\":\"UNKNOWN\","
                        + "\"messaging_limit_tier\":\"TIER_50\"}],"
                        + "\"paging\":{\"cursors\":{\"after\":\"X\"}}}")));
    wm.stubFor(
        get(urlEqualTo(base + "&after=X"))
            .willReturn(okJson("{\"data\":[{\"id\":\"2\",\"quality_rating\":\"PURPLE\"}]}")));
    try (WhatsAppClient wa = client()) {
      List<PhoneNumber> all = wa.phoneNumbers().stream().toList();
      assertThat(all).extracting(PhoneNumber::id).containsExactly("1", "2");
      assertThat(all.get(0).messagingLimit()).contains(MessagingTier.TIER_50);
      assertThat(all.get(1).qualityRating()).isEqualTo(QualityRating.UNKNOWN);
    }
  }

  @Test
  void register_sendsPinAndRegion() {
    wm.stubFor(post(urlEqualTo(P + "/register")).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      wa.phoneNumbers().register("123456", Optional.of("AE"));
    }
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/register"))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"pin\":\"123456\","
                        + "\"data_localization_region\":\"AE\"}")));
  }

  @Test
  void register_badPin_failsBeforeRequest() {
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.phoneNumbers().register("12345"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("6 digits");
      assertThatThrownBy(() -> wa.phoneNumbers().register("12345a"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void deregisterCodesAndSettings_postExactBodies() {
    for (String edge : List.of("deregister", "request_code", "verify_code", "settings")) {
      wm.stubFor(post(urlEqualTo(P + "/" + edge)).willReturn(okJson("{\"success\":true}")));
    }
    try (WhatsAppClient wa = client()) {
      wa.phoneNumbers().deregister();
      wa.phoneNumbers().requestCode(CodeMethod.VOICE, "es_ES");
      wa.phoneNumbers().verifyCode("123456");
      wa.phoneNumbers().identityKeyCheck(true);
    }
    wm.verify(postRequestedFor(urlEqualTo(P + "/deregister")).withRequestBody(equalToJson("{}")));
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/request_code"))
            .withRequestBody(equalToJson("{\"code_method\":\"VOICE\",\"language\":\"es_ES\"}")));
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/verify_code"))
            .withRequestBody(equalToJson("{\"code\":\"123456\"}")));
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/settings"))
            .withRequestBody(
                equalToJson("{\"user_identity_change\":{\"enable_identity_key_check\":true}}")));
  }

  @Test
  void businessProfile_getReadsNestedProfile() {
    wm.stubFor(
        get(urlEqualTo(
                P
                    + "/whatsapp_business_profile?fields="
                    + BusinessProfileApi.FIELDS.replace(",", "%2C")))
            .willReturn(
                okJson(
                    "{\"data\":[{\"about\":\"Hi\",\"websites\":[\"https://a.example\"],"
                        + "\"vertical\":\"\",\"messaging_product\":\"whatsapp\"}]}")));
    try (WhatsAppClient wa = client()) {
      BusinessProfile p = wa.businessProfile().get();
      assertThat(p.about()).contains("Hi");
      assertThat(p.websites()).containsExactly("https://a.example");
      assertThat(p.vertical()).isEqualTo(BusinessVertical.NOT_SET);
    }
  }

  @Test
  void businessProfile_updatePostsOnlySetFields() {
    wm.stubFor(
        post(urlEqualTo(P + "/whatsapp_business_profile"))
            .willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      wa.businessProfile()
          .update(
              BusinessProfileUpdate.builder()
                  .about("Open 9 to 5")
                  .websites("https://a.example", "http://b.example")
                  .vertical(BusinessVertical.GROCERY)
                  .build());
    }
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/whatsapp_business_profile"))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"about\":\"Open 9 to 5\","
                        + "\"websites\":[\"https://a.example\",\"http://b.example\"],"
                        + "\"vertical\":\"GROCERY\"}")));
  }

  @Test
  void businessProfileUpdate_limits_nameTheField() {
    assertThatThrownBy(() -> BusinessProfileUpdate.builder().about("").build())
        .isInstanceOfSatisfying(
            InvalidMessageException.class, e -> assertThat(e.fieldPath()).isEqualTo("about"));
    assertThatThrownBy(() -> BusinessProfileUpdate.builder().about("a".repeat(140)).build())
        .hasMessageContaining("139");
    assertThatThrownBy(() -> BusinessProfileUpdate.builder().description("d".repeat(257)).build())
        .isInstanceOfSatisfying(
            InvalidMessageException.class, e -> assertThat(e.fieldPath()).isEqualTo("description"));
    assertThatThrownBy(() -> BusinessProfileUpdate.builder().email("not-an-email").build())
        .isInstanceOfSatisfying(
            InvalidMessageException.class, e -> assertThat(e.fieldPath()).isEqualTo("email"));
    assertThatThrownBy(
            () ->
                BusinessProfileUpdate.builder()
                    .websites("https://a", "https://b", "https://c")
                    .build())
        .isInstanceOfSatisfying(
            InvalidMessageException.class, e -> assertThat(e.fieldPath()).isEqualTo("websites"));
    assertThatThrownBy(() -> BusinessProfileUpdate.builder().websites("ftp://a").build())
        .isInstanceOfSatisfying(
            InvalidMessageException.class, e -> assertThat(e.fieldPath()).isEqualTo("websites[0]"));
    assertThatThrownBy(() -> BusinessProfileUpdate.builder().address("x".repeat(257)).build())
        .isInstanceOf(InvalidMessageException.class);
    assertThat(BusinessVertical.of("SPACE_TRAVEL")).isEqualTo(BusinessVertical.UNKNOWN);
  }

  @Test
  void block_partialFailure400_returnsWhoFailedAndWhy() {
    wm.stubFor(
        post(urlEqualTo(P + "/block_users"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"messaging_product\":\"whatsapp\",\"block_users\":{\"added_users\":"
                            + "[{\"input\":\"+16505551234\",\"wa_id\":\"16505551234\"}],"
                            + "\"failed_users\":[{\"input\":\"+16505550000\",\"wa_id\":\"16505550000\","
                            + "\"errors\":[{\"message\":\"Failed to block\",\"code\":139100,"
                            + "\"error_data\":{\"details\":\"User has not messaged in 24h\"}}]}]},"
                            + "\"error\":{\"message\":\"(#139100) Failed\",\"type\":\"OAuthException\","
                            + "\"code\":139100,\"fbtrace_id\":\"T\"}}")));
    try (WhatsAppClient wa = client()) {
      BlockResult r = wa.blockedUsers().block(List.of("+16505551234", "+16505550000"));
      assertThat(r.allSucceeded()).isFalse();
      assertThat(r.added())
          .extracting(BlockResult.BlockedUser::waId)
          .containsExactly("16505551234");
      assertThat(r.failed()).hasSize(1);
      assertThat(r.failed().get(0).code()).isEqualTo(139100);
      assertThat(r.failed().get(0).details()).contains("24h");
      assertThat(r.failed().get(0).toString()).doesNotContain("16505550000");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/block_users"))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"block_users\":[{\"user\":\"+16505551234\"},"
                        + "{\"user\":\"+16505550000\"}]}")));
  }

  @Test
  void block_plain400_throwsApiException() {
    wm.stubFor(
        post(urlEqualTo(P + "/block_users"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(139101, "Block list full", "64k", "T"))));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.blockedUsers().block(List.of("+16505551234")))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().code()).isEqualTo(139101))
          .hasMessageNotContaining(TestClients.TOKEN);
    }
  }

  @Test
  void unblockAndList_useDeleteAndCursorPaging() {
    wm.stubFor(
        delete(urlEqualTo(P + "/block_users"))
            .willReturn(
                okJson(
                    "{\"block_users\":{\"added_users\":[{\"input\":\"+16505551234\","
                        + "\"wa_id\":\"16505551234\"}]}}")));
    wm.stubFor(
        get(urlEqualTo(P + "/block_users"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"block_users\":[{\"wa_id\":\"1\"},{\"wa_id\":\"2\"}]}],"
                        + "\"paging\":{\"cursors\":{\"after\":\"N\"}}}")));
    wm.stubFor(
        get(urlEqualTo(P + "/block_users?after=N"))
            .willReturn(okJson("{\"data\":[{\"wa_id\":\"3\"}]}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.blockedUsers().unblock(List.of("+16505551234")).allSucceeded()).isTrue();
      assertThat(wa.blockedUsers().stream()).containsExactly("1", "2", "3");
    }
    wm.verify(
        deleteRequestedFor(urlEqualTo(P + "/block_users"))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"block_users\":[{\"user\":\"+16505551234\"}]}")));
  }
}
