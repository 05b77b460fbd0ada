/** Receiving WhatsApp webhooks: verify, parse, de-duplicate and dispatch. */
package dev.wasdk.webhooks;
