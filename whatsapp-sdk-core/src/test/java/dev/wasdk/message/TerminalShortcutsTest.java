package dev.wasdk.message;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.InvalidMessageException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The builder rule: {@code Message.to(...)}'s one-part content methods end the message and validate
 * it there, exactly as {@code build()} does for interactive kinds and templates.
 */
class TerminalShortcutsTest {
  private static final String USER = "+16505551234";
  private static final MediaRef MEDIA = MediaRef.id("1037543291543636");
  private static final String LONG_CAPTION = "c".repeat(Limits.CAPTION_MAX + 1);

  @Test
  void everyTerminalShortcut_invalidContent_failsAtTheCall() {
    Map<String, ThrowingCallable> calls =
        Map.ofEntries(
            Map.entry("text empty", () -> Message.to(USER).text("")),
            Map.entry(
                "text too long",
                () -> Message.to(USER).text("t".repeat(Limits.TEXT_BODY_MAX + 1), true)),
            Map.entry("image caption", () -> Message.to(USER).image(MEDIA, LONG_CAPTION)),
            Map.entry("video caption", () -> Message.to(USER).video(MEDIA, LONG_CAPTION)),
            Map.entry("document caption", () -> Message.to(USER).document(MEDIA, LONG_CAPTION)),
            Map.entry("location latitude", () -> Message.to(USER).location(91, 0)),
            Map.entry("contacts none", () -> Message.to(USER).contacts(List.of())),
            Map.entry(
                "envelope callback data",
                () -> Message.to(USER).bizOpaqueCallbackData("d".repeat(513)).sticker(MEDIA)));
    calls.forEach(
        (name, call) ->
            assertThatThrownBy(call).as(name).isInstanceOf(InvalidMessageException.class));
  }
}
