/** Internal support of the observation seam: failure isolation, path templates. Not an API. */
package dev.wasdk.internal.observe;
