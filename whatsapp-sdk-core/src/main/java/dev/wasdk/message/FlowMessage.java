package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.internal.text.Values;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A flow message ({@code interactive.type: flow}): a body and a button that opens a WhatsApp Flow,
 * named by its id or its name (exactly one), with an optional header (any kind) and footer.
 *
 * <p>With {@code navigate} (the default action) the flow may open on a given screen with initial
 * data; with {@code data_exchange} the business's flow endpoint supplies the first screen, so no
 * screen or data may be given. Sends of a throttled flow are limited to 10 an hour (error 132069).
 *
 * <pre>{@code
 * Message.to("+16505551234").flow()
 *     .body("Book your appointment in a few taps.")
 *     .flowId("1234567890123456")
 *     .flowCta("Book now")
 *     .flowToken("session-42")
 *     .navigate("WELCOME", Map.of("customer", "Ana"))
 *     .build();
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param header the header, if any
 * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
 * @param footer the footer text, 1 to {@value Limits#INTERACTIVE_FOOTER_MAX} characters, if any
 * @param flowId the flow's id; exactly one of this and {@code flowName} is present
 * @param flowName the flow's name; exactly one of this and {@code flowId} is present
 * @param flowCta the button label, 1 to {@value Limits#FLOW_CTA_MAX} characters (Meta advises no
 *     emoji)
 * @param mode the flow's mode; absent means published
 * @param flowToken the business's token identifying this flow session, if any (WhatsApp's default
 *     is {@code unused})
 * @param flowAction the action on open; absent means navigate
 * @param screen the id of the first screen, with {@code navigate} only, if any
 * @param data the first screen's input data, with a screen only; empty when there is none
 */
public record FlowMessage(
    Envelope envelope,
    Optional<InteractiveHeader> header,
    String body,
    Optional<String> footer,
    Optional<String> flowId,
    Optional<String> flowName,
    String flowCta,
    Optional<Mode> mode,
    Optional<String> flowToken,
    Optional<FlowAction> flowAction,
    Optional<String> screen,
    Map<String, Object> data)
    implements InteractiveMessage {

  /** The only flow message version WhatsApp accepts, sent as {@code flow_message_version}. */
  public static final String FLOW_MESSAGE_VERSION = "3";

  /** A flow's mode ({@code mode}). */
  public enum Mode {
    /** A draft flow, for testing; only the flow's owners can open it. */
    DRAFT,
    /** A published flow. */
    PUBLISHED
  }

  /** What happens when the user opens the flow ({@code flow_action}). */
  public enum FlowAction {
    /** Opens the given (or first) screen with the given data. */
    NAVIGATE,
    /** Asks the business's flow endpoint for the first screen. */
    DATA_EXCHANGE
  }

  /** Checks the rules and copies the data; see the component descriptions. */
  public FlowMessage {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(header, "header");
    Validation.text("interactive.body.text", body, 1, Limits.INTERACTIVE_BODY_MAX);
    Validation.optionalText("interactive.footer.text", footer, Limits.INTERACTIVE_FOOTER_MAX);
    String params = "interactive.action.parameters";
    Validation.optionalRequired(params + ".flow_id", flowId);
    Validation.optionalRequired(params + ".flow_name", flowName);
    if (flowId.isPresent() == flowName.isPresent()) {
      throw new InvalidMessageException(
          params + (flowId.isPresent() ? ".flow_name" : ".flow_id"),
          "exactly one of flow_id and flow_name",
          flowId.isPresent() ? "both" : "neither");
    }
    Validation.text(params + ".flow_cta", flowCta, 1, Limits.FLOW_CTA_MAX);
    Objects.requireNonNull(mode, "mode");
    Validation.optionalRequired(params + ".flow_token", flowToken);
    Objects.requireNonNull(flowAction, "flowAction");
    String payload = params + ".flow_action_payload";
    Validation.optionalRequired(payload + ".screen", screen);
    data = Validation.jsonObject(payload + ".data", data);
    if (!data.isEmpty() && screen.isEmpty()) {
      throw new InvalidMessageException(
          payload + ".screen", "present when data is given", "missing");
    }
    if (flowAction.orElse(FlowAction.NAVIGATE) == FlowAction.DATA_EXCHANGE && screen.isPresent()) {
      throw new InvalidMessageException(
          payload, "absent when flow_action is data_exchange", "present");
    }
  }

  static Builder builder(Envelope envelope) {
    return new Builder(envelope);
  }

  /** Returns a builder holding this message's values. */
  public Builder toBuilder() {
    Builder b = new Builder(envelope);
    b.header = header.orElse(null);
    b.body = body;
    b.footer = footer.orElse(null);
    b.flowId = flowId.orElse(null);
    b.flowName = flowName.orElse(null);
    b.flowCta = flowCta;
    b.mode = mode.orElse(null);
    b.flowToken = flowToken.orElse(null);
    b.flowAction = flowAction.orElse(null);
    b.screen = screen.orElse(null);
    b.data = data;
    return b;
  }

  /** Builds a {@link FlowMessage}; {@link #build()} checks every rule. Not thread-safe. */
  public static final class Builder extends MediaHeaderBuilder<Builder> {
    private final Envelope envelope;
    private String flowId;
    private String flowName;
    private String flowCta;
    private Mode mode;
    private String flowToken;
    private FlowAction flowAction;
    private String screen;
    private Map<String, ?> data = Map.of();

    private Builder(Envelope envelope) {
      this.envelope = envelope;
    }

    /**
     * Names the flow by its id; set this or {@link #flowName(String)}, not both.
     *
     * @param flowId the id WhatsApp gave the flow
     * @return this builder
     */
    public Builder flowId(String flowId) {
      this.flowId = Objects.requireNonNull(flowId, "flowId");
      return this;
    }

    /**
     * Names the flow by its name; set this or {@link #flowId(String)}, not both.
     *
     * @param flowName the name the flow was created with
     * @return this builder
     */
    public Builder flowName(String flowName) {
      this.flowName = Objects.requireNonNull(flowName, "flowName");
      return this;
    }

    /**
     * Sets the button label (required).
     *
     * @param flowCta the label, 1 to {@value Limits#FLOW_CTA_MAX} characters, no emoji
     * @return this builder
     */
    public Builder flowCta(String flowCta) {
      this.flowCta = Objects.requireNonNull(flowCta, "flowCta");
      return this;
    }

    /**
     * Sets the flow's mode. When unset, WhatsApp assumes {@link Mode#PUBLISHED}.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets the token that identifies this flow session in the flow's replies and endpoint calls.
     *
     * @param flowToken the token
     * @return this builder
     */
    public Builder flowToken(String flowToken) {
      this.flowToken = Objects.requireNonNull(flowToken, "flowToken");
      return this;
    }

    /**
     * Sets {@code flow_action: navigate} and the first screen.
     *
     * @param screen the id of the first screen
     * @return this builder
     */
    public Builder navigate(String screen) {
      return navigate(screen, Map.of());
    }

    /**
     * Sets {@code flow_action: navigate}, the first screen and its input data.
     *
     * @param screen the id of the first screen
     * @param data the input data: string keys; values that are strings, numbers, booleans, lists or
     *     maps of those
     * @return this builder
     */
    public Builder navigate(String screen, Map<String, ?> data) {
      this.flowAction = FlowAction.NAVIGATE;
      this.screen = Objects.requireNonNull(screen, "screen");
      this.data = Objects.requireNonNull(data, "data");
      return this;
    }

    /**
     * Sets {@code flow_action: data_exchange}: the business's flow endpoint supplies the first
     * screen. Clears any screen and data.
     *
     * @return this builder
     */
    public Builder dataExchange() {
      this.flowAction = FlowAction.DATA_EXCHANGE;
      this.screen = null;
      this.data = Map.of();
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     * @throws dev.wasdk.error.InvalidMessageException if a documented rule is broken
     */
    public FlowMessage build() {
      return new FlowMessage(
          envelope,
          Optional.ofNullable(header),
          body,
          Optional.ofNullable(footer),
          Optional.ofNullable(flowId),
          Optional.ofNullable(flowName),
          flowCta,
          Optional.ofNullable(mode),
          Optional.ofNullable(flowToken),
          Optional.ofNullable(flowAction),
          Optional.ofNullable(screen),
          Validation.jsonObject("interactive.action.parameters.flow_action_payload.data", data));
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
