/** Implementation details of the SDK; not API, not exported, and free to change in any release. */
package dev.wasdk.internal.json;
