/** JMH and loopback load benchmarks. */
package dev.wasdk.benchmarks;
