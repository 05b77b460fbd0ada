/**
 * Serves WhatsApp webhooks from a Jakarta Servlet 6 container with {@link
 * dev.wasdk.webhooks.servlet.WebhookServlet}. Needs {@code jakarta.servlet-api} at run time, which
 * the container provides.
 */
package dev.wasdk.webhooks.servlet;
