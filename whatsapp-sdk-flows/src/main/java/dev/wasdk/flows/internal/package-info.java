/** Implementation of the Flows module; not part of the API. */
package dev.wasdk.flows.internal;
