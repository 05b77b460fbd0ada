package dev.wasdk.template;

import dev.wasdk.message.TemplateButton;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TemplateParameter;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds a send of a known {@link Template}: the usual template-message setters, and a {@link
 * #build()} that also checks the parameters against the template's {@link TemplateRequirements}.
 * Get one from {@link Template#sendBuilder(dev.wasdk.message.Message.Builder)}.
 *
 * <pre>{@code
 * TemplateMessage m = template.sendBuilder(Message.to("+16505551234"))
 *     .header(TemplateParameter.image(MediaRef.id(imageId)))
 *     .bodyText("Mark", "860198-230332")
 *     .urlButton(1, "orders/8812")
 *     .build();
 * }</pre>
 *
 * <p>Not thread-safe; use one per message.
 */
public final class TemplateSend {
  private final TemplateMessage.Builder builder;
  private final TemplateRequirements requirements;

  TemplateSend(TemplateMessage.Builder builder, TemplateRequirements requirements) {
    this.builder = builder;
    this.requirements = requirements;
  }

  /** Returns what the template needs. */
  public TemplateRequirements requirements() {
    return requirements;
  }

  /**
   * Sets the header parameter.
   *
   * @param parameter the parameter
   * @return this builder
   */
  public TemplateSend header(TemplateParameter parameter) {
    builder.header(parameter);
    return this;
  }

  /**
   * Adds body parameters.
   *
   * @param parameters the parameters, in the variables' order
   * @return this builder
   */
  public TemplateSend body(TemplateParameter.Variable... parameters) {
    builder.body(parameters);
    return this;
  }

  /**
   * Adds positional text body parameters.
   *
   * @param texts the texts, in order
   * @return this builder
   */
  public TemplateSend bodyText(String... texts) {
    builder.bodyText(texts);
    return this;
  }

  /**
   * Adds a named text body parameter.
   *
   * @param parameterName the variable's name
   * @param text the text
   * @return this builder
   */
  public TemplateSend bodyNamed(String parameterName, String text) {
    builder.bodyNamed(parameterName, text);
    return this;
  }

  /**
   * Adds a button parameter.
   *
   * @param button the button's send-side value
   * @return this builder
   */
  public TemplateSend button(TemplateButton button) {
    builder.button(button);
    return this;
  }

  /**
   * Sets a URL button's dynamic suffix.
   *
   * @param index the button's position, from 0
   * @param suffix the suffix
   * @return this builder
   */
  public TemplateSend urlButton(int index, String suffix) {
    builder.urlButton(index, suffix);
    return this;
  }

  /**
   * Sets a quick-reply button's payload.
   *
   * @param index the button's position
   * @param payload the payload
   * @return this builder
   */
  public TemplateSend quickReplyButton(int index, String payload) {
    builder.quickReplyButton(index, payload);
    return this;
  }

  /**
   * Sets a copy-code button's code.
   *
   * @param index the button's position
   * @param couponCode the code
   * @return this builder
   */
  public TemplateSend copyCodeButton(int index, String couponCode) {
    builder.copyCodeButton(index, couponCode);
    return this;
  }

  /**
   * Sets the one-time password of an authentication template: the body parameter and the OTP
   * button.
   *
   * @param code the code
   * @return this builder
   */
  public TemplateSend oneTimePassword(String code) {
    builder.bodyText(code);
    builder.otpButton(code);
    return this;
  }

  /**
   * Applies any other setting of the underlying builder (carousel, limited-time offer, reply, …).
   *
   * @param change the change
   * @return this builder
   */
  public TemplateSend with(Consumer<TemplateMessage.Builder> change) {
    Objects.requireNonNull(change, "change").accept(builder);
    return this;
  }

  /**
   * Builds the message and checks it against the template.
   *
   * @return the message
   * @throws dev.wasdk.error.InvalidMessageException if a message rule is broken or the parameters
   *     do not fit the template
   */
  public TemplateMessage build() {
    TemplateMessage m = builder.build();
    requirements.check(m);
    return m;
  }
}
