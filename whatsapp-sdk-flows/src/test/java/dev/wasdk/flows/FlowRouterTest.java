package dev.wasdk.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowRouterTest {
  private final List<String> seen = new ArrayList<>();

  private FlowRouter router() {
    return FlowRouter.builder()
        .onInit(i -> FlowResponse.nextScreen("FIRST").build())
        .onDataExchange("FIRST", x -> FlowResponse.nextScreen("SECOND").build())
        .onDataExchange(x -> FlowResponse.error(x.screen().orElse("FIRST"), "any"))
        .onBack("SECOND", b -> FlowResponse.nextScreen("SECOND").put("back", true).build())
        .onErrorNotification(e -> seen.add(e.error()))
        .build();
  }

  @Test
  void handle_routesByActionAndScreen() {
    FlowRouter r = router();
    assertThat(r.handle(FlowRequest.parse("{\"action\":\"INIT\"}")).screen()).contains("FIRST");
    assertThat(
            r.handle(FlowRequest.parse("{\"action\":\"data_exchange\",\"screen\":\"FIRST\"}"))
                .screen())
        .contains("SECOND");
    assertThat(
            r.handle(FlowRequest.parse("{\"action\":\"data_exchange\",\"screen\":\"OTHER\"}"))
                .json())
        .contains("\"error_message\":\"any\"");
    assertThat(r.handle(FlowRequest.parse("{\"action\":\"BACK\",\"screen\":\"SECOND\"}")).json())
        .contains("\"back\":true");
  }

  @Test
  void handle_pingAndErrorNotification_answeredWithoutHandlers() {
    FlowRouter r = router();
    assertThat(r.handle(FlowRequest.parse("{\"action\":\"ping\"}"))).isSameAs(FlowResponse.ping());
    assertThat(
            r.handle(
                FlowRequest.parse(
                    "{\"action\":\"data_exchange\",\"screen\":\"FIRST\",\"data\":{\"error\":\"e1\"}}")))
        .isSameAs(FlowResponse.acknowledgeError());
    assertThat(seen).containsExactly("e1");
  }

  @Test
  void handle_observerThrows_stillAcknowledges() {
    FlowRouter r =
        FlowRouter.builder()
            .onErrorNotification(
                e -> {
                  throw new IllegalStateException("observer bug");
                })
            .build();
    assertThat(r.handle(FlowRequest.parse("{\"action\":\"INIT\",\"data\":{\"error\":\"x\"}}")))
        .isSameAs(FlowResponse.acknowledgeError());
  }

  @Test
  void handle_noRoute_throwsNamingActionAndScreen() {
    FlowRouter r = router();
    assertThatThrownBy(() -> r.handle(FlowRequest.parse("{\"action\":\"BACK\",\"screen\":\"Z\"}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no Flow handler for action BACK on screen Z");
  }

  @Test
  void build_duplicateRoute_fails() {
    FlowRouter.Builder b =
        FlowRouter.builder()
            .onDataExchange("A", x -> FlowResponse.ping())
            .onDataExchange("A", x -> FlowResponse.ping());
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DataExchange on screen A has 2 handlers");
  }
}
