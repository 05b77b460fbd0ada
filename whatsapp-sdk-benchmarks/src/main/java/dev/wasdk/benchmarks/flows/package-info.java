/** The cost of the Flows data endpoint's cryptography against the raw JCA operations. */
package dev.wasdk.benchmarks.flows;
