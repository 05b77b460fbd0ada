package dev.wasdk.spring;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.conversations.ConversationRouter;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.spring.internal.HandlerRegistry;
import dev.wasdk.webhooks.event.MessageReceived;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * Routes the user messages that the starter publishes as application events to the bean methods
 * annotated with {@link WhatsAppHandler}, with a {@code ReplyContext} over the auto-configured
 * pacing sender. Active when {@code whatsapp-sdk-conversations} is on the class path; with no
 * annotated method it does nothing.
 *
 * <p>Handlers run on the thread that publishes the event, as {@code EventListener} methods do.
 */
@AutoConfiguration(after = WhatsAppAutoConfiguration.class)
@ConditionalOnClass(ConversationRouter.class)
public final class WhatsAppHandlersAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does this. */
  public WhatsAppHandlersAutoConfiguration() {}

  /**
   * Collects the annotated methods of every bean as it is created.
   *
   * @param sender the pacing sender, read once the beans are ready
   * @param client the client, for read marks
   * @return the registry
   */
  @Bean
  static HandlerRegistry whatsAppHandlerRegistry(
      ObjectProvider<MessageSender> sender, ObjectProvider<WhatsAppClient> client) {
    return new HandlerRegistry(sender, client);
  }

  /**
   * Hands each published user message to the annotated handlers.
   *
   * @param registry the registry
   * @return the dispatcher
   */
  @Bean
  HandlerDispatcher whatsAppHandlerDispatcher(HandlerRegistry registry) {
    return new HandlerDispatcher(registry);
  }

  /** Listens for user messages and routes them. */
  static final class HandlerDispatcher {
    private final HandlerRegistry registry;

    HandlerDispatcher(HandlerRegistry registry) {
      this.registry = registry;
    }

    /**
     * Routes one message.
     *
     * @param message the message
     */
    @EventListener
    public void onMessage(MessageReceived message) {
      registry.dispatch(message);
    }
  }
}
