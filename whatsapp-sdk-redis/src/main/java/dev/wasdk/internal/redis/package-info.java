/** Implementation details of the Redis store; not API, not exported. */
package dev.wasdk.internal.redis;
