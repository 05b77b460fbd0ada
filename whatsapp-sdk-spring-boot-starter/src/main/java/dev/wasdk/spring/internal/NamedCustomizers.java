package dev.wasdk.spring.internal;

import dev.wasdk.spring.MessageSenderCustomizer;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's {@link MessageSenderCustomizer} beans as they apply to one number's sender:
 * each one's {@link MessageSenderCustomizer#customize(String,
 * dev.wasdk.sender.MessageSender.Builder)} with the number's name. Passed where the single-number
 * sender takes the customizers, so both are built by one piece of code. Only the streams are used;
 * the rest is what {@link ObjectProvider} requires.
 */
final class NamedCustomizers implements ObjectProvider<MessageSenderCustomizer> {
  private final String number;
  private final ObjectProvider<MessageSenderCustomizer> customizers;

  NamedCustomizers(String number, ObjectProvider<MessageSenderCustomizer> customizers) {
    this.number = number;
    this.customizers = customizers;
  }

  private MessageSenderCustomizer named(MessageSenderCustomizer c) {
    return builder -> c.customize(number, builder);
  }

  @Override
  public Stream<MessageSenderCustomizer> orderedStream() {
    return customizers.orderedStream().map(this::named);
  }

  @Override
  public Stream<MessageSenderCustomizer> stream() {
    return customizers.stream().map(this::named);
  }

  @Override
  public MessageSenderCustomizer getObject() {
    return named(customizers.getObject());
  }

  @Override
  public MessageSenderCustomizer getObject(Object... args) {
    return named(customizers.getObject(args));
  }

  @Override
  public MessageSenderCustomizer getIfAvailable() {
    MessageSenderCustomizer c = customizers.getIfAvailable();
    return c == null ? null : named(c);
  }

  @Override
  public MessageSenderCustomizer getIfUnique() {
    MessageSenderCustomizer c = customizers.getIfUnique();
    return c == null ? null : named(c);
  }
}
