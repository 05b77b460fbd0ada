package dev.wasdk.spring;

import dev.wasdk.sender.MessageSender;

/**
 * Adjusts the {@link MessageSender.Builder} of the auto-configured pacing sender after the {@code
 * wasdk.sender.*} properties were applied, for settings that have no property: listeners, a shared
 * consent registry or service-window tracker, a scheduler.
 *
 * <pre>{@code
 * @Bean
 * MessageSenderCustomizer auditOutcomes(AuditLog audit) {
 *   return builder -> builder.listener(new SenderListener() {
 *     @Override
 *     public void onOutcome(SendOutcome outcome) {
 *       audit.record(outcome);
 *     }
 *   });
 * }
 * }</pre>
 *
 * <p>Every customizer bean is applied, in {@code @Order} order, once at start-up. A customizer does
 * nothing when the application defines its own {@link MessageSender} bean.
 */
@FunctionalInterface
public interface MessageSenderCustomizer {
  /**
   * Changes the builder.
   *
   * @param builder the builder, with the properties applied
   */
  void customize(MessageSender.Builder builder);
}
