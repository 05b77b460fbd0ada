package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.Button;
import dev.wasdk.template.Component;
import dev.wasdk.template.Template;
import dev.wasdk.template.TemplateDefinition;
import dev.wasdk.template.TemplateEdit;
import dev.wasdk.template.TemplateStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TemplatesApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String WABA = "102290129340398";
  static final String BASE = "/v24.0/" + WABA + "/message_templates";

  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new dev.wasdk.internal.http.CapturingLogger("t"))
        .wabaId(WABA)
        .build();
  }

  private static String template(String id, String name) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"language\":\"en_US\",\"status\":\"APPROVED\",\"category\":\"MARKETING\","
        + "\"components\":[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, welcome\","
        + "\"example\":{\"body_text\":[[\"Mark\"]]}}],\"brand_new_field\":{\"x\":1}}";
  }

  @Test
  void list_filters_areSentAsQueryParameters() {
    wm.stubFor(
        get(urlEqualTo(
                BASE
                    + "?name=promo&status=APPROVED%2CPAUSED&category=MARKETING&language=en_US"
                    + "&fields=name%2Cstatus&limit=2"))
            .willReturn(
                okJson(
                    "{\"data\":["
                        + template("1", "promo")
                        + "],\"paging\":{\"cursors\":{\"before\":\"B\",\"after\":\"A\"}}}")));
    try (WhatsAppClient wa = client()) {
      Page<Template> page =
          wa.templates()
              .list(
                  TemplateQuery.builder()
                      .name("promo")
                      .status(TemplateStatus.APPROVED, TemplateStatus.PAUSED)
                      .category(TemplateCategory.MARKETING)
                      .language("en_US")
                      .fields("name", "status")
                      .limit(2)
                      .build());
      assertThat(page.items()).extracting(Template::name).containsExactly("promo");
      assertThat(page.before()).contains("B");
      assertThat(page.after()).contains("A");
      assertThat(page.items().get(0).status()).isEqualTo(TemplateStatus.APPROVED);
    }
  }

  @Test
  void list_noArgument_asksForEveryTemplateWithoutFilters() {
    wm.stubFor(
        get(urlEqualTo(BASE))
            .willReturn(okJson("{\"data\":[" + template("1", "promo") + "],\"paging\":{}}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.templates().list().items()).extracting(Template::name).containsExactly("promo");
      assertThat(wa.templates().stream().map(Template::name)).containsExactly("promo");
      assertThat(wa.templates().listAsync().join().items())
          .extracting(Template::name)
          .containsExactly("promo");
    }
  }

  @Test
  void stream_followsAfterCursorsLazily() {
    wm.stubFor(
        get(urlEqualTo(BASE + "?limit=2"))
            .willReturn(
                okJson(
                    "{\"data\":["
                        + template("1", "a")
                        + ","
                        + template("2", "b")
                        + "],\"paging\":{\"cursors\":{\"after\":\"C1\"}}}")));
    wm.stubFor(
        get(urlEqualTo(BASE + "?limit=2&after=C1"))
            .willReturn(
                okJson(
                    "{\"data\":["
                        + template("3", "c")
                        + "],\"paging\":{\"cursors\":{\"before\":\"C1\"}}}")));
    TemplateQuery q = TemplateQuery.builder().limit(2).build();
    try (WhatsAppClient wa = client()) {
      assertThat(wa.templates().stream(q).limit(1).map(Template::name)).containsExactly("a");
      wm.verify(0, getRequestedFor(urlEqualTo(BASE + "?limit=2&after=C1")));
      assertThat(wa.templates().stream(q).map(Template::id)).containsExactly("1", "2", "3");
      assertThat(wa.templates().iterable(q))
          .extracting(Template::name)
          .containsExactly("a", "b", "c");
    }
    wm.verify(2, getRequestedFor(urlEqualTo(BASE + "?limit=2&after=C1")));
  }

  @Test
  void get_withFields_readsTemplateTolerantly() {
    wm.stubFor(
        get(urlEqualTo("/v24.0/920070352646140?fields=status%2Cquality_score"))
            .willReturn(
                okJson(
                    "{\"id\":\"920070352646140\",\"status\":\"SOMETHING_NEW\","
                        + "\"quality_score\":{\"score\":\"GREEN\"}}")));
    try (WhatsAppClient wa = client()) {
      Template t = wa.templates().get("920070352646140", "status", "quality_score");
      assertThat(t.status()).isEqualTo(TemplateStatus.UNKNOWN);
      assertThat(t.qualityScore()).contains("GREEN");
      assertThat(t.components()).isEmpty();
    }
  }

  @Test
  void create_postsExactDefinitionAndReadsAnswer() {
    wm.stubFor(
        post(urlEqualTo(BASE))
            .willReturn(
                okJson(
                    "{\"id\":\"1689556908129832\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}")));
    TemplateDefinition d =
        TemplateDefinition.builder("order_delivery_update", "en_US", TemplateCategory.UTILITY)
            .component(Component.locationHeader())
            .component(
                Component.body("Good news {{1}}! Order {{2}} is on its way.", "Mark", "566701"))
            .component(Component.footer("Tap below to stop updates"))
            .component(Component.buttons(Button.quickReply("Stop Delivery Updates")))
            .build();
    try (WhatsAppClient wa = client()) {
      TemplateCreated c = wa.templates().create(d);
      assertThat(c.id()).isEqualTo("1689556908129832");
      assertThat(c.status()).isEqualTo(TemplateStatus.PENDING);
      assertThat(c.category()).isEqualTo(TemplateCategory.UTILITY);
    }
    wm.verify(
        postRequestedFor(urlEqualTo(BASE))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"order_delivery_update\",\"language\":\"en_US\","
                        + "\"category\":\"UTILITY\",\"components\":["
                        + "{\"type\":\"HEADER\",\"format\":\"LOCATION\"},"
                        + "{\"type\":\"BODY\",\"text\":\"Good news {{1}}! Order {{2}} is on its way.\","
                        + "\"example\":{\"body_text\":[[\"Mark\",\"566701\"]]}},"
                        + "{\"type\":\"FOOTER\",\"text\":\"Tap below to stop updates\"},"
                        + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\","
                        + "\"text\":\"Stop Delivery Updates\"}]}]}")));
  }

  @Test
  void create_rateLimited_isNotRetriedUnlessProvablyRejected() {
    wm.stubFor(
        post(urlEqualTo(BASE))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(2, "temporary", "x", "T"))));
    TemplateDefinition d =
        TemplateDefinition.builder("x", "en", TemplateCategory.UTILITY)
            .component(Component.body("Hello there"))
            .build();
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.templates().create(d))
          .isInstanceOf(dev.wasdk.error.ApiException.class);
    }
    wm.verify(1, postRequestedFor(urlEqualTo(BASE)));
  }

  @Test
  void edit_postsComponentsToTemplateId() {
    wm.stubFor(post(urlEqualTo("/v24.0/77")).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      wa.templates().edit("77", TemplateEdit.components(Component.body("Hi {{1}}, thanks", "Al")));
      wa.templates().edit("77", TemplateEdit.category(TemplateCategory.MARKETING));
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/v24.0/77"))
            .withRequestBody(
                equalToJson(
                    "{\"components\":[{\"type\":\"BODY\",\"text\":\"Hi {{1}}, thanks\","
                        + "\"example\":{\"body_text\":[[\"Al\"]]}}]}")));
    wm.verify(
        postRequestedFor(urlEqualTo("/v24.0/77"))
            .withRequestBody(equalToJson("{\"category\":\"MARKETING\"}")));
  }

  @Test
  void delete_byNameAndById_sendQueries() {
    wm.stubFor(delete(urlEqualTo(BASE + "?name=promo")).willReturn(okJson("{\"success\":true}")));
    wm.stubFor(
        delete(urlEqualTo(BASE + "?hsm_id=55&name=promo"))
            .willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      wa.templates().deleteByName("promo");
      wa.templates().delete("55", "promo");
    }
    wm.verify(1, deleteRequestedFor(urlEqualTo(BASE + "?name=promo")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(BASE + "?hsm_id=55&name=promo")));
  }

  @Test
  void unpause_postsToUnpauseEdge() {
    wm.stubFor(post(urlEqualTo("/v24.0/77/unpause")).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      wa.templates().unpause("77");
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/v24.0/77/unpause")));
  }

  @Test
  void list_withoutWabaId_failsClearlyWithoutRequest() {
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      assertThatThrownBy(() -> wa.templates().list(TemplateQuery.all()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("wabaId");
      assertThatThrownBy(() -> wa.templates().stream(TemplateQuery.all()))
          .isInstanceOf(IllegalStateException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void list_badCursor131059_surfacesTheCode() {
    wm.stubFor(
        get(urlEqualTo(BASE + "?after=stale"))
            .willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(131059, "bad cursor", "cursor", "T"))));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.templates().list(TemplateQuery.all(), Optional.of("stale")))
          .isInstanceOfSatisfying(
              dev.wasdk.error.ApiException.class,
              e -> assertThat(e.error().code()).isEqualTo(131059));
    }
    wm.verify(1, getRequestedFor(urlEqualTo(BASE + "?after=stale")));
  }
}
