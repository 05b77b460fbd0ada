package dev.wasdk.campaigns;

import dev.wasdk.message.Message;

/**
 * Builds one variant's message for one recipient. The campaign starts the builder with the
 * recipient and the {@link TrackingTag}; the variant adds the content.
 *
 * <pre>{@code
 * VariantMessage a = (to, m) -> to.template("spring_sale_a", "en")
 *     .category(TemplateCategory.MARKETING)
 *     .bodyText(m.param("name"))
 *     .build();
 * }</pre>
 *
 * <p>Called on the campaign's worker thread, and again to rebuild a message for a failure report;
 * it must give the same message for the same member each time, and be thread-safe. A message that
 * fails to build ends {@link RecipientState#REFUSED} with {@link
 * dev.wasdk.sender.RejectReason#API_ERROR}, and the campaign goes on.
 */
@FunctionalInterface
public interface VariantMessage {
  /**
   * Builds the message.
   *
   * @param to a builder with the recipient and the tag already set
   * @param member the audience member, with its parameters
   * @return the message
   */
  Message build(Message.Builder to, AudienceMember member);
}
