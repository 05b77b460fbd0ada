/** The conversation toolkit's costs: routing per event and heap per stored conversation. */
package dev.wasdk.benchmarks.conversation;
