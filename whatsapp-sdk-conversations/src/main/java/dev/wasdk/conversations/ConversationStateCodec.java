package dev.wasdk.conversations;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a {@link ConversationState} as one line of text and reads it back, for stores that keep
 * states as strings (the Redis and JDBC stores, or one of your own).
 *
 * <p>The format is versioned ({@code c1;…}), holds every field exactly (instants to the nanosecond)
 * and escapes every value, so any text in a step name or a data value survives. It is not meant to
 * be read by people or by other programs; decode it with this class.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * String text = ConversationStateCodec.encode(state);
 * ConversationState same = ConversationStateCodec.decode(text);
 * }</pre>
 */
public final class ConversationStateCodec {
  private static final String VERSION = "c1";
  private static final String NONE = "-";

  private ConversationStateCodec() {}

  /**
   * Returns the text form of a state.
   *
   * @param state the state
   * @return one line of text
   */
  public static String encode(ConversationState state) {
    Objects.requireNonNull(state, "state");
    StringBuilder b = new StringBuilder(64).append(VERSION);
    Optional<ConversationState.Wait> w = state.waiting();
    field(b, w.map(x -> esc(x.step())).orElse(NONE));
    field(
        b,
        w.flatMap(ConversationState.Wait::deadline).map(ConversationStateCodec::time).orElse(NONE));
    field(
        b,
        w.flatMap(ConversationState.Wait::timeoutStep)
            .map(ConversationStateCodec::esc)
            .orElse(NONE));
    field(b, state.handedOver() ? "1" : "0");
    field(b, state.outOfOfficeSent() ? "1" : "0");
    field(b, time(state.lastActivity()));
    field(b, map(state.data(), ConversationStateCodec::esc));
    field(b, map(state.repliedAt(), ConversationStateCodec::time));
    return b.toString();
  }

  /**
   * Reads a state written by {@link #encode}.
   *
   * @param text the text
   * @return the state
   * @throws IllegalArgumentException if the text is not a state in a known format
   */
  public static ConversationState decode(String text) {
    Objects.requireNonNull(text, "text");
    String[] f = text.split(";", -1);
    if (f.length != 9 || !VERSION.equals(f[0])) {
      throw new IllegalArgumentException(
          "not a stored conversation state (" + f.length + " fields, format " + f[0] + ")");
    }
    try {
      Optional<ConversationState.Wait> wait =
          NONE.equals(f[1])
              ? Optional.empty()
              : Optional.of(
                  new ConversationState.Wait(
                      unesc(f[1]),
                      NONE.equals(f[2]) ? Optional.empty() : Optional.of(instant(f[2])),
                      NONE.equals(f[3]) ? Optional.empty() : Optional.of(unesc(f[3]))));
      Map<String, String> data = new LinkedHashMap<>();
      entries(f[7], ConversationStateCodec::unesc, data);
      Map<String, Instant> replied = new LinkedHashMap<>();
      entries(f[8], ConversationStateCodec::instant, replied);
      return new ConversationState(
          wait, data, "1".equals(f[4]), "1".equals(f[5]), replied, instant(f[6]));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("a stored conversation state is malformed", e);
    }
  }

  private static void field(StringBuilder b, String value) {
    b.append(';').append(value);
  }

  private static <V> String map(Map<String, V> m, Function<V, String> value) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, V> e : m.entrySet()) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(esc(e.getKey())).append('=').append(value.apply(e.getValue()));
    }
    return b.toString();
  }

  private static <V> void entries(String text, Function<String, V> value, Map<String, V> into) {
    if (text.isEmpty()) {
      return;
    }
    for (String pair : text.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("an entry without '='");
      }
      into.put(unesc(pair.substring(0, eq)), value.apply(pair.substring(eq + 1)));
    }
  }

  private static String time(Instant t) {
    return t.getEpochSecond() + "." + t.getNano();
  }

  private static Instant instant(String s) {
    int dot = s.indexOf('.');
    return Instant.ofEpochSecond(
        Long.parseLong(s.substring(0, dot)), Long.parseLong(s.substring(dot + 1)));
  }

  // URL encoding leaves none of ; & = in a value, and "-" never stands alone for a real one
  // because a lone "-" is written as %2D.
  private static String esc(String s) {
    return "-".equals(s) ? "%2D" : URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String unesc(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
