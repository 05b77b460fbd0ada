package dev.wasdk.spring;

import dev.wasdk.sender.MessageSender;
import java.util.Objects;

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
 *
 * <p><b>Several numbers.</b> With {@code wasdk.numbers.*}, each number's sender is built with
 * {@link #customize(String, MessageSender.Builder)}, which passes the number's name: by default it
 * calls {@link #customize(MessageSender.Builder)}, so a customizer written as a lambda applies to
 * every number. Override it to tell the numbers apart, or wrap a customizer for one number with
 * {@link #forNumber}:
 *
 * <pre>{@code
 * @Bean
 * MessageSenderCustomizer salesOutcomes(SalesAudit audit) {
 *   return MessageSenderCustomizer.forNumber("sales", builder -> builder.listener(audit));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MessageSenderCustomizer {
  /**
   * Changes the builder.
   *
   * @param builder the builder, with the properties applied
   */
  void customize(MessageSender.Builder builder);

  /**
   * Changes the builder of the sender of number {@code number}, one of the names under {@code
   * wasdk.numbers}. By default calls {@link #customize(MessageSender.Builder)}, for every number
   * alike. The single-number sender (no {@code wasdk.numbers}) is built with {@link
   * #customize(MessageSender.Builder)} only.
   *
   * @param number the number's name, such as {@code sales}
   * @param builder the builder, with the number's settings applied
   */
  default void customize(String number, MessageSender.Builder builder) {
    customize(builder);
  }

  /**
   * Returns a customizer that applies {@code customizer} to the sender of number {@code number}
   * only, and to no other sender (the single-number sender included).
   *
   * @param number the name under {@code wasdk.numbers}, such as {@code sales}
   * @param customizer what to apply to that number's builder
   * @return the customizer
   */
  static MessageSenderCustomizer forNumber(String number, MessageSenderCustomizer customizer) {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(customizer, "customizer");
    return new MessageSenderCustomizer() {
      @Override
      public void customize(MessageSender.Builder builder) {}

      @Override
      public void customize(String name, MessageSender.Builder builder) {
        if (name.equals(number)) {
          customizer.customize(name, builder);
        }
      }

      @Override
      public String toString() {
        return "MessageSenderCustomizer.forNumber(" + number + ")";
      }
    };
  }
}
