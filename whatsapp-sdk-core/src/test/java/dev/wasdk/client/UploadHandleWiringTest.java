package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.Button;
import dev.wasdk.template.Component;
import dev.wasdk.template.HeaderFormat;
import dev.wasdk.template.TemplateDefinition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handle of a resumable upload session goes, unchanged, into what takes one: a template's media
 * header, the media headers of its carousel cards, and the business profile picture. Each request
 * body is checked whole.
 */
class UploadHandleWiringTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String APP = "1234567890";
  static final String WABA = "102290129340398";
  static final String TEMPLATES = "/v24.0/" + WABA + "/message_templates";
  static final String PROFILE = "/v24.0/" + PHONE_ID + "/whatsapp_business_profile";

  @TempDir Path dir;
  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("handles")).wabaId(WABA).build();
  }

  /** Stubs one session for {@code name} whose upload answers {@code handle}; returns the file. */
  private Path uploadable(String name, String session, String handle) throws Exception {
    byte[] data = ("jpeg bytes of " + name).getBytes(StandardCharsets.UTF_8);
    Path f = dir.resolve(name);
    Files.write(f, data);
    wm.stubFor(
        post(urlEqualTo(
                "/v24.0/"
                    + APP
                    + "/uploads?file_name="
                    + name
                    + "&file_length="
                    + data.length
                    + "&file_type=image%2Fjpeg"))
            .willReturn(okJson("{\"id\":\"" + session + "\"}")));
    wm.stubFor(
        post(urlEqualTo("/v24.0/" + session))
            .withHeader("file_offset", equalTo("0"))
            .withRequestBody(binaryEqualTo(data))
            .willReturn(okJson("{\"h\":\"" + handle + "\"}")));
    return f;
  }

  @Test
  void imageHeaderTemplate_carriesTheSessionsHandleAsItsExample() throws Exception {
    Path image = uploadable("header.jpg", "upload:MTphdHRh?sig=A1", "4::aW1hZ2UvanBlZw==:h1");
    wm.stubFor(
        post(urlEqualTo(TEMPLATES))
            .willReturn(okJson("{\"id\":\"594425479261596\",\"status\":\"PENDING\"}")));
    try (WhatsAppClient wa = client()) {
      String handle = wa.media().uploadSessions().upload(APP, image, "image/jpeg");
      wa.templates()
          .create(
              TemplateDefinition.builder("spring_sale", "en_US", TemplateCategory.MARKETING)
                  .component(Component.mediaHeader(HeaderFormat.IMAGE, handle))
                  .component(Component.body("Our spring sale starts Monday."))
                  .build());
    }
    wm.verify(
        postRequestedFor(urlEqualTo(TEMPLATES))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"spring_sale\",\"language\":\"en_US\",\"category\":\"MARKETING\","
                        + "\"components\":["
                        + "{\"type\":\"HEADER\",\"format\":\"IMAGE\","
                        + "\"example\":{\"header_handle\":[\"4::aW1hZ2UvanBlZw==:h1\"]}},"
                        + "{\"type\":\"BODY\",\"text\":\"Our spring sale starts Monday.\"}]}")));
  }

  @Test
  void carouselTemplate_eachCardCarriesItsOwnHandle() throws Exception {
    Path first = uploadable("card1.jpg", "upload:Y2FyZDE?sig=B1", "4::aW1hZ2UvanBlZw==:c1");
    Path second = uploadable("card2.jpg", "upload:Y2FyZDI?sig=B2", "4::aW1hZ2UvanBlZw==:c2");
    wm.stubFor(
        post(urlEqualTo(TEMPLATES))
            .willReturn(okJson("{\"id\":\"594425479261597\",\"status\":\"PENDING\"}")));
    try (WhatsAppClient wa = client()) {
      List<Component.Card> cards =
          List.of(
              Component.Card.of(
                  Component.mediaHeader(
                      HeaderFormat.IMAGE,
                      wa.media().uploadSessions().upload(APP, first, "image/jpeg")),
                  Component.body("Rain jacket"),
                  Component.buttons(Button.quickReply("Buy now"))),
              Component.Card.of(
                  Component.mediaHeader(
                      HeaderFormat.IMAGE,
                      wa.media().uploadSessions().upload(APP, second, "image/jpeg")),
                  Component.body("Hiking boots"),
                  Component.buttons(Button.quickReply("Buy now"))));
      wa.templates()
          .create(
              TemplateDefinition.builder("gear_carousel", "en_US", TemplateCategory.MARKETING)
                  .component(Component.body("New gear for spring."))
                  .component(Component.carousel(cards))
                  .build());
    }
    wm.verify(
        postRequestedFor(urlEqualTo(TEMPLATES))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"gear_carousel\",\"language\":\"en_US\","
                        + "\"category\":\"MARKETING\",\"components\":["
                        + "{\"type\":\"BODY\",\"text\":\"New gear for spring.\"},"
                        + "{\"type\":\"CAROUSEL\",\"cards\":["
                        + card("c1", "Rain jacket")
                        + ","
                        + card("c2", "Hiking boots")
                        + "]}]}")));
  }

  private static String card(String handle, String body) {
    return "{\"components\":["
        + "{\"type\":\"HEADER\",\"format\":\"IMAGE\","
        + "\"example\":{\"header_handle\":[\"4::aW1hZ2UvanBlZw==:"
        + handle
        + "\"]}},"
        + "{\"type\":\"BODY\",\"text\":\""
        + body
        + "\"},"
        + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"QUICK_REPLY\",\"text\":\"Buy now\"}]}]}";
  }

  @Test
  void businessProfilePicture_isSetFromTheSessionsHandle() throws Exception {
    Path picture = uploadable("logo.jpg", "upload:bG9nbw?sig=C1", "4::aW1hZ2UvanBlZw==:p1");
    wm.stubFor(post(urlEqualTo(PROFILE)).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      String handle = wa.media().uploadSessions().upload(APP, picture, "image/jpeg");
      wa.businessProfile()
          .update(BusinessProfileUpdate.builder().profilePictureHandle(handle).build());
    }
    wm.verify(
        postRequestedFor(urlEqualTo(PROFILE))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\","
                        + "\"profile_picture_handle\":\"4::aW1hZ2UvanBlZw==:p1\"}")));
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(PROFILE)))).hasSize(1);
  }
}
