/**
 * Serves Flow data endpoints on the JDK's {@code com.sun.net.httpserver}: {@link
 * dev.wasdk.flows.jdk.JdkFlowServer}, or {@link dev.wasdk.flows.jdk.JdkFlowHandler} in your own
 * server.
 */
package dev.wasdk.flows.jdk;
