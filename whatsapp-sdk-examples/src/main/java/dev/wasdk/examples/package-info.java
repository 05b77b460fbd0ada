/** Runnable examples of wasdk. */
package dev.wasdk.examples;
