/**
 * The wasdk core: a typed client for the WhatsApp Business Cloud API, the outbound message model
 * with its validation, the error model, and the pacing sender.
 */
module dev.wasdk.core {
  requires transitive java.net.http;
  requires tools.jackson.core;
  requires tools.jackson.databind;
  requires io.github.resilience4j.retry;
  requires io.github.resilience4j.core;
  requires org.slf4j;

  exports dev.wasdk.client;
  exports dev.wasdk.client.http;
  exports dev.wasdk.message;
  exports dev.wasdk.error;
  exports dev.wasdk.sender;
  exports dev.wasdk.template;
  exports dev.wasdk.observe;
  // Shared text rules (open enum parsing, plain-value toString()); not an API.
  exports dev.wasdk.internal.text to
      dev.wasdk.webhooks,
      dev.wasdk.testkit,
      dev.wasdk.campaigns;
}
