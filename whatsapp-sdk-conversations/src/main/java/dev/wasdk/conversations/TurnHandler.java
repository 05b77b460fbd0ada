package dev.wasdk.conversations;

/**
 * Handles one turn of a conversation: a user's message, or a timeout. It reads and changes the
 * conversation through the {@link Turn} and queues replies on it.
 *
 * <p>A handler runs alone for its conversation (never two turns of one user at a time), but
 * handlers of different users run in parallel, so shared objects they use must be thread-safe.
 *
 * <pre>{@code
 * TurnHandler askSize = turn -> {
 *   turn.reply("Which size? S, M or L");
 *   turn.ask("size", Duration.ofMinutes(10), "size-timeout");
 * };
 * }</pre>
 */
@FunctionalInterface
public interface TurnHandler {

  /**
   * Handles the turn.
   *
   * @param turn the turn
   */
  void handle(Turn turn);
}
