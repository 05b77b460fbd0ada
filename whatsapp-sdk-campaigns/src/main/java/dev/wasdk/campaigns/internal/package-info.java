/** The campaign engine's parts: not an API, not exported. */
package dev.wasdk.campaigns.internal;
