/** Implementation of the conversation toolkit; not an API. */
package dev.wasdk.conversations.internal;
