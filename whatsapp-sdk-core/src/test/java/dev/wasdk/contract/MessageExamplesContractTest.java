package dev.wasdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.internal.json.MessageJson;
import dev.wasdk.message.Contact;
import dev.wasdk.message.FlowMessage;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.spec.OpenApiSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Builds every non-template request example of {@code POST /{Version}/{Phone-Number-ID}/messages}
 * in Meta's OpenAPI spec with our builders, and compares the JSON we write with the example as
 * trees. Template examples are covered by {@code TemplateExamplesContractTest}.
 *
 * <p>Before comparing, each example is prepared in two documented ways, and only these:
 *
 * <ol>
 *   <li>Placeholders are replaced with valid values, the same value for the same placeholder
 *       everywhere (see {@link #substitute(String)}): our builders validate phone numbers, media
 *       links and ids, so {@code {{Recipient-Phone-Number}}}, {@code <IMAGE_OBJECT_ID>} or {@code
 *       <http(s)://image-url>} cannot be built as they stand. Placeholders that are valid free text
 *       (such as {@code <BODY_TEXT>}) are left as they are and built verbatim.
 *   <li>Three spec errata listed in {@code openapi/ERRATA.md} are corrected: a missing {@code
 *       recipient_type} becomes {@code individual}, which we always send (erratum 2); a missing
 *       top-level {@code type} is added, which we always send (erratum 8); and the multi-product
 *       example's {@code <HEADER_TYPE>} becomes {@code text}, the only header that kind takes
 *       (erratum 7). The test checks that each correction applies to exactly the examples the
 *       errata name.
 * </ol>
 */
class MessageExamplesContractTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  // Values substituted for the examples' placeholders, and used by the builders below.
  private static final String PHONE = "+16505551234";
  private static final String MEDIA_ID = "1037543291543636";
  private static final String CONTEXT_WAMID =
      "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA";
  private static final String FLOW_ID = "1234567890123456";
  private static final String FLOW_NAME = "appointment_booking";
  private static final String LINK_BASE = "https://example.com/";

  private static final Pattern LINK = Pattern.compile("<?http\\(s\\)://([^>]+)>?");
  private static final Pattern OBJECT_ID = Pattern.compile("<[A-Z_]*OBJECT_ID>");

  /** Examples we deliberately do not build, with the reason. */
  private static final Map<String, String> OUT_OF_SCOPE =
      Map.of(
          "Send Order Details Message",
          "interactive order_details (India payments): absent from the spec's Message schema"
              + " (ERRATA 6) and not a kind this SDK builds",
          "Send Order Status Message",
          "interactive order_status (India payments): absent from the spec's Message schema"
              + " (ERRATA 6) and not a kind this SDK builds",
          "Send typing indicator and read receipt",
          "a status update ({status: read, message_id, typing_indicator}), not a message: the"
              + " client's messages().markRead(wamid, typingIndicator) sends it (ERRATA 8)");

  /** Which errata each example needs corrected, by erratum number. */
  private static final Map<String, Set<Integer>> EXPECTED_ERRATA =
      Map.of(
          "Send Contact Message", Set.of(2),
          "Send Reply to Contact Message", Set.of(2),
          "Send Text Message with Preview URL", Set.of(2, 8),
          "Send Reply to List Message", Set.of(8),
          "Send Multi-Product Message", Set.of(7));

  private static final Map<String, Supplier<Message>> BUILT = built();

  private static Map<String, Supplier<Message>> built() {
    Map<String, Supplier<Message>> m = new LinkedHashMap<>();
    m.put("Send Audio Message by ID", () -> Message.to(PHONE).audio(MediaRef.id(MEDIA_ID)));
    m.put("Send Audio Message by URL", () -> Message.to(PHONE).audio(link("audio-url")));
    m.put(
        "Send Catalog Message",
        () ->
            Message.to(PHONE)
                .catalog()
                .body(
                    "Hello! Thanks for your interest. Ordering is easy. Just visit our catalog and"
                        + " add items to purchase.")
                .footer("Best grocery deals on WhatsApp!")
                .thumbnailProductRetailerId("2lc20305pt")
                .build());
    m.put("Send Contact Message", () -> Message.to(PHONE).contacts(johnSmith()));
    m.put(
        "Send Document Message by ID",
        () ->
            Message.to(PHONE)
                .document(MediaRef.id(MEDIA_ID), "<DOCUMENT_CAPTION_TO_SEND>")
                .withFilename("<DOCUMENT_FILENAME>"));
    m.put(
        "Send Document Message by URL",
        () -> Message.to(PHONE).document(link("document-url"), "<DOCUMENT-CAPTION-TEXT>"));
    m.put("Send Draft Flow by ID", () -> draftFlow().flowId(FLOW_ID).build());
    m.put("Send Draft Flow by Name", () -> draftFlow().flowName(FLOW_NAME).build());
    m.put("Send Image Message by ID", () -> Message.to(PHONE).image(MediaRef.id(MEDIA_ID)));
    m.put("Send Image Message by URL", () -> Message.to(PHONE).image(link("image-url")));
    m.put("Send List Message", () -> list(Message.to(PHONE)));
    m.put(
        "Send Location Message",
        () ->
            Message.to(PHONE)
                .location(37.758056, -122.425332, "META HQ", "1 Hacker Way, Menlo Park, CA 94025"));
    m.put(
        "Send Multi-Product Message",
        () ->
            Message.to(PHONE)
                .productList()
                .header("<YOUR_TEXT_HEADER_CONTENT>")
                .body("<YOUR_TEXT_BODY_CONTENT>")
                .footer("<YOUR_TEXT_FOOTER_CONTENT>")
                .catalogId("146265584024623")
                .section(
                    "<SECTION1_TITLE>",
                    "<YOUR_PRODUCT1_SKU_IN_CATALOG>",
                    "<YOUR_SECOND_PRODUCT1_SKU_IN_CATALOG>")
                .section(
                    "<SECTION2_TITLE>",
                    "<YOUR_PRODUCT2_SKU_IN_CATALOG>",
                    "<YOUR_SECOND_PRODUCT2_SKU_IN_CATALOG>")
                .build());
    m.put("Send Published Flow by ID", () -> publishedFlow().flowId(FLOW_ID).build());
    m.put("Send Published Flow by Name", () -> publishedFlow().flowName(FLOW_NAME).build());
    m.put(
        "Send Reply Button",
        () ->
            Message.to(PHONE)
                .buttons()
                .body("<BUTTON_TEXT>")
                .button("<UNIQUE_BUTTON_ID_1>", "<BUTTON_TITLE_1>")
                .button("<UNIQUE_BUTTON_ID_2>", "<BUTTON_TITLE_2>")
                .build());
    m.put(
        "Send Reply to Audio Message by ID",
        () -> Message.to(PHONE).replyTo(CONTEXT_WAMID).audio(MediaRef.id(MEDIA_ID)));
    m.put(
        "Send Reply to Audio Message by URL",
        () -> Message.to(PHONE).replyTo(CONTEXT_WAMID).audio(link("audio-url")));
    m.put(
        "Send Reply to Contact Message",
        () -> Message.to(PHONE).replyTo(CONTEXT_WAMID).contacts(johnSmith()));
    m.put(
        "Send Reply to Document Message by ID",
        () ->
            Message.to(PHONE)
                .replyTo(CONTEXT_WAMID)
                .document(MediaRef.id(MEDIA_ID), "<DOCUMENT_CAPTION_TO_SEND>")
                .withFilename("<DOCUMENT_FILENAME>"));
    m.put(
        "Send Reply to Document Message by URL",
        () ->
            Message.to(PHONE)
                .replyTo(CONTEXT_WAMID)
                .document(link("document-url"), "<DOCUMENT_CAPTION_TEXT>"));
    m.put(
        "Send Reply to Image Message by ID",
        () -> Message.to(PHONE).replyTo(CONTEXT_WAMID).image(MediaRef.id(MEDIA_ID)));
    m.put(
        "Send Reply to Image Message by URL",
        () -> Message.to(PHONE).replyTo(CONTEXT_WAMID).image(link("image-url")));
    m.put("Send Reply to List Message", () -> list(Message.to(PHONE).replyTo(CONTEXT_WAMID)));
    m.put(
        "Send Reply to Location Message",
        () ->
            Message.to(PHONE)
                .replyTo(CONTEXT_WAMID)
                .location(37.758056, -122.425332, "META HQ", "1 Hacker Way, Menlo Park, CA 94025"));
    m.put(
        "Send Reply to Sticker Message by ID",
        () -> Message.to(PHONE).replyTo(CONTEXT_WAMID).sticker(MediaRef.id(MEDIA_ID)));
    m.put(
        "Send Reply to Sticker Message by URL",
        () -> Message.to(PHONE).replyTo(CONTEXT_WAMID).sticker(link("sticker-url")));
    m.put(
        "Send Reply to Text Message",
        () -> Message.to(PHONE).replyTo(CONTEXT_WAMID).text("<TEXT_MSG_CONTENT>", false));
    m.put(
        "Send Reply to Video Message by ID",
        () ->
            Message.to(PHONE)
                .replyTo(CONTEXT_WAMID)
                .video(MediaRef.id(MEDIA_ID), "<VIDEO_CAPTION_TEXT>"));
    m.put(
        "Send Reply to Video Message by URL",
        () ->
            Message.to(PHONE)
                .replyTo(CONTEXT_WAMID)
                .video(link("video-url"), "<VIDEO_CAPTION_TEXT>"));
    m.put(
        "Send Reply with Reaction Message",
        () -> Message.to(PHONE).reaction("wamid.HBgLM...", "\uD83D\uDE00"));
    m.put(
        "Send Single Product Message",
        () ->
            Message.to(PHONE)
                .product()
                .catalogId("367025965434465")
                .productRetailerId("<ID_TEST_ITEM_1>")
                .body("<OPTIONAL_BODY_TEXT>")
                .footer("<OPTIONAL_FOOTER_TEXT>")
                .build());
    m.put("Send Sticker Message by ID", () -> Message.to(PHONE).sticker(MediaRef.id(MEDIA_ID)));
    m.put("Send Sticker Message by URL", () -> Message.to(PHONE).sticker(link("sticker-url")));
    m.put("Send Text Message", () -> Message.to(PHONE).text("text-message-content", false));
    m.put(
        "Send Text Message with Preview URL",
        () -> Message.to(PHONE).text("Please visit https://youtu.be/hpltvTEiRrY.", true));
    m.put(
        "Send Video Message by ID",
        () -> Message.to(PHONE).video(MediaRef.id(MEDIA_ID), "<VIDEO_CAPTION_TEXT>"));
    m.put(
        "Send Video Message by URL",
        () -> Message.to(PHONE).video(link("video-url"), "<VIDEO_CAPTION_TEXT>"));
    return m;
  }

  private static MediaRef link(String path) {
    return MediaRef.link(LINK_BASE + path);
  }

  private static Contact johnSmith() {
    return Contact.builder("John Smith")
        .firstName("John")
        .lastName("Smith")
        .middleName("D.")
        .suffix("Jr")
        .prefix("Dr")
        .address(
            Contact.Address.builder()
                .street("1 Hacker Way")
                .city("Menlo Park")
                .state("CA")
                .zip("94025")
                .country("United States")
                .countryCode("us")
                .type("HOME")
                .build())
        .address(
            Contact.Address.builder()
                .street("200 Jefferson Dr")
                .city("Menlo Park")
                .state("CA")
                .zip("94025")
                .country("United States")
                .countryCode("us")
                .type("WORK")
                .build())
        .birthday(LocalDate.of(2012, 8, 18))
        .email("test@fb.com", "WORK")
        .email("test@whatsapp.com", "HOME")
        .org(Contact.Organization.of("WhatsApp", "Design", "Manager"))
        .phone("+1 (940) 555-1234", "HOME")
        .phone("+1 (650) 555-1234", "WORK", "16505551234")
        .url("https://www.facebook.com", "WORK")
        .url("https://www.whatsapp.com", "HOME")
        .build();
  }

  private static Message list(Message.Builder to) {
    return to.list()
        .header("<HEADER_TEXT>")
        .body("<BODY_TEXT>")
        .footer("<FOOTER_TEXT>")
        .button("<BUTTON_TEXT>")
        .section(
            "<LIST_SECTION_1_TITLE>",
            ListRow.of(
                "<LIST_SECTION_1_ROW_1_ID>", "<SECTION_1_ROW_1_TITLE>", "<SECTION_1_ROW_1_DESC>"),
            ListRow.of(
                "<LIST_SECTION_1_ROW_2_ID>", "<SECTION_1_ROW_2_TITLE>", "<SECTION_1_ROW_2_DESC>"))
        .section(
            "<LIST_SECTION_2_TITLE>",
            ListRow.of(
                "<LIST_SECTION_2_ROW_1_ID>", "<SECTION_2_ROW_1_TITLE>", "<SECTION_2_ROW_1_DESC>"),
            ListRow.of(
                "<LIST_SECTION_2_ROW_2_ID>", "<SECTION_2_ROW_2_TITLE>", "<SECTION_2_ROW_2_DESC>"))
        .build();
  }

  private static FlowMessage.Builder draftFlow() {
    return Message.to(PHONE)
        .flow()
        .header("Not shown in draft mode")
        .body("Not shown in draft mode")
        .footer("Not shown in draft mode")
        .flowCta("Not shown in draft mode")
        .mode(FlowMessage.Mode.DRAFT)
        .flowToken("<FLOW_TOKEN>")
        .navigate("<SCREEN_ID>", Map.of("<CUSTOM_KEY>", "<CUSTOM_VALUE>"));
  }

  private static FlowMessage.Builder publishedFlow() {
    return Message.to(PHONE)
        .flow()
        .header("<HEADER_TEXT>")
        .body("<BODY_TEXT>")
        .footer("<FOOTER_TEXT>")
        .flowCta("Open Flow!")
        .flowToken("<FLOW_TOKEN>")
        .navigate("<SCREEN_ID>", Map.of("<CUSTOM_KEY>", "<CUSTOM_VALUE>"));
  }

  // ---- the spec side ----

  private static Map<String, JsonNode> nonTemplateExamples() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    OpenApiSpec.requestExamples(OpenApiSpec.MESSAGES_PATH, "post")
        .forEach(
            (name, example) -> {
              if (!"template".equals(example.path("type").asString(""))) {
                out.put(name, example);
              }
            });
    return out;
  }

  /** Returns a valid value for a placeholder, or the text unchanged when it is not one. */
  static String substitute(String text) {
    switch (text) {
      case "{{Recipient-Phone-Number}}":
      case "{{Recipient-WA-Phone-Number}}":
        return PHONE;
      case "{{Flow-ID}}":
        return FLOW_ID;
      case "{{Flow-Name}}":
        return FLOW_NAME;
      default:
        break;
    }
    if (OBJECT_ID.matcher(text).matches()) {
      return MEDIA_ID;
    }
    if (text.startsWith("<MSGID_OF_")) {
      return CONTEXT_WAMID;
    }
    Matcher link = LINK.matcher(text);
    if (link.matches()) {
      return LINK_BASE + link.group(1);
    }
    return text;
  }

  private static JsonNode substituteAll(JsonNode node) {
    if (node instanceof ObjectNode o) {
      ObjectNode copy = o.objectNode();
      o.properties().forEach(e -> copy.set(e.getKey(), substituteAll(e.getValue())));
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = a.arrayNode();
      a.forEach(v -> copy.add(substituteAll(v)));
      return copy;
    }
    if (node.isString()) {
      return StringNode.valueOf(substitute(node.asString()));
    }
    return node;
  }

  /** Corrects the documented errata in a prepared example; returns the errata applied. */
  private static Set<Integer> correctErrata(ObjectNode example) {
    Set<Integer> applied = new HashSet<>();
    if (!example.has("recipient_type")) {
      example.put("recipient_type", "individual"); // ERRATA 2
      applied.add(2);
    }
    if (!example.has("type")) {
      for (String kind :
          List.of(
              "text",
              "image",
              "audio",
              "video",
              "document",
              "sticker",
              "location",
              "contacts",
              "reaction",
              "interactive")) {
        if (example.has(kind)) {
          example.put("type", kind); // ERRATA 8
          applied.add(8);
        }
      }
    }
    JsonNode header = example.path("interactive").path("header");
    if (header instanceof ObjectNode h && "<HEADER_TYPE>".equals(h.path("type").asString(""))) {
      h.put("type", "text"); // ERRATA 7
      applied.add(7);
    }
    return applied;
  }

  private static ObjectNode prepared(String name) {
    ObjectNode example = (ObjectNode) substituteAll(nonTemplateExamples().get(name));
    correctErrata(example);
    return example;
  }

  static Stream<String> builtExamples() {
    return BUILT.keySet().stream();
  }

  // ---- the tests ----

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtExamples")
  void builder_specExample_writesEqualJson(String name) {
    JsonNode expected = prepared(name);
    JsonNode actual = MAPPER.readTree(MessageJson.toBytes(BUILT.get(name).get()));

    assertThat(actual).as(name).isEqualTo(expected);
  }

  @Test
  void specExamples_everyNonTemplateExample_isReproducedOrOutOfScope() {
    Set<String> examples = nonTemplateExamples().keySet();
    Set<String> reproduced = new HashSet<>(BUILT.keySet());
    reproduced.retainAll(examples);
    Set<String> outOfScope = new HashSet<>(OUT_OF_SCOPE.keySet());
    outOfScope.retainAll(examples);
    Set<String> uncovered = new HashSet<>(examples);
    uncovered.removeAll(BUILT.keySet());
    uncovered.removeAll(OUT_OF_SCOPE.keySet());

    System.out.printf(
        "messages examples: %d non-template, %d reproduced, %d out of scope%n",
        examples.size(), reproduced.size(), outOfScope.size());
    new TreeMap<>(OUT_OF_SCOPE)
        .forEach((k, v) -> System.out.printf("  out of scope: %s: %s%n", k, v));

    assertThat(uncovered).as("examples neither built nor out of scope").isEmpty();
    assertThat(BUILT.keySet()).as("built names that are not spec examples").isSubsetOf(examples);
    assertThat(OUT_OF_SCOPE.keySet()).as("stale out-of-scope names").isSubsetOf(examples);
    assertThat(BUILT.keySet()).doesNotContainAnyElementsOf(OUT_OF_SCOPE.keySet());
    assertThat(examples).hasSize(41);
    assertThat(reproduced).hasSize(38);
    assertThat(outOfScope).hasSize(3);
  }

  @Test
  void correctErrata_appliesToExactlyTheExamplesTheErrataName() {
    Map<String, Set<Integer>> applied = new TreeMap<>();
    for (String name : BUILT.keySet()) {
      Set<Integer> errata =
          correctErrata((ObjectNode) substituteAll(nonTemplateExamples().get(name)));
      if (!errata.isEmpty()) {
        applied.put(name, errata);
      }
    }

    assertThat(applied).isEqualTo(EXPECTED_ERRATA);
  }

  @Test
  void substitute_placeholders_becomeValidValuesAndFreeTextStays() {
    List<String> out = new ArrayList<>();
    for (String s :
        List.of(
            "{{Recipient-Phone-Number}}",
            "<IMAGE_OBJECT_ID>",
            "<MSGID_OF_PREV_MSG>",
            "<http(s)://audio-url>",
            "http(s)://image-url",
            "<BODY_TEXT>")) {
      out.add(substitute(s));
    }

    assertThat(out)
        .containsExactly(
            PHONE,
            MEDIA_ID,
            CONTEXT_WAMID,
            "https://example.com/audio-url",
            "https://example.com/image-url",
            "<BODY_TEXT>");
  }
}
