package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two-step PIN, display name and conversational automation over HTTP. */
class AccountAdminTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String P = "/v24.0/" + PHONE_ID;
  private final FakeSleeper sleeper = new FakeSleeper();
  private final CapturingLogger log = new CapturingLogger("admin");

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, log).build();
  }

  @Test
  void twoStepPin_postsThePin_andNeverLogsIt() {
    wm.stubFor(post(urlEqualTo(P)).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      wa.phoneNumbers().setTwoStepPin("482916");
    }
    wm.verify(
        1, postRequestedFor(urlEqualTo(P)).withRequestBody(equalToJson("{\"pin\":\"482916\"}")));
    assertThat(log.lines()).isNotEmpty().noneMatch(l -> l.contains("482916"));
  }

  @Test
  void twoStepPin_rejectedPin_failsWithoutEchoingIt() {
    try (WhatsAppClient wa = client()) {
      for (String bad : List.of("12345", "1234567", "12a456", " 123456")) {
        assertThatThrownBy(() -> wa.phoneNumbers().setTwoStepPin(bad))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("pin must be exactly 6 digits");
      }
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void displayName_updateAndStatus() {
    wm.stubFor(post(urlEqualTo(P)).willReturn(okJson("{\"success\":true}")));
    wm.stubFor(
        get(urlEqualTo(
                P + "?fields=verified_name%2Cname_status%2Cnew_display_name%2Cnew_name_status"))
            .willReturn(
                okJson(
                    "{\"verified_name\":\"Old Name\",\"name_status\":\"APPROVED\","
                        + "\"new_display_name\":\"Jaspers Market\","
                        + "\"new_name_status\":\"PENDING_REVIEW\",\"id\":\"1\"}")));
    try (WhatsAppClient wa = client()) {
      wa.phoneNumbers().updateDisplayName("Jaspers Market");
      DisplayName d = wa.phoneNumbers().displayName();
      assertThat(d.verifiedName()).contains("Old Name");
      assertThat(d.nameStatus()).contains("APPROVED");
      assertThat(d.newDisplayName()).contains("Jaspers Market");
      assertThat(d.newNameStatus()).contains("PENDING_REVIEW");
      assertThatThrownBy(() -> wa.phoneNumbers().updateDisplayName("J"))
          .hasMessageContaining("2 to 75");
      assertThatThrownBy(() -> wa.phoneNumbers().updateDisplayName("x".repeat(76)))
          .hasMessageContaining("2 to 75");
    }
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(P))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"new_display_name\":\"Jaspers Market\"}")));
  }

  @Test
  void conversationalAutomation_writeAndRead() {
    wm.stubFor(
        post(urlEqualTo(P + "/conversational_automation"))
            .willReturn(okJson("{\"success\":true}")));
    wm.stubFor(
        get(urlEqualTo(P + "?fields=conversational_automation"))
            .willReturn(
                okJson(
                    "{\"conversational_automation\":{\"enable_welcome_message\":false,"
                        + "\"prompts\":[\"Track my order\"],\"commands\":[{\"command_name\":\"order\","
                        + "\"command_description\":\"Show my last order\"},{\"command_name\":\"/bad name\","
                        + "\"command_description\":\"x\"}]},\"id\":\"1\"}")));
    try (WhatsAppClient wa = client()) {
      wa.phoneNumbers()
          .updateConversationalAutomation(
              new ConversationalAutomation(
                  Optional.of(true),
                  List.of("Track my order", "Talk to support"),
                  List.of(new ConversationalAutomation.Command("order", "Show my last order"))));
      wa.phoneNumbers()
          .updateConversationalAutomation(
              new ConversationalAutomation(Optional.empty(), List.of(), List.of()));
      ConversationalAutomation read = wa.phoneNumbers().conversationalAutomation();
      assertThat(read.welcomeMessage()).contains(false);
      assertThat(read.prompts()).containsExactly("Track my order");
      assertThat(read.commands())
          .containsExactly(new ConversationalAutomation.Command("order", "Show my last order"));
    }
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/conversational_automation"))
            .withRequestBody(
                equalToJson(
                    "{\"enable_welcome_message\":true,\"prompts\":[\"Track my order\","
                        + "\"Talk to support\"],\"commands\":[{\"command_name\":\"order\","
                        + "\"command_description\":\"Show my last order\"}]}")));
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/conversational_automation"))
            .withRequestBody(equalToJson("{\"prompts\":[],\"commands\":[]}")));
  }

  @Test
  void conversationalAutomation_documentedLimits() {
    List<String> five = List.of("a", "b", "c", "d", "e");
    assertThatThrownBy(() -> new ConversationalAutomation(Optional.empty(), five, List.of()))
        .hasMessageContaining("at most 4");
    assertThatThrownBy(
            () ->
                new ConversationalAutomation(Optional.empty(), List.of("x".repeat(81)), List.of()))
        .hasMessageContaining("80");
    assertThatThrownBy(
            () ->
                new ConversationalAutomation(
                    Optional.empty(), List.of("Hi \uD83D\uDE00"), List.of()))
        .hasMessageContaining("emoji");
    List<ConversationalAutomation.Command> many =
        IntStream.range(0, 31)
            .mapToObj(i -> new ConversationalAutomation.Command("c" + i, "d"))
            .toList();
    assertThatThrownBy(() -> new ConversationalAutomation(Optional.empty(), List.of(), many))
        .hasMessageContaining("at most 30");
    assertThatThrownBy(() -> new ConversationalAutomation.Command("/order", "d"))
        .hasMessageContaining("without '/'");
    assertThatThrownBy(() -> new ConversationalAutomation.Command("x".repeat(33), "d"))
        .hasMessageContaining("1 to 32");
    assertThatThrownBy(() -> new ConversationalAutomation.Command("ok", "d".repeat(257)))
        .hasMessageContaining("256");
    assertThatThrownBy(() -> new ConversationalAutomation.Command("ok", "go \u2705"))
        .hasMessageContaining("emoji");
    ConversationalAutomation.Command a = new ConversationalAutomation.Command("Order", "d");
    ConversationalAutomation.Command b = new ConversationalAutomation.Command("order", "e");
    assertThatThrownBy(
            () -> new ConversationalAutomation(Optional.empty(), List.of(), List.of(a, b)))
        .hasMessageContaining("unique");
    assertThat(
            new ConversationalAutomation(
                    Optional.empty(), List.of("x".repeat(80), "b", "c", "d"), many.subList(0, 30))
                .commands())
        .hasSize(30);
  }
}
