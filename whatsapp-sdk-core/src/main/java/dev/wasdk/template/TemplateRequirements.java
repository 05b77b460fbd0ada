package dev.wasdk.template;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.internal.text.Values;
import dev.wasdk.message.TemplateButton;
import dev.wasdk.message.TemplateComponent;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TemplateParameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a send of a template must fill, derived from the template's components.
 *
 * <p>A text header with a variable takes one text parameter; an image, video, document or location
 * header takes that kind of parameter; the body takes one parameter per variable (named ones by
 * name); an authentication body takes the code. A URL button with a variable, a copy-code button,
 * an OTP button and a multi-product button need a parameter at their index; quick-reply, flow and
 * catalog buttons may have one; phone-number buttons take none.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the template's name
 * @param language the template's language
 * @param header the kind of the header parameter, when the header takes one
 * @param bodyVariables the body's variables in order: {@code "1"}, {@code "2"}… or names
 * @param parameterFormat whether the variables are positional or named
 * @param requiredButtons the button type that must get a parameter, by index
 * @param optionalButtons the button type that may get a parameter, by index
 * @param carousel whether the template is a carousel, which a send must fill
 */
public record TemplateRequirements(
    String name,
    String language,
    Optional<HeaderFormat> header,
    List<String> bodyVariables,
    ParameterFormat parameterFormat,
    Map<Integer, String> requiredButtons,
    Map<Integer, String> optionalButtons,
    boolean carousel) {

  /** Copies the collections and checks that nothing is null. */
  public TemplateRequirements {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(header, "header");
    bodyVariables = List.copyOf(bodyVariables);
    Objects.requireNonNull(parameterFormat, "parameterFormat");
    requiredButtons = Collections.unmodifiableMap(new TreeMap<>(requiredButtons));
    optionalButtons = Collections.unmodifiableMap(new TreeMap<>(optionalButtons));
  }

  static TemplateRequirements of(Template t) {
    Optional<HeaderFormat> header = Optional.empty();
    List<String> body = new ArrayList<>();
    Map<Integer, String> required = new TreeMap<>();
    Map<Integer, String> optional = new TreeMap<>();
    boolean carousel = false;
    for (Component c : t.components()) {
      if (c instanceof Component.Header h) {
        switch (h.format()) {
          case TEXT -> {
            if (!Placeholders.of(h.text().orElse("")).isEmpty()) {
              header = Optional.of(HeaderFormat.TEXT);
            }
          }
          case IMAGE, VIDEO, DOCUMENT, LOCATION -> header = Optional.of(h.format());
          default -> {}
        }
      } else if (c instanceof Component.Body b) {
        if (b.text().isPresent()) {
          body.addAll(Placeholders.of(b.text().get()));
        } else {
          body.add("1");
        }
      } else if (c instanceof Component.Buttons bs) {
        for (int i = 0; i < bs.buttons().size(); i++) {
          Button b = bs.buttons().get(i);
          if (b instanceof Button.Url u) {
            if (u.hasVariable()) {
              required.put(i, b.type());
            }
          } else if (b instanceof Button.CopyCode
              || b instanceof Button.Otp
              || b instanceof Button.MultiProduct) {
            required.put(i, b.type());
          } else if (b instanceof Button.QuickReply
              || b instanceof Button.Flow
              || b instanceof Button.Catalog) {
            optional.put(i, b.type());
          }
        }
      } else if (c instanceof Component.Carousel) {
        carousel = true;
      }
    }
    return new TemplateRequirements(
        t.name(), t.language(), header, body, t.parameterFormat(), required, optional, carousel);
  }

  /**
   * Checks a template message against these requirements.
   *
   * @param m the message
   * @throws InvalidMessageException naming the first mismatch
   */
  public void check(TemplateMessage m) {
    if (!m.name().equals(name)) {
      throw new InvalidMessageException("template.name", "'" + name + "'", "'" + m.name() + "'");
    }
    if (!m.languageCode().equals(language)) {
      throw new InvalidMessageException(
          "template.language.code", "'" + language + "'", "'" + m.languageCode() + "'");
    }
    TemplateParameter headerParameter = null;
    List<TemplateParameter.Variable> bodyParameters = List.of();
    Set<Integer> sent = new HashSet<>();
    boolean sentCarousel = false;
    for (TemplateComponent c : m.components()) {
      if (c instanceof TemplateComponent.Header h) {
        headerParameter = h.parameter();
      } else if (c instanceof TemplateComponent.Body b) {
        bodyParameters = b.parameters();
      } else if (c instanceof TemplateButton b) {
        checkButton(b);
        sent.add(b.index());
      } else if (c instanceof TemplateComponent.Carousel) {
        sentCarousel = true;
      }
    }
    checkHeader(headerParameter);
    checkBody(bodyParameters);
    for (Map.Entry<Integer, String> e : requiredButtons.entrySet()) {
      if (!sent.contains(e.getKey())) {
        throw new InvalidMessageException(
            "template.components.button[index=" + e.getKey() + "]",
            "present: the template's " + e.getValue() + " button takes a parameter",
            "absent");
      }
    }
    if (carousel != sentCarousel) {
      throw new InvalidMessageException(
          "template.components.carousel",
          carousel ? "present for a carousel template" : "absent for this template",
          sentCarousel ? "present" : "absent");
    }
  }

  private void checkHeader(TemplateParameter p) {
    String path = "template.components.header.parameters";
    if (header.isEmpty()) {
      if (p != null) {
        throw new InvalidMessageException(path, "absent: the header takes no parameter", "1");
      }
      return;
    }
    if (p == null) {
      throw new InvalidMessageException(
          path, "one " + header.get() + " parameter", "no header parameter");
    }
    boolean ok =
        switch (header.get()) {
          case TEXT -> p instanceof TemplateParameter.Text;
          case IMAGE -> p instanceof TemplateParameter.Image;
          case VIDEO -> p instanceof TemplateParameter.Video;
          case DOCUMENT -> p instanceof TemplateParameter.Document;
          case LOCATION -> p instanceof TemplateParameter.Location;
          default -> true;
        };
    if (!ok) {
      throw new InvalidMessageException(
          path + "[0]", "a " + header.get() + " parameter", "a " + kind(p) + " parameter");
    }
  }

  private void checkBody(List<TemplateParameter.Variable> params) {
    String path = "template.components.body.parameters";
    if (params.size() != bodyVariables.size()) {
      throw new InvalidMessageException(
          path, bodyVariables.size() + " parameters", params.size() + " parameters");
    }
    if (parameterFormat == ParameterFormat.NAMED) {
      Set<String> names = new HashSet<>();
      for (int i = 0; i < params.size(); i++) {
        Optional<String> n = params.get(i).parameterName();
        if (n.isEmpty() || !bodyVariables.contains(n.get())) {
          throw new InvalidMessageException(
              path + "[" + i + "].parameter_name",
              "one of " + bodyVariables,
              n.map(x -> "'" + x + "'").orElse("absent"));
        }
        names.add(n.get());
      }
      if (names.size() != bodyVariables.size()) {
        throw new InvalidMessageException(
            path, "each of " + bodyVariables + " once", names.size() + " distinct names");
      }
    } else {
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).parameterName().isPresent()) {
          throw new InvalidMessageException(
              path + "[" + i + "].parameter_name", "absent for a positional template", "present");
        }
      }
    }
  }

  private void checkButton(TemplateButton b) {
    String path = "template.components.button[index=" + b.index() + "]";
    String type = requiredButtons.getOrDefault(b.index(), optionalButtons.get(b.index()));
    if (type == null) {
      throw new InvalidMessageException(
          path, "a button that takes a parameter at this index", "no such button in the template");
    }
    boolean ok =
        switch (type) {
          case "URL" -> b instanceof TemplateButton.Url;
          case "COPY_CODE" -> b instanceof TemplateButton.CopyCode;
          case "OTP" ->
              b instanceof TemplateButton.OneTimePassword || b instanceof TemplateButton.Url;
          case "MPM" -> b instanceof TemplateButton.MultiProduct;
          case "QUICK_REPLY" -> b instanceof TemplateButton.QuickReply;
          case "FLOW" -> b instanceof TemplateButton.Flow;
          case "CATALOG" -> b instanceof TemplateButton.Catalog;
          default -> true;
        };
    if (!ok) {
      throw new InvalidMessageException(
          path, "a " + type + " button parameter", "a " + b.getClass().getSimpleName());
    }
  }

  private static String kind(TemplateParameter p) {
    return p.getClass().getSimpleName().toUpperCase(java.util.Locale.ROOT);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
