/**
 * Load harnesses for the pacing sender: pacing accuracy against a slow loopback server (in its own
 * JVM by default), campaign time against its floor, a naive send loop against a limit-enforcing
 * server, and queue memory.
 */
package dev.wasdk.benchmarks.pacing;
