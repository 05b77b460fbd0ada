/** JUnit 5 support: {@link dev.wasdk.testkit.junit.WhatsAppSimulatorExtension}. */
package dev.wasdk.testkit.junit;
