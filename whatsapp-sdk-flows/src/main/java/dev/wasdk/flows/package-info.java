/**
 * The data endpoint of WhatsApp Flows: the encrypted requests Meta sends while a user fills in a
 * Flow, and the encrypted answers that drive its screens.
 *
 * <p>{@link dev.wasdk.flows.FlowCipher} decrypts a request body into a {@link
 * dev.wasdk.flows.DecryptedFlowRequest}, which encrypts the answer; it is usable without any server
 * adapter.
 *
 * <p>Why a module of its own: the data endpoint is a server concern like webhooks, and it reuses
 * the webhook module's {@code SignatureVerifier} for {@code X-Hub-Signature-256} and its body
 * limits, so it depends on {@code whatsapp-sdk-webhooks}. It also needs BouncyCastle's PEM reader
 * for the key forms the JDK cannot read (PKCS#1, OpenSSL's legacy encryption, PBES2 with DES-EDE3),
 * a dependency that applications which only send messages or receive webhooks should not carry.
 * Managing Flows (create, publish, metrics) is a Graph API call and lives in the core client as
 * {@code wa.flows()}.
 */
package dev.wasdk.flows;
