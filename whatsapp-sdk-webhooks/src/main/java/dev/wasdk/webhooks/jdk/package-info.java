/**
 * Serves WhatsApp webhooks with the JDK's built-in {@code com.sun.net.httpserver}: {@link
 * dev.wasdk.webhooks.jdk.JdkWebhookServer} starts a server, {@link
 * dev.wasdk.webhooks.jdk.JdkWebhookHandler} plugs into one you run.
 */
package dev.wasdk.webhooks.jdk;
