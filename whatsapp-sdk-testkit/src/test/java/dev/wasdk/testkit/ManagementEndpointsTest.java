package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.QualityRating;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.spec.OpenApiSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Media, templates, phone numbers, business profile and blocked users, against the spec. */
class ManagementEndpointsTest {
  private static final String USER = "+16505551234";

  private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T10:00:00Z"));
  private final WhatsAppSimulator sim = WhatsAppSimulator.builder().clock(clock).start();
  private final Http http = new Http(sim);

  @AfterEach
  void close() {
    sim.close();
  }

  private static JsonNode example(String path, String method, String name) {
    JsonNode e = OpenApiSpec.responseExamples(path, method, "200").get(name);
    assertThat(e).as("spec example %s %s %s", method, path, name).isNotNull();
    return e;
  }

  /** Returns an example of a response the spec defines once in components/responses. */
  private static JsonNode sharedExample(String response, String name) {
    JsonNode e =
        OpenApiSpec.root()
            .path("components")
            .path("responses")
            .path(response)
            .path("content")
            .path("application/json")
            .path("examples")
            .path(name)
            .path("value");
    assertThat(e.isMissingNode()).as("spec response %s %s", response, name).isFalse();
    return e;
  }

  @Nested
  class Media {
    private final byte[] jpeg = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

    private String upload() {
      Http.Response r = http.upload(jpeg, "image/jpeg", "photo.jpg", true);
      assertThat(r.status()).isEqualTo(200);
      return r.json().path("id").asString();
    }

    @Test
    void upload_idLikeSpec() {
      Http.Response r = http.upload(jpeg, "image/jpeg", "photo.jpg", true);

      assertThat(r.status()).isEqualTo(200);
      assertThat(
              Shapes.missingFrom(
                  r.json(),
                  example("/{Version}/{Phone-Number-ID}/media", "post", "Upload Image JSON")))
          .isEmpty();
      assertThat(r.json().path("id").asString()).matches("\\d{16}");
      assertThat(sim.receivedRequests().get(0).body()).startsWith("<multipart:");
    }

    @Test
    void get_urlMimeShaSizeLikeSpec() throws Exception {
      String id = upload();

      Http.Response r = http.get(Http.V + id);

      assertThat(
              Shapes.missingFrom(
                  r.json(), example("/{Version}/{Media-ID}", "get", "Retrieve Media URL")))
          .isEmpty();
      assertThat(r.json().path("id").asString()).isEqualTo(id);
      assertThat(r.json().path("mime_type").asString()).isEqualTo("image/jpeg");
      assertThat(r.json().path("file_size").asString()).isEqualTo(Integer.toString(jpeg.length));
      assertThat(r.json().path("sha256").asString())
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)));
      assertThat(r.json().path("url").asString()).startsWith(sim.baseUrl().toString());
    }

    @Test
    void download_withToken_bytesAndMime() {
      String url = http.get(Http.V + upload()).json().path("url").asString();

      Http.Response r = http.getAbsolute(url, true);

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.bytes()).isEqualTo(jpeg);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void download_withoutToken_401() {
      String url = http.get(Http.V + upload()).json().path("url").asString();

      assertThat(http.getAbsolute(url, false).status()).isEqualTo(401);
    }

    @Test
    void download_after5Minutes_404() {
      String url = http.get(Http.V + upload()).json().path("url").asString();

      clock.advance(Duration.ofMinutes(6));

      assertThat(http.getAbsolute(url, true).status()).isEqualTo(404);
    }

    @Test
    void download_tamperedUrl_404() {
      String url = http.get(Http.V + upload()).json().path("url").asString();

      assertThat(http.getAbsolute(url.replaceAll("hash=[^&]+", "hash=forged"), true).status())
          .isEqualTo(404);
    }

    @Test
    void media_after30Days_unknown() {
      String id = upload();

      clock.advance(Duration.ofDays(30));

      Http.Response r = http.get(Http.V + id);
      assertThat(r.errorCode()).isEqualTo(100);
      assertThat(r.json().path("error").path("error_subcode").asInt()).isEqualTo(33);
    }

    @Test
    void delete_successThenUnknown() {
      String id = upload();

      Http.Response r = http.delete(Http.V + id);

      assertThat(r.json()).isEqualTo(example("/{Version}/{Media-ID}", "delete", "Delete Media"));
      assertThat(http.get(Http.V + id).errorCode()).isEqualTo(100);
    }

    @Test
    void get_otherPhoneNumberId_100() {
      String id = upload();

      assertThat(http.get(Http.V + id + "?phone_number_id=123").errorCode()).isEqualTo(100);
      assertThat(http.get(Http.V + id + "?phone_number_id=" + sim.phoneNumberId()).status())
          .isEqualTo(200);
    }

    @Test
    void upload_unsupportedType_131053() {
      Http.Response r = http.upload(jpeg, "image/gif", "a.gif", true);

      assertThat(r.status()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo(131053);
      assertThat(r.details()).contains("image/gif");
    }

    @Test
    void upload_stickerTooLarge_131053() {
      Http.Response r = http.upload(new byte[600 * 1024], "image/webp", "s.webp", true);

      assertThat(r.errorCode()).isEqualTo(131053);
      assertThat(r.details()).contains("at most");
    }

    @Test
    void upload_withoutMessagingProduct_100() {
      assertThat(http.upload(jpeg, "image/jpeg", "a.jpg", false).errorCode()).isEqualTo(100);
    }

    @Test
    void upload_notMultipart_100() {
      assertThat(http.post(Http.V + sim.phoneNumberId() + "/media", "{}").errorCode())
          .isEqualTo(100);
    }
  }

  @Nested
  class Templates {
    private final String path = Http.V + sim.wabaId() + "/message_templates";

    @Test
    void list_likeSpecExample() {
      Http.Response r = http.get(path);

      assertThat(r.status()).isEqualTo(200);
      JsonNode example =
          example("/{Version}/{WABA-ID}/message_templates", "get", "Example response").deepCopy();
      // The first example template was re-categorized, so it alone has previous_category.
      ((tools.jackson.databind.node.ArrayNode) example.path("data")).remove(0);
      assertThat(Shapes.missingFrom(r.json(), example)).isEmpty();
      assertThat(r.json().path("data").path(0).path("name").asString()).isEqualTo("hello_world");
    }

    @Test
    void list_pagesWithCursors() {
      for (int i = 0; i < 4; i++) {
        sim.registerTemplate("t" + i, "en_US", TemplateCategory.UTILITY, 0);
      }

      Http.Response first = http.get(path + "?limit=2");
      String after = first.json().path("paging").path("cursors").path("after").asString();
      Http.Response second = http.get(path + "?limit=2&after=" + after);
      Http.Response third =
          http.get(
              path
                  + "?limit=2&after="
                  + second.json().path("paging").path("cursors").path("after").asString());

      assertThat(first.json().path("data")).hasSize(2);
      assertThat(first.json().path("paging").path("next").asString()).contains("after=" + after);
      assertThat(second.json().path("data").path(0).path("name").asString()).isEqualTo("t1");
      assertThat(third.json().path("data")).hasSize(1);
      assertThat(third.json().path("paging").has("next")).isFalse();
      assertThat(http.get(path + "?after=garbage").errorCode()).isEqualTo(100);
    }

    @Test
    void list_filtersByNameStatusAndCategory() {
      sim.registerTemplate("order_update", "en_US", TemplateCategory.UTILITY, 1);
      sim.registerTemplate("order_promo", "en_US", TemplateCategory.MARKETING, 0);
      sim.setTemplateStatus("order_promo", "en_US", "PAUSED");

      assertThat(http.get(path + "?name=order").json().path("data")).hasSize(2);
      assertThat(http.get(path + "?status=PAUSED").json().path("data")).hasSize(1);
      assertThat(http.get(path + "?category=UTILITY").json().path("data")).hasSize(1);
    }

    @Test
    void create_likeSpecExampleThenSendable() {
      Http.Response r =
          http.post(
              path,
              "{\"name\":\"order_shipped\",\"language\":\"en_US\",\"category\":\"UTILITY\","
                  + "\"components\":[{\"type\":\"BODY\",\"text\":\"Order {{1}} shipped\","
                  + "\"example\":{\"body_text\":[[\"42\"]]}}]}");

      assertThat(r.status()).isEqualTo(200);
      assertThat(
              Shapes.missingFrom(
                  r.json(),
                  example("/{Version}/{WABA-ID}/message_templates", "post", "Example response")))
          .isEmpty();
      assertThat(r.json().path("category").asString()).isEqualTo("UTILITY");
      assertThat(http.send(Http.template(USER, "order_shipped", "en_US", "42")).status())
          .isEqualTo(200);
    }

    @Test
    void create_invalid_100WithDetails() {
      Http.Response noBody =
          http.post(
              path,
              "{\"name\":\"x\",\"language\":\"en_US\",\"category\":\"UTILITY\","
                  + "\"components\":[{\"type\":\"FOOTER\",\"text\":\"f\"}]}");
      Http.Response badName =
          http.post(
              path,
              "{\"name\":\"Bad-Name\",\"language\":\"en_US\",\"category\":\"UTILITY\","
                  + "\"components\":[{\"type\":\"BODY\",\"text\":\"b\"}]}");
      Http.Response badCategory =
          http.post(
              path,
              "{\"name\":\"x\",\"language\":\"en_US\",\"category\":\"PROMO\","
                  + "\"components\":[{\"type\":\"BODY\",\"text\":\"b\"}]}");

      assertThat(noBody.errorCode()).isEqualTo(100);
      assertThat(noBody.details()).contains("BODY");
      assertThat(badName.details()).startsWith("name:");
      assertThat(badCategory.details()).startsWith("category:");
    }

    @Test
    void create_duplicate_100Subcode2388024() {
      Http.Response r =
          http.post(
              path,
              "{\"name\":\"hello_world\",\"language\":\"en_US\",\"category\":\"MARKETING\","
                  + "\"components\":[{\"type\":\"BODY\",\"text\":\"b\"}]}");

      assertThat(r.errorCode()).isEqualTo(100);
      assertThat(r.json().path("error").path("error_subcode").asInt()).isEqualTo(2388024);
    }

    @Test
    void getAndEditById_likeSpec() {
      String id =
          sim.registerTemplate(
              "{\"name\":\"order_update\",\"language\":\"en_US\",\"category\":\"UTILITY\","
                  + "\"components\":[{\"type\":\"HEADER\",\"format\":\"TEXT\",\"text\":\"Order\"},"
                  + "{\"type\":\"BODY\",\"text\":\"Order {{1}}\"}]}");

      Http.Response got = http.get(Http.V + id);
      Http.Response edited =
          http.post(
              Http.V + id,
              "{\"components\":[{\"type\":\"BODY\",\"text\":\"Order {{1}} is {{2}}\"}]}");

      assertThat(
              Shapes.missingFrom(
                  got.json(), example("/{Version}/{TEMPLATE_ID}", "get", "Example response")))
          .isEmpty();
      assertThat(got.json().path("id").asString()).isEqualTo(id);
      assertThat(edited.json())
          .isEqualTo(example("/{Version}/{TEMPLATE_ID}", "post", "Example response"));
      assertThat(http.send(Http.template(USER, "order_update", "en_US", "a")).errorCode())
          .isEqualTo(132000);
      assertThat(http.send(Http.template(USER, "order_update", "en_US", "a", "b")).status())
          .isEqualTo(200);
    }

    @Test
    void deleteByName_allLanguages_byHsmIdOnlyOne() {
      String en = sim.registerTemplate("promo", "en_US", TemplateCategory.MARKETING, 0);
      sim.registerTemplate("promo", "es", TemplateCategory.MARKETING, 0);
      sim.registerTemplate("other", "en_US", TemplateCategory.MARKETING, 0);
      sim.registerTemplate("other", "es", TemplateCategory.MARKETING, 0);

      Http.Response one = http.delete(path + "?name=promo&hsm_id=" + en);
      Http.Response all = http.delete(path + "?name=other");

      assertThat(one.json())
          .isEqualTo(
              example("/{Version}/{WABA-ID}/message_templates", "delete", "Example response"));
      assertThat(all.status()).isEqualTo(200);
      assertThat(http.send(Http.template(USER, "promo", "en_US")).errorCode()).isEqualTo(132001);
      assertThat(http.send(Http.template(USER, "promo", "es")).status()).isEqualTo(200);
      assertThat(http.send(Http.template(USER, "other", "es")).errorCode()).isEqualTo(132001);
      assertThat(http.delete(path + "?name=other").errorCode()).isEqualTo(100);
      assertThat(http.delete(path).errorCode()).isEqualTo(100);
    }
  }

  @Nested
  class PhoneNumbers {
    @Test
    void get_defaultFieldsLikeSpec() {
      Http.Response r = http.get(Http.V + sim.phoneNumberId());

      assertThat(
              Shapes.missingFrom(
                  r.json(), example("/{Version}/{Phone-Number-ID}", "get", "default_response")))
          .isEmpty();
      assertThat(r.json().path("display_phone_number").asString()).isEqualTo("+1 555-078-3881");
      assertThat(r.json().path("throughput").path("level").asString()).isEqualTo("STANDARD");
    }

    @Test
    void get_requestedFields_onlyThoseAndId() {
      Http.Response r =
          http.get(
              Http.V
                  + sim.phoneNumberId()
                  + "?fields=quality_rating,throughput,whatsapp_business_manager_messaging_limit");

      assertThat(r.json().propertyNames())
          .containsExactlyInAnyOrder(
              "quality_rating", "throughput", "whatsapp_business_manager_messaging_limit", "id");
      assertThat(r.json().path("whatsapp_business_manager_messaging_limit").asString())
          .isEqualTo("TIER_250");
    }

    @Test
    void get_reflectsQualityTierAndThroughputChanges() {
      sim.changeQualityRating(QualityRating.YELLOW);
      sim.changeMessagingTier(MessagingTier.TIER_100K);
      sim.upgradeThroughput();

      JsonNode r =
          http.get(
                  Http.V
                      + sim.phoneNumberId()
                      + "?fields=quality_rating,throughput,messaging_limit_tier")
              .json();

      assertThat(r.path("quality_rating").asString()).isEqualTo("YELLOW");
      assertThat(r.path("throughput").path("level").asString()).isEqualTo("HIGH");
      assertThat(r.path("messaging_limit_tier").asString()).isEqualTo("TIER_100K");
    }

    @Test
    void get_unknownField_100() {
      Http.Response r = http.get(Http.V + sim.phoneNumberId() + "?fields=nonsense");

      assertThat(r.errorCode()).isEqualTo(100);
      assertThat(r.json().path("error").path("message").asString()).contains("nonsense");
    }

    @Test
    void list_likeSpecExample_withExtraNumber() {
      try (WhatsAppSimulator two =
          WhatsAppSimulator.builder().addPhoneNumber("106540352242923", "15550783882").start()) {
        Http.Response r = new Http(two).get(Http.V + two.wabaId() + "/phone_numbers");

        JsonNode example =
            example("/{Version}/{WABA-ID}/phone_numbers", "get", "single_phone_number");
        assertThat(Shapes.missingFrom(r.json(), example)).isEmpty();
        assertThat(r.json().path("data")).hasSize(2);
        assertThat(r.json().path("data").path(1).path("id").asString())
            .isEqualTo("106540352242923");
      }
    }

    @Test
    void waba_get() {
      Http.Response r = http.get(Http.V + sim.wabaId());

      assertThat(r.json().path("id").asString()).isEqualTo(sim.wabaId());
      assertThat(r.json().path("whatsapp_business_manager_messaging_limit").asString())
          .isEqualTo("TIER_250");
    }

    @Test
    void unknownEdge_100() {
      Http.Response r = http.get(Http.V + sim.phoneNumberId() + "/nonsense");

      assertThat(r.errorCode()).isEqualTo(100);
    }

    @Test
    void tooManyPathSegments_2500() {
      assertThat(http.get(Http.V + "a/b/c").errorCode()).isEqualTo(2500);
    }
  }

  @Nested
  class BusinessProfile {
    private final String path = Http.V + sim.phoneNumberId() + "/whatsapp_business_profile";

    @Test
    void get_likeSpecExample_afterUpdate() {
      Http.Response update =
          http.post(
              path,
              "{\"messaging_product\":\"whatsapp\",\"about\":\"Fresh bread daily\","
                  + "\"address\":\"1 Main St\",\"description\":\"Bakery\","
                  + "\"email\":\"hi@example.com\",\"vertical\":\"RESTAURANT\","
                  + "\"websites\":[\"https://example.com\"],\"profile_picture_handle\":\"4:abc\"}");

      Http.Response r = http.get(path);

      assertThat(update.json())
          .isEqualTo(
              example(
                  "/{Version}/{Phone-Number-ID}/whatsapp_business_profile",
                  "post",
                  "profile_update_success"));
      assertThat(
              Shapes.missingFrom(
                  r.json(),
                  example(
                      "/{Version}/{Phone-Number-ID}/whatsapp_business_profile",
                      "get",
                      "business_profile_details")))
          .isEmpty();
      assertThat(r.json().path("data").path(0).path("business_profile").path("about").asString())
          .isEqualTo("Fresh bread daily");
    }

    @Test
    void get_fields_onlyThose() {
      JsonNode p =
          http.get(path + "?fields=about").json().path("data").path(0).path("business_profile");

      assertThat(p.propertyNames()).containsExactlyInAnyOrder("messaging_product", "about");
    }

    @Test
    void post_invalidValues_100NamingTheField() {
      assertThat(http.post(path, "{\"messaging_product\":\"whatsapp\",\"about\":\"\"}").details())
          .startsWith("about:");
      assertThat(
              http.post(
                      path, "{\"messaging_product\":\"whatsapp\",\"websites\":[\"a\",\"b\",\"c\"]}")
                  .details())
          .startsWith("websites:");
      assertThat(
              http.post(path, "{\"messaging_product\":\"whatsapp\",\"vertical\":\"SPACE\"}")
                  .details())
          .startsWith("vertical:");
      assertThat(http.post(path, "{\"about\":\"x\"}").errorCode()).isEqualTo(100);
    }
  }

  @Nested
  class BlockUsers {
    private final String path = Http.V + sim.phoneNumberId() + "/block_users";
    private final String body =
        "{\"messaging_product\":\"whatsapp\",\"block_users\":[{\"user\":\"+16505551234\"}]}";

    @Test
    void block_afterInbound_likeSpecThenListedAndUnblocked() {
      sim.userSends(USER, "spam");

      Http.Response blocked = http.post(path, body);
      Http.Response list = http.get(path);
      Http.Response unblocked = http.delete(path, body);

      assertThat(blocked.json()).isEqualTo(sharedExample("BlockUsersResponse", "Block user(s)"));
      assertThat(
              Shapes.missingFrom(
                  list.json(), sharedExample("GetBlockedUsersResponse", "Get blocked users")))
          .isEmpty();
      assertThat(unblocked.json())
          .isEqualTo(sharedExample("UnblockUsersResponse", "Unblock user(s)"));
      assertThat(http.get(path).json().path("data")).isEmpty();
    }

    @Test
    void block_userWhoNeverWrote_139100() {
      Http.Response r = http.post(path, body);

      assertThat(r.status()).isEqualTo(400);
      assertThat(r.errorCode()).isEqualTo(139100);
    }

    @Test
    void block_malformed_100() {
      assertThat(http.post(path, "{\"messaging_product\":\"whatsapp\"}").errorCode())
          .isEqualTo(100);
    }
  }
}
