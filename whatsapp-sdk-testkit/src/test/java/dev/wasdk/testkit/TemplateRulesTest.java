package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.message.TemplateCategory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Template existence, status and parameters: 132001, 132000, 132012, 132015, 132016. */
class TemplateRulesTest {
  private static final String USER = "+16505551234";

  private final WhatsAppSimulator sim = WhatsAppSimulator.start();
  private final Http http = new Http(sim);

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void send_unknownTemplate_132001Http404() {
    Http.Response r = http.send(Http.template(USER, "no_such_template", "en_US"));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo(132001);
    assertThat(r.details()).contains("no_such_template").contains("en_US");
  }

  @Test
  void send_knownNameOtherLanguage_132001() {
    assertThat(http.send(Http.template(USER, "hello_world", "pt_BR")).errorCode())
        .isEqualTo(132001);
  }

  @Test
  void send_wrongBodyParameterCount_132000() {
    sim.registerTemplate("order_update", "en_US", TemplateCategory.UTILITY, 2);

    Http.Response r = http.send(Http.template(USER, "order_update", "en_US", "Ana"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo(132000);
    assertThat(r.details()).contains("(1)").contains("(2)");
  }

  @Test
  void send_rightBodyParameterCount_accepted() {
    sim.registerTemplate("order_update", "en_US", TemplateCategory.UTILITY, 2);

    assertThat(http.send(Http.template(USER, "order_update", "en_US", "Ana", "42")).status())
        .isEqualTo(200);
  }

  @Test
  void send_missingMediaHeader_132000() {
    sim.registerTemplate(
        "{\"name\":\"with_image\",\"language\":\"en_US\",\"category\":\"MARKETING\","
            + "\"components\":[{\"type\":\"HEADER\",\"format\":\"IMAGE\"},"
            + "{\"type\":\"BODY\",\"text\":\"Look\"}]}");

    Http.Response r = http.send(Http.template(USER, "with_image", "en_US"));

    assertThat(r.errorCode()).isEqualTo(132000);
    assertThat(r.details()).startsWith("header:");
  }

  @Test
  void send_namedTemplate_positionalParameters_132012() {
    sim.registerTemplate(
        "{\"name\":\"named_hi\",\"language\":\"en_US\",\"category\":\"UTILITY\","
            + "\"parameter_format\":\"named\",\"components\":[{\"type\":\"BODY\","
            + "\"text\":\"Hi {{first_name}}\"}]}");

    assertThat(http.send(Http.template(USER, "named_hi", "en_US", "Ana")).errorCode())
        .isEqualTo(132012);
  }

  @Test
  void send_namedTemplate_rightAndWrongNames() {
    sim.registerTemplate(
        "{\"name\":\"named_hi\",\"language\":\"en_US\",\"category\":\"UTILITY\","
            + "\"components\":[{\"type\":\"BODY\",\"text\":\"Hi {{first_name}}\"}]}");
    String right =
        "{\"messaging_product\":\"whatsapp\",\"to\":\"16505551234\",\"type\":\"template\","
            + "\"template\":{\"name\":\"named_hi\",\"language\":{\"code\":\"en_US\"},"
            + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\","
            + "\"parameter_name\":\"first_name\",\"text\":\"Ana\"}]}]}}";

    assertThat(http.send(right).status()).isEqualTo(200);
    assertThat(http.send(right.replace("first_name", "last_name")).errorCode()).isEqualTo(132000);
  }

  @Test
  void send_pausedTemplate_132015_disabled_132016() {
    sim.registerTemplate("promo", "en_US", TemplateCategory.MARKETING, 0);

    sim.setTemplateStatus("promo", "en_US", "PAUSED");
    assertThat(http.send(Http.template(USER, "promo", "en_US")).errorCode()).isEqualTo(132015);

    sim.setTemplateStatus("promo", "en_US", "DISABLED");
    assertThat(http.send(Http.template(USER, "promo", "en_US")).errorCode()).isEqualTo(132016);

    sim.setTemplateStatus("promo", "en_US", "PENDING");
    assertThat(http.send(Http.template(USER, "promo", "en_US")).errorCode()).isEqualTo(132001);
  }

  @Test
  void send_templatesRuleDisabled_anyTemplateAccepted() {
    sim.close();
    try (WhatsAppSimulator open =
        WhatsAppSimulator.builder().disable(PlatformRule.TEMPLATES).start()) {
      Http r = new Http(open);
      assertThat(r.send(Http.template(USER, "anything_goes", "en_US", "x")).status())
          .isEqualTo(200);
    }
  }

  @Test
  void send_authenticationTemplateWithoutBodyText_needsOneParameter() {
    sim.registerTemplate(
        "{\"name\":\"otp\",\"language\":\"en_US\",\"category\":\"AUTHENTICATION\","
            + "\"components\":[{\"type\":\"BODY\",\"add_security_recommendation\":true},"
            + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"OTP\",\"otp_type\":\"COPY_CODE\"}]}]}");

    assertThat(http.send(Http.template(USER, "otp", "en_US")).errorCode()).isEqualTo(132000);
    assertThat(http.send(Http.template(USER, "otp", "en_US", "123456")).status()).isEqualTo(200);
  }

  @Test
  void registerTemplate_invalidJson_illegalArgument() {
    assertThatThrownBy(() -> sim.registerTemplate("{\"name\":\"Bad Name\"}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
  }

  @Test
  void registerTemplate_duplicateNameAndLanguage_refused() {
    sim.registerTemplate("dup", "en_US", TemplateCategory.UTILITY, 0);

    assertThatThrownBy(() -> sim.registerTemplate("dup", "en_US", TemplateCategory.UTILITY, 0))
        .isInstanceOf(IllegalArgumentException.class);
    sim.registerTemplate("dup", "es", TemplateCategory.UTILITY, 0);
  }

  @Test
  void setTemplateStatus_unknown_illegalArgument() {
    assertThatThrownBy(() -> sim.setTemplateStatus("nope", "en_US", "PAUSED"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
