/**
 * The send-path benchmarks: {@code wa.messages().send(...)} against a raw {@code HttpClient.send}
 * of the same bytes and against Apache Camel's WhatsApp producer, on one loopback server.
 */
package dev.wasdk.benchmarks.send;
