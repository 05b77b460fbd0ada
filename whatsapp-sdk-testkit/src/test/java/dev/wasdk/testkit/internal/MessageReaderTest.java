package dev.wasdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.internal.json.MessageJson;
import dev.wasdk.message.FlowMessage;
import dev.wasdk.message.LocationMessage;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TextMessage;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Reads JSON back into the typed model. The round-trip tests take every sample message of the core
 * module's tests (every kind and variant), write it with the SDK's own writer, read it back, and
 * require the same JSON and, where the JSON carries everything, the same value.
 */
class MessageReaderTest {

  /** The core test samples, reached by reflection because their classes are package-private. */
  @SuppressWarnings("unchecked")
  private static Map<String, Message> samples(String className, String method) {
    try {
      Class<?> c = Class.forName(className);
      Method m = c.getDeclaredMethod(method);
      m.setAccessible(true);
      return (Map<String, Message>) m.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("core test samples not found: " + className, e);
    }
  }

  static Stream<Arguments> messageSamples() {
    Map<String, Message> all = new LinkedHashMap<>();
    all.putAll(samples("dev.wasdk.message.MessageSamples", "inSchema"));
    all.putAll(samples("dev.wasdk.message.MessageSamples", "outsideSchema"));
    return all.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> templateSamples() {
    return samples("dev.wasdk.message.TemplateSamples", "all").entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  private static JsonNode tree(Message m) {
    return JsonIo.MAPPER.readTree(MessageJson.toBytes(m));
  }

  @Test
  void samples_coverEveryKind_manyVariants() {
    assertThat(messageSamples().count()).isGreaterThan(40);
    assertThat(templateSamples().count()).isGreaterThan(15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messageSamples")
  void read_everyMessageSample_sameMessageAndJson(String name, Message sample) {
    JsonNode json = tree(sample);

    Message read = MessageReader.read(json, MessageReader.TemplateHints.NONE);

    assertThat(tree(read)).isEqualTo(json);
    assertThat(read).isEqualTo(sample);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templateSamples")
  void read_everyTemplateSample_sameJson(String name, Message sample) {
    TemplateMessage t = (TemplateMessage) sample;
    JsonNode json = tree(t);

    Message read =
        MessageReader.read(
            json, new MessageReader.TemplateHints(t.category(), t.bodyOnlyTemplate()));

    assertThat(tree(read)).isEqualTo(json);
    assertThat(((TemplateMessage) read).category()).isEqualTo(t.category());
  }

  private static JsonNode json(String s) {
    return JsonIo.MAPPER.readTree(s);
  }

  @Test
  void read_noType_isText() {
    Message m =
        MessageReader.read(
            json("{\"to\":\"16505551234\",\"text\":{\"body\":\"hi\"}}"),
            MessageReader.TemplateHints.NONE);

    assertThat(m).isInstanceOf(TextMessage.class);
    assertThat(m.recipient()).isEqualTo(Recipient.phone("+16505551234"));
  }

  @Test
  void read_toWithFormatting_normalizedPhone() {
    Message m =
        MessageReader.read(
            json("{\"to\":\"+1 (650) 555-1234\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}"),
            MessageReader.TemplateHints.NONE);

    assertThat(m.recipient().value()).isEqualTo("+16505551234");
  }

  @Test
  void read_recipientField_userId() {
    Message m =
        MessageReader.read(
            json(
                "{\"recipient\":\"US.13491208655302741918\",\"type\":\"text\","
                    + "\"text\":{\"body\":\"hi\"}}"),
            MessageReader.TemplateHints.NONE);

    assertThat(m.recipient().kind()).isEqualTo(Recipient.Kind.USER_ID);
  }

  @Test
  void read_coordinatesAsStrings_accepted() {
    Message m =
        MessageReader.read(
            json(
                "{\"to\":\"16505551234\",\"type\":\"location\",\"location\":"
                    + "{\"latitude\":\"37.44\",\"longitude\":\"-122.16\",\"name\":\"Philz\"}}"),
            MessageReader.TemplateHints.NONE);

    LocationMessage l = (LocationMessage) m;
    assertThat(l.latitude()).isEqualTo(37.44);
    assertThat(l.name()).contains("Philz");
    assertThat(l.address()).isEmpty();
  }

  @Test
  void read_flowNavigateWithoutPayload_keepsFlowAction() {
    Message m =
        MessageReader.read(
            json(
                "{\"to\":\"16505551234\",\"type\":\"interactive\",\"interactive\":{\"type\":"
                    + "\"flow\",\"body\":{\"text\":\"Book\"},\"action\":{\"name\":\"flow\","
                    + "\"parameters\":{\"flow_message_version\":\"3\",\"flow_id\":\"123\","
                    + "\"flow_cta\":\"Book\",\"flow_action\":\"navigate\"}}}}"),
            MessageReader.TemplateHints.NONE);

    FlowMessage f = (FlowMessage) m;
    assertThat(f.flowAction()).contains(FlowMessage.FlowAction.NAVIGATE);
    assertThat(f.screen()).isEmpty();
  }

  @Test
  void read_buttonIndexAsStringAndUpperSubType_accepted() {
    Message m =
        MessageReader.read(
            json(
                "{\"to\":\"16505551234\",\"type\":\"template\",\"template\":{\"name\":\"promo\","
                    + "\"language\":{\"code\":\"en_US\"},\"components\":[{\"type\":\"button\","
                    + "\"sub_type\":\"CATALOG\",\"index\":\"0\",\"parameters\":[{\"type\":"
                    + "\"action\",\"action\":{\"thumbnail_product_retailer_id\":\"sku\"}}]}]}}"),
            new MessageReader.TemplateHints(TemplateCategory.MARKETING, false));

    assertThat(((TemplateMessage) m).category()).isEqualTo(TemplateCategory.MARKETING);
    assertThat(((TemplateMessage) m).components()).hasSize(1);
  }

  @Test
  void read_missingBody_invalidWithPathAndMissing() {
    assertThatThrownBy(
            () ->
                MessageReader.read(
                    json("{\"to\":\"16505551234\",\"type\":\"text\",\"text\":{}}"),
                    MessageReader.TemplateHints.NONE))
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> {
              assertThat(e.fieldPath()).isEqualTo("text.body");
              assertThat(e.actual()).isEqualTo("missing");
            });
  }

  @Test
  void read_fourthButton_invalidWithItsPath() {
    StringBuilder buttons = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      buttons
          .append(i == 0 ? "" : ",")
          .append("{\"type\":\"reply\",\"reply\":{\"id\":\"b")
          .append(i)
          .append("\",\"title\":\"B")
          .append(i)
          .append("\"}}");
    }
    String body =
        "{\"to\":\"16505551234\",\"type\":\"interactive\",\"interactive\":{\"type\":\"button\","
            + "\"body\":{\"text\":\"Pick\"},\"action\":{\"buttons\":["
            + buttons
            + "]}}}";

    assertThatThrownBy(() -> MessageReader.read(json(body), MessageReader.TemplateHints.NONE))
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> assertThat(e.fieldPath()).isEqualTo("interactive.action.buttons[3]"));
  }

  @Test
  void read_bothIdAndLink_invalid() {
    assertThatThrownBy(
            () ->
                MessageReader.read(
                    json(
                        "{\"to\":\"16505551234\",\"type\":\"image\",\"image\":{\"id\":\"1\","
                            + "\"link\":\"https://example.com/a.jpg\"}}"),
                    MessageReader.TemplateHints.NONE))
        .isInstanceOfSatisfying(
            InvalidMessageException.class, e -> assertThat(e.fieldPath()).isEqualTo("image.link"));
  }

  @Test
  void read_bodyOfWrongJsonType_graphError100() {
    assertThatThrownBy(
            () ->
                MessageReader.read(
                    json("{\"to\":\"16505551234\",\"type\":\"text\",\"text\":{\"body\":5}}"),
                    MessageReader.TemplateHints.NONE))
        .isInstanceOfSatisfying(
            GraphErrorException.class,
            e -> {
              assertThat(e.code()).isEqualTo(100);
              assertThat(e.httpStatus()).isEqualTo(400);
            });
  }

  @Test
  void read_unknownType_graphError100() {
    assertThatThrownBy(
            () ->
                MessageReader.read(
                    json("{\"to\":\"16505551234\",\"type\":\"poll\",\"poll\":{}}"),
                    MessageReader.TemplateHints.NONE))
        .isInstanceOfSatisfying(
            GraphErrorException.class, e -> assertThat(e.code()).isEqualTo(100));
  }

  @Test
  void read_secondBodyComponent_invalid() {
    String body =
        "{\"to\":\"16505551234\",\"type\":\"template\",\"template\":{\"name\":\"t\","
            + "\"language\":{\"code\":\"en\"},\"components\":["
            + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"a\"}]},"
            + "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"b\"}]}]}}";

    assertThatThrownBy(() -> MessageReader.read(json(body), MessageReader.TemplateHints.NONE))
        .isInstanceOfSatisfying(
            InvalidMessageException.class,
            e -> assertThat(e.fieldPath()).isEqualTo("template.components[1]"));
  }

  @Test
  void templateKey_nameAndCode_orNullWhenMissing() {
    assertThat(
            MessageReader.templateKey(
                json("{\"template\":{\"name\":\"a\",\"language\":{\"code\":\"en\"}}}")))
        .containsExactly("a", "en");
    assertThat(MessageReader.templateKey(json("{\"template\":{\"name\":\"a\"}}"))).isNull();
    assertThat(Optional.ofNullable(MessageReader.templateKey(json("{}")))).isEmpty();
  }
}
