package dev.wasdk.spring;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the client and sender of each business phone number configured under {@code
 * wasdk.numbers.*}, by name or by phone number id, so that a listener answers an event from the
 * number it arrived on.
 *
 * <pre>{@code
 * @EventListener
 * void on(TextReceived message) {
 *   numbers.forEvent(message).orElseThrow().sender()
 *       .submit(Message.replyTo(message).text("Thanks!"));
 * }
 * }</pre>
 *
 * <p><b>Thread-safety.</b> Immutable and thread-safe; one bean for the application context.
 */
public final class WhatsAppNumbers {
  private final Map<String, Entry> byName;
  private final Map<String, Entry> byPhoneNumberId;
  private final List<String> names;

  /**
   * Creates the registry of {@code entries}.
   *
   * @param entries the numbers, each with a distinct name and phone number id
   */
  public WhatsAppNumbers(List<Entry> entries) {
    Map<String, Entry> names = new LinkedHashMap<>();
    Map<String, Entry> ids = new LinkedHashMap<>();
    for (Entry e : entries) {
      if (names.put(e.name(), e) != null) {
        throw new IllegalArgumentException("two numbers are named '" + e.name() + "'");
      }
      if (ids.put(e.client().phoneNumberId(), e) != null) {
        throw new IllegalArgumentException(
            "numbers '"
                + ids.get(e.client().phoneNumberId()).name()
                + "' and '"
                + e.name()
                + "' have the same phone-number-id");
      }
    }
    this.byName = Map.copyOf(names);
    this.byPhoneNumberId = Map.copyOf(ids);
    this.names = List.copyOf(names.keySet());
  }

  /**
   * Returns the names of the numbers, in the order they were declared.
   *
   * @return the names
   */
  public List<String> names() {
    return names;
  }

  /**
   * Returns the number named {@code name}.
   *
   * @param name the name under {@code wasdk.numbers}
   * @return the number
   * @throws IllegalArgumentException when no number has that name
   */
  public Entry get(String name) {
    Entry e = byName.get(Objects.requireNonNull(name, "name"));
    if (e == null) {
      throw new IllegalArgumentException(
          "no number is named '" + name + "' under wasdk.numbers; the names are " + names);
    }
    return e;
  }

  /**
   * Returns the number whose phone number id is {@code phoneNumberId}.
   *
   * @param phoneNumberId the business phone number id
   * @return the number, or empty when none has that id
   */
  public Optional<Entry> byPhoneNumberId(String phoneNumberId) {
    return Optional.ofNullable(byPhoneNumberId.get(Objects.requireNonNull(phoneNumberId, "id")));
  }

  /**
   * Returns the number a webhook event arrived on, by its {@code metadata.phone_number_id}.
   *
   * @param event the event
   * @return the number, or empty when the event names no phone number or one not configured
   */
  public Optional<Entry> forEvent(WebhookEvent event) {
    return event.context().phoneNumberId().map(byPhoneNumberId::get);
  }

  /**
   * Returns every number, in the order they were declared.
   *
   * @return the numbers
   */
  public List<Entry> all() {
    List<Entry> all = new ArrayList<>(names.size());
    names.forEach(n -> all.add(byName.get(n)));
    return all;
  }

  @Override
  public String toString() {
    return "WhatsAppNumbers" + names;
  }

  /**
   * One configured business phone number.
   *
   * @param name its name under {@code wasdk.numbers}
   * @param client its client
   * @param sender its sender, or null when {@code wasdk.sender.enabled=false}
   */
  public record Entry(String name, WhatsAppClient client, MessageSender sender) {
    /** Checks the arguments. */
    public Entry {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(client, "client");
    }

    /**
     * Returns the sender.
     *
     * @return the sender
     * @throws IllegalStateException when senders are disabled
     */
    @Override
    public MessageSender sender() {
      if (sender == null) {
        throw new IllegalStateException(
            "number '" + name + "' has no sender: wasdk.sender.enabled is false");
      }
      return sender;
    }

    /**
     * Returns whether this number has a sender.
     *
     * @return false when {@code wasdk.sender.enabled=false}
     */
    public boolean hasSender() {
      return sender != null;
    }

    /**
     * Returns the phone number id.
     *
     * @return the id
     */
    public String phoneNumberId() {
      return client.phoneNumberId();
    }
  }
}
