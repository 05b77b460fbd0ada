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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ServerException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.TemplateStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The template library and template migration over HTTP. */
class TemplateLibraryTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String WABA = "102290129340398";
  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("library")).wabaId(WABA).build();
  }

  @Test
  void library_passesFilters_andReadsItems() {
    wm.stubFor(
        get(urlEqualTo(
                "/v24.0/message_template_library?search=delivery&topic=ORDER_MANAGEMENT"
                    + "&language=en_US&after=C1"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"name\":\"delivery_update_1\",\"language\":\"en_US\","
                        + "\"category\":\"UTILITY\",\"topic\":\"ORDER_MANAGEMENT\","
                        + "\"usecase\":\"DELIVERY_UPDATE\",\"industry\":[\"E_COMMERCE\"],"
                        + "\"header\":\"Your order\",\"body\":\"Order {{1}} is on its way\","
                        + "\"buttons\":[{\"type\":\"URL\",\"text\":\"Track\"}]}],"
                        + "\"paging\":{\"cursors\":{\"after\":\"C2\"}}}")));
    try (WhatsAppClient wa = client()) {
      Page<LibraryTemplate> page =
          wa.templates()
              .library(
                  LibraryQuery.all().language("en_US").search("delivery").topic("ORDER_MANAGEMENT"),
                  Optional.of("C1"));
      LibraryTemplate t = page.items().get(0);
      assertThat(t.name()).isEqualTo("delivery_update_1");
      assertThat(t.usecase()).contains("DELIVERY_UPDATE");
      assertThat(t.industries()).containsExactly("E_COMMERCE");
      assertThat(t.header()).contains("Your order");
      assertThat(t.body()).isEqualTo("Order {{1}} is on its way");
      assertThat(t.rawJson()).contains("\"buttons\"");
      assertThat(page.after()).contains("C2");
    }
  }

  @Test
  void createFromLibrary_sendsNameLibraryNameAndInputs() {
    wm.stubFor(
        post(urlEqualTo("/v24.0/" + WABA + "/message_templates"))
            .willReturn(
                okJson("{\"id\":\"5017\",\"status\":\"APPROVED\",\"category\":\"UTILITY\"}")));
    try (WhatsAppClient wa = client()) {
      TemplateCreated c =
          wa.templates()
              .createFromLibrary(
                  LibraryTemplateCreate.builder(
                          "my_delivery", "en_US", TemplateCategory.UTILITY, "delivery_update_1")
                      .addTrackPackageLink(true)
                      .addContactNumber(false)
                      .urlButton(
                          "https://shop.example.com/track/{{1}}",
                          "https://shop.example.com/track/A1")
                      .phoneNumberButton("+16505551234")
                      .quickReplyButton()
                      .build());
      assertThat(c.id()).isEqualTo("5017");
      assertThat(c.status()).isEqualTo(TemplateStatus.APPROVED);
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/v24.0/" + WABA + "/message_templates"))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"my_delivery\",\"language\":\"en_US\",\"category\":\"UTILITY\","
                        + "\"library_template_name\":\"delivery_update_1\","
                        + "\"library_template_body_inputs\":{\"add_track_package_link\":true,"
                        + "\"add_contact_number\":false},"
                        + "\"library_template_button_inputs\":[{\"type\":\"URL\",\"url\":{"
                        + "\"base_url\":\"https://shop.example.com/track/{{1}}\","
                        + "\"url_suffix_example\":\"https://shop.example.com/track/A1\"}},"
                        + "{\"type\":\"PHONE_NUMBER\",\"phone_number\":\"+16505551234\"},"
                        + "{\"type\":\"QUICK_REPLY\"}]}")));
  }

  @Test
  void migrateFrom_sendsSourceAndPage_andReadsOutcome() {
    wm.stubFor(
        post(urlEqualTo("/v24.0/" + WABA + "/migrate_message_templates"))
            .willReturn(
                okJson(
                    "{\"migrated_templates\":[\"1\",\"2\"],"
                        + "\"failed_templates\":{\"3\":\"Incorrect category\"}}")));
    try (WhatsAppClient wa = client()) {
      TemplateMigration m = wa.templates().migrateFrom("104996122399160", 0);
      assertThat(m.migrated()).containsExactly("1", "2");
      assertThat(m.failed()).isEqualTo(Map.of("3", "Incorrect category"));
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/v24.0/" + WABA + "/migrate_message_templates"))
            .withRequestBody(
                equalToJson("{\"source_waba_id\":\"104996122399160\",\"page_number\":0}")));
  }

  @Test
  void migrateFrom_serverError_isNotRetried() {
    wm.stubFor(
        post(urlEqualTo("/v24.0/" + WABA + "/migrate_message_templates"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(1, "Unknown error", "x", "T"))));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.templates().migrateFrom("104996122399160", 1))
          .isInstanceOf(ServerException.class);
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/v24.0/" + WABA + "/migrate_message_templates")));
  }

  @Test
  void badValues_failBeforeTheNetwork() {
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.templates().migrateFrom("abc", 0)).hasMessageContaining("digits");
      assertThatThrownBy(() -> wa.templates().migrateFrom("1", -1))
          .hasMessageContaining("pageNumber");
      assertThatThrownBy(
              () -> LibraryTemplateCreate.builder("Bad Name", "en", TemplateCategory.UTILITY, "x"))
          .hasMessageContaining("lower-case");
      assertThatThrownBy(
              () -> LibraryTemplateCreate.builder("ok", "en", TemplateCategory.UTILITY, " "))
          .hasMessageContaining("libraryTemplateName");
      assertThatThrownBy(
              () ->
                  LibraryTemplateCreate.builder("ok", "en", TemplateCategory.UTILITY, "x")
                      .codeExpirationMinutes(91))
          .hasMessageContaining("1 to 90");
      assertThatThrownBy(() -> LibraryQuery.all().topic(" ")).hasMessageContaining("topic");
      assertThat(List.of(LibraryQuery.all().usecase("A").industry("B").toString()))
          .allMatch(s -> s.contains("usecase=A") && s.contains("industry=B"));
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
