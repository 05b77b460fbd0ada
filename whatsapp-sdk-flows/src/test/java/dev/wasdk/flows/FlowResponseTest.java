package dev.wasdk.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowResponseTest {

  @Test
  void nextScreen_withData_writesScreenAndData() {
    FlowResponse r =
        FlowResponse.nextScreen("CONFIRM")
            .put("date", "2026-12-24")
            .put("party", 4)
            .put("price", new BigDecimal("12.50"))
            .put("slots", List.of("09:00", "10:30"))
            .put("flags", Map.of("vip", true))
            .put("none", null)
            .build();

    assertThat(r.json())
        .isEqualTo(
            "{\"screen\":\"CONFIRM\",\"data\":{\"date\":\"2026-12-24\",\"party\":4,\"price\":12.50,"
                + "\"slots\":[\"09:00\",\"10:30\"],\"flags\":{\"vip\":true},\"none\":null}}");
    assertThat(r.httpStatus()).isEqualTo(200);
    assertThat(r.screen()).contains("CONFIRM");
    assertThat(r.closesFlow()).isFalse();
  }

  @Test
  void close_putsTokenAndParamsUnderExtensionMessageResponse() {
    FlowResponse r = FlowResponse.close("tok-1").put("booking_id", "B-1042").build();

    assertThat(r.json())
        .isEqualTo(
            "{\"screen\":\"SUCCESS\",\"data\":{\"extension_message_response\":{\"params\":"
                + "{\"flow_token\":\"tok-1\",\"booking_id\":\"B-1042\"}}}}");
    assertThat(r.closesFlow()).isTrue();
  }

  @Test
  void error_staysOnScreenWithErrorMessage() {
    assertThat(FlowResponse.error("DETAILS", "That slot is taken").json())
        .isEqualTo("{\"screen\":\"DETAILS\",\"data\":{\"error_message\":\"That slot is taken\"}}");
  }

  @Test
  void fixedAnswers_matchProtocol() {
    assertThat(FlowResponse.ping().json()).isEqualTo("{\"data\":{\"status\":\"active\"}}");
    assertThat(FlowResponse.acknowledgeError().json())
        .isEqualTo("{\"data\":{\"acknowledged\":true}}");
    FlowResponse rejected = FlowResponse.tokenRejected("Link expired");
    assertThat(rejected.json()).isEqualTo("{\"error_msg\":\"Link expired\"}");
    assertThat(rejected.httpStatus()).isEqualTo(427);
    assertThat(rejected.screen()).isEmpty();
  }

  @Test
  void put_copiesMutableValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", 1);
    FlowResponse.Builder b = FlowResponse.nextScreen("S").put("m", m);
    m.put("b", 2);
    assertThat(b.build().json()).isEqualTo("{\"screen\":\"S\",\"data\":{\"m\":{\"a\":1}}}");
  }

  @Test
  void put_nonJsonValue_namesThePath() {
    assertThatThrownBy(
            () -> FlowResponse.nextScreen("S").put("items", List.of("a", new Object())).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("data.items[1]:");
    assertThatThrownBy(() -> FlowResponse.close("t").put("x", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("params.x:");
    assertThatThrownBy(() -> FlowResponse.nextScreen("S").put("a", Arrays.asList(1, 2).toArray()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidScreensAndMessages_areRefused() {
    assertThatThrownBy(() -> FlowResponse.nextScreen("SUCCESS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("close");
    assertThatThrownBy(() -> FlowResponse.nextScreen(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlowResponse.error("S", ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlowResponse.tokenRejected(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlowResponse.close("t").errorMessage("x"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void flowDataValue_isWrittenAsObject() {
    FlowData d = FlowData.of(Map.of("k", "v"));
    assertThat(FlowResponse.nextScreen("S").put("d", d).build().json())
        .isEqualTo("{\"screen\":\"S\",\"data\":{\"d\":{\"k\":\"v\"}}}");
  }
}
