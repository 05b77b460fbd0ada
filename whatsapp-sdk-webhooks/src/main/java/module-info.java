/**
 * Receiving WhatsApp webhooks: signature verification, the verification handshake, typed events,
 * de-duplication and dispatch.
 */
module dev.wasdk.webhooks {
  requires transitive dev.wasdk.core;
  requires tools.jackson.core;
  requires tools.jackson.databind;
  requires org.slf4j;
  requires static jakarta.servlet;
  requires jdk.httpserver;

  exports dev.wasdk.webhooks;
  exports dev.wasdk.webhooks.event;
  exports dev.wasdk.webhooks.jdk;
  exports dev.wasdk.webhooks.servlet;
  // The bounded body reader, the servlet exchange and the bounded HTTP intake, shared with the
  // Flows data endpoint's adapters.
  exports dev.wasdk.webhooks.internal to
      dev.wasdk.flows;
  exports dev.wasdk.webhooks.internal.http to
      dev.wasdk.flows;
}
