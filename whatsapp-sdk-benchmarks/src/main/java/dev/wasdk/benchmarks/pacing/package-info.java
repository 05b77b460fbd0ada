/**
 * Load harnesses for the pacing sender: pacing accuracy against a slow loopback server (in its own
 * JVM by default), campaign time against its floor, a naive send loop against a limit-enforcing
 * server, queue memory, the caller's {@code submit()} latency with healthy and stalling stores
 * ({@link dev.wasdk.benchmarks.pacing.SubmitLatency}), and the heap per message queued with 1-day
 * deadlines, before and after the messages end ({@link dev.wasdk.benchmarks.pacing.QueuedMemory}).
 */
package dev.wasdk.benchmarks.pacing;
