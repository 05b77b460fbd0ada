/** A loopback load test of the Cloud API simulator with every rule enforced. */
package dev.wasdk.benchmarks.simulator;
