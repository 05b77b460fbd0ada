package dev.wasdk.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that answers user messages, routed by {@link
 * WhatsAppHandlersAutoConfiguration} through a {@code dev.wasdk.conversations.ConversationRouter}:
 * for each message, the first matching handler runs, by {@link #priority()} (higher first), then by
 * bean registration order and method name.
 *
 * <p>The method takes the message, typed as {@code MessageReceived} or one of its kinds (which also
 * filters by kind), and optionally a {@code dev.wasdk.conversations.ReplyContext} second, to answer
 * the same user through the pacing sender. The attributes given are all required to match; with
 * none, every message of the parameter's kind matches. A handler that throws is logged and
 * isolated; the next message is routed as usual. Needs {@code whatsapp-sdk-conversations} on the
 * class path.
 *
 * <pre>{@code
 * @Component
 * class Bot {
 *   @WhatsAppHandler(keyword = {"menu", "cardápio"})
 *   public void menu(TextReceived text, ReplyContext ctx) {
 *     ctx.reply("Here is our menu: ...");
 *   }
 *
 *   @WhatsAppHandler(priority = -10)
 *   public void anythingElse(MessageReceived message, ReplyContext ctx) {
 *     ctx.send("Type MENU to see what we have.");
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WhatsAppHandler {

  /**
   * Returns the keywords that a text must start with, as {@code Filters.keyword} matches them
   * (whole first word, any case and accents). Default: any text, or any message.
   *
   * @return the keywords
   */
  String[] keyword() default {};

  /**
   * Returns the reply-button, list-row or quick-reply ids to match. Default: any.
   *
   * @return the ids
   */
  String[] replyId() default {};

  /**
   * Returns a regular expression the text must match (case ignored), as {@code
   * Filters.textMatches}. Default: none.
   *
   * @return the expression, or empty
   */
  String textMatches() default "";

  /**
   * Returns the priority; higher goes first. Default 0.
   *
   * @return the priority
   */
  int priority() default 0;
}
