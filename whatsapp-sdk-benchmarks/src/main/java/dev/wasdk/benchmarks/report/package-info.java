/**
 * The benchmark report: the {@code RESULT} lines harnesses print, and the aggregator that turns a
 * run's JMH JSON files and harness logs into Markdown tables of medians, spreads and ratios.
 */
package dev.wasdk.benchmarks.report;
