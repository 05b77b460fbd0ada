/**
 * The template management model: definitions to create and edit message templates, templates as the
 * API returns them, their statuses, components and creation-side buttons.
 *
 * <p>This package is the <em>creation</em> side, which describes a template once (its text, its
 * variables with examples, its buttons), and is kept apart from the <em>send</em> side in {@link
 * dev.wasdk.message} ({@link dev.wasdk.message.TemplateMessage}), which fills an approved template
 * with values each time it is sent. The two look alike on the wire but differ in every detail (a
 * creation button has a label and a URL, a send button has an index and a suffix), so one type for
 * both would be wrong on both sides. The model is large enough to deserve its own package; {@link
 * dev.wasdk.client.TemplatesApi} reads and writes it.
 *
 * <pre>{@code
 * TemplateDefinition order = TemplateDefinition.builder("order_update", "en_US", TemplateCategory.UTILITY)
 *     .component(Component.body("Hi {{1}}, order {{2}} has shipped.", "Mark", "566701"))
 *     .component(Component.buttons(Button.quickReply("Stop updates")))
 *     .build();
 * TemplateCreated created = wa.templates().create(order);
 *
 * Template t = wa.templates().get(created.id());
 * TemplateMessage m = t.sendBuilder(Message.to("+16505551234")).bodyText("Pablo", "8812").build();
 * }</pre>
 *
 * <p>Every type here is immutable and thread-safe. Reading is tolerant: unknown statuses, formats
 * and button types become {@code UNKNOWN} values or {@code Unknown} records that keep their JSON.
 */
package dev.wasdk.template;
