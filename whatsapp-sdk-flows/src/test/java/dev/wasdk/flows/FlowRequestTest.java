package dev.wasdk.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.flows.FlowDecryptionException.Reason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlowRequestTest {

  private static FlowRequest fromVector(String name) {
    FlowVectors.Vector v = FlowVectors.vector(name);
    return FlowRequest.parse(
        FlowVectors.cipher().decrypt(v.body().getBytes(StandardCharsets.UTF_8)).json());
  }

  @Test
  void parse_pingVector_isPing() {
    assertThat(fromVector("ping"))
        .isInstanceOfSatisfying(
            FlowRequest.Ping.class,
            p -> {
              assertThat(p.version()).isEqualTo("3.0");
              assertThat(p.action()).isEqualTo("ping");
              assertThat(p.screen()).isEmpty();
              assertThat(p.flowToken()).isEmpty();
            });
  }

  @Test
  void parse_initVector_isInitWithToken() {
    assertThat(fromVector("init"))
        .isInstanceOfSatisfying(
            FlowRequest.Init.class,
            i -> {
              assertThat(i.flowToken()).contains("tok-init-1");
              assertThat(i.screen()).isEmpty();
              assertThat(i.data().isEmpty()).isTrue();
            });
  }

  @Test
  void parse_dataExchangeVector_hasTypedData() {
    assertThat(fromVector("data_exchange_unicode"))
        .isInstanceOfSatisfying(
            FlowRequest.DataExchange.class,
            x -> {
              assertThat(x.version()).isEqualTo("4.0");
              assertThat(x.screen()).contains("DETAILS");
              assertThat(x.data().string("name")).contains("Zoë Ñandú");
              assertThat(x.data().longValue("party")).contains(4L);
              assertThat(x.data().string("note")).contains("🍕 and ☕");
              assertThat(x.flowToken()).contains("tok-é-2");
              assertThat(x.flowTokenSignature()).contains("aGVhZGVy.cGF5bG9hZA.c2ln");
            });
  }

  @Test
  void parse_backVector_isBack() {
    assertThat(fromVector("back"))
        .isInstanceOfSatisfying(
            FlowRequest.Back.class, b -> assertThat(b.screen()).contains("CONFIRM"));
  }

  @Test
  void parse_errorNotificationVector_isErrorNotification() {
    assertThat(fromVector("error_notification"))
        .isInstanceOfSatisfying(
            FlowRequest.ErrorNotification.class,
            e -> {
              assertThat(e.action()).isEqualTo("data_exchange");
              assertThat(e.error()).isEqualTo("invalid_screen");
              assertThat(e.errorMessage()).contains("Screen not found");
              assertThat(e.flowToken()).contains("t4");
            });
  }

  @Test
  void parse_errorKeyVariant_isErrorNotification() {
    assertThat(
            FlowRequest.parse(
                "{\"version\":\"3.0\",\"action\":\"INIT\",\"data\":{\"error_key\":\"bad\"}}"))
        .isInstanceOfSatisfying(
            FlowRequest.ErrorNotification.class,
            e -> {
              assertThat(e.error()).isEqualTo("bad");
              assertThat(e.errorMessage()).isEmpty();
              assertThat(e.screen()).isEmpty();
            });
  }

  @Test
  void parse_navigate_isNavigate() {
    assertThat(FlowRequest.parse("{\"action\":\"navigate\",\"screen\":\"X\",\"flow_token\":\"t\"}"))
        .isInstanceOfSatisfying(
            FlowRequest.Navigate.class,
            n -> {
              assertThat(n.screen()).contains("X");
              assertThat(n.version()).isEmpty();
            });
  }

  @Test
  void parse_unknownAction_isKeptNotRefused() {
    assertThat(FlowRequest.parse("{\"action\":\"teleport\",\"screen\":\"A\",\"data\":{\"k\":1}}"))
        .isInstanceOfSatisfying(
            FlowRequest.Unknown.class,
            u -> {
              assertThat(u.action()).isEqualTo("teleport");
              assertThat(u.data().longValue("k")).contains(1L);
            });
  }

  @Test
  void parse_emptyScreenAndNullData_areEmpty() {
    FlowRequest r =
        FlowRequest.parse("{\"action\":\"BACK\",\"screen\":\"\",\"data\":null,\"flow_token\":1}");
    assertThat(r.screen()).isEmpty();
    assertThat(r.data().isEmpty()).isTrue();
    assertThat(r.flowToken()).isEmpty();
  }

  @Test
  void parse_actionCaseInsensitive() {
    assertThat(FlowRequest.parse("{\"action\":\"init\"}")).isInstanceOf(FlowRequest.Init.class);
    assertThat(FlowRequest.parse("{\"action\":\"DATA_EXCHANGE\"}"))
        .isInstanceOf(FlowRequest.DataExchange.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "{", "{\"action\":1}", "{}", "{\"action\":\"ping\"} x", "nul"})
  void parse_notAnObjectWithAction_isMalformedPlaintext(String json) {
    assertThatThrownBy(() -> FlowRequest.parse(json))
        .isInstanceOfSatisfying(
            FlowDecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PLAINTEXT));
  }

  @Test
  void toString_showsNoDataOrToken() {
    FlowRequest r = fromVector("data_exchange_unicode");
    assertThat(r.toString()).isEqualTo("DataExchange[screen=DETAILS]");
    assertThat(r.data().toString()).doesNotContain("Zoë");
  }

  @Test
  void data_typedAccessors_areTolerant() {
    FlowData d =
        FlowRequest.parse(
                "{\"action\":\"data_exchange\",\"data\":{\"n\":\"42\",\"f\":1.50,\"b\":\"true\","
                    + "\"list\":[\"a\",1,\"b\",null],\"obj\":{\"x\":\"y\",\"z\":null},\"gone\":null,"
                    + "\"big\":123456789012345678901234567890}}")
            .data();
    assertThat(d.longValue("n")).contains(42L);
    assertThat(d.decimal("f")).contains(new BigDecimal("1.50"));
    assertThat(d.decimal("n")).contains(new BigDecimal("42"));
    assertThat(d.bool("b")).contains(true);
    assertThat(d.stringList("list")).containsExactly("a", "b");
    assertThat(d.object("obj").flatMap(o -> o.string("x"))).contains("y");
    assertThat(d.object("obj").orElseThrow().has("z")).isFalse();
    assertThat(d.has("gone")).isFalse();
    assertThat(d.string("n")).contains("42");
    assertThat(d.string("f")).isEmpty();
    assertThat(d.longValue("list")).isEmpty();
    assertThat(d.longValue("big")).isEmpty();
    assertThat(d.decimal("big")).contains(new BigDecimal("123456789012345678901234567890"));
    assertThat(d.stringList("missing")).isEqualTo(List.of());
    assertThat(d.get("missing")).isEqualTo(Optional.empty());
    assertThat(d.object("obj").orElseThrow().toJson()).isEqualTo("{\"x\":\"y\"}");
  }
}
