// tag::app[]
package com.example.bot;

import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.webhooks.event.TextReceived;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;

/** A WhatsApp bot on Spring Boot: it answers every text, quoting it. */
@SpringBootApplication
public class BotApplication {
  private final MessageSender sender;

  public BotApplication(MessageSender sender) {
    this.sender = sender;
  }

  public static void main(String[] args) {
    SpringApplication.run(BotApplication.class, args);
  }

  @EventListener
  public void onText(TextReceived text) {
    sender.submit(Message.replyTo(text).text("You said: " + text.body()));
  }
}
// end::app[]
