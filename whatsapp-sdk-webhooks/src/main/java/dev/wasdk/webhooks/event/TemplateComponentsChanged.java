package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message template's text or buttons were edited ({@code message_template_components_update}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param templateId the template id; empty if absent
 * @param templateName the template name; empty if absent
 * @param templateLanguage the template language code; empty if absent
 * @param body the body text ({@code message_template_element}), if given
 * @param title the header text ({@code message_template_title}), if any
 * @param footer the footer text ({@code message_template_footer}), if any
 * @param buttons the buttons ({@code message_template_buttons}), in order
 * @param rawJson the raw JSON of the change's value
 */
public record TemplateComponentsChanged(
    EventContext context,
    String templateId,
    String templateName,
    String templateLanguage,
    Optional<String> body,
    Optional<String> title,
    Optional<String> footer,
    List<Button> buttons,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null and copies the list. */
  public TemplateComponentsChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(templateName, "templateName");
    Objects.requireNonNull(templateLanguage, "templateLanguage");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(footer, "footer");
    buttons = List.copyOf(buttons);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * A template button.
   *
   * @param type the button type as sent, such as {@code URL}, {@code PHONE_NUMBER} or {@code
   *     QUICK_REPLY}; empty if absent
   * @param text the button label; empty if absent
   * @param url the URL, for URL buttons
   * @param phoneNumber the phone number, for call buttons
   */
  public record Button(
      String type, String text, Optional<String> url, Optional<String> phoneNumber) {
    /** Checks that no component is null. */
    public Button {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(phoneNumber, "phoneNumber");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
