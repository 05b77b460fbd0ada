package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The conversational components of a phone number: the welcome message switch, ice breakers
 * (prompts shown when a user opens a chat) and commands (typed after {@code /}). Read with {@link
 * PhoneNumbersApi#conversationalAutomation()}, write with {@link
 * PhoneNumbersApi#updateConversationalAutomation(ConversationalAutomation)}.
 *
 * <pre>{@code
 * wa.phoneNumbers().updateConversationalAutomation(new ConversationalAutomation(
 *     Optional.of(true),
 *     List.of("Track my order", "Talk to support"),
 *     List.of(new ConversationalAutomation.Command("order", "Show my last order"))));
 * }</pre>
 *
 * <p>Checked when built, as Meta documents: at most 4 ice breakers of at most 80 characters, at
 * most 30 commands, each named by 1 to 32 letters, digits or underscores (no {@code /}), unique,
 * with a description of 1 to 256 characters; no emoji anywhere. A tapped ice breaker or a typed
 * command arrives as an ordinary text message. Meta documents the welcome message as unreliable.
 * Immutable and thread-safe.
 *
 * @param welcomeMessage whether a {@code request_welcome} message is sent when a user opens a first
 *     chat; empty to leave it unchanged
 * @param prompts the ice breakers
 * @param commands the commands
 */
public record ConversationalAutomation(
    Optional<Boolean> welcomeMessage, List<String> prompts, List<Command> commands) {
  /** Shows present values and leaves out empty ones. */
  @Override
  public String toString() {
    return Values.toString(this);
  }

  /** At most this many ice breakers. */
  public static final int MAX_PROMPTS = 4;

  /** The longest ice breaker, in characters. */
  public static final int MAX_PROMPT_LENGTH = 80;

  /** At most this many commands. */
  public static final int MAX_COMMANDS = 30;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,32}");

  /** Copies the lists and checks the documented limits. */
  public ConversationalAutomation {
    Objects.requireNonNull(welcomeMessage, "welcomeMessage");
    prompts = List.copyOf(prompts);
    commands = List.copyOf(commands);
    if (prompts.size() > MAX_PROMPTS) {
      throw new IllegalArgumentException(
          "at most " + MAX_PROMPTS + " ice breakers, got " + prompts.size());
    }
    for (String p : prompts) {
      if (p.isBlank() || p.length() > MAX_PROMPT_LENGTH) {
        throw new IllegalArgumentException(
            "an ice breaker must be 1 to " + MAX_PROMPT_LENGTH + " characters, was " + p.length());
      }
      noEmoji("an ice breaker", p);
    }
    if (commands.size() > MAX_COMMANDS) {
      throw new IllegalArgumentException(
          "at most " + MAX_COMMANDS + " commands, got " + commands.size());
    }
    Set<String> names = new HashSet<>();
    for (Command c : commands) {
      if (!names.add(c.name().toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("command names must be unique: " + c.name());
      }
    }
  }

  /**
   * A command a user can type after {@code /}.
   *
   * @param name 1 to 32 letters, digits or underscores, without the {@code /}
   * @param description the hint shown to users, 1 to 256 characters
   */
  public record Command(String name, String description) {
    /** The longest description, in characters. */
    public static final int MAX_DESCRIPTION = 256;

    /** Checks the documented limits. */
    public Command {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "a command name must be 1 to 32 letters, digits or underscores without '/', was '"
                + name
                + "'");
      }
      if (description.isBlank() || description.length() > MAX_DESCRIPTION) {
        throw new IllegalArgumentException(
            "a command description must be 1 to "
                + MAX_DESCRIPTION
                + " characters, was "
                + description.length());
      }
      noEmoji("a command description", description);
    }
  }

  private static void noEmoji(String what, String text) {
    boolean emoji =
        text.codePoints()
            .anyMatch(
                c ->
                    c >= 0x1F000
                        || (c >= 0x2600 && c <= 0x27BF)
                        || c == 0xFE0F
                        || c == 0x200D
                        || (c >= 0x2B00 && c <= 0x2BFF));
    if (emoji) {
      throw new IllegalArgumentException(what + " must not contain emoji");
    }
  }
}
