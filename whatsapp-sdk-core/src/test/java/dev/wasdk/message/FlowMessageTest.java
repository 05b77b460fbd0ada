package dev.wasdk.message;

import static dev.wasdk.message.Invalid.assertInvalid;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlowMessageTest {
  private static final String PAYLOAD = "interactive.action.parameters.flow_action_payload";

  private static FlowMessage.Builder base() {
    return to().flow().body("Book").flowCta("Start");
  }

  @Test
  void build_neitherIdNorName_namesFlowId() {
    var e = assertInvalid(() -> base().build(), "interactive.action.parameters.flow_id", "neither");
    assertThat(e.limit()).isEqualTo("exactly one of flow_id and flow_name");
  }

  @Test
  void build_bothIdAndName_namesFlowName() {
    assertInvalid(
        () -> base().flowId("1").flowName("n").build(),
        "interactive.action.parameters.flow_name",
        "both");
  }

  @Test
  void build_ctaTooLong_namesFlowCta() {
    assertInvalid(
        () -> base().flowId("1").flowCta("c".repeat(31)).build(),
        "interactive.action.parameters.flow_cta",
        "31 characters");
  }

  @Test
  void build_noCta_namesFlowCta() {
    assertInvalid(
        () -> to().flow().body("b").flowId("1").build(),
        "interactive.action.parameters.flow_cta",
        "missing");
  }

  @Test
  void build_blankToken_namesFlowToken() {
    assertInvalid(
        () -> base().flowId("1").flowToken(" ").build(),
        "interactive.action.parameters.flow_token",
        "blank");
  }

  @Test
  void build_unsupportedDataValue_namesItsPath() {
    Map<String, Object> data = Map.of("when", new Object());

    assertInvalid(
        () -> base().flowId("1").navigate("S", data).build(), PAYLOAD + ".data.when", "Object");
  }

  @Test
  void build_nullNestedDataValue_namesItsPath() {
    Map<String, Object> inner = new HashMap<>();
    inner.put("k", null);

    assertInvalid(
        () -> base().flowId("1").navigate("S", Map.of("list", List.of(inner))).build(),
        PAYLOAD + ".data.list[0].k",
        "null");
  }

  @Test
  void build_nanDataValue_isRefused() {
    assertInvalid(
        () -> base().flowId("1").navigate("S", Map.of("x", Double.NaN)).build(),
        PAYLOAD + ".data.x",
        "not finite");
  }

  @Test
  void constructor_dataWithoutScreen_namesScreen() {
    Envelope env = Envelope.of(Recipient.phone(MessageSamples.PHONE));

    assertInvalid(
        () ->
            new FlowMessage(
                env,
                Optional.empty(),
                "b",
                Optional.empty(),
                Optional.of("1"),
                Optional.empty(),
                "Go",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of("k", "v")),
        PAYLOAD + ".screen",
        "missing");
  }

  @Test
  void constructor_screenWithDataExchange_namesPayload() {
    Envelope env = Envelope.of(Recipient.phone(MessageSamples.PHONE));

    assertInvalid(
        () ->
            new FlowMessage(
                env,
                Optional.empty(),
                "b",
                Optional.empty(),
                Optional.of("1"),
                Optional.empty(),
                "Go",
                Optional.empty(),
                Optional.empty(),
                Optional.of(FlowMessage.FlowAction.DATA_EXCHANGE),
                Optional.of("S"),
                Map.of()),
        PAYLOAD,
        "present");
  }

  @Test
  void dataExchange_afterNavigate_clearsScreenAndData() {
    FlowMessage m = base().flowId("1").navigate("S", Map.of("k", "v")).dataExchange().build();

    assertThat(m.screen()).isEmpty();
    assertThat(m.data()).isEmpty();
    assertThat(m.flowAction()).contains(FlowMessage.FlowAction.DATA_EXCHANGE);
  }

  @Test
  void build_data_isAnUnmodifiableCopy() {
    Map<String, Object> data = new HashMap<>();
    data.put("k", "v");
    FlowMessage m = base().flowId("1").navigate("S", data).build();
    data.put("k2", "v2");

    assertThat(m.data()).containsOnlyKeys("k");
    assertThatThrownBy(() -> m.data().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toBuilder_roundTrips() {
    FlowMessage m =
        base()
            .header("H")
            .footer("F")
            .flowName("n")
            .mode(FlowMessage.Mode.DRAFT)
            .flowToken("t")
            .navigate("S", Map.of("k", List.of(1, 2)))
            .build();

    assertThat(m.toBuilder().build()).isEqualTo(m);
  }
}
