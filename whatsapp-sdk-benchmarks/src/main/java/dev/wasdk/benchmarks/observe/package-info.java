/** What Micrometer meters and OpenTelemetry spans cost on sends and webhook deliveries. */
package dev.wasdk.benchmarks.observe;
