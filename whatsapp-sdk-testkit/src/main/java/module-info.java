/**
 * A local WhatsApp Cloud API for tests: {@link dev.wasdk.testkit.WhatsAppSimulator} checks every
 * request as Meta does, enforces the platform's limits with the real error codes, and posts signed
 * webhooks.
 */
module dev.wasdk.testkit {
  requires transitive dev.wasdk.core;
  requires dev.wasdk.webhooks;
  requires tools.jackson.core;
  requires tools.jackson.databind;
  requires wiremock.standalone;
  requires transitive org.junit.jupiter.api;
  requires org.slf4j;

  exports dev.wasdk.testkit;
  exports dev.wasdk.testkit.junit;
}
