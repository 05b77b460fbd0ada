/**
 * The WhatsApp Flows data endpoint: decrypting Meta's requests, encrypting the answers, typed
 * requests and responses, a router, and a server endpoint with JDK and Servlet adapters.
 */
module dev.wasdk.flows {
  requires transitive dev.wasdk.webhooks;
  requires tools.jackson.core;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.provider;
  requires org.slf4j;
  requires static jakarta.servlet;
  requires jdk.httpserver;

  exports dev.wasdk.flows;
  exports dev.wasdk.flows.jdk;
  exports dev.wasdk.flows.json;
  exports dev.wasdk.flows.servlet;
}
