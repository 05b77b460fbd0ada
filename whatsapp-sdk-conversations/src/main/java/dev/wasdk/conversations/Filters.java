package dev.wasdk.conversations;

import dev.wasdk.conversations.internal.Text;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.ListReplyReceived;
import dev.wasdk.webhooks.event.MediaMessageReceived;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.QuickReplyReceived;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.UserRef;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Returns the common {@link Filter}s over inbound messages.
 *
 * <p><b>Folded text.</b> The text filters compare folded text: accents removed ({@code "menú"} is
 * {@code "menu"}), case ignored, outer whitespace trimmed and inner runs of whitespace taken as one
 * space. They read the body of a {@link TextReceived} and do not match other messages; pair them
 * with {@link #replyId} for taps. {@link #textMatches(Pattern)} is the exception: it reads the body
 * as sent, with the pattern's own flags.
 *
 * <p>Every filter returned is immutable and thread-safe.
 *
 * <pre>{@code
 * Filter<MessageReceived> menu = Filters.keyword("menu", "cardápio").or(Filters.replyId("menu"));
 * Filter<MessageReceived> track = Filters.textMatches("^track\\s+(\\d+)$");
 * }</pre>
 */
public final class Filters {
  private Filters() {}

  /**
   * Matches a text message whose folded body equals one of {@code texts} folded.
   *
   * @param texts the accepted texts, such as {@code "yes", "sí"}
   * @return the filter
   */
  public static Filter<MessageReceived> textEquals(String... texts) {
    Set<String> folded = foldAll(texts, "texts");
    return m -> m instanceof TextReceived t && folded.contains(Text.fold(t.body()));
  }

  /**
   * Matches a text message whose folded body contains {@code part} folded.
   *
   * @param part the text to look for
   * @return the filter
   */
  public static Filter<MessageReceived> textContains(String part) {
    String folded = foldOne(part, "part");
    return m -> m instanceof TextReceived t && Text.fold(t.body()).contains(folded);
  }

  /**
   * Matches a text message whose folded body starts with one of {@code keywords} as a whole word:
   * {@code keyword("track")} matches {@code "TRACK 1234"} and {@code "Track!"}, not {@code
   * "tracking"}.
   *
   * @param keywords the keywords
   * @return the filter
   */
  public static Filter<MessageReceived> keyword(String... keywords) {
    List<String> folded = List.copyOf(foldAll(keywords, "keywords"));
    return m -> {
      if (!(m instanceof TextReceived t)) {
        return false;
      }
      String body = Text.fold(t.body());
      for (String k : folded) {
        if (Text.startsWithWord(body, k)) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * Matches a text message in which the regular expression is found, ignoring case; anchor it with
   * {@code ^} and {@code $} to match the whole body. The body is read as sent, not folded.
   *
   * @param regex the regular expression
   * @return the filter
   * @throws java.util.regex.PatternSyntaxException if the expression is invalid
   */
  public static Filter<MessageReceived> textMatches(String regex) {
    Objects.requireNonNull(regex, "regex");
    return textMatches(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /**
   * Matches a text message in which {@code pattern} is found, with the pattern's own flags.
   *
   * @param pattern the pattern
   * @return the filter
   */
  public static Filter<MessageReceived> textMatches(Pattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    return m -> m instanceof TextReceived t && pattern.matcher(t.body()).find();
  }

  /**
   * Matches a tap on a reply button with one of the given ids.
   *
   * @param ids the button ids the business set
   * @return the filter
   */
  public static Filter<MessageReceived> buttonId(String... ids) {
    Set<String> set = copy(ids, "ids");
    return m -> m instanceof ButtonReplyReceived b && set.contains(b.buttonId());
  }

  /**
   * Matches a list row chosen with one of the given ids.
   *
   * @param ids the row ids the business set
   * @return the filter
   */
  public static Filter<MessageReceived> listRowId(String... ids) {
    Set<String> set = copy(ids, "ids");
    return m -> m instanceof ListReplyReceived l && set.contains(l.rowId());
  }

  /**
   * Matches any reply with one of the given ids: a reply button, a list row, or a template's
   * quick-reply payload.
   *
   * @param ids the ids or payloads the business set
   * @return the filter
   */
  public static Filter<MessageReceived> replyId(String... ids) {
    Set<String> set = copy(ids, "ids");
    return m ->
        (m instanceof ButtonReplyReceived b && set.contains(b.buttonId()))
            || (m instanceof ListReplyReceived l && set.contains(l.rowId()))
            || (m instanceof QuickReplyReceived q && set.contains(q.payload()));
  }

  /**
   * Matches messages of one kind, such as {@code ImageReceived.class} or {@code
   * MediaMessageReceived.class}.
   *
   * @param type the message class or interface
   * @return the filter
   */
  public static Filter<MessageReceived> messageType(Class<? extends MessageReceived> type) {
    Objects.requireNonNull(type, "type");
    return type::isInstance;
  }

  /**
   * Matches messages from one user, named by WhatsApp id (with or without a leading {@code +}) or
   * by business-scoped user id.
   *
   * @param user the user's WhatsApp id, phone number or business-scoped user id
   * @return the filter
   */
  public static Filter<MessageReceived> from(String user) {
    Objects.requireNonNull(user, "user");
    String id = user.startsWith("+") ? user.substring(1) : user;
    if (id.isEmpty()) {
      throw new IllegalArgumentException("user must not be empty");
    }
    return m -> {
      UserRef s = m.sender();
      return s.waId().filter(id::equals).isPresent()
          || s.userId().filter(id::equals).isPresent()
          || s.parentUserId().filter(id::equals).isPresent();
    };
  }

  /**
   * Matches messages sent in any group.
   *
   * @return the filter
   */
  public static Filter<MessageReceived> inGroup() {
    return m -> m.groupId().isPresent();
  }

  /**
   * Matches messages sent in one group.
   *
   * @param groupId the group id
   * @return the filter
   */
  public static Filter<MessageReceived> inGroup(String groupId) {
    Objects.requireNonNull(groupId, "groupId");
    return m -> m.groupId().filter(groupId::equals).isPresent();
  }

  /**
   * Matches messages that carry a file: image, video, audio, document or sticker.
   *
   * @return the filter
   */
  public static Filter<MessageReceived> hasMedia() {
    return m -> m instanceof MediaMessageReceived;
  }

  /**
   * Matches messages that reply to (quote) any message.
   *
   * @return the filter
   */
  public static Filter<MessageReceived> isReply() {
    return m -> m.messageContext().filter(c -> c.isReply()).isPresent();
  }

  /**
   * Matches messages that reply to (quote) one message, or tap a button on it.
   *
   * @param wamid the id of the message replied to
   * @return the filter
   */
  public static Filter<MessageReceived> isReplyTo(String wamid) {
    Objects.requireNonNull(wamid, "wamid");
    return m -> m.messageContext().flatMap(c -> c.id()).filter(wamid::equals).isPresent();
  }

  private static Set<String> foldAll(String[] texts, String name) {
    Objects.requireNonNull(texts, name);
    if (texts.length == 0) {
      throw new IllegalArgumentException(name + " must name at least one value");
    }
    Set<String> out = new HashSet<>();
    for (String t : texts) {
      out.add(foldOne(t, name));
    }
    return Set.copyOf(out);
  }

  private static String foldOne(String text, String name) {
    Objects.requireNonNull(text, name);
    String folded = Text.fold(text);
    if (folded.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return folded;
  }

  private static Set<String> copy(String[] ids, String name) {
    Objects.requireNonNull(ids, name);
    if (ids.length == 0) {
      throw new IllegalArgumentException(name + " must name at least one value");
    }
    return Set.copyOf(Arrays.asList(ids));
  }
}
