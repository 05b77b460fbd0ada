/**
 * Serves a Flow data endpoint from a Jakarta Servlet 6 container with {@link
 * dev.wasdk.flows.servlet.FlowServlet}. Needs {@code jakarta.servlet-api} at run time, which the
 * container provides.
 */
package dev.wasdk.flows.servlet;
