/**
 * Reads webhook bodies into events: a streaming pass over the envelope, then hand-written mapping
 * from small per-element trees into the event records. Internal: not exported, may change at any
 * time.
 */
package dev.wasdk.webhooks.internal.parse;
