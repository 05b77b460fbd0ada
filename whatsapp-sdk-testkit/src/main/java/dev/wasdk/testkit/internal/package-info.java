/** Implementation details of the simulator; not API, not exported. */
package dev.wasdk.testkit.internal;
