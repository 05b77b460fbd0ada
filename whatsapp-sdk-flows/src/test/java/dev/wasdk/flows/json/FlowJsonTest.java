package dev.wasdk.flows.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.InvalidMessageException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FlowJsonTest {

  /** The booking example: pick a date, time and party size; confirm; the endpoint closes it. */
  static FlowJson booking() {
    Screen details =
        Screen.builder("DETAILS")
            .title("Book a table")
            .data("slots", ScreenData.options(List.of(Option.of("1900", "19:00"))))
            .add(Component.heading("When would you like to come?"))
            .add(
                Component.datePicker("date", "Date")
                    .required(true)
                    .between(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")))
            .add(Component.dropdown("slot", "Time").options(Ref.data("slots")).required(true))
            .add(
                Component.radioButtons("party", "Guests")
                    .options(List.of(Option.of("2", "Two"), Option.of("4", "Four")))
                    .required(true))
            .add(
                Component.checkboxGroup("extras", "Extras")
                    .options(List.of(Option.of("window", "Window seat"), Option.of("cake", "Cake")))
                    .selected(0, 2))
            .add(Component.textInput("name", "Your name").required(true).chars(1, 40))
            .add(
                Component.footer(
                    "Continue",
                    Action.dataExchange(
                        map(
                            "date", Ref.form("date"),
                            "slot", Ref.form("slot"),
                            "party", Ref.form("party"),
                            "extras", Ref.form("extras"),
                            "name", Ref.form("name")))))
            .build();
    Screen confirm =
        Screen.builder("CONFIRM")
            .title("Confirm")
            .terminal(true)
            .success(true)
            .data("summary", ScreenData.string("Table for 2 on 24 Dec at 19:00"))
            .add(Component.body("${data.summary}"))
            .add(Component.footer("Book", Action.dataExchange(Map.of("confirmed", true))))
            .build();
    return FlowJson.builder()
        .dataApiVersion("3.0")
        .route("DETAILS", "CONFIRM")
        .route("CONFIRM")
        .screen(details)
        .screen(confirm)
        .build();
  }

  /** A map that keeps insertion order, for exact JSON. */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void booking_writesExpectedFlowJson() {
    assertThat(booking().toJson())
        .isEqualTo(
            "{\"version\":\"7.3\",\"data_api_version\":\"3.0\","
                + "\"routing_model\":{\"DETAILS\":[\"CONFIRM\"],\"CONFIRM\":[]},\"screens\":["
                + "{\"id\":\"DETAILS\",\"title\":\"Book a table\",\"data\":{\"slots\":{\"type\":"
                + "\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":"
                + "\"string\"},\"title\":{\"type\":\"string\"}}},\"__example__\":[{\"id\":\"1900\","
                + "\"title\":\"19:00\"}]}},\"layout\":{\"type\":\"SingleColumnLayout\",\"children\":["
                + "{\"type\":\"TextHeading\",\"text\":\"When would you like to come?\"},"
                + "{\"type\":\"DatePicker\",\"name\":\"date\",\"label\":\"Date\",\"required\":true,"
                + "\"min-date\":\"2026-12-01\",\"max-date\":\"2026-12-31\"},"
                + "{\"type\":\"Dropdown\",\"name\":\"slot\",\"label\":\"Time\","
                + "\"data-source\":\"${data.slots}\",\"required\":true},"
                + "{\"type\":\"RadioButtonsGroup\",\"name\":\"party\",\"label\":\"Guests\","
                + "\"data-source\":[{\"id\":\"2\",\"title\":\"Two\"},{\"id\":\"4\",\"title\":"
                + "\"Four\"}],\"required\":true},"
                + "{\"type\":\"CheckboxGroup\",\"name\":\"extras\",\"label\":\"Extras\","
                + "\"data-source\":[{\"id\":\"window\",\"title\":\"Window seat\"},{\"id\":\"cake\","
                + "\"title\":\"Cake\"}],\"required\":false,\"min-selected-items\":0,"
                + "\"max-selected-items\":2},"
                + "{\"type\":\"TextInput\",\"name\":\"name\",\"label\":\"Your name\","
                + "\"required\":true,\"min-chars\":1,\"max-chars\":40},"
                + "{\"type\":\"Footer\",\"label\":\"Continue\",\"on-click-action\":{\"name\":"
                + "\"data_exchange\",\"payload\":{\"date\":\"${form.date}\",\"slot\":"
                + "\"${form.slot}\",\"party\":\"${form.party}\",\"extras\":\"${form.extras}\","
                + "\"name\":\"${form.name}\"}}}]}},"
                + "{\"id\":\"CONFIRM\",\"title\":\"Confirm\",\"terminal\":true,\"success\":true,"
                + "\"data\":{\"summary\":{\"type\":\"string\",\"__example__\":"
                + "\"Table for 2 on 24 Dec at 19:00\"}},\"layout\":{\"type\":\"SingleColumnLayout\","
                + "\"children\":[{\"type\":\"TextBody\",\"text\":\"${data.summary}\"},"
                + "{\"type\":\"Footer\",\"label\":\"Book\",\"on-click-action\":{\"name\":"
                + "\"data_exchange\",\"payload\":{\"confirmed\":true}}}]}}]}");
  }

  @Test
  void staticFlow_navigateAndComplete_needNoEndpoint() {
    FlowJson flow =
        FlowJson.builder()
            .version("6.0")
            .screen(
                Screen.builder("ASK")
                    .add(Component.textInput("email", "Email").inputType("email"))
                    .add(
                        Component.footer(
                            "Next", Action.navigate("THANKS", Map.of("email", Ref.form("email")))))
                    .build())
            .screen(
                Screen.builder("THANKS")
                    .terminal(true)
                    .data("email", ScreenData.string("a@example.com"))
                    .add(Component.caption("We will write to ${data.email}"))
                    .add(
                        Component.footer(
                            "Done",
                            Action.complete(Map.of("email", Ref.screenForm("ASK", "email")))))
                    .build())
            .build();

    assertThat(flow.toJson())
        .contains(
            "\"on-click-action\":{\"name\":\"navigate\",\"next\":{\"type\":\"screen\","
                + "\"name\":\"THANKS\"},\"payload\":{\"email\":\"${form.email}\"}}")
        .contains("\"payload\":{\"email\":\"${screen.ASK.form.email}\"}")
        .doesNotContain("routing_model")
        .doesNotContain("data_api_version");
  }

  private static InvalidMessageException failure(FlowJson.Builder b) {
    try {
      b.build();
    } catch (InvalidMessageException e) {
      return e;
    }
    throw new AssertionError("built without error");
  }

  private static Screen.Builder terminal(String id) {
    return Screen.builder(id)
        .terminal(true)
        .add(Component.footer("Done", Action.complete(Map.of())));
  }

  @Test
  void build_reportsPathOfEachProblem() {
    Map<String, FlowJson.Builder> cases = new TreeMap<>();
    cases.put("version", FlowJson.builder().version("2.0").screen(terminal("A").build()));
    cases.put("screens", FlowJson.builder());
    cases.put(
        "screens[1].id",
        FlowJson.builder().screen(terminal("A").build()).screen(terminal("A").build()));
    cases.put("screens[0].id#reserved", FlowJson.builder().screen(terminal("SUCCESS").build()));
    cases.put(
        "screens#terminal",
        FlowJson.builder().screen(Screen.builder("A").add(Component.heading("no end")).build()));
    cases.put(
        "screens[0].layout.children#footer",
        FlowJson.builder()
            .screen(Screen.builder("A").terminal(true).add(Component.heading("x")).build()));
    cases.put(
        "screens[0].layout.children[1].text",
        FlowJson.builder().screen(terminal("A").add(Component.body("x".repeat(4097))).build()));
    cases.put(
        "screens[0].layout.children[0].label",
        FlowJson.builder()
            .screen(
                Screen.builder("A")
                    .terminal(true)
                    .add(Component.footer("x".repeat(36), Action.complete(Map.of())))
                    .build()));
    cases.put(
        "screens[0].layout.children[2].name",
        FlowJson.builder()
            .screen(
                terminal("A")
                    .add(Component.textInput("n", "One"))
                    .add(Component.textInput("n", "Two"))
                    .build()));
    cases.put(
        "screens[0].layout.children[1].data-source",
        FlowJson.builder().screen(terminal("A").add(Component.dropdown("d", "Pick")).build()));
    cases.put(
        "screens[0].layout.children[1]#formref",
        FlowJson.builder().screen(terminal("A").add(Component.body("Hi ${form.nobody}")).build()));
    cases.put(
        "screens[0].layout.children[1]#dataref",
        FlowJson.builder()
            .screen(
                terminal("A")
                    .add(Component.dropdown("d", "Pick").options(Ref.data("undeclared")))
                    .build()));
    cases.put(
        "screens[0].layout.children[0].on-click-action.next.name",
        FlowJson.builder()
            .screen(
                Screen.builder("A")
                    .terminal(true)
                    .add(Component.footer("Go", Action.navigate("NOWHERE", Map.of())))
                    .build()));
    cases.put(
        "data_api_version",
        FlowJson.builder()
            .screen(
                Screen.builder("A")
                    .terminal(true)
                    .add(Component.footer("Send", Action.dataExchange(Map.of())))
                    .build()));
    cases.put(
        "routing_model#entry",
        FlowJson.builder()
            .dataApiVersion("3.0")
            .route("A")
            .screen(terminal("A").build())
            .screen(terminal("B").build()));
    cases.put(
        "routing_model.A",
        FlowJson.builder().dataApiVersion("3.0").route("A", "Z").screen(terminal("A").build()));
    cases.put(
        "screens[0].layout.children[0].on-click-action.next.name#route",
        FlowJson.builder()
            .dataApiVersion("3.0")
            .route("A")
            .route("B")
            .screen(
                Screen.builder("A")
                    .add(Component.footer("Go", Action.navigate("B", Map.of())))
                    .build())
            .screen(terminal("B").build()));

    List<String> seen = new ArrayList<>();
    cases.forEach(
        (expected, builder) -> {
          String path =
              expected.contains("#") ? expected.substring(0, expected.indexOf('#')) : expected;
          assertThat(failure(builder).fieldPath()).as(expected).isEqualTo(path);
          seen.add(expected);
        });
    assertThat(seen).hasSize(cases.size());
  }

  @Test
  void build_tooManyComponentsAndDropdownOptions_areRefused() {
    Screen.Builder crowded = terminal("A");
    for (int i = 0; i < Screen.MAX_COMPONENTS; i++) {
      crowded.add(Component.heading("h" + i));
    }
    assertThat(failure(FlowJson.builder().screen(crowded.build())).limit())
        .isEqualTo("at most 50 components");

    List<Option> many = new ArrayList<>();
    for (int i = 0; i <= Component.MAX_DROPDOWN_OPTIONS; i++) {
      many.add(Option.of("o" + i, "Option " + i));
    }
    assertThat(
            failure(
                    FlowJson.builder()
                        .screen(
                            terminal("A").add(Component.dropdown("d", "D").options(many)).build()))
                .actual())
        .isEqualTo("201 options");
  }

  @Test
  void componentMisuse_isRefused() {
    assertThat(
            failure(
                    FlowJson.builder()
                        .screen(
                            terminal("A")
                                .add(
                                    Component.radioButtons("r", "R")
                                        .options(List.of(Option.of("a", "A")))
                                        .selected(1, 1))
                                .build()))
                .fieldPath())
        .isEqualTo("screens[0].layout.children[1].min-selected-items");
    assertThatThrownBy(() -> Action.complete(Map.of("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ref.form("has space")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                Screen.builder("A")
                    .data("x", ScreenData.bool(true))
                    .data("x", ScreenData.bool(false)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
