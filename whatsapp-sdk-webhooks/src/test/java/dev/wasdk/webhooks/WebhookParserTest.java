package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.webhooks.event.DeliveryStatus;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.UnknownEvent;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The envelope, the error contract and the defences of {@link WebhookParser}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebhookParserTest {
  private static final WebhookParser PARSER = WebhookParser.create();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static List<WebhookEvent> parse(String s) {
    return PARSER.parse(utf8(s));
  }

  private static String messages(String messagesJson) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
        + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
        + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
        + "\"messages\":["
        + messagesJson
        + "]}}]}]}";
  }

  private static WebhookParseException failure(String body) {
    return (WebhookParseException)
        org.assertj.core.api.Assertions.catchThrowable(() -> parse(body));
  }

  @Test
  void create_returnsSharedParser() {
    assertThat(WebhookParser.create()).isSameAs(WebhookParser.create());
  }

  @Test
  void parse_null_throwsNullPointerException() {
    assertThatThrownBy(() -> PARSER.parse(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void parse_emptyBody_throwsParseException() {
    assertThatThrownBy(() -> PARSER.parse(new byte[0]))
        .isInstanceOf(WebhookParseException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> parse("   \n")).isInstanceOf(WebhookParseException.class);
  }

  @Test
  void parse_notAnObject_throwsParseException() {
    for (String body : List.of("[]", "\"entry\"", "42", "null", "true")) {
      assertThat(failure(body)).as(body).hasMessageContaining("not a JSON object");
    }
  }

  @Test
  void parse_missingEntry_throwsParseException() {
    assertThat(failure("{\"object\":\"whatsapp_business_account\"}"))
        .hasMessageContaining("no \"entry\" array");
  }

  @Test
  void parse_entryNotArray_throwsParseException() {
    assertThat(failure("{\"entry\":{\"id\":\"1\"}}")).hasMessageContaining("not an array");
    assertThat(failure("{\"entry\":null}")).hasMessageContaining("not an array");
  }

  @Test
  void parse_trailingContent_throwsParseException() {
    assertThat(failure("{\"entry\":[]} {\"entry\":[]}")).hasMessageContaining("after the JSON");
  }

  @Test
  void parse_malformedJson_throwsParseExceptionWithPositionButNoContent() {
    WebhookParseException e =
        failure("{\"entry\":[{\"id\":\"16505551234\",\"changes\":[{\"field\"");
    assertThat(e).hasMessageStartingWith("webhook body is not valid JSON");
    assertThat(e.getMessage()).doesNotContain("16505551234");
    assertThat(e.getCause()).isNull();
  }

  @Test
  void parse_unrecognizedToken_doesNotQuoteTheBody() {
    WebhookParseException e = failure("{\"entry\":[{\"id\": tru16505551234abcdef}]}");
    assertThat(e.getMessage()).doesNotContain("16505551234").contains("line 1");
  }

  @Test
  void parse_invalidUtf8_throwsParseException() {
    byte[] body = utf8("{\"entry\":[{\"id\":\"x\"}],\"o\":\"..\"}");
    body[body.length - 4] = (byte) 0xC3; // a lead byte followed by an ASCII quote
    assertThatThrownBy(() -> PARSER.parse(body)).isInstanceOf(WebhookParseException.class);
  }

  @Test
  void parse_emptyEntryArray_returnsNoEvents() {
    assertThat(parse("{\"object\":\"whatsapp_business_account\",\"entry\":[]}")).isEmpty();
  }

  @Test
  void parse_objectPropertyMissingOrOther_isTolerated() {
    assertThat(parse("{\"entry\":[],\"object\":\"something_else\",\"extra\":{\"a\":[1]}}"))
        .isEmpty();
  }

  @Test
  void parse_nonObjectEntriesAndChanges_areSkipped() {
    List<WebhookEvent> events =
        parse(
            "{\"entry\":[1,\"x\",null,[],{\"id\":\"9\",\"changes\":[2,null,\"y\",{\"field\":\"z\",\"value\":{}}]}]}");
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).isInstanceOf(UnknownEvent.class);
    assertThat(events.get(0).context().wabaId()).isEqualTo("9");
  }

  @Test
  void parse_changesNotArray_yieldsNothingForThatEntry() {
    assertThat(parse("{\"entry\":[{\"id\":\"1\",\"changes\":{\"field\":\"messages\"}}]}"))
        .isEmpty();
  }

  @Test
  void parse_changeWithoutValue_isUnknownEventWithNullJson() {
    UnknownEvent u =
        (UnknownEvent)
            parse("{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\"}]}]}").get(0);
    assertThat(u.field()).isEqualTo("messages");
    assertThat(u.rawJson()).isEqualTo("null");
  }

  @Test
  void parse_knownFieldWithScalarValue_isUnknownEvent() {
    UnknownEvent u =
        (UnknownEvent)
            parse(
                    "{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"account_update\",\"value\":\"oops\"}]}]}")
                .get(0);
    assertThat(u.field()).isEqualTo("account_update");
    assertThat(u.rawJson()).isEqualTo("\"oops\"");
  }

  @Test
  void parse_messagesChangeWithNothingKnown_isUnknownEventWithTheValue() {
    UnknownEvent u =
        (UnknownEvent)
            parse(
                    "{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"calls\":[{\"id\":\"c\"}]}}]}]}")
                .get(0);
    assertThat(u.rawJson()).isEqualTo("{\"calls\":[{\"id\":\"c\"}]}");
  }

  @Test
  void parse_wrongTypedOptionalFields_readAsAbsent() {
    TextReceived t =
        (TextReceived)
            parse(
                    messages(
                        "{\"from\":{\"a\":1},\"id\":\"wamid.X\",\"timestamp\":[1],\"type\":\"text\","
                            + "\"text\":[\"no\"],\"context\":\"reply\",\"referral\":5,\"errors\":\"none\","
                            + "\"from_user_id\":true,\"group_id\":null}"))
                .get(0);
    assertThat(t.id()).isEqualTo("wamid.X");
    assertThat(t.body()).isEmpty();
    assertThat(t.from()).isEmpty();
    assertThat(t.fromUserId()).contains("true");
    assertThat(t.groupId()).isEmpty();
    assertThat(t.timestamp()).isEqualTo(Instant.EPOCH);
    assertThat(t.messageContext()).isEmpty();
    assertThat(t.referral()).isEmpty();
    assertThat(t.errors()).isEmpty();
  }

  @Test
  void parse_numbersWhereStringsAreDocumented_readAsText() {
    TextReceived t =
        (TextReceived)
            parse(
                    messages(
                        "{\"from\":16505551234,\"id\":\"wamid.N\",\"timestamp\":1750090702,\"type\":\"text\",\"text\":{\"body\":7}}"))
                .get(0);
    assertThat(t.from()).contains("16505551234");
    assertThat(t.timestamp()).isEqualTo(Instant.ofEpochSecond(1750090702L));
    assertThat(t.body()).isEqualTo("7");
  }

  @Test
  void parse_timestampOutOfInstantRange_readsAsEpoch() {
    TextReceived t =
        (TextReceived)
            parse(
                    messages(
                        "{\"id\":\"wamid.T\",\"timestamp\":\"9223372036854775807\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}"))
                .get(0);
    assertThat(t.timestamp()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void parse_messageWithoutId_hasNoDedupeKey() {
    WebhookEvent e = parse(messages("{\"type\":\"text\",\"text\":{\"body\":\"x\"}}")).get(0);
    assertThat(e.dedupeKey()).isEmpty();
  }

  @Test
  void parse_rawJson_isTheExactOriginalTextIncludingEscapes() {
    String message =
        "{ \"id\" : \"wamid.U\", \"type\":\"text\",\n \"text\":{\"body\":\"caf\\u00e9 \\ud83d\\udc4d ü\"} }";
    TextReceived t = (TextReceived) parse(messages(message)).get(0);
    assertThat(t.rawJson()).isEqualTo(message);
    assertThat(t.body()).isEqualTo("café \uD83D\uDC4D ü");
  }

  @Test
  void parse_utf16Body_isReadAndRawJsonIsReserialized() {
    String message = "{\"id\":\"wamid.U16\",\"type\":\"text\",\"text\":{\"body\":\"héllo\"}}";
    TextReceived t =
        (TextReceived) PARSER.parse(messages(message).getBytes(StandardCharsets.UTF_16LE)).get(0);
    assertThat(t.body()).isEqualTo("héllo");
    assertThat(t.rawJson()).isEqualTo(message);
  }

  @Test
  void parse_thousandStatuses_yieldsThousandEventsInOrder() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"id\":\"wamid.")
          .append(i)
          .append(
              "\",\"status\":\"delivered\",\"timestamp\":\"1750263780\",\"recipient_id\":\"1650555")
          .append(String.format("%04d", i))
          .append("\"}");
    }
    String body =
        "{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"statuses\":["
            + b
            + "]}}]}]}";
    List<WebhookEvent> events = parse(body);
    assertThat(events).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      MessageStatusChanged s = (MessageStatusChanged) events.get(i);
      assertThat(s.messageId()).isEqualTo("wamid." + i);
      assertThat(s.status()).isEqualTo(DeliveryStatus.DELIVERED);
    }
  }

  @Test
  void parse_result_isUnmodifiable() {
    List<WebhookEvent> events = parse(messages("{\"id\":\"wamid.L\",\"type\":\"text\"}"));
    assertThatThrownBy(() -> events.add(events.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void parse_sameBodyTwice_givesEqualEvents() {
    String body =
        messages(
            "{\"id\":\"wamid.E\",\"from\":\"1\",\"timestamp\":\"2\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}");
    assertThat(parse(body)).isEqualTo(parse(body));
  }

  @Test
  void parse_bodyIsNotModified() {
    byte[] body =
        utf8(messages("{\"id\":\"wamid.M\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}"));
    byte[] copy = body.clone();
    PARSER.parse(body);
    assertThat(body).isEqualTo(copy);
  }

  @Test
  void parse_fromManyThreads_givesTheSameEvents() throws Exception {
    byte[] body =
        utf8(
            messages(
                "{\"id\":\"wamid.P\",\"from\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}"));
    List<WebhookEvent> expected = PARSER.parse(body);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<WebhookEvent>>> results = new ArrayList<>();
      Callable<List<WebhookEvent>> task = () -> PARSER.parse(body);
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(task));
      }
      for (Future<List<WebhookEvent>> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void parse_nestingDeeperThanLimit_throwsParseExceptionNamingTheLimit() {
    String deep = "[".repeat(80) + "]".repeat(80);
    WebhookParseException e =
        failure(
            "{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"x\",\"value\":{\"a\":"
                + deep
                + "}}]}]}");
    assertThat(e).hasMessageContaining("limits").hasMessageContaining("nesting depth");
  }

  @Test
  void parse_nestingWithinLimit_isAccepted() {
    String deep = "[".repeat(50) + "]".repeat(50);
    List<WebhookEvent> events =
        parse(
            "{\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"x\",\"value\":{\"a\":"
                + deep
                + "}}]}]}");
    assertThat(events).hasSize(1);
  }

  @Test
  void parse_hundredThousandOpeningBrackets_throwsParseException() {
    assertThat(failure("[".repeat(100_000))).isInstanceOf(WebhookParseException.class);
    assertThat(failure("{\"entry\":" + "[".repeat(100_000))).hasMessageContaining("nesting depth");
    assertThat(failure("{\"a\":".repeat(100_000))).hasMessageContaining("nesting depth");
  }

  @Test
  void parse_hugeNumber_throwsParseException() {
    String big = "9".repeat(5_000);
    assertThat(failure("{\"entry\":[{\"id\":" + big + "}]}")).hasMessageContaining("limits");
    assertThat(failure("{\"entry\":[],\"x\":1e" + big + "}")).hasMessageContaining("limits");
  }

  @Test
  void parse_longButAllowedNumbers_doNotBlowUp() {
    String digits = "9".repeat(200);
    TextReceived t =
        (TextReceived)
            parse(
                    messages(
                        "{\"id\":"
                            + digits
                            + ",\"timestamp\":"
                            + digits
                            + ",\"type\":\"text\",\"text\":{\"body\":1e300000}}"))
                .get(0);
    assertThat(t.id()).isEqualTo(digits);
    assertThat(t.timestamp()).isEqualTo(Instant.EPOCH);
    assertThat(t.body()).isEqualTo("Infinity");
  }

  @Test
  void parse_hugeString_overTheLimit_throwsParseException() {
    String huge = "a".repeat(8 * 1024 * 1024 + 1);
    assertThat(failure(messages("{\"type\":\"text\",\"text\":{\"body\":\"" + huge + "\"}}")))
        .hasMessageContaining("limits")
        .hasMessageContaining("String value length");
  }

  @Test
  void parse_hugeStringInAnIgnoredProperty_isSkippedWithoutReadingIt() {
    String huge = "a".repeat(8 * 1024 * 1024 + 1);
    assertThat(parse("{\"entry\":[],\"x\":\"" + huge + "\"}")).isEmpty();
  }

  @Test
  void parse_largeStringWithinLimit_isKept() {
    String large = "b".repeat(1024 * 1024);
    TextReceived t =
        (TextReceived)
            parse(
                    messages(
                        "{\"id\":\"wamid.B\",\"type\":\"text\",\"text\":{\"body\":\""
                            + large
                            + "\"}}"))
                .get(0);
    assertThat(t.body()).hasSize(1024 * 1024);
  }

  @Test
  void parse_hugePropertyName_throwsParseException() {
    String name = "n".repeat(5_000);
    assertThat(failure("{\"entry\":[],\"" + name + "\":1}")).hasMessageContaining("limits");
  }
}
