/** Long fuzz runs of the webhook parser and endpoint, far beyond what the unit build runs. */
package dev.wasdk.benchmarks.fuzz;
