package dev.wasdk.message;

import static dev.wasdk.message.Invalid.assertInvalid;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CtaUrlMessageTest {
  private static CtaUrlMessage.Builder base() {
    return to().ctaUrl().body("See our offers").displayText("Open");
  }

  @Test
  void build_displayTextTooLong_namesDisplayText() {
    assertInvalid(
        () -> base().displayText("d".repeat(21)).url("https://example.com").build(),
        "interactive.action.parameters.display_text",
        "21 characters");
  }

  @Test
  void build_noUrl_namesUrl() {
    assertInvalid(() -> base().build(), "interactive.action.parameters.url", "missing");
  }

  @Test
  void url_notHttp_namesUrl() {
    assertInvalid(
        () -> base().url("mailto:someone@example.com"),
        "interactive.action.parameters.url",
        "scheme mailto");
  }

  @Test
  void url_relative_namesUrl() {
    assertInvalid(() -> base().url("/offers"), "interactive.action.parameters.url", "no scheme");
  }

  @Test
  void url_malformed_namesUrl() {
    assertInvalid(
        () -> base().url("https://exa mple.com"), "interactive.action.parameters.url", "not a URL");
  }

  @Test
  void build_uriWithoutHost_namesUrl() {
    assertInvalid(
        () -> base().url(URI.create("https:/offers")).build(),
        "interactive.action.parameters.url",
        "no host");
  }

  @Test
  void build_noBody_namesBody() {
    assertInvalid(
        () -> to().ctaUrl().displayText("Open").url("https://example.com").build(),
        "interactive.body.text",
        "missing");
  }

  @Test
  void toBuilder_roundTrips() {
    CtaUrlMessage m = base().header("H").footer("F").url("https://example.com/a").build();

    assertThat(m.toBuilder().build()).isEqualTo(m);
  }
}
