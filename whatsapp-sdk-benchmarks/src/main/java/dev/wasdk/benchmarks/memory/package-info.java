/** Heap per entry of the SDK's in-memory structures, measured after full collections. */
package dev.wasdk.benchmarks.memory;
