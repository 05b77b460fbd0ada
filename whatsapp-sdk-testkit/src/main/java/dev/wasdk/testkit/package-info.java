/**
 * A local WhatsApp Cloud API for tests. {@link dev.wasdk.testkit.WhatsAppSimulator} answers the
 * endpoints the SDK calls, checks requests as Meta does, enforces the platform's limits with Meta's
 * error codes, and posts signed webhooks; {@link dev.wasdk.testkit.TestClock} moves its time and
 * {@link dev.wasdk.testkit.Fault} injects failures.
 */
package dev.wasdk.testkit;
