package dev.wasdk.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.internal.json.Json;
import dev.wasdk.internal.json.TemplateDefinitionJson;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TemplateParameter;
import org.junit.jupiter.api.Test;

class TemplateRequirementsTest {
  private static Template read(String json) {
    return TemplateDefinitionJson.read(Json.MAPPER.readTree(json));
  }

  private static final Template ORDER =
      read(
          "{\"id\":\"1\",\"name\":\"order_confirmation\",\"language\":\"en_US\","
              + "\"status\":\"APPROVED\",\"category\":\"UTILITY\",\"components\":["
              + "{\"type\":\"HEADER\",\"format\":\"DOCUMENT\",\"example\":{\"header_handle\":[\"4::x\"]}},"
              + "{\"type\":\"BODY\",\"text\":\"Thanks {{1}}! Order {{2}} is ready.\"},"
              + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"PHONE_NUMBER\",\"text\":\"Call\","
              + "\"phone_number\":\"16467043595\"},{\"type\":\"URL\",\"text\":\"Track\","
              + "\"url\":\"https://e.com/t/{{1}}\"},{\"type\":\"QUICK_REPLY\",\"text\":\"Stop\"},"
              + "{\"type\":\"NEW_KIND\",\"text\":\"?\"}]}]}");

  @Test
  void requirements_orderTemplate_namesHeaderBodyAndButtons() {
    TemplateRequirements r = ORDER.requirements();
    assertThat(r.header()).contains(HeaderFormat.DOCUMENT);
    assertThat(r.bodyVariables()).containsExactly("1", "2");
    assertThat(r.requiredButtons()).containsOnlyKeys(1).containsValue("URL");
    assertThat(r.optionalButtons()).containsOnlyKeys(2);
    assertThat(r.carousel()).isFalse();
    assertThat(ORDER.components().get(2))
        .isInstanceOfSatisfying(
            Component.Buttons.class,
            b -> assertThat(b.buttons().get(3)).isInstanceOf(Button.Unknown.class));
  }

  @Test
  void sendBuilder_rightParameters_buildsMessage() {
    TemplateMessage m =
        ORDER
            .sendBuilder(Message.to("+16505551234"))
            .header(TemplateParameter.document(MediaRef.id("123"), "receipt.pdf"))
            .bodyText("Mark", "8812")
            .urlButton(1, "8812")
            .build();
    assertThat(m.name()).isEqualTo("order_confirmation");
    assertThat(m.category()).isEqualTo(TemplateCategory.UTILITY);
  }

  @Test
  void sendBuilder_tooFewBodyParameters_failsBeforeNetwork() {
    assertThatThrownBy(
            () ->
                ORDER
                    .sendBuilder(Message.to("+16505551234"))
                    .header(TemplateParameter.document(MediaRef.id("123")))
                    .bodyText("Mark")
                    .urlButton(1, "8812")
                    .build())
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> {
              assertThat(e.fieldPath()).isEqualTo("template.components.body.parameters");
              assertThat(e.limit()).isEqualTo("2 parameters");
              assertThat(e.actual()).isEqualTo("1 parameters");
            });
  }

  @Test
  void sendBuilder_missingHeader_fails() {
    assertThatThrownBy(
            () ->
                ORDER
                    .sendBuilder(Message.to("+16505551234"))
                    .bodyText("Mark", "1")
                    .urlButton(1, "8812")
                    .build())
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> assertThat(e.fieldPath()).isEqualTo("template.components.header.parameters"));
  }

  @Test
  void sendBuilder_wrongHeaderKind_fails() {
    assertThatThrownBy(
            () ->
                ORDER
                    .sendBuilder(Message.to("+16505551234"))
                    .header(TemplateParameter.image(MediaRef.id("1")))
                    .bodyText("Mark", "1")
                    .urlButton(1, "8812")
                    .build())
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("a DOCUMENT parameter");
  }

  @Test
  void sendBuilder_missingRequiredUrlButton_fails() {
    assertThatThrownBy(
            () ->
                ORDER
                    .sendBuilder(Message.to("+16505551234"))
                    .header(TemplateParameter.document(MediaRef.id("1")))
                    .bodyText("Mark", "1")
                    .build())
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> assertThat(e.fieldPath()).isEqualTo("template.components.button[index=1]"));
  }

  @Test
  void sendBuilder_parameterForPhoneButton_fails() {
    assertThatThrownBy(
            () ->
                ORDER
                    .sendBuilder(Message.to("+16505551234"))
                    .header(TemplateParameter.document(MediaRef.id("1")))
                    .bodyText("Mark", "1")
                    .urlButton(1, "8812")
                    .quickReplyButton(0, "x")
                    .build())
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> assertThat(e.fieldPath()).isEqualTo("template.components.button[index=0]"));
  }

  @Test
  void sendBuilder_authenticationTemplate_takesCodeInBodyAndButton() {
    Template otp =
        read(
            "{\"id\":\"2\",\"name\":\"login\",\"language\":\"en\",\"category\":\"AUTHENTICATION\","
                + "\"components\":[{\"type\":\"BODY\",\"add_security_recommendation\":true},"
                + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"OTP\",\"otp_type\":\"COPY_CODE\","
                + "\"text\":\"Copy\"}]}]}");
    assertThat(otp.requirements().bodyVariables()).containsExactly("1");
    TemplateMessage m =
        otp.sendBuilder(Message.to("+16505551234")).oneTimePassword("482913").build();
    assertThat(m.components()).hasSize(2);
    assertThatThrownBy(() -> otp.sendBuilder(Message.to("+16505551234")).bodyText("1").build())
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("OTP");
  }

  @Test
  void sendBuilder_namedTemplate_checksNames() {
    Template named =
        read(
            "{\"id\":\"3\",\"name\":\"welcome\",\"language\":\"en\",\"category\":\"MARKETING\","
                + "\"parameter_format\":\"NAMED\",\"components\":[{\"type\":\"BODY\","
                + "\"text\":\"Hi {{first_name}}, welcome\"}]}");
    assertThat(
            named
                .sendBuilder(Message.to("+16505551234"))
                .bodyNamed("first_name", "Al")
                .build()
                .name())
        .isEqualTo("welcome");
    assertThatThrownBy(
            () ->
                named.sendBuilder(Message.to("+16505551234")).bodyNamed("last_name", "Al").build())
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e ->
                assertThat(e.fieldPath())
                    .isEqualTo("template.components.body.parameters[0].parameter_name"));
  }

  @Test
  void check_otherTemplateName_fails() {
    TemplateMessage other =
        Message.to("+16505551234").template("other", "en_US").bodyText("a", "b").build();
    assertThatThrownBy(() -> ORDER.check(other))
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> assertThat(e.fieldPath()).isEqualTo("template.name"));
  }

  @Test
  void toString_leavesOutJson() {
    assertThat(ORDER.toString()).contains("order_confirmation").doesNotContain("16467043595");
  }
}
