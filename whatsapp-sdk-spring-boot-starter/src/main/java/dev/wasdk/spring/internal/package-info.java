/**
 * Implementation of the Spring Boot starter: property checks, the webhook controller, the event
 * bridge and the failure analyzer. Not an API; it may change in any release.
 */
package dev.wasdk.spring.internal;
