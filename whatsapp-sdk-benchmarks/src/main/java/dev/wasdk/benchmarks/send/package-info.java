/**
 * The send-path benchmark: {@code wa.messages().send(...)} against a raw {@code HttpClient.send} of
 * the same bytes, on a loopback server.
 */
package dev.wasdk.benchmarks.send;
