/** The typed webhook events. */
package dev.wasdk.webhooks.event;
