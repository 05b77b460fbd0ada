/** Helpers shared by the webhook adapters. Not exported; not API. */
package dev.wasdk.webhooks.internal;
