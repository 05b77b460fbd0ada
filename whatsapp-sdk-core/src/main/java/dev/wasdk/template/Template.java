package dev.wasdk.template;

import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message template as the API returns it ({@code GET /{template-id}} or a list).
 *
 * <p>A template knows what a send must fill: {@link #requirements()} tells, and {@link
 * #sendBuilder(Message.Builder)} starts a send that checks it, so a wrong number or kind of
 * parameters fails before the network instead of with error 132000.
 *
 * <pre>{@code
 * Template t = wa.templates().get("920070352646140");
 * TemplateMessage m = t.sendBuilder(Message.to("+16505551234"))
 *     .bodyText("Mark", "FALL25")
 *     .build();
 * wa.messages().send(m);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Fields the request did not ask for are empty.
 *
 * @param id the template's id
 * @param name the name
 * @param language the language code
 * @param status the status
 * @param category the category; {@link TemplateCategory#UNKNOWN} when absent or new
 * @param parameterFormat the variables' format (positional when Meta left it out)
 * @param components the components
 * @param previousCategory the category before Meta changed it, when it did
 * @param rejectedReason why review rejected it, when it did ({@code NONE} otherwise)
 * @param qualityScore the quality score ({@code GREEN}, {@code YELLOW}, {@code RED}, {@code
 *     UNKNOWN}), when asked for
 * @param json the template's JSON as received
 */
public record Template(
    String id,
    String name,
    String language,
    TemplateStatus status,
    TemplateCategory category,
    ParameterFormat parameterFormat,
    List<Component> components,
    Optional<String> previousCategory,
    Optional<String> rejectedReason,
    Optional<String> qualityScore,
    String json) {

  /** Copies the components and checks that nothing is null. */
  public Template {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(parameterFormat, "parameterFormat");
    components = List.copyOf(components);
    Objects.requireNonNull(previousCategory, "previousCategory");
    Objects.requireNonNull(rejectedReason, "rejectedReason");
    Objects.requireNonNull(qualityScore, "qualityScore");
    Objects.requireNonNull(json, "json");
  }

  /**
   * Returns what a send of this template must fill: the header's kind, the body's variables and the
   * buttons that take a parameter.
   *
   * @return the requirements
   */
  public TemplateRequirements requirements() {
    return TemplateRequirements.of(this);
  }

  /**
   * Starts a send of this template to a recipient, with its name, language and category set; its
   * {@code build()} checks the parameters against {@link #requirements()}.
   *
   * @param to the recipient's message builder, from {@link Message#to(String)}
   * @return the send builder
   */
  public TemplateSend sendBuilder(Message.Builder to) {
    Objects.requireNonNull(to, "to");
    return new TemplateSend(to.template(name, language).category(category), requirements());
  }

  /**
   * Checks a template message built elsewhere against this template.
   *
   * @param message the message
   * @throws dev.wasdk.error.InvalidMessageException if a parameter is missing, extra or of the
   *     wrong kind, or the name or language differ
   */
  public void check(TemplateMessage message) {
    requirements().check(message);
  }

  /** Returns the id, name, language, status and category; not the JSON. */
  @Override
  public String toString() {
    return "Template[id="
        + id
        + ", name="
        + name
        + ", language="
        + language
        + ", status="
        + status
        + ", category="
        + category
        + "]";
  }
}
